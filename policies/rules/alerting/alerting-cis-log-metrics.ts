/**
 * CIS GCP 2.5-2.12: each sensitive change is counted by a log metric with the benchmark's filter and
 * alerted on. Judged per metric (every CIS metric needs one working alert), reported once per resource
 * and message id with every CIS number it concerns, so one broken shared alert is one finding.
 */
import { modelRule, type RuleContext } from '../../engine/rule';
import { get, type Resource } from '../../engine/model';
import { CIS_LOG_METRICS, type CisLogMetricControl } from '../../catalog/cis-log-metrics';
import { filterEquals } from '../../gcp/filter-match';
import { anyYes, surviving, type Tri, writtenText } from '../../engine/values';
import { alertDelivery, watchersOf, type ThresholdCondition } from '../../gcp/alert-policies';

type MessageId =
  | 'missing-metric'
  | 'no-alert'
  | 'alert-disabled'
  | 'alert-without-channel'
  | 'alert-wrong-threshold'
  | 'metric-filter-unknown'
  | 'metric-name-unknown'
  | 'alert-target-unknown'
  | 'alert-value-unknown';

/** One report per (resource, message id), naming every CIS control it concerns. */
class Reports {
  private readonly entries = new Map<string, { resource: Resource; messageId: MessageId; outcome: 'finding' | 'unknown'; cis: string[]; path?: string; data: Record<string, string | number> }>();

  add(resource: Resource, messageId: MessageId, outcome: 'finding' | 'unknown', cis: string, data: Record<string, string | number> = {}, path?: string): void {
    const key = `${resource.id}\u0000${messageId}`;
    const entry = this.entries.get(key) ?? { resource, messageId, outcome, cis: [], path, data };
    if (!entry.cis.includes(cis)) entry.cis.push(cis);
    this.entries.set(key, entry);
  }

  emit(context: RuleContext<MessageId>): void {
    for (const e of this.entries.values()) {
      const data = { ...e.data, cis: e.cis.join(', ') };
      const options = e.path ? { path: e.path } : undefined;
      if (e.outcome === 'finding') context.report(e.resource, e.messageId, data, options);
      else context.unknown(e.resource, e.messageId, data, options);
    }
  }
}

/** What keeps one watching condition from counting: findings, or values unknown before apply. */
function conditionProblems(alert: Resource, condition: ThresholdCondition): { findings: MessageId[]; unknown: boolean; data: Record<string, string | number> } {
  const delivery = alertDelivery(alert);
  const findings: MessageId[] = [...delivery.issues];
  const { comparison, threshold } = condition;
  if (comparison.state === 'unknown' || threshold.state === 'unknown') return { findings, unknown: true, data: {} };
  // threshold_value is optional and the API reads an absent one as 0.
  const data = { comparison: comparison.state === 'known' ? String(comparison.value) : 'unset', threshold: threshold.state === 'known' ? threshold.value : 0 };
  if (data.comparison !== 'COMPARISON_GT' || data.threshold !== 0) findings.push('alert-wrong-threshold');
  return { findings, unknown: delivery.unknown, data };
}

function judgeMetric(control: CisLogMetricControl, metric: Resource, alerts: readonly Resource[], reports: Reports): void {
  const watchers = watchersOf(metric, alerts);
  if (watchers.conditions.length === 0) {
    if (watchers.unresolvedAlerts.length > 0) {
      for (const alert of watchers.unresolvedAlerts) reports.add(alert, 'alert-target-unknown', 'unknown', control.cis);
    } else if (watchers.nameUndecided) {
      reports.add(metric, 'metric-name-unknown', 'unknown', control.cis, {}, 'name');
    } else {
      reports.add(metric, 'no-alert', 'finding', control.cis, { event: control.event });
    }
    return;
  }
  const judged = watchers.conditions.map((w) => ({ ...w, ...conditionProblems(w.alert, w.condition) }));
  if (judged.some((j) => j.findings.length === 0 && !j.unknown)) return;
  const undecided = judged.filter((j) => j.findings.length === 0);
  if (undecided.length > 0) {
    for (const j of undecided) reports.add(j.alert, 'alert-value-unknown', 'unknown', control.cis);
    return;
  }
  for (const j of judged) {
    for (const messageId of j.findings) {
      const path = messageId === 'alert-wrong-threshold' ? `conditions.${j.condition.index}.condition_threshold` : undefined;
      reports.add(j.alert, messageId, 'finding', control.cis, messageId === 'alert-wrong-threshold' ? j.data : {}, path);
    }
  }
}

export default modelRule<MessageId>({
  meta: {
    id: 'alerting-cis-log-metrics',
    description: 'Count each CIS 2.5-2.12 event with a log metric and alert on it through an enabled policy with a notification channel.',
    severity: 'medium',
    category: 'alerting',
    controls: ['CIS GCP 2.5', 'CIS GCP 2.6', 'CIS GCP 2.7', 'CIS GCP 2.8', 'CIS GCP 2.9', 'CIS GCP 2.10', 'CIS GCP 2.11', 'CIS GCP 2.12'],
    messages: {
      'missing-metric': 'No log metric has the CIS GCP {{cis}} filter ({{event}}).',
      'no-alert': 'Log metric for CIS GCP {{cis}} ({{event}}) has no alert policy watching it.',
      'alert-disabled': 'Alert policy for CIS GCP {{cis}} is disabled.',
      'alert-without-channel': 'Alert policy for CIS GCP {{cis}} has no notification channel.',
      'alert-wrong-threshold': 'Alert policy for CIS GCP {{cis}} fires on {{comparison}} {{threshold}}, not COMPARISON_GT 0.',
      'metric-filter-unknown': 'Log metric filter is known only after apply; it may be the one for CIS GCP {{cis}}.',
      'metric-name-unknown': 'Log metric for CIS GCP {{cis}} has a name known only after apply, so no alert can be matched to it.',
      'alert-target-unknown': 'Alert policy names its metric by a value known only after apply; it may be the alert for CIS GCP {{cis}}.',
      'alert-value-unknown': 'Alert policy for CIS GCP {{cis}} has enabled, channels, comparison or threshold known only after apply.',
    },
    help:
      'CIS GCP 2.5-2.12 ask for a log-based metric per sensitive change (project ownership, audit config, custom roles, firewall rules, routes, networks, bucket IAM, Cloud SQL config) with an enabled alert policy on `logging.googleapis.com/user/<metric>`, COMPARISON_GT 0 and at least one notification channel. Create the metric with the benchmark filter verbatim (a bucket-scoped metric on the central log bucket covers every project) and an alert that references the metric.',
  },
  check(context) {
    const metrics = surviving(context.model.byType('google_logging_metric'));
    const alerts = surviving(context.model.byType('google_monitoring_alert_policy'));
    const reports = new Reports();
    const filters = metrics.map((metric) => {
      const filter = get<string>(metric, 'filter');
      return { metric, text: writtenText(filter), unknown: filter.state === 'unknown' };
    });
    for (const control of CIS_LOG_METRICS) {
      const verdicts = filters.map(({ metric, text, unknown }) => {
        // A filter known only after apply, with no template to read, could be any of the eight.
        const verdict: Tri = text === undefined ? (unknown ? 'unknown' : 'no') : anyYes(control.filters.map((f) => filterEquals(text, f)));
        return { metric, verdict };
      });
      const matching = verdicts.filter((v) => v.verdict === 'yes');
      const undecided = verdicts.filter((v) => v.verdict === 'unknown');
      if (matching.length > 0) {
        for (const { metric } of matching) judgeMetric(control, metric, alerts, reports);
      } else if (undecided.length > 0) {
        for (const { metric } of undecided) reports.add(metric, 'metric-filter-unknown', 'unknown', control.cis, {}, 'filter');
      } else {
        context.reportMissing('missing-metric', { cis: control.cis, event: control.event });
      }
    }
    reports.emit(context);
  },
});
