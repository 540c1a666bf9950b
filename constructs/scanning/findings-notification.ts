/**
 * Security Command Center findings reach a person: an organization-level notification config streams every
 * active, unmuted finding of the chosen severities to a Pub/Sub topic; a pull subscription keeps each finding
 * (7 days) for the responder and a SIEM; and an alert policy on the topic's publish count sends the alerting
 * channels (email, on-call webhook) a notification within minutes of the first finding.
 *
 * Why an alert policy on the topic rather than a push subscription to the webhook: a push subscription posts
 * Pub/Sub's own envelope (base64 message, OIDC token) that the on-call webhook, built for Monitoring's
 * notifications, does not read, and it would need a second credential; the alert policy reuses the channels
 * every other alert already reaches and tested, and Monitoring counts publishes per topic in
 * `pubsub.googleapis.com/topic/send_message_operation_count` (resource `pubsub_topic`, label `topic_id`;
 * cloud.google.com/monitoring/api/metrics_gcp_p_z#gcp-pubsub). The finding itself waits in the subscription.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { PubsubSubscription } from '@cdktf/provider-google/lib/pubsub-subscription';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { SccV2OrganizationNotificationConfig } from '@cdktf/provider-google/lib/scc-v2-organization-notification-config';
import { TOPIC_PUBLISH_ROLE } from '../../policies/catalog/roles';
import { activeFindingsFilter, sccNotificationAgent } from '../../policies/gcp/scc-findings';

export interface FindingsNotificationProps {
  /** Numeric organization id whose findings are routed. */
  readonly organizationId: string;
  /** Project id that holds the topic, the subscription and the alert policy (where the channels are). */
  readonly project: string;
  /** Severities of active findings routed; CRITICAL and HIGH at least (scanning-findings-notified). */
  readonly severities: readonly string[];
  /** Notification channel names (`projects/p/notificationChannels/n`) the alert goes to; at least one. */
  readonly notificationChannels: readonly string[];
  /** Topic name. @default 'scc-findings' */
  readonly topicName?: string;
  /** The pull subscription's name. @default 'scc-findings-triage' */
  readonly subscriptionName?: string;
  /** The notification config's id in the organization. @default 'baseline-active-findings' */
  readonly configId?: string;
  /** Window over which publishes are counted before the alert fires, in seconds (a multiple of 60). @default 300 */
  readonly alertWindowSeconds?: number;
}

export class FindingsNotification extends Construct {
  /** The organization-level notification config (construct id `Resource`). */
  readonly config: SccV2OrganizationNotificationConfig;
  readonly topic: PubsubTopic;
  readonly subscription: PubsubSubscription;
  /** The one grant the route needs: publisher on its topic, to the organization's SCC notification agent. */
  readonly publisher: PubsubTopicIamMember;
  readonly alert: MonitoringAlertPolicy;
  /** The filter the config streams with. */
  readonly filter: string;

  constructor(scope: Construct, id: string, props: FindingsNotificationProps) {
    super(scope, id);
    for (const required of ['CRITICAL', 'HIGH']) {
      if (!props.severities.includes(required)) throw new Error(`severities must include CRITICAL and HIGH, got ${props.severities.join(', ') || 'none'}`);
    }
    if (props.notificationChannels.length === 0) throw new Error('notificationChannels must name at least one channel, got none');
    const windowSeconds = props.alertWindowSeconds ?? 300;
    if (!Token.isUnresolved(windowSeconds) && (windowSeconds < 60 || windowSeconds % 60 !== 0)) {
      throw new Error(`alertWindowSeconds must be a multiple of 60 of at least 60, got ${windowSeconds}`);
    }
    const topicName = props.topicName ?? 'scc-findings';
    this.filter = activeFindingsFilter(props.severities);

    this.topic = new PubsubTopic(this, 'Topic', { project: props.project, name: topicName });
    // Notifications are published as the organization's Security Command Center notification agent,
    // service-org-<org id>@gcp-sa-scc-notification.iam.gserviceaccount.com (terraform-provider-google,
    // google_scc_notification_service_account, organization scope); the config's `service_account` is
    // "the service account that needs pubsub.topics.publish" (SCC API NotificationConfig.serviceAccount), which
    // roles/pubsub.publisher grants. SCC adds roles/securitycenter.notificationServiceAgent on the topic itself
    // (cloud.google.com/security-command-center/docs/troubleshooting, "Missing or delayed notifications"), so the
    // grant is additive (iam_member), never an authoritative binding that would strip it on every apply.
    this.publisher = new PubsubTopicIamMember(this, 'AgentPublisher', {
      project: props.project,
      topic: this.topic.name,
      role: TOPIC_PUBLISH_ROLE,
      member: `serviceAccount:${sccNotificationAgent(props.organizationId)}`,
    });
    // Pub/Sub keeps nothing for a topic without a subscription; a subscription left unread expires after 31 days
    // unless expiration_policy.ttl is "" (never), and findings may be rare.
    this.subscription = new PubsubSubscription(this, 'Subscription', {
      project: props.project,
      name: props.subscriptionName ?? 'scc-findings-triage',
      topic: this.topic.id,
      messageRetentionDuration: '604800s',
      ackDeadlineSeconds: 60,
      expirationPolicy: { ttl: '' },
    });
    this.config = new SccV2OrganizationNotificationConfig(this, 'Resource', {
      organization: props.organizationId,
      configId: props.configId ?? 'baseline-active-findings',
      location: 'global',
      description: `Active ${props.severities.join(', ')} findings to ${topicName}, for triage (docs/triage.md)`,
      pubsubTopic: this.topic.id,
      streamingConfig: { filter: this.filter },
      // Creation checks that the agent may publish.
      dependsOn: [this.publisher],
    });
    const severity = props.severities.join(' or ');
    this.alert = new MonitoringAlertPolicy(this, 'Alert', {
      project: props.project,
      displayName: `Security Command Center: new ${severity} finding`,
      enabled: true,
      combiner: 'OR',
      severity: 'CRITICAL',
      notificationChannels: [...props.notificationChannels],
      conditions: [
        {
          displayName: `Findings published to ${topicName}`,
          conditionThreshold: {
            filter: `resource.type="pubsub_topic" AND resource.labels.topic_id="${topicName}" AND metric.type="pubsub.googleapis.com/topic/send_message_operation_count"`,
            comparison: 'COMPARISON_GT',
            thresholdValue: 0,
            duration: '0s',
            evaluationMissingData: 'EVALUATION_MISSING_DATA_INACTIVE',
            aggregations: [{ alignmentPeriod: `${windowSeconds}s`, perSeriesAligner: 'ALIGN_DELTA', crossSeriesReducer: 'REDUCE_SUM' }],
          },
        },
      ],
      alertStrategy: { autoClose: '1800s' },
      documentation: {
        subject: `[CRITICAL] Security Command Center: new ${severity} finding`,
        content: [
          `Security Command Center published an active ${severity} finding to \`${topicName}\`.`,
          `Read it: \`gcloud pubsub subscriptions pull ${props.subscriptionName ?? 'scc-findings-triage'} --project=${props.project} --limit=10\`, or the Findings page of Security Command Center.`,
          'Respond by severity as docs/triage.md says (critical: 24 hours, high: 7 days); mute only from config, with a reason and an expiry.',
        ].join('\n\n'),
        mimeType: 'text/markdown',
      },
    });
  }
}
