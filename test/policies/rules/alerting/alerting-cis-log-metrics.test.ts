import rule from '../../../../policies/rules/alerting/alerting-cis-log-metrics';
import { CIS_LOG_METRICS } from '../../../../policies/catalog/cis-log-metrics';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { CHANNEL_VALUES, cisPlan, cisSynth, metricName, metricValues, planAlert, planCondition, resourceName, synthAlert, synthCondition } from './cis-fixtures';

const RULE = 'alerting-cis-log-metrics';
const ALL_MISSING = CIS_LOG_METRICS.map(() => ({ messageId: 'missing-metric', address: RULE }));
const metric = (cis: string) => `google_logging_metric.${resourceName(cis)}`;
const alert = (cis: string) => `google_monitoring_alert_policy.${resourceName(cis)}`;

/** The benchmark filter laid out over several lines with spaces around operators, as people write it in HCL. */
const REFORMATTED_2_9 = `resource.type = "gce_route"
  AND ( protoPayload.methodName : "compute.routes.delete"
        OR protoPayload.methodName : "compute.routes.insert" )`;

const V4_CUSTOM_ROLE_FILTER = CIS_LOG_METRICS.find((c) => c.cis === '2.7')!.filters[1];

runRuleTests(rule, {
  valid: [
    { name: 'synth: eight metrics, each watched by reference from an enabled alert with a channel', input: { synth: synth(cisSynth()) } },
    { name: 'plan: eight metrics with literal metric types in the alert filters', input: { plan: plan(cisPlan()) } },
    {
      name: 'plan: reformatted filter, the v4.0 custom-role filter and an absent threshold (0) still pass',
      input: {
        plan: plan(
          cisPlan({
            metrics: { '2.9': { values: metricValues('2.9', REFORMATTED_2_9) }, '2.7': { values: metricValues('2.7', V4_CUSTOM_ROLE_FILTER) } },
            alerts: { '2.5': { values: planAlert('2.5', {}, { threshold_value: null }) } },
          }),
        ),
      },
    },
    {
      name: 'plan: alert filter known after apply but configured from the metric id',
      input: {
        plan: plan(
          cisPlan({
            alerts: {
              '2.6': {
                values: planAlert('2.6', { conditions: [planCondition(null)] }),
                unknown: { id: true, name: true, conditions: [{ condition_threshold: [{ filter: true }] }] },
                references: { 'conditions.0.condition_threshold.0.filter': [`${metric('2.6')}.id`, metric('2.6')] },
              },
            },
          }),
        ),
      },
    },
    {
      // Found by the property test: `filter` of an empty block list read Array.prototype.filter and crashed the rule.
      name: 'plan: an extra condition with an empty condition_threshold list watches nothing and breaks nothing',
      input: {
        plan: plan(cisPlan({ alerts: { '2.5': { values: planAlert('2.5', { conditions: [...(planAlert('2.5').conditions as unknown[]), { display_name: 'other', condition_threshold: [] }] }) } } })),
      },
    },
    {
      name: 'synth: one good alert is enough even when a second one on the same metric is disabled',
      input: { synth: synth({ ...cisSynth(), google_monitoring_alert_policy: { ...cisSynth().google_monitoring_alert_policy, extra: synthAlert('2.5', { enabled: false }) } }) },
    },
  ],
  invalid: [
    { name: 'fails synth: no metrics at all reports the eight missing metrics', input: { synth: synth({ google_monitoring_notification_channel: { security: CHANNEL_VALUES } }) }, errors: ALL_MISSING },
    { name: 'fails plan: an empty plan reports the eight missing metrics', input: { plan: plan([]) }, errors: ALL_MISSING },
    {
      name: 'fails synth: no alert, disabled alert, alert without channel, wrong comparison and wrong threshold',
      input: {
        synth: synth(
          cisSynth({
            alerts: {
              '2.5': undefined,
              '2.6': synthAlert('2.6', { enabled: false }),
              '2.7': synthAlert('2.7', { notification_channels: [] }),
              '2.8': synthAlert('2.8', {}, { comparison: 'COMPARISON_GE' }),
              '2.9': synthAlert('2.9', {}, { threshold_value: 1 }),
            },
          }),
        ),
      },
      errors: [
        { messageId: 'no-alert', address: metric('2.5') },
        { messageId: 'alert-disabled', address: alert('2.6') },
        { messageId: 'alert-without-channel', address: alert('2.7') },
        { messageId: 'alert-wrong-threshold', address: alert('2.8'), path: 'conditions.0.condition_threshold' },
        { messageId: 'alert-wrong-threshold', address: alert('2.9'), path: 'conditions.0.condition_threshold' },
      ],
    },
    {
      name: 'fails plan: no alert, disabled alert, alert without channel, wrong threshold',
      input: {
        plan: plan(
          cisPlan({
            alerts: {
              '2.10': undefined,
              '2.11': { values: planAlert('2.11', { enabled: false }) },
              '2.12': { values: planAlert('2.12', { notification_channels: [] }) },
              '2.5': { values: planAlert('2.5', {}, { comparison: 'COMPARISON_LT', threshold_value: 5 }) },
            },
          }),
        ),
      },
      errors: [
        { messageId: 'no-alert', address: metric('2.10') },
        { messageId: 'alert-disabled', address: alert('2.11') },
        { messageId: 'alert-without-channel', address: alert('2.12') },
        { messageId: 'alert-wrong-threshold', address: alert('2.5'), path: 'conditions.0.condition_threshold' },
      ],
    },
    {
      name: 'fails plan: a filter that differs from the benchmark (create, not update) is no CIS 2.12 metric',
      input: { plan: plan(cisPlan({ metrics: { '2.12': { values: metricValues('2.12', 'protoPayload.methodName="cloudsql.instances.create"') } } })) },
      errors: [{ messageId: 'missing-metric', address: RULE }],
    },
    {
      name: 'fails plan: a metric being deleted no longer counts',
      input: { plan: plan(cisPlan({ metrics: { '2.8': { action: 'delete' } }, alerts: { '2.8': { action: 'delete' } } })) },
      errors: [{ messageId: 'missing-metric', address: RULE }],
    },
    {
      name: 'fails plan: an alert watching another metric does not cover this one',
      input: { plan: plan(cisPlan({ alerts: { '2.6': { values: planAlert('2.5') } } })) },
      errors: [{ messageId: 'no-alert', address: metric('2.6') }],
    },
    {
      name: 'fails synth (unknown): a metric whose filter is known only after apply may be the missing one',
      input: { synth: synth(cisSynth({ metrics: { '2.11': { ...metricValues('2.11'), filter: '${var.bucket_iam_filter}' } }, alerts: { '2.11': undefined } })) },
      errors: [{ messageId: 'metric-filter-unknown', address: metric('2.11'), outcome: 'unknown', path: 'filter' }],
    },
    {
      name: 'fails plan (unknown): a metric whose filter is known only after apply may be the missing one',
      input: { plan: plan(cisPlan({ metrics: { '2.11': { values: { ...metricValues('2.11'), filter: null }, unknown: { id: true, filter: true } } }, alerts: { '2.11': undefined } })) },
      errors: [{ messageId: 'metric-filter-unknown', address: metric('2.11'), outcome: 'unknown', path: 'filter' }],
    },
    {
      name: 'fails synth: a templated filter whose known text cannot be the benchmark one is no CIS 2.11 metric',
      input: { synth: synth(cisSynth({ metrics: { '2.11': { ...metricValues('2.11'), filter: 'resource.type="gcs_bucket" AND protoPayload.methodName="${var.method}" AND severity>=ERROR' } } })) },
      errors: [{ messageId: 'missing-metric', address: RULE }],
    },
    {
      name: 'fails synth (unknown): a templated filter whose known text fits the benchmark one',
      input: { synth: synth(cisSynth({ metrics: { '2.11': { ...metricValues('2.11'), filter: 'resource.type="${var.type}" AND protoPayload.methodName="storage.setIamPermissions"' } } })) },
      errors: [{ messageId: 'metric-filter-unknown', address: metric('2.11'), outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a metric name known only after apply cannot be matched to literal alert filters',
      input: {
        synth: synth({
          ...cisSynth({ metrics: { '2.5': { ...metricValues('2.5'), name: '${var.prefix}-cis-2-5' } }, alerts: { '2.5': undefined } }),
          google_monitoring_alert_policy: {
            ...cisSynth({ alerts: { '2.5': undefined } }).google_monitoring_alert_policy,
            literal: { ...synthAlert('2.5'), conditions: [synthCondition('metric.type="logging.googleapis.com/user/org-cis-2-5"')] },
          },
        }),
      },
      errors: [{ messageId: 'metric-name-unknown', address: metric('2.5'), outcome: 'unknown', path: 'name' }],
    },
    {
      name: 'fails synth (unknown): an alert naming its metric through a variable may be the missing alert',
      input: {
        synth: synth(cisSynth({ alerts: { '2.6': { ...synthAlert('2.6'), conditions: [synthCondition('metric.type="logging.googleapis.com/user/${var.metric}"')] } } })),
      },
      errors: [{ messageId: 'alert-target-unknown', address: alert('2.6'), outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): an alert filter known only after apply without configuration references',
      input: {
        plan: plan(
          cisPlan({
            alerts: {
              '2.6': { values: planAlert('2.6', { conditions: [planCondition(null)] }), unknown: { id: true, conditions: [{ condition_threshold: [{ filter: true }] }] } },
            },
          }),
        ),
      },
      errors: [{ messageId: 'alert-target-unknown', address: alert('2.6'), outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the only alert has its enabled flag and channels known only after apply',
      input: {
        plan: plan(cisPlan({ alerts: { '2.8': { values: planAlert('2.8', { enabled: null, notification_channels: null }), unknown: { id: true, enabled: true, notification_channels: true } } } })),
      },
      errors: [{ messageId: 'alert-value-unknown', address: alert('2.8'), outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the only alert\'s threshold is known only after apply',
      input: {
        plan: plan(cisPlan({ alerts: { '2.9': { values: planAlert('2.9', {}, { threshold_value: null }), unknown: { id: true, name: true, conditions: [{ condition_threshold: [{ threshold_value: true }] }] } } } })),
      },
      errors: [{ messageId: 'alert-value-unknown', address: alert('2.9'), outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the only alert\'s comparison comes from a variable (its threshold is the right one)',
      input: { synth: synth(cisSynth({ alerts: { '2.10': synthAlert('2.10', {}, { comparison: '${var.alert_comparison}' }) } })) },
      errors: [{ messageId: 'alert-value-unknown', address: alert('2.10'), outcome: 'unknown' }],
    },
    {
      name: 'fails plan: a wrong threshold in the alert\'s second condition points at that condition',
      input: {
        plan: plan(
          cisPlan({
            alerts: {
              '2.7': {
                values: planAlert('2.7', {
                  conditions: [
                    planCondition(`metric.type="logging.googleapis.com/user/${metricName('2.5')}"`),
                    planCondition(`metric.type="logging.googleapis.com/user/${metricName('2.7')}"`, { threshold_value: 10 }),
                  ],
                }),
              },
            },
          }),
        ),
      },
      errors: [{ messageId: 'alert-wrong-threshold', address: alert('2.7'), path: 'conditions.1.condition_threshold' }],
    },
  ],
});

describe('alerting-cis-log-metrics report data', () => {
  it('fails a wrong alert naming the comparison and threshold it fires on', () => {
    const { results } = runRule(rule, {
      synth: synth(
        cisSynth({
          alerts: {
            '2.8': synthAlert('2.8', {}, { comparison: 'COMPARISON_GE' }),
            '2.9': synthAlert('2.9', {}, { threshold_value: 1 }),
            // Neither written: the API reads an absent threshold as 0, and there is no comparison to fire on.
            '2.10': synthAlert('2.10', {}, { comparison: null, threshold_value: null }),
          },
        }),
      ),
    });
    expect(results.map((r) => r.message)).toEqual([
      'Alert policy for CIS GCP 2.8 fires on COMPARISON_GE 0, not COMPARISON_GT 0.',
      'Alert policy for CIS GCP 2.9 fires on COMPARISON_GT 1, not COMPARISON_GT 0.',
      'Alert policy for CIS GCP 2.10 fires on unset 0, not COMPARISON_GT 0.',
    ]);
  });

  it('names a control once when one disabled alert watches two metrics with its filter', () => {
    const base = cisSynth({ alerts: { '2.5': undefined } });
    const { bucket_name: _bucket, ...projectMetric } = metricValues('2.5');
    const legacy = { ...projectMetric, project: 'example-legacy-prd', name: 'legacy-cis-2-5' };
    const both = { ...synthAlert('2.5', { enabled: false }), conditions: ['cis_2_5', 'legacy_2_5'].map((m) => synthCondition(`metric.type="logging.googleapis.com/user/\${google_logging_metric.${m}.name}"`)) };
    const { results } = runRule(rule, {
      synth: synth({ ...base, google_logging_metric: { ...base.google_logging_metric, legacy_2_5: legacy }, google_monitoring_alert_policy: { ...base.google_monitoring_alert_policy, both } }),
    });
    expect(results.map((r) => [r.messageId, r.address, r.message])).toEqual([['alert-disabled', 'google_monitoring_alert_policy.both', 'Alert policy for CIS GCP 2.5 is disabled.']]);
  });

  it('fails with the CIS number and event of each missing metric in its message', () => {
    const { results } = runRule(rule, { plan: plan([]) });
    expect(results.map((r) => r.message)).toContain('No log metric has the CIS GCP 2.12 filter (Cloud SQL instance configuration changes).');
    expect(results.map((r) => r.message).filter((m) => m.includes('CIS GCP 2.'))).toHaveLength(8);
  });

  it('fails a shared alert once, naming every control it breaks', () => {
    const shared = { ...synthAlert('2.5', { enabled: false }), conditions: [2.5, 2.6].map((n) => synthCondition(`metric.type="logging.googleapis.com/user/\${google_logging_metric.${resourceName(String(n))}.name}"`)) };
    const { results } = runRule(rule, { synth: synth({ ...cisSynth({ alerts: { '2.5': undefined, '2.6': undefined } }), google_monitoring_alert_policy: { ...cisSynth({ alerts: { '2.5': undefined, '2.6': undefined } }).google_monitoring_alert_policy, shared } }) });
    expect(results.map((r) => [r.messageId, r.address, r.message])).toEqual([
      ['alert-disabled', 'google_monitoring_alert_policy.shared', 'Alert policy for CIS GCP 2.5, 2.6 is disabled.'],
    ]);
  });
});
