/**
 * The notification channels alerts go to. No credential ever enters config or synthesized JSON:
 * - a webhook uses basic auth: the URL carries no token, and the password comes from a sensitive
 *   Terraform variable set at apply time (`TF_VAR_<passwordVariable>`) into `sensitive_labels.password`,
 *   which the provider marks sensitive (hidden from plan output and logs; the API obfuscates it on read).
 *   It is still written to state, like every Terraform argument (monitoring_notification_channel.html.markdown:
 *   "stored in the raw state as plain text"): keep state in the CMEK-encrypted bucket, or
 * - an `existing` channel made outside Terraform is only referred to, so its credential is nowhere in state;
 * - a Pub/Sub channel's topic lets the Monitoring notification service agent of the channels' project
 *   publish (`roles/pubsub.publisher` on that topic only), without which notifications are dropped
 *   (cloud.google.com/monitoring/support/notification-options, "Pub/Sub").
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { TOPIC_PUBLISH_ROLE } from '../../policies/catalog/roles';

/** One channel: where alerts go. */
export type ChannelSpec =
  | { readonly key: string; readonly type: 'email'; readonly address: string }
  | { readonly key: string; readonly type: 'webhook'; readonly url: string; readonly username: string; readonly passwordVariable: string }
  | { readonly key: string; readonly type: 'existing'; readonly name: string }
  | { readonly key: string; readonly type: 'pubsub'; readonly topic: string };

export interface NotificationChannelsProps {
  /** Project that owns the channels; an alert policy can only notify channels of its own project. */
  readonly project: string;
  /** The channels; at least one. */
  readonly channels: readonly ChannelSpec[];
}

const TOPIC_NAME = /^projects\/([^/]+)\/topics\/([^/]+)$/;

export class NotificationChannels extends Construct {
  /** Channels made here by key (existing channels have none). */
  readonly byKey: ReadonlyMap<string, MonitoringNotificationChannel>;
  /** Every channel's resource name, in input order: what alert policies list. */
  readonly names: readonly string[];
  /** The sensitive variables holding webhook passwords, by variable name. */
  readonly passwordVariables: ReadonlyMap<string, TerraformVariable>;
  /** The notification agent's publish grants on Pub/Sub channel topics, by channel key. */
  readonly publisherGrants: ReadonlyMap<string, PubsubTopicIamMember>;

  constructor(scope: Construct, id: string, props: NotificationChannelsProps) {
    super(scope, id);
    if (props.channels.length === 0) {
      throw new Error('NotificationChannels: channels must name at least one channel, got none');
    }
    const byKey = new Map<string, MonitoringNotificationChannel>();
    const passwordVariables = new Map<string, TerraformVariable>();
    const publisherGrants = new Map<string, PubsubTopicIamMember>();
    const names: string[] = [];
    const keys = new Set<string>();
    let project: DataGoogleProject | undefined;
    for (const channel of props.channels) {
      if (keys.has(channel.key)) throw new Error(`NotificationChannels: channel keys must be unique, got duplicate "${channel.key}"`);
      keys.add(channel.key);
      if (channel.type === 'existing') {
        names.push(channel.name);
        continue;
      }
      let grant: PubsubTopicIamMember | undefined;
      if (channel.type === 'pubsub') {
        const topic = TOPIC_NAME.exec(channel.topic);
        if (!topic) throw new Error(`NotificationChannels: channel "${channel.key}" topic must be projects/<project>/topics/<topic>, got "${channel.topic}"`);
        project ??= new DataGoogleProject(this, 'Project', { projectId: props.project });
        grant = new PubsubTopicIamMember(this, `Publisher-${channel.key}`, {
          project: topic[1],
          topic: topic[2],
          role: TOPIC_PUBLISH_ROLE,
          member: `serviceAccount:service-${project.number}@gcp-sa-monitoring-notification.iam.gserviceaccount.com`,
        });
        publisherGrants.set(channel.key, grant);
      }
      const resource = new MonitoringNotificationChannel(this, `Channel-${channel.key}`, {
        project: props.project,
        displayName: `baseline ${channel.key}`,
        description: `Security alerts of the gcp-security-baseline (${channel.type}).`,
        enabled: true,
        ...this.typeAndLabels(channel, passwordVariables),
        dependsOn: grant ? [grant] : undefined,
      });
      byKey.set(channel.key, resource);
      names.push(resource.name);
    }
    this.byKey = byKey;
    this.passwordVariables = passwordVariables;
    this.publisherGrants = publisherGrants;
    this.names = names;
  }

  private typeAndLabels(
    channel: Exclude<ChannelSpec, { type: 'existing' }>,
    passwordVariables: Map<string, TerraformVariable>,
  ): { type: string; labels: Record<string, string>; sensitiveLabels?: { password: string } } {
    switch (channel.type) {
      case 'email':
        return { type: 'email', labels: { email_address: channel.address } };
      case 'pubsub':
        return { type: 'pubsub', labels: { topic: channel.topic } };
      case 'webhook': {
        if (/^[^:]+:\/\/[^/]*@|[?#]/.test(channel.url)) {
          throw new Error(`NotificationChannels: webhook "${channel.key}" url must carry no credential (no user info, query or fragment), got one`);
        }
        // sensitive_labels holds only auth_token (slack), password (webhook_basicauth) and service_key (pagerduty);
        // webhook_tokenauth keeps its token in labels.url, so only basic auth keeps the credential a sensitive label.
        let variable = passwordVariables.get(channel.passwordVariable);
        if (!variable) {
          variable = new TerraformVariable(this, channel.passwordVariable, {
            type: 'string',
            sensitive: true,
            nullable: false,
            description: `Basic-auth password of the "${channel.key}" alert webhook. Set TF_VAR_${channel.passwordVariable} at apply time; never commit it.`,
          });
          // Users set TF_VAR_<passwordVariable>, so the Terraform name must be exactly the configured one.
          variable.overrideLogicalId(channel.passwordVariable);
          passwordVariables.set(channel.passwordVariable, variable);
        }
        return {
          type: 'webhook_basicauth',
          labels: { url: channel.url, username: channel.username },
          sensitiveLabels: { password: variable.stringValue },
        };
      }
    }
  }
}
