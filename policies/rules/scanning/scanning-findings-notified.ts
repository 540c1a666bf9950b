/**
 * Continuous scanning reaches a person: an organization-level Security Command Center notification config
 * whose filter keeps every active HIGH and CRITICAL finding, publishing to a topic of the input that someone
 * subscribes to. A finding nobody hears about is a scan nobody ran.
 */
import { modelRule } from '../../engine/rule';
import { get, type Model, type Resource } from '../../engine/model';
import { surviving, writtenText, type Tri } from '../../engine/values';
import { ALWAYS_NOTIFIED_SEVERITIES } from '../../catalog/defaults';
import { filterKeepsSeverities, MUTE_CONFIG_TYPES, ORG_NOTIFICATION_CONFIG_TYPES } from '../../gcp/scc-findings';
import { hasSubscriber, topicOf } from '../../gcp/pubsub-topics';

type MessageId = 'missing' | 'filter-drops' | 'filter-unknown' | 'topic-missing' | 'topic-unknown' | 'no-subscriber' | 'subscriber-unknown';

/** Every SCC resource type that shows the input manages Security Command Center at all. */
const SCC_TYPES = [...ORG_NOTIFICATION_CONFIG_TYPES, ...MUTE_CONFIG_TYPES, 'google_scc_v2_folder_notification_config', 'google_scc_v2_project_notification_config', 'google_scc_folder_notification_config', 'google_scc_project_notification_config'];

type Verdict = { readonly outcome: Tri; readonly messageId: MessageId; readonly data: Record<string, string>; readonly path: string };

export default modelRule<MessageId>({
  meta: {
    id: 'scanning-findings-notified',
    description: 'Route active HIGH and CRITICAL Security Command Center findings of the whole organization to a Pub/Sub topic that someone subscribes to.',
    severity: 'high',
    category: 'scanning',
    controls: [],
    messages: {
      missing: 'No organization-level Security Command Center notification config routes findings anywhere.',
      'filter-drops': 'Notification config filter drops active {{detail}} findings.',
      'filter-unknown': 'Whether the notification config filter keeps every active HIGH and CRITICAL finding cannot be read before apply ({{detail}}).',
      'topic-missing': 'Notification config publishes to {{detail}}, which this input does not create (or deletes).',
      'topic-unknown': 'Which topic the notification config publishes to is known only after apply.',
      'no-subscriber': 'Nothing subscribes to {{detail}}: Pub/Sub drops findings published to a topic without a subscription.',
      'subscriber-unknown': 'Whether a subscription reads {{detail}} is known only after apply.',
    },
    help:
      'Security Command Center finds misconfigurations and threats continuously, but only its console shows them unless a notification config sends them on. Create a `google_scc_v2_organization_notification_config` with a `streaming_config.filter` such as `state="ACTIVE" AND -mute="MUTED" AND (severity="CRITICAL" OR severity="HIGH")`, publishing to a `google_pubsub_topic` that grants `roles/pubsub.publisher` to `service-org-<org id>@gcp-sa-scc-notification.iam.gserviceaccount.com`, with a `google_pubsub_subscription` and an alert that reaches a person (docs/triage.md).',
  },
  check(context) {
    const { model } = context;
    const configs = ORG_NOTIFICATION_CONFIG_TYPES.flatMap((t) => surviving(model.byType(t))).filter((r) => r.mode === 'managed');
    if (configs.length === 0) {
      const managesScc = SCC_TYPES.some((t) => model.byType(t).length > 0);
      if (!managesScc && context.params.organizationId === undefined) {
        context.notApplicable('no Security Command Center resource in the input and no organization in config');
        return;
      }
      context.reportMissing('missing');
      return;
    }
    const verdicts = new Map<Resource, Verdict>();
    for (const config of configs) {
      const verdict = judge(context.model, config);
      if (verdict.outcome === 'yes') return;
      verdicts.set(config, verdict);
    }
    // One undecided config might be the one that routes: report the open questions, not the others' failures.
    const undecided = [...verdicts].filter(([, v]) => v.outcome === 'unknown');
    for (const [config, v] of undecided.length > 0 ? undecided : [...verdicts]) {
      if (v.outcome === 'unknown') context.unknown(config, v.messageId, v.data, { path: v.path });
      else context.report(config, v.messageId, v.data, { path: v.path });
    }
  },
});

/** Whether one notification config routes HIGH and CRITICAL findings to a subscribed topic, and if not, why. */
function judge(model: Model, config: Resource): Verdict {
  const filterValue = get(config, 'streaming_config.filter');
  const filter = filterValue.state === 'known' ? String(filterValue.value) : filterValue.state === 'absent' ? '' : undefined;
  if (filter === undefined) return { outcome: 'unknown', messageId: 'filter-unknown', data: { detail: writtenText(filterValue) ?? 'known after apply' }, path: 'streaming_config.filter' };
  const kept = filterKeepsSeverities(filter, ALWAYS_NOTIFIED_SEVERITIES);
  if (kept.keeps === 'no') return { outcome: 'no', messageId: 'filter-drops', data: { detail: kept.detail ?? filter }, path: 'streaming_config.filter' };
  if (kept.keeps === 'unknown') return { outcome: 'unknown', messageId: 'filter-unknown', data: { detail: kept.detail ?? filter }, path: 'streaming_config.filter' };
  const topic = topicOf(model, config, 'pubsub_topic');
  if (topic.state === 'unknown') return { outcome: 'unknown', messageId: 'topic-unknown', data: {}, path: 'pubsub_topic' };
  if (topic.state === 'missing') return { outcome: 'no', messageId: 'topic-missing', data: { detail: topic.display }, path: 'pubsub_topic' };
  const subscribed = hasSubscriber(model, topic.resource);
  const detail = { detail: topic.resource.address };
  if (subscribed === 'no') return { outcome: 'no', messageId: 'no-subscriber', data: detail, path: 'pubsub_topic' };
  if (subscribed === 'unknown') return { outcome: 'unknown', messageId: 'subscriber-unknown', data: detail, path: 'pubsub_topic' };
  return { outcome: 'yes', messageId: 'missing', data: {}, path: '' };
}
