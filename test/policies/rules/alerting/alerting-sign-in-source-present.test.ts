import { readFileSync } from 'node:fs';
import rule from '../../../../policies/rules/alerting/alerting-sign-in-source-present';
import { plan, runRule, runRuleTests, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';
import { fixture } from '../../../support/fixtures';
import { planFiles } from '../../engine/corpus';
import { corpusInput } from '../secrets/corpus-input';

const ID = 'alerting-sign-in-source-present';
const FAILURES = 'protoPayload.serviceName="login.googleapis.com" AND protoPayload.methodName="google.login.LoginService.loginFailure"';
const ALL_SIGN_INS = 'protoPayload.serviceName="login.googleapis.com"';
const CHANNEL = 'projects/example-logging-prd/notificationChannels/123';

const metric = (name: string, filter: string) => ({ project: 'example-logging-prd', name, filter, metric_descriptor: { metric_kind: 'DELTA', value_type: 'INT64' } });
const threshold = (metricType: string) => ({
  project: 'example-logging-prd',
  display_name: 'Failed sign-ins',
  combiner: 'OR',
  notification_channels: [CHANNEL],
  conditions: [{ display_name: 'spike', condition_threshold: { filter: `metric.type="${metricType}"`, comparison: 'COMPARISON_GT', threshold_value: 50, duration: '0s' } }],
});
const absence = (metricType: string, extra: Record<string, unknown> = {}) => ({
  project: 'example-logging-prd',
  display_name: 'Sign-in logs stopped',
  combiner: 'OR',
  notification_channels: [CHANNEL],
  conditions: [{ display_name: 'no sign-in entries', condition_absent: { filter: `metric.type="${metricType}" AND resource.type="global"`, duration: '3600s' } }],
  ...extra,
});
const planAlert = (values: Record<string, unknown>) => ({ ...values, conditions: (values.conditions as object[]).map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'object' ? [v] : v]))) });

const userMetric = (name: string) => `logging.googleapis.com/user/${name}`;
const ref = (name: string) => `logging.googleapis.com/user/\${google_logging_metric.${name}.name}`;

/** A sign-in failure alert, plus what the case adds: synth. */
const synthWith = (resources: Record<string, Record<string, object>> = {}) =>
  synth({
    ...resources,
    google_logging_metric: { failures: metric('failed-sign-ins', FAILURES), ...(resources.google_logging_metric as Record<string, Record<string, unknown>>) },
    google_monitoring_alert_policy: { failures: threshold(ref('failures')), ...(resources.google_monitoring_alert_policy as Record<string, Record<string, unknown>>) },
  } as Record<string, Record<string, Record<string, unknown>>>);

/** The same in a plan, metrics named literally. */
const planWith = (extra: { address: string; values: object; unknown?: object }[]) =>
  plan([
    { address: 'google_logging_metric.failures', values: metric('failed-sign-ins', FAILURES) },
    { address: 'google_monitoring_alert_policy.failures', values: planAlert(threshold(userMetric('failed-sign-ins'))) },
    ...extra,
  ]);

/** The failure metric and its alert alone (no sign-in metric), each with what the case changes: synth. */
const failuresSynth = (metricValues: object = metric('failed-sign-ins', FAILURES), alertValues: object = threshold(ref('failures'))) =>
  synth({ google_logging_metric: { failures: metricValues as Record<string, unknown> }, google_monitoring_alert_policy: { failures: alertValues as Record<string, unknown> } });

/** The same in a plan, the metric named literally. */
const failuresPlan = (metricSpec: Partial<PlanResourceSpec> = {}, alertSpec: Partial<PlanResourceSpec> = {}) =>
  plan([
    { address: 'google_logging_metric.failures', values: metric('failed-sign-ins', FAILURES), ...metricSpec },
    { address: 'google_monitoring_alert_policy.failures', values: planAlert(threshold(userMetric('failed-sign-ins'))), ...alertSpec },
  ]);

const prefixAlerting = JSON.parse(readFileSync(fixture('baseline-prefix', ID, 'alerting.json'), 'utf8')) as Record<string, unknown>;

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: a failure alert and an absence alert on a metric of every sign-in entry',
      input: { synth: synthWith({ google_logging_metric: { sign_ins: metric('sign-ins', ALL_SIGN_INS) }, google_monitoring_alert_policy: { sign_ins_stopped: absence(ref('sign_ins')) } }) },
    },
    {
      name: 'plan: the same, metrics named literally',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: metric('sign-ins', ALL_SIGN_INS) },
          { address: 'google_monitoring_alert_policy.sign_ins_stopped', values: planAlert(absence(userMetric('sign-ins'))) },
        ]),
      },
    },
    {
      name: 'synth: no sign-in alert (a firewall metric and its alert) is not applicable',
      notApplicable: 'no alert on sign-in failures',
      input: { synth: synth({ google_logging_metric: { fw: metric('fw', 'resource.type="gce_firewall_rule"') }, google_monitoring_alert_policy: { fw: threshold(ref('fw')) } }) },
    },
    {
      name: 'synth: the only failure alert is disabled: nothing alerts on sign-in failures, so there is nothing to back up',
      notApplicable: 'no alert on sign-in failures',
      input: { synth: failuresSynth(undefined, { ...threshold(ref('failures')), enabled: false }) },
    },
    { name: 'plan: a failure metric nobody alerts on is not applicable', notApplicable: 'no alert on sign-in failures', input: { plan: plan([{ address: 'google_logging_metric.failures', values: metric('failed-sign-ins', FAILURES) }]) } },
  ],
  invalid: [
    {
      name: 'fails synth (baseline before the fix): two failed sign-in alerts, no absence alert',
      input: { synth: prefixAlerting },
      errors: [{ messageId: 'missing-source-absence-alert', address: ID }],
    },
    {
      name: 'fails synth: the absence alert watches the failure metric, which is silent whenever sign-ins succeed',
      input: { synth: synthWith({ google_monitoring_alert_policy: { failures_stopped: absence(ref('failures')) } }) },
      errors: [{ messageId: 'missing-source-absence-alert', address: ID }],
    },
    {
      name: 'fails plan: the absence alert is disabled',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: metric('sign-ins', ALL_SIGN_INS) },
          { address: 'google_monitoring_alert_policy.sign_ins_stopped', values: planAlert(absence(userMetric('sign-ins'), { enabled: false })) },
        ]),
      },
      errors: [{ messageId: 'missing-source-absence-alert', address: ID }],
    },
    {
      name: 'fails plan: the absence alert has no channel',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: metric('sign-ins', ALL_SIGN_INS) },
          { address: 'google_monitoring_alert_policy.sign_ins_stopped', values: planAlert(absence(userMetric('sign-ins'), { notification_channels: [] })) },
        ]),
      },
      errors: [{ messageId: 'missing-source-absence-alert', address: ID }],
    },
    {
      name: 'fails synth (unknown): the watched metric counts a filter from a variable',
      input: { synth: synthWith({ google_logging_metric: { sign_ins: metric('sign-ins', '${var.sign_in_filter}') }, google_monitoring_alert_policy: { sign_ins_stopped: absence(ref('sign_ins')) } }) },
      errors: [{ messageId: 'metric-filter-unknown', address: 'google_logging_metric.sign_ins', outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the absence alert\'s channels are known only after apply',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: metric('sign-ins', ALL_SIGN_INS) },
          { address: 'google_monitoring_alert_policy.sign_ins_stopped', values: planAlert(absence(userMetric('sign-ins'), { notification_channels: null })), unknown: { notification_channels: true } },
        ]),
      },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.sign_ins_stopped', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the failure metric\'s name is known only after apply and its alert names the metric literally',
      input: { synth: failuresSynth(metric('${var.env}-failed-sign-ins', FAILURES), threshold(userMetric('failed-sign-ins'))) },
      errors: [{ messageId: 'metric-name-unknown', address: 'google_logging_metric.failures', outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails plan (unknown): the failure metric\'s name is known only after apply and its alert names the metric literally',
      input: { plan: failuresPlan({ values: { ...metric('failed-sign-ins', FAILURES), name: null }, unknown: { name: true } }) },
      errors: [{ messageId: 'metric-name-unknown', address: 'google_logging_metric.failures', outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails synth (unknown): an alert watches a metric whose filter comes from a variable: it may alert on sign-in failures',
      input: { synth: failuresSynth(metric('failed-sign-ins', '${var.failed_sign_in_filter}')) },
      errors: [{ messageId: 'metric-filter-unknown', address: 'google_logging_metric.failures', outcome: 'unknown', path: 'filter' }],
    },
    {
      name: 'fails plan (unknown): an alert watches a metric whose filter is known only after apply: it may alert on sign-in failures',
      input: { plan: failuresPlan({ values: { ...metric('failed-sign-ins', FAILURES), filter: null }, unknown: { filter: true } }) },
      errors: [{ messageId: 'metric-filter-unknown', address: 'google_logging_metric.failures', outcome: 'unknown', path: 'filter' }],
    },
    {
      name: 'fails synth (unknown): the only failure alert is enabled by a variable',
      input: { synth: failuresSynth(undefined, { ...threshold(ref('failures')), enabled: '${var.alerts_enabled}' }) },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.failures', outcome: 'unknown', path: undefined }],
    },
    {
      name: 'fails plan (unknown): the only failure alert\'s enabled flag is known only after apply',
      input: { plan: failuresPlan({}, { values: planAlert({ ...threshold(userMetric('failed-sign-ins')), enabled: null }), unknown: { enabled: true } }) },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.failures', outcome: 'unknown', path: undefined }],
    },
    {
      name: 'fails synth (unknown): the sign-in metric\'s name is known only after apply and the absence alert names the metric literally',
      input: { synth: synthWith({ google_logging_metric: { sign_ins: metric('${var.env}-sign-ins', ALL_SIGN_INS) }, google_monitoring_alert_policy: { sign_ins_stopped: absence(userMetric('sign-ins')) } }) },
      errors: [{ messageId: 'metric-name-unknown', address: 'google_logging_metric.sign_ins', outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails plan (unknown): the sign-in metric\'s name is known only after apply and the absence alert names the metric literally',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: { ...metric('sign-ins', ALL_SIGN_INS), name: null }, unknown: { name: true } },
          { address: 'google_monitoring_alert_policy.sign_ins_stopped', values: planAlert(absence(userMetric('sign-ins'))) },
        ]),
      },
      errors: [{ messageId: 'metric-name-unknown', address: 'google_logging_metric.sign_ins', outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails synth (unknown): the absence alert names its metric through a variable',
      input: { synth: synthWith({ google_logging_metric: { sign_ins: metric('sign-ins', ALL_SIGN_INS) }, google_monitoring_alert_policy: { sign_ins_stopped: absence(userMetric('${var.sign_in_metric}')) } }) },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.sign_ins_stopped', outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the absence alert\'s filter is known only after apply, with no configuration reference',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: metric('sign-ins', ALL_SIGN_INS) },
          { address: 'google_monitoring_alert_policy.sign_ins_stopped', values: { ...planAlert(absence('x')), conditions: [{ display_name: 'no sign-in entries', condition_absent: [{ filter: null, duration: '3600s' }] }] }, unknown: { conditions: [{ condition_absent: [{ filter: true }] }] } },
        ]),
      },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.sign_ins_stopped', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the absence alert\'s duration comes from a variable',
      input: {
        synth: synthWith({
          google_logging_metric: { sign_ins: metric('sign-ins', ALL_SIGN_INS) },
          google_monitoring_alert_policy: {
            sign_ins_stopped: { ...absence(ref('sign_ins')), conditions: [{ display_name: 'no sign-in entries', condition_absent: { filter: `metric.type="${ref('sign_ins')}"`, duration: '${var.silence_window}' } }] },
          },
        }),
      },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.sign_ins_stopped', outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the absence alert\'s duration is known only after apply',
      input: {
        plan: planWith([
          { address: 'google_logging_metric.sign_ins', values: metric('sign-ins', ALL_SIGN_INS) },
          {
            address: 'google_monitoring_alert_policy.sign_ins_stopped',
            values: { ...planAlert(absence(userMetric('sign-ins'))), conditions: [{ display_name: 'no sign-in entries', condition_absent: [{ filter: `metric.type="${userMetric('sign-ins')}"`, duration: null }] }] },
            unknown: { conditions: [{ condition_absent: [{ duration: true }] }] },
          },
        ]),
      },
      errors: [{ messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.sign_ins_stopped', outcome: 'unknown' }],
    },
    {
      name: 'fails synth: a decided failure alert needs the absence alert even beside a metric whose filter comes from a variable',
      input: { synth: synthWith({ google_logging_metric: { other: metric('other', '${var.other_filter}') }, google_monitoring_alert_policy: { other: threshold(ref('other')) } }) },
      errors: [{ messageId: 'missing-source-absence-alert', address: ID }],
    },
    {
      name: 'fails synth (unknown): each open question once: a metric with a variable filter watched by two alerts, and a failure alert enabled by a variable',
      input: {
        synth: synth({
          google_logging_metric: { failures: metric('failed-sign-ins', FAILURES), other: metric('other', '${var.other_filter}') },
          google_monitoring_alert_policy: {
            failures: { ...threshold(ref('failures')), enabled: '${var.alerts_enabled}' },
            other_spike: threshold(ref('other')),
            other_trend: { ...threshold(ref('other')), display_name: 'Sign-in trend' },
          },
        }),
      },
      errors: [
        { messageId: 'metric-filter-unknown', address: 'google_logging_metric.other', outcome: 'unknown' },
        { messageId: 'alert-unknown', address: 'google_monitoring_alert_policy.failures', outcome: 'unknown' },
      ],
    },
  ],
});

describe('alerting-sign-in-source-present on the terraform-validator corpus', () => {
  it('is silent on all 104 plans: none alerts on sign-ins', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    expect(files.flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.outcome} ${r.messageId} ${r.address}`))).toEqual([]);
  });
});
