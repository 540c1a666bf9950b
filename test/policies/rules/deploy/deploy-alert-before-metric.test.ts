import rule from '../../../../policies/rules/deploy/deploy-alert-before-metric';
import { plan, runRuleTests, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';
import { baselinePrefix, corpusReports, planFiles } from './corpus';

const METRIC = { project: 'example-logging-prd', name: 'audit-config-changes', filter: 'protoPayload.methodName="SetIamPolicy"', metric_descriptor: { metric_kind: 'DELTA', value_type: 'INT64' } };
const SYNTH_FILTER = 'metric.type="logging.googleapis.com/user/${google_logging_metric.m.name}" AND resource.type="logging_bucket"';
const PLAN_FILTER = 'metric.type="logging.googleapis.com/user/audit-config-changes" AND resource.type="logging_bucket"';
const alert = (filter: string) => ({ project: 'example-logging-prd', display_name: 'a', combiner: 'OR', conditions: [{ display_name: 'c', condition_threshold: { filter, comparison: 'COMPARISON_GT', threshold_value: 0, duration: '0s' } }] });
const SLEEP = { create_duration: '120s' };

function planOf(opts: { metricAction?: 'create' | 'no-op'; alertDependsOn?: string[]; sleep?: Partial<PlanResourceSpec> | null } = {}): object {
  const specs: PlanResourceSpec[] = [{ address: 'google_logging_metric.m', values: METRIC, action: opts.metricAction ?? 'create' }];
  if (opts.sleep !== null) specs.push({ address: 'time_sleep.metrics', values: SLEEP, dependsOn: ['google_logging_metric.m'], ...opts.sleep });
  specs.push({ address: 'google_monitoring_alert_policy.a', values: alert(PLAN_FILTER), dependsOn: opts.alertDependsOn });
  return plan(specs);
}

function synthOf(alertExtra: Record<string, unknown> = {}, sleep: Record<string, unknown> | null = { ...SLEEP, depends_on: ['google_logging_metric.m'] }) {
  return synth({
    google_logging_metric: { m: METRIC },
    ...(sleep ? { time_sleep: { metrics: sleep } } : {}),
    google_monitoring_alert_policy: { a: { ...alert(SYNTH_FILTER), ...alertExtra } },
  });
}

runRuleTests(rule, {
  valid: [
    { name: 'synth: the alert depends on a time_sleep that depends on the metric', input: { synth: synthOf({ depends_on: ['time_sleep.metrics'] }) } },
    {
      name: 'synth: the time_sleep follows the metric through a reference in its triggers',
      input: { synth: synthOf({ depends_on: ['time_sleep.metrics'] }, { ...SLEEP, triggers: { metric: '${google_logging_metric.m.id}' } }) },
    },
    { name: 'plan: the alert depends on a time_sleep that depends on the metric', input: { plan: planOf({ alertDependsOn: ['time_sleep.metrics'] }) } },
    { name: 'plan: the metric already exists (no-op), nothing to wait for', notApplicable: 'this input creates no log metric', input: { plan: planOf({ metricAction: 'no-op', sleep: null }) } },
    {
      name: 'plan: an alert that already exists (no-op) or is being deleted is not created before anything',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_monitoring_alert_policy.kept', values: alert(PLAN_FILTER), action: 'no-op' },
          { address: 'google_monitoring_alert_policy.gone', values: alert(PLAN_FILTER), action: 'delete' },
        ]),
      },
    },
    {
      name: 'plan: an alert on another, existing metric, beside a new metric whose name is known',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_monitoring_alert_policy.other', values: alert('metric.type="logging.googleapis.com/user/existing-metric" AND resource.type="global"') },
        ]),
      },
    },
    {
      name: 'plan: the alert waits through a reference to the time_sleep, not depends_on',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'time_sleep.metrics', values: SLEEP, dependsOn: ['google_logging_metric.m'] },
          { address: 'google_monitoring_alert_policy.a', values: alert(PLAN_FILTER), references: { 'user_labels.wait': ['time_sleep.metrics.id', 'time_sleep.metrics'] } },
        ]),
      },
    },
    {
      name: 'plan: an alert read by a data source is not created',
      input: { plan: plan([{ address: 'google_logging_metric.m', values: METRIC }, { address: 'data.google_monitoring_alert_policy.a', values: alert(PLAN_FILTER), action: 'read' }]) },
    },
  ],
  invalid: [
    {
      name: 'fails plan: what the alert waits for is not a time_sleep, or a time_sleep with no create_duration or one that waits for something else',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_pubsub_topic.t', values: { name: 't' }, dependsOn: ['google_logging_metric.m'] },
          { address: 'time_sleep.no_duration', values: { destroy_duration: '60s' }, dependsOn: ['google_logging_metric.m'] },
          { address: 'time_sleep.other', values: SLEEP, references: { 'triggers.x': ['google_pubsub_topic.t.id', 'google_pubsub_topic.t'] } },
          { address: 'google_monitoring_alert_policy.on_topic', values: alert(PLAN_FILTER), dependsOn: ['google_pubsub_topic.t'] },
          { address: 'google_monitoring_alert_policy.no_duration', values: alert(PLAN_FILTER), dependsOn: ['time_sleep.no_duration'] },
          { address: 'google_monitoring_alert_policy.other', values: alert(PLAN_FILTER), dependsOn: ['time_sleep.other'] },
        ]),
      },
      errors: [
        { messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.on_topic' },
        { messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.no_duration' },
        { messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.other' },
      ],
    },
    {
      name: 'fails synth: the baseline before its fix: the audit-config-changes alert on its new metric, no wait',
      input: { synth: baselinePrefix('alert-on-new-metric') },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.audit-config-changes_Policy_3639D8A9' }],
    },
    {
      name: 'fails synth: depending on the metric directly does not wait for it to propagate',
      input: { synth: synthOf({ depends_on: ['google_logging_metric.m'] }, null) },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a' }],
    },
    {
      name: 'fails plan: a literal metric type names a metric created in the same apply',
      input: { plan: planOf({ sleep: null }) },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a', path: 'conditions.0.condition_threshold.filter' }],
    },
    {
      name: 'fails plan: a metric replaced under a new name is created anew, so the alert on it must wait again',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC, before: { ...METRIC, name: 'audit-config-changes-old' }, action: 'replace' },
          { address: 'google_monitoring_alert_policy.a', values: alert(PLAN_FILTER), action: 'update' },
        ]),
      },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a' }],
    },
    {
      name: 'fails plan: the alert names a new metric of known name, beside another new metric whose name is known only after apply',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_logging_metric.other', values: { ...METRIC, name: null }, unknown: { name: true } },
          { address: 'google_monitoring_alert_policy.a', values: alert(PLAN_FILTER) },
        ]),
      },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a' }],
    },
    {
      name: 'fails plan: two conditions on the same new metric are one report',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_monitoring_alert_policy.a', values: { ...alert(PLAN_FILTER), conditions: [0, 1].map(() => alert(PLAN_FILTER).conditions[0]) } },
        ]),
      },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a' }],
    },
    {
      name: 'fails plan: the time_sleep the alert depends on does not come after the metric',
      input: { plan: planOf({ alertDependsOn: ['time_sleep.metrics'], sleep: { dependsOn: [] } }) },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a' }],
    },
    {
      name: 'fails plan: a time_sleep without create_duration does not wait',
      input: { plan: planOf({ alertDependsOn: ['time_sleep.metrics'], sleep: { values: { destroy_duration: '30s' } } }) },
      errors: [{ messageId: 'alert-before-metric', address: 'google_monitoring_alert_policy.a' }],
    },
    {
      name: 'fails plan: a filter known only after apply, with a new metric in the input, is unknown',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_monitoring_alert_policy.a', values: alert('x'), unknown: { conditions: [{ condition_threshold: { filter: true } }] } },
        ]),
      },
      errors: [{ messageId: 'metric-unresolved', address: 'google_monitoring_alert_policy.a', outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the new metric\'s name is known only after apply and the alert names its metric literally',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: { ...METRIC, name: null }, unknown: { name: true } },
          { address: 'google_monitoring_alert_policy.a', values: alert(PLAN_FILTER) },
        ]),
      },
      errors: [{ messageId: 'metric-unresolved', address: 'google_monitoring_alert_policy.a', outcome: 'unknown', path: 'conditions.0.condition_threshold.filter' }],
    },
    {
      name: 'fails synth (unknown): the new metric\'s name comes from a variable and the alert names its metric literally',
      input: { synth: synth({ google_logging_metric: { m: { ...METRIC, name: '${var.prefix}-audit-config-changes' } }, google_monitoring_alert_policy: { a: alert(PLAN_FILTER) } }) },
      errors: [{ messageId: 'metric-unresolved', address: 'google_monitoring_alert_policy.a', outcome: 'unknown', path: 'conditions.0.condition_threshold.filter' }],
    },
    {
      name: 'fails plan (unknown): the alert\'s conditions are known only after apply, with a new metric in the input',
      input: {
        plan: plan([
          { address: 'google_logging_metric.m', values: METRIC },
          { address: 'google_monitoring_alert_policy.a', values: { ...alert(PLAN_FILTER), conditions: null }, unknown: { conditions: true } },
        ]),
      },
      errors: [{ messageId: 'metric-unresolved', address: 'google_monitoring_alert_policy.a', outcome: 'unknown', path: 'conditions' }],
    },
  ],
});

describe('deploy-alert-before-metric on the terraform-validator corpus', () => {
  it(`is silent on all ${planFiles().length} plans (none creates a log metric and an alert on it)`, () => {
    expect(corpusReports(rule)).toEqual({});
  });
});
