/**
 * An alert policy on a user log metric created in the same apply fails: the Monitoring API does not
 * see a new logs-based metric for minutes, and the provider does not retry ("Cannot find metric(s) that
 * match type ...", hashicorp/terraform-provider-google#11102, earlier #10325). A `time_sleep` after the
 * metric, which the alert depends on, is the known way to wait.
 */
import { get, perModel, type Model, type Resource } from '../../engine/model';
import { resourceRule } from '../../engine/rule';
import { thresholdConditions } from '../../gcp/alert-policies';

type MessageId = 'alert-before-metric' | 'metric-unresolved';

const BEING_CREATED = new Set(['create', 'replace']);

/** Log metrics this input creates, by model id and by known name; built once per model. */
interface NewMetrics {
  readonly byId: Map<string, Resource>;
  readonly byName: Map<string, Resource>;
  /** True when some new metric's name is known only after apply (a literal metric type may name it). */
  nameUnknown: boolean;
}
const newMetrics = perModel((model): NewMetrics => {
  const metrics: NewMetrics = { byId: new Map(), byName: new Map(), nameUnknown: false };
  for (const metric of model.byType('google_logging_metric')) {
    if (metric.mode !== 'managed' || !BEING_CREATED.has(metric.action)) continue;
    metrics.byId.set(metric.id, metric);
    const name = get<string>(metric, 'name');
    if (name.state === 'known') metrics.byName.set(name.value, metric);
    else metrics.nameUnknown = true;
  }
  return metrics;
});

/** A `time_sleep` with a create duration that comes after the metric (by `depends_on` or a reference). */
function waitsFor(sleep: Resource, metric: Resource): boolean {
  if (sleep.type !== 'time_sleep' || get(sleep, 'create_duration').state === 'absent') return false;
  return sleep.dependsOn.includes(metric.id) || sleep.references.some((r) => r.target === metric.id);
}

/** The alert names (depends_on or references) a time_sleep that waits for the metric. */
function alertWaits(model: Model, alert: Resource, metric: Resource): boolean {
  const named = [...alert.dependsOn, ...alert.references.map((r) => r.target).filter((t): t is string => t !== undefined)];
  return named.some((id) => {
    const sleep = model.byId(id);
    return sleep !== undefined && waitsFor(sleep, metric);
  });
}

export default resourceRule<MessageId>({
  meta: {
    id: 'deploy-alert-before-metric',
    description: 'Make an alert policy on a log metric created in the same apply wait for the metric through a time_sleep.',
    severity: 'high',
    category: 'deploy',
    controls: [],
    messages: {
      'alert-before-metric':
        'Alert policy watches log metric {{metric}}, which the same apply creates, without waiting for it: creation fails with "Cannot find metric(s) that match type" until the metric propagates. Depend on a time_sleep that depends on the metric.',
      'metric-unresolved': 'Alert policy names its metric through a value known only after apply, and this input creates log metrics: whether it waits for a new one cannot be told.',
    },
    help:
      'Cloud Monitoring does not find a logs-based metric for some minutes after Logging creates it ("If a metric was created recently, it could take up to 10 minutes to become available"), and the Google provider does not retry (hashicorp/terraform-provider-google#11102). Add `resource "time_sleep" "metric_propagation" { create_duration = "120s" depends_on = [google_logging_metric.m] }` (hashicorp/time) and `depends_on = [time_sleep.metric_propagation]` on the alert policy.',
  },
  types: ['google_monitoring_alert_policy'],
  check(alert, context) {
    if (alert.mode !== 'managed' || alert.action === 'delete' || alert.action === 'no-op') return;
    const metrics = newMetrics(context.model);
    if (metrics.byId.size === 0) {
      context.notApplicable('this input creates no log metric');
      return;
    }
    const conditions = thresholdConditions(alert);
    if (conditions.state !== 'known') {
      context.unknown(alert, 'metric-unresolved', {}, { path: 'conditions' });
      return;
    }
    const reported = new Set<string>();
    for (const condition of conditions.value) {
      for (const target of condition.metrics) {
        if (target.kind === 'unresolved' || (target.kind === 'name' && !metrics.byName.has(target.name) && metrics.nameUnknown)) {
          context.unknown(alert, 'metric-unresolved', {}, { path: condition.path });
          continue;
        }
        const metric = target.kind === 'resource' ? metrics.byId.get(target.id) : metrics.byName.get(target.name);
        if (!metric || reported.has(metric.id) || alertWaits(context.model, alert, metric)) continue;
        reported.add(metric.id);
        context.report(alert, 'alert-before-metric', { metric: metric.address }, { path: condition.path });
      }
    }
  },
});
