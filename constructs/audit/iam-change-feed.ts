/**
 * A Cloud Asset Inventory organization feed of IAM policy changes to a Pub/Sub topic, for the SIEM: every
 * change to an IAM policy in the organization arrives as a message within minutes, with the policy
 * before and after, whoever made it and however (console, script, another team's Terraform).
 */
import { Construct } from 'constructs';
import { CloudAssetOrganizationFeed } from '@cdktf/provider-google/lib/cloud-asset-organization-feed';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { TOPIC_PUBLISH_ROLE } from '../../policies/catalog/roles';
import { ServiceIdentity } from '../secrets/service-identity';

/**
 * The asset types whose IAM policies the feed watches: the hierarchy and the resources the baseline grants on.
 * A feed lists its asset types (Feed.assetTypes, cloud.google.com/asset-inventory/docs/reference/rest/v1/feeds).
 */
export const IAM_FEED_ASSET_TYPES: readonly string[] = [
  'cloudresourcemanager.googleapis.com/Organization',
  'cloudresourcemanager.googleapis.com/Folder',
  'cloudresourcemanager.googleapis.com/Project',
  'iam.googleapis.com/ServiceAccount',
  'storage.googleapis.com/Bucket',
  'bigquery.googleapis.com/Dataset',
  'secretmanager.googleapis.com/Secret',
  'cloudkms.googleapis.com/KeyRing',
  'cloudkms.googleapis.com/CryptoKey',
  'pubsub.googleapis.com/Topic',
  'pubsub.googleapis.com/Subscription',
];

export interface IamChangeFeedProps {
  /** Numeric organization id the feed watches. */
  readonly organizationId: string;
  /** Project that holds the topic and is billed for the feed (its Cloud Asset service agent publishes). */
  readonly project: string;
  /** Name of the topic the feed publishes to. */
  readonly topicName: string;
  /** The feed's id in the organization. @default 'baseline-iam-changes' */
  readonly feedId?: string;
  /** Asset types whose IAM policies are watched. @default IAM_FEED_ASSET_TYPES */
  readonly assetTypes?: readonly string[];
}

export class IamChangeFeed extends Construct {
  readonly feed: CloudAssetOrganizationFeed;
  readonly topic: PubsubTopic;
  /** The Cloud Asset service agent of `project`, which publishes the feed's messages. */
  readonly agent: ServiceIdentity;
  /** The one grant the feed needs: publisher on its own topic, to the agent. */
  readonly publisher: PubsubTopicIamMember;

  constructor(scope: Construct, id: string, props: IamChangeFeedProps) {
    super(scope, id);
    const assetTypes = props.assetTypes ?? IAM_FEED_ASSET_TYPES;
    if (assetTypes.length === 0) throw new Error('assetTypes must name at least one asset type, got none');
    this.topic = new PubsubTopic(this, 'Topic', { project: props.project, name: props.topicName });
    // Feeds publish as the Cloud Asset service agent of the billing project,
    // service-<project number>@gcp-sa-cloudasset.iam.gserviceaccount.com, which needs roles/pubsub.publisher on
    // the topic (terraform-provider-google, website/docs/r/cloud_asset_organization_feed.html.markdown, resource
    // "google_pubsub_topic_iam_member" "cloud_asset_writer"). The agent exists only once asked for.
    this.agent = new ServiceIdentity(this, 'AssetAgent', { project: props.project, service: 'cloudasset.googleapis.com' });
    this.publisher = new PubsubTopicIamMember(this, 'AgentPublisher', {
      project: props.project,
      topic: this.topic.name,
      role: TOPIC_PUBLISH_ROLE,
      member: this.agent.member,
    });
    this.feed = new CloudAssetOrganizationFeed(this, 'Resource', {
      billingProject: props.project,
      orgId: props.organizationId,
      feedId: props.feedId ?? 'baseline-iam-changes',
      contentType: 'IAM_POLICY',
      assetTypes: [...assetTypes],
      feedOutputConfig: { pubsubDestination: { topic: this.topic.id } },
      // The API checks at creation that the agent may publish.
      dependsOn: [this.publisher],
    });
  }
}
