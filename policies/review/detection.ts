/**
 * Detection coverage: each threat of the catalogue (policies/catalog/detections.ts) -> the log metric
 * that counts it -> the alert policy watching that metric -> its notification channels. A row without
 * all of them is a gap. Where the input routes Security Command Center findings, that route is one more row:
 * notification config -> topic -> alert on the topic's publishes -> channels.
 */
import { DETECTION_THREATS, type DetectionThreat } from '../catalog/detections';
import { get, type Model, type Resource, type Value } from '../engine/model';
import type { RuleParams } from '../engine/rule';
import { anyYes, knownString, surviving, tri, writtenText, type Tri } from '../engine/values';
import { ALWAYS_NOTIFIED_SEVERITIES } from '../catalog/defaults';
import { filterKeepsSeverities, ORG_NOTIFICATION_CONFIG_TYPES } from '../gcp/scc-findings';
import { topicOf } from '../gcp/pubsub-topics';
import { alertChannels, alertEnabled, indexWatchers, thresholdConditions, absenceConditions, watchersFromIndex, type MetricCondition } from '../gcp/alert-policies';
import { filterEquals, normaliseFilter } from '../gcp/filter-match';
import type { DetectionRow, DetectionStatus } from './facts';
import { resourceLabel } from './labels';

function filterMatches(threat: DetectionThreat, filter: string, params: RuleParams): Tri {
  if (threat.filters) return anyYes(threat.filters.map((f) => filterEquals(filter, f)));
  if (threat.filterParam) return filterEquals(filter, params[threat.filterParam]);
  const text = normaliseFilter(filter);
  return (threat.containsAny ?? []).some((all) => all.every((part) => text.includes(normaliseFilter(part)))) ? 'yes' : 'no';
}

/** A condition's grouping: by some label (per account) or over everything. */
function groupingOf(condition: MetricCondition & { readonly groupByFields?: Value<readonly string[]> }): 'per-account' | 'overall' | 'unknown' {
  const fields = condition.groupByFields;
  // Absence conditions group nothing.
  if (!fields) return 'overall';
  if (fields.state !== 'known') return 'unknown';
  return fields.value.length > 0 ? 'per-account' : 'overall';
}

/** An alert's channels: names (from the channel resources it references, else the values as written) and declared types. */
export function channelsOf(model: Model, alert: Resource): { names: string[]; types: string[] } {
  const channels = alertChannels(alert);
  if (channels.state !== 'known') return { names: channels.state === 'unknown' ? ['(known after apply)'] : [], types: [] };
  const names: string[] = [];
  const types: string[] = [];
  channels.value.forEach((value, i) => {
    const ref = alert.references.find((r) => (r.path === `notification_channels.${i}` || r.path === 'notification_channels') && r.target !== undefined);
    const target = ref?.target ? model.byId(ref.target) : undefined;
    const type = target ? knownString(model, target, 'type') : undefined;
    if (type !== undefined) types.push(type);
    if (target) names.push(`${type ?? 'channel'}: ${knownString(model, target, 'display_name') ?? target.name}`);
    else names.push(typeof value === 'string' && !value.includes('${') ? value : '(known after apply)');
  });
  return { names, types: [...new Set(types)].sort() };
}

const STATUS_RANK: readonly DetectionStatus[] = ['covered', 'unknown', 'no-channel', 'alert-disabled', 'no-alert', 'no-metric'];

/** Whether an alert policy counts publishes to the named topic (`pubsub.googleapis.com/topic/...` on its `topic_id`). */
function watchesTopic(alert: Resource, topicName: string): Tri {
  const conditions = thresholdConditions(alert);
  if (conditions.state !== 'known') return conditions.state === 'unknown' ? 'unknown' : 'no';
  const escaped = topicName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return anyYes(
    conditions.value.map((condition) => {
      const text = writtenText(get<string>(alert, condition.path));
      if (text === undefined) return 'unknown';
      return tri(new RegExp(`resource\\.labels\\.topic_id\\s*=\\s*"${escaped}"`).test(text) && /metric\.type\s*=\s*"pubsub\.googleapis\.com\/topic\//.test(text));
    }),
  );
}

/** The best of several candidate rows of one threat: covered first, then undecided, then the gaps. */
export function best<R extends { readonly status: DetectionStatus }>(rows: R[]): R | undefined {
  return [...rows].sort((a, b) => STATUS_RANK.indexOf(a.status) - STATUS_RANK.indexOf(b.status))[0];
}

const FINDINGS_TITLE = `Security Command Center findings (${ALWAYS_NOTIFIED_SEVERITIES.join(', ')})`;

/**
 * The Security Command Center route beside the log-based alerts: organization notification config -> topic (the
 * metric column) -> alert policy on the topic's publishes -> channels. A row only where the input has such a config.
 */
function findingRoutes(model: Model, alerts: readonly Resource[]): DetectionRow[] {
  const configs = ORG_NOTIFICATION_CONFIG_TYPES.flatMap((t) => surviving(model.byType(t))).filter((c) => c.mode === 'managed');
  const rows = configs.map((config): DetectionRow => {
    const base = { threat: 'scc-findings', title: FINDINGS_TITLE, channels: [] as string[], channelTypes: [] as string[] };
    const filterValue = get(config, 'streaming_config.filter');
    const keeps = filterValue.state === 'unknown' ? 'unknown' : filterKeepsSeverities(filterValue.state === 'known' ? String(filterValue.value) : '', ALWAYS_NOTIFIED_SEVERITIES).keeps;
    const topic = topicOf(model, config, 'pubsub_topic');
    if (topic.state !== 'resource') return { ...base, status: topic.state === 'unknown' ? 'unknown' : 'no-metric' };
    const name = knownString(model, topic.resource, 'name');
    const metric = `topic ${name ?? resourceLabel(model, topic.resource)}`;
    if (keeps === 'no') return { ...base, metric, status: 'no-metric' };
    const watching = name === undefined ? [] : alerts.map((alert) => [alert, watchesTopic(alert, name)] as const).filter(([, w]) => w !== 'no');
    if (watching.length === 0) return { ...base, metric, status: name === undefined ? 'unknown' : 'no-alert' };
    return best(
      watching.map(([alert, watches]) => {
        const enabled = alertEnabled(alert);
        const { names: channels, types: channelTypes } = channelsOf(model, alert);
        let status: DetectionStatus = 'covered';
        if (keeps !== 'yes' || watches !== 'yes' || enabled.state !== 'known') status = 'unknown';
        else if (enabled.value === false) status = 'alert-disabled';
        else if (channels.length === 0) status = 'no-channel';
        return { ...base, metric, alert: knownString(model, alert, 'display_name') ?? resourceLabel(model, alert), channels, channelTypes, status };
      }),
    )!;
  });
  const chosen = best(rows);
  return chosen ? [chosen] : [];
}

export function detectionCoverage(model: Model, params: RuleParams): DetectionRow[] {
  const metrics = surviving(model.byType('google_logging_metric')).filter((m) => m.mode === 'managed');
  const alerts = surviving(model.byType('google_monitoring_alert_policy')).filter((a) => a.mode === 'managed');
  const thresholds = indexWatchers(alerts, thresholdConditions);
  const absences = indexWatchers(alerts, absenceConditions);
  const threats = DETECTION_THREATS.map((threat) => {
    const candidates: DetectionRow[] = [];
    for (const metric of metrics) {
      const text = writtenText(get<string>(metric, 'filter'));
      const match = text === undefined ? 'unknown' : filterMatches(threat, text, params);
      if (match === 'no') continue;
      const metricName = knownString(model, metric, 'name') ?? resourceLabel(model, metric);
      const watchers = [...watchersFromIndex(thresholds, metric).conditions, ...(threat.grouping ? [] : watchersFromIndex(absences, metric).conditions)];
      const fitting = watchers.filter((w) => !threat.grouping || groupingOf(w.condition) !== (threat.grouping === 'per-account' ? 'overall' : 'per-account'));
      if (fitting.length === 0) {
        candidates.push({ threat: threat.id, title: threat.title, metric: metricName, channels: [], channelTypes: [], status: match === 'yes' ? 'no-alert' : 'unknown' });
      }
      for (const { alert, condition } of fitting) {
        const enabled = alertEnabled(alert);
        const { names: channels, types: channelTypes } = channelsOf(model, alert);
        const groupingOpen = threat.grouping !== undefined && groupingOf(condition) === 'unknown';
        let status: DetectionStatus = 'covered';
        if (match !== 'yes' || enabled.state !== 'known' || groupingOpen) status = 'unknown';
        else if (enabled.value === false) status = 'alert-disabled';
        else if (channels.length === 0) status = 'no-channel';
        const alertName = knownString(model, alert, 'display_name') ?? resourceLabel(model, alert);
        candidates.push({ threat: threat.id, title: threat.title, metric: metricName, alert: alertName, channels, channelTypes, status });
      }
    }
    return best(candidates) ?? { threat: threat.id, title: threat.title, channels: [], channelTypes: [], status: 'no-metric' as const };
  });
  return [...threats, ...findingRoutes(model, alerts)];
}
