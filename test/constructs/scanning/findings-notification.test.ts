import { FindingsNotification } from '../../../constructs/scanning/findings-notification';
import { addressOf, iamResources, only, ref, synthScope } from '../logging/synth-lookup';

const CHANNELS = ['projects/example-logging-prd/notificationChannels/1', 'projects/example-logging-prd/notificationChannels/2'];
const PROPS = { organizationId: '123456789012', project: 'example-logging-prd', severities: ['CRITICAL', 'HIGH'], notificationChannels: CHANNELS };

describe('FindingsNotification', () => {
  it('streams active, unmuted CRITICAL and HIGH findings of the organization to its own topic', () => {
    // GIVEN an organization WHEN synthesized
    const { doc } = synthScope((scope) => new FindingsNotification(scope, 'Findings', PROPS));
    const topic = addressOf(doc, 'google_pubsub_topic');
    // THEN the topic is in the given project
    expect(only(doc, 'google_pubsub_topic')).toMatchObject({ project: 'example-logging-prd', name: 'scc-findings' });
    // AND the organization-level config publishes to it with the severity filter
    expect(only(doc, 'google_scc_v2_organization_notification_config')).toMatchObject({
      organization: '123456789012',
      config_id: 'baseline-active-findings',
      location: 'global',
      pubsub_topic: ref(topic, 'id'),
      streaming_config: { filter: 'state="ACTIVE" AND -mute="MUTED" AND (severity="CRITICAL" OR severity="HIGH")' },
    });
  });

  it('keeps every finding 7 days in a subscription that never expires', () => {
    const { doc } = synthScope((scope) => new FindingsNotification(scope, 'Findings', { ...PROPS, subscriptionName: 'findings-pull' }));
    expect(only(doc, 'google_pubsub_subscription')).toEqual(
      expect.objectContaining({
        project: 'example-logging-prd',
        name: 'findings-pull',
        topic: ref(addressOf(doc, 'google_pubsub_topic'), 'id'),
        message_retention_duration: '604800s',
        expiration_policy: { ttl: '' },
      }),
    );
    expect(only(doc, 'google_pubsub_subscription').push_config).toBeUndefined();
  });

  it('alerts every channel as soon as a finding is published to the topic', () => {
    const { doc } = synthScope((scope) => new FindingsNotification(scope, 'Findings', PROPS));
    const policy = only(doc, 'google_monitoring_alert_policy');
    expect(policy).toMatchObject({ project: 'example-logging-prd', enabled: true, severity: 'CRITICAL', notification_channels: CHANNELS });
    expect(policy.conditions).toEqual([
      expect.objectContaining({
        condition_threshold: expect.objectContaining({
          filter: 'resource.type="pubsub_topic" AND resource.labels.topic_id="scc-findings" AND metric.type="pubsub.googleapis.com/topic/send_message_operation_count"',
          comparison: 'COMPARISON_GT',
          threshold_value: 0,
          duration: '0s',
          aggregations: [{ alignment_period: '300s', per_series_aligner: 'ALIGN_DELTA', cross_series_reducer: 'REDUCE_SUM' }],
        }),
      }),
    ]);
  });

  it('grants exactly one role: publisher on its topic, to the organization\'s SCC notification agent, before the config exists', () => {
    // GIVEN the route WHEN synthesized
    const { doc } = synthScope((scope) => new FindingsNotification(scope, 'Findings', PROPS));
    // THEN the only grant is roles/pubsub.publisher on the findings topic to service-org-<org>@gcp-sa-scc-notification
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_pubsub_topic_iam_member',
        values: expect.objectContaining({
          project: 'example-logging-prd',
          topic: ref(addressOf(doc, 'google_pubsub_topic'), 'name'),
          role: 'roles/pubsub.publisher',
          member: 'serviceAccount:service-org-123456789012@gcp-sa-scc-notification.iam.gserviceaccount.com',
        }),
      },
    ]);
    // AND the config waits for it
    expect(only(doc, 'google_scc_v2_organization_notification_config').depends_on).toEqual([addressOf(doc, 'google_pubsub_topic_iam_member')]);
  });

  it('routes MEDIUM too when asked', () => {
    const { doc } = synthScope((scope) => new FindingsNotification(scope, 'Findings', { ...PROPS, severities: ['CRITICAL', 'HIGH', 'MEDIUM'] }));
    expect(only(doc, 'google_scc_v2_organization_notification_config')).toMatchObject({
      streaming_config: { filter: 'state="ACTIVE" AND -mute="MUTED" AND (severity="CRITICAL" OR severity="HIGH" OR severity="MEDIUM")' },
    });
  });

  it('fails without HIGH', () => {
    expect(() => synthScope((scope) => new FindingsNotification(scope, 'Findings', { ...PROPS, severities: ['CRITICAL'] }))).toThrow('severities must include CRITICAL and HIGH, got CRITICAL');
  });

  it('fails without a channel', () => {
    expect(() => synthScope((scope) => new FindingsNotification(scope, 'Findings', { ...PROPS, notificationChannels: [] }))).toThrow('notificationChannels must name at least one channel, got none');
  });

  it('fails on a window that is not whole minutes', () => {
    expect(() => synthScope((scope) => new FindingsNotification(scope, 'Findings', { ...PROPS, alertWindowSeconds: 90 }))).toThrow('alertWindowSeconds must be a multiple of 60 of at least 60, got 90');
  });
});
