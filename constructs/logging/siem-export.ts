/**
 * Audit logs to a SIEM over Pub/Sub: a CMEK-encrypted topic for an org sink to publish to and
 * one pull subscription the SIEM reads. Subscribers get `roles/pubsub.subscriber` on that
 * subscription only (never on the topic or project), through `grantSubscribe`.
 *
 * The Pub/Sub service agent (`service-<project number>@gcp-sa-pubsub...`) must be able to use
 * the key before the topic is created. A regional key pins where messages may be stored: the
 * topic's message storage policy allows only the key's region, since Pub/Sub cannot encrypt
 * with a regional key outside it.
 */
import { Construct } from 'constructs';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { PubsubSubscription } from '@cdktf/provider-google/lib/pubsub-subscription';
import { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { SUBSCRIPTION_PULL_ROLE } from '../../policies/catalog/roles';
import { assertGrantableMember, grantId } from '../iam/principals';
import type { RotatingKey } from '../kms/rotating-key';

/** A single region such as `europe-west1`, as opposed to `global` or a multi-region. */
const SINGLE_REGION = /^[a-z]+-[a-z]+\d+$/;

export interface SiemExportProps {
  /** Project id that holds topic and subscription (the logging project). */
  readonly project: string;
  /** Topic name. */
  readonly topicName: string;
  /** Customer-managed key the topic's messages are encrypted with. */
  readonly key: RotatingKey;
  /**
   * Name of the SIEM's pull subscription.
   * @default - `<topicName>-pull`
   */
  readonly subscriptionName?: string;
  /**
   * How long unacknowledged messages wait for the SIEM, e.g. during its outage.
   * @default '604800s' (7 days, the Pub/Sub maximum)
   */
  readonly messageRetention?: string;
  /**
   * Account id of a service account created here for the SIEM to pull as (granted the subscription).
   * @default - no account: subscribers are granted through `grantSubscribe`
   */
  readonly readerAccountId?: string;
}

export class SiemExport extends Construct {
  /** The topic (construct id `Resource`). */
  readonly topic: PubsubTopic;
  readonly subscription: PubsubSubscription;
  /** The Pub/Sub service agent's use of the CMEK key, made before the topic. */
  readonly keyGrant: KmsCryptoKeyIamMember;
  /** The SIEM's own service account, when `readerAccountId` is given. */
  readonly reader?: ServiceAccount;
  /** The reader's pull grant on the subscription. */
  readonly readerGrant?: PubsubSubscriptionIamMember;

  constructor(scope: Construct, id: string, props: SiemExportProps) {
    super(scope, id);
    const project = new DataGoogleProject(this, 'Project', { projectId: props.project });
    this.keyGrant = props.key.grantEncrypterDecrypter(
      `serviceAccount:service-${project.number}@gcp-sa-pubsub.iam.gserviceaccount.com`,
    );

    this.topic = new PubsubTopic(this, 'Resource', {
      project: props.project,
      name: props.topicName,
      kmsKeyName: props.key.keyId,
      messageStoragePolicy: SINGLE_REGION.test(props.key.location)
        ? { allowedPersistenceRegions: [props.key.location] }
        : undefined,
      dependsOn: [this.keyGrant],
    });

    this.subscription = new PubsubSubscription(this, 'Subscription', {
      project: props.project,
      name: props.subscriptionName ?? `${props.topicName}-pull`,
      topic: this.topic.id,
      messageRetentionDuration: props.messageRetention ?? '604800s',
      // The default expires an idle subscription after 31 days; an outage of the SIEM must not.
      expirationPolicy: { ttl: '' },
    });

    if (props.readerAccountId !== undefined) {
      this.reader = new ServiceAccount(this, 'Reader', {
        project: props.project,
        accountId: props.readerAccountId,
        displayName: 'SIEM reader of the audit log export (baseline)',
        description: `Pulls ${props.subscriptionName ?? `${props.topicName}-pull`}; nothing else.`,
      });
      // The member is known only after apply: a fixed id keeps the grant's address stable.
      this.readerGrant = this.subscriptionGrant('ReaderGrant', this.reader.member);
    }
  }

  /** Lets `member` pull from the SIEM subscription and nothing else; returns the binding. */
  grantSubscribe(member: string): PubsubSubscriptionIamMember {
    assertGrantableMember(member, `pull from ${this.node.path}`);
    return this.subscriptionGrant(grantId('Subscription', SUBSCRIPTION_PULL_ROLE, member), member);
  }

  private subscriptionGrant(id: string, member: string): PubsubSubscriptionIamMember {
    return new PubsubSubscriptionIamMember(this, id, {
      project: this.subscription.project,
      subscription: this.subscription.name,
      role: SUBSCRIPTION_PULL_ROLE,
      member,
    });
  }
}
