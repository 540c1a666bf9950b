/**
 * The Pub/Sub topic Secret Manager announces due rotations on. Only the Secret Manager service
 * agent may publish, and only to this topic (never a project-wide publisher role).
 */
import { Construct } from 'constructs';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { TOPIC_PUBLISH_ROLE } from '../../policies/catalog/roles';

export interface RotationTopicProps {
  /** Project id the topic lives in (the secrets project). */
  readonly project: string;
  /** The Secret Manager service agent, `serviceAccount:service-<n>@gcp-sa-secretmanager.iam.gserviceaccount.com`. */
  readonly publisher: string;
  /**
   * Topic name.
   * @default 'secret-rotation'
   */
  readonly name?: string;
}

export class RotationTopic extends Construct {
  readonly topic: PubsubTopic;
  /** The publisher grant; secrets naming the topic must wait for it or creation fails. */
  readonly publisherGrant: PubsubTopicIamMember;

  constructor(scope: Construct, id: string, props: RotationTopicProps) {
    super(scope, id);
    this.topic = new PubsubTopic(this, 'Resource', { project: props.project, name: props.name ?? 'secret-rotation' });
    this.publisherGrant = new PubsubTopicIamMember(this, 'PublisherGrant', {
      project: props.project,
      topic: this.topic.name,
      role: TOPIC_PUBLISH_ROLE,
      member: props.publisher,
    });
  }
}
