import rule from '../../../../policies/rules/alerting/alerting-failed-login-spike';
import { GOOGLE_SIGN_IN_FAILURE_FILTER as DEFAULT_FAILED_LOGIN_FILTER } from '../../../../policies/catalog/defaults';
import { plan, runRule, runRuleTests, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';
import { CHANNEL_VALUES, planAlert, planCondition, synthAlert, synthCondition } from './cis-fixtures';

const RULE = 'alerting-failed-login-spike';
const METRIC = 'google_logging_metric.failed_logins';
const PER_ACCOUNT = 'google_monitoring_alert_policy.failed_logins_per_account';
const ORG = 'google_monitoring_alert_policy.failed_logins_org';
const GROUP_BY_ACCOUNT = { aggregations: [{ alignment_period: '300s', per_series_aligner: 'ALIGN_SUM', cross_series_reducer: 'REDUCE_SUM', group_by_fields: ['metric.label.account'] }] };
const NO_GROUPING = { aggregations: [{ alignment_period: '300s', per_series_aligner: 'ALIGN_SUM', cross_series_reducer: 'REDUCE_SUM' }] };

/** The application's own failed-login filter, wrapped in more clauses, as an org might configure it. */
const APP_FILTER = 'logName="projects/example-app-prd/logs/auth" AND jsonPayload.event="login_failed"';

function metric(filter = DEFAULT_FAILED_LOGIN_FILTER, labels: unknown = { account: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)' }) {
  return {
    project: 'example-logging-prd',
    name: 'failed-logins',
    filter,
    label_extractors: labels,
    metric_descriptor: { metric_kind: 'DELTA', value_type: 'INT64', unit: '1', labels: [{ key: 'account', value_type: 'STRING' }] },
  };
}

const SYNTH_FILTER = 'metric.type="logging.googleapis.com/user/${google_logging_metric.failed_logins.name}"';
const PLAN_FILTER = 'metric.type="logging.googleapis.com/user/failed-logins"';

function synthAlerts(perAccount: Record<string, unknown> = {}, org: Record<string, unknown> = {}) {
  return {
    failed_logins_per_account: { ...synthAlert('x'), conditions: [synthCondition(SYNTH_FILTER, { threshold_value: 5, ...GROUP_BY_ACCOUNT })], ...perAccount },
    failed_logins_org: { ...synthAlert('x'), conditions: [synthCondition(SYNTH_FILTER, { threshold_value: 50, ...NO_GROUPING })], ...org },
  };
}

function synthInput(alerts: Record<string, unknown> = synthAlerts(), metricValues: Record<string, unknown> = metric()) {
  return {
    synth: synth({
      google_monitoring_notification_channel: { security: CHANNEL_VALUES },
      google_logging_metric: { failed_logins: metricValues },
      google_monitoring_alert_policy: alerts as Record<string, Record<string, unknown>>,
    }),
  };
}

/** `null` leaves an alert out. */
function planSpecs(perAccount: Partial<PlanResourceSpec> | null = {}, org: Partial<PlanResourceSpec> | null = {}, metricValues = metric()): PlanResourceSpec[] {
  const specs: PlanResourceSpec[] = [{ address: METRIC, values: metricValues }];
  if (perAccount) specs.push({ address: PER_ACCOUNT, values: { ...planAlert('x'), conditions: [planCondition(PLAN_FILTER, { threshold_value: 5, ...GROUP_BY_ACCOUNT })] }, ...perAccount });
  if (org) specs.push({ address: ORG, values: { ...planAlert('x'), conditions: [planCondition(PLAN_FILTER, { threshold_value: 50, ...NO_GROUPING })] }, ...org });
  return specs;
}

runRuleTests(rule, {
  valid: [
    { name: 'synth: per-account and organization-wide alerts on the default filter, by reference', input: synthInput() },
    { name: 'plan: per-account and organization-wide alerts with literal metric types', input: { plan: plan(planSpecs()) } },
    {
      name: 'plan: a configured filter found inside a longer metric filter, reformatted',
      input: { plan: plan(planSpecs({}, {}, metric(`(${APP_FILTER.replace(' AND ', '\n   AND ').replace('=', ' = ')}) AND severity>=WARNING`))) },
      params: { failedLoginFilter: APP_FILTER },
    },
    {
      name: 'plan: grouping by the extracted account label and another metric label still counts as per account',
      input: {
        plan: plan(
          planSpecs({ values: { ...planAlert('x'), conditions: [planCondition(PLAN_FILTER, { threshold_value: 5, aggregations: [{ ...GROUP_BY_ACCOUNT.aggregations[0], group_by_fields: ['metric.label.account', 'metric.label.method'] }] })] } }),
        ),
      },
    },
    {
      name: 'plan: organization-wide alert grouped by project still counts as organization-wide',
      input: {
        plan: plan(
          planSpecs({}, { values: { ...planAlert('x'), conditions: [planCondition(PLAN_FILTER, { aggregations: [{ group_by_fields: ['resource.label.project_id'] }] })] } }),
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'fails synth: no failed-login metric at all',
      input: { synth: synth({ google_monitoring_notification_channel: { security: CHANNEL_VALUES } }) },
      errors: [
        { messageId: 'missing-per-account-alert', address: RULE },
        { messageId: 'missing-organization-alert', address: RULE },
      ],
    },
    {
      name: 'fails synth: a metric with a template hole in a quoted string that cannot line up is no failed-login metric',
      input: synthInput(synthAlerts(), { ...metric(), filter: 'protoPayload.serviceName="secretmanager.googleapis.com" AND protoPayload.resourceName=~"/secrets/${var.canary}(/|$)"' }),
      errors: [
        { messageId: 'missing-per-account-alert', address: RULE },
        { messageId: 'missing-organization-alert', address: RULE },
      ],
    },
    {
      name: 'fails synth: only the organization-wide alert',
      input: synthInput({ failed_logins_org: synthAlerts().failed_logins_org }),
      errors: [{ messageId: 'missing-per-account-alert', address: RULE }],
    },
    {
      name: 'fails plan: only the per-account alert',
      input: { plan: plan(planSpecs({}, null)) },
      errors: [{ messageId: 'missing-organization-alert', address: RULE }],
    },
    {
      name: 'fails plan: grouping by a label the metric does not extract is not per account',
      input: { plan: plan(planSpecs({}, {}, metric(DEFAULT_FAILED_LOGIN_FILTER, { user: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)' }))) },
      errors: [{ messageId: 'missing-per-account-alert', address: RULE }],
    },
    {
      name: 'fails plan: a metric without label extractors has no account label to group by',
      input: { plan: plan(planSpecs({}, {}, { ...metric(), label_extractors: null } as ReturnType<typeof metric>)) },
      errors: [{ messageId: 'missing-per-account-alert', address: RULE }],
    },
    {
      name: 'fails synth (unknown): both alerts have channels known only after apply: each is reported',
      input: synthInput(synthAlerts({ notification_channels: '${var.channels}' }, { notification_channels: '${var.channels}' })),
      errors: [
        { messageId: 'alert-unknown', address: PER_ACCOUNT, outcome: 'unknown' },
        { messageId: 'alert-unknown', address: ORG, outcome: 'unknown' },
      ],
    },
    {
      name: 'fails synth: a disabled per-account alert and an organization alert without channel do not count',
      input: synthInput(synthAlerts({ enabled: false }, { notification_channels: [] })),
      errors: [
        { messageId: 'missing-per-account-alert', address: RULE },
        { messageId: 'missing-organization-alert', address: RULE },
      ],
    },
    {
      name: 'fails plan: alerts on a metric of another filter',
      input: { plan: plan(planSpecs({}, {}, metric('protoPayload.serviceName="login.googleapis.com"'))) },
      errors: [
        { messageId: 'missing-per-account-alert', address: RULE },
        { messageId: 'missing-organization-alert', address: RULE },
      ],
    },
    {
      name: 'fails synth (unknown): the per-account alert\'s channels are known only after apply',
      input: synthInput(synthAlerts({ notification_channels: '${var.channels}' })),
      errors: [{ messageId: 'alert-unknown', address: PER_ACCOUNT, outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the metric filter is known only after apply',
      input: { plan: plan([{ address: METRIC, values: { ...metric(), filter: null }, unknown: { filter: true } }, ...planSpecs().slice(1)]) },
      errors: [{ messageId: 'metric-filter-unknown', address: METRIC, outcome: 'unknown', path: 'filter' }],
    },
    {
      name: 'fails plan (unknown): label extractors known only after apply leave the per-account alert open',
      input: { plan: plan(planSpecs({}, {}, { ...metric(), label_extractors: null } as ReturnType<typeof metric>).map((s) => (s.address === METRIC ? { ...s, unknown: { label_extractors: true } } : s))) },
      errors: [{ messageId: 'metric-labels-unknown', address: METRIC, outcome: 'unknown', path: 'label_extractors' }],
    },
    {
      name: 'fails synth (unknown): the organization-wide alert names its metric through a variable',
      input: synthInput(synthAlerts({}, { conditions: [synthCondition('metric.type="logging.googleapis.com/user/${var.failed_login_metric}"', { threshold_value: 50, ...NO_GROUPING })] })),
      errors: [{ messageId: 'alert-unknown', address: ORG, outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the organization-wide alert\'s filter is known only after apply, with no configuration reference',
      input: { plan: plan(planSpecs({}, { values: { ...planAlert('x'), conditions: [planCondition(null, { threshold_value: 50, ...NO_GROUPING })] }, unknown: { conditions: [{ condition_threshold: [{ filter: true }] }] } })) },
      errors: [{ messageId: 'alert-unknown', address: ORG, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the metric\'s name is known only after apply and the alerts name their metric literally',
      input: synthInput(
        synthAlerts({ conditions: [synthCondition(PLAN_FILTER, { threshold_value: 5, ...GROUP_BY_ACCOUNT })] }, { conditions: [synthCondition(PLAN_FILTER, { threshold_value: 50, ...NO_GROUPING })] }),
        { ...metric(), name: '${var.env}-failed-logins' },
      ),
      errors: [{ messageId: 'metric-name-unknown', address: METRIC, outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails plan (unknown): the metric\'s name is known only after apply and the alerts name their metric literally',
      input: { plan: plan(planSpecs().map((s) => (s.address === METRIC ? { ...s, values: { ...metric(), name: null }, unknown: { name: true } } : s))) },
      errors: [{ messageId: 'metric-name-unknown', address: METRIC, outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails plan (unknown): the per-account alert\'s group_by_fields are known only after apply',
      input: {
        plan: plan(
          planSpecs({
            values: { ...planAlert('x'), conditions: [planCondition(PLAN_FILTER, { threshold_value: 5, aggregations: [{ ...GROUP_BY_ACCOUNT.aggregations[0], group_by_fields: null }] })] },
            unknown: { conditions: [{ condition_threshold: [{ aggregations: [{ group_by_fields: true }] }] }] },
          }),
        ),
      },
      errors: [{ messageId: 'alert-unknown', address: PER_ACCOUNT, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the per-account alert groups by fields from a variable',
      input: synthInput(synthAlerts({ conditions: [synthCondition(SYNTH_FILTER, { threshold_value: 5, aggregations: [{ ...GROUP_BY_ACCOUNT.aggregations[0], group_by_fields: '${var.group_by_fields}' }] })] })),
      errors: [{ messageId: 'alert-unknown', address: PER_ACCOUNT, outcome: 'unknown' }],
    },
  ],
});


describe('alerting-failed-login-spike report data', () => {
  it('names both alerts a metric with an unknown filter may count for', () => {
    const { results } = runRule(rule, { plan: plan([{ address: METRIC, values: { ...metric(), filter: null }, unknown: { filter: true } }, ...planSpecs().slice(1)]) });
    expect(results.map((r) => r.message)).toEqual(['Log metric filter is known only after apply; it may count failed sign-ins for the per-account or organization alert.']);
  });

  it('names only the missing alert an undecided alert may be', () => {
    const { results } = runRule(rule, synthInput(synthAlerts({}, { conditions: [synthCondition('metric.type="logging.googleapis.com/user/${var.failed_login_metric}"', { threshold_value: 50, ...NO_GROUPING })] })));
    expect(results.map((r) => r.message)).toEqual(['Alert policy on failed sign-ins has its metric, grouping, enabled state or channels known only after apply; it may be the organization alert.']);
  });
});
