/**
 * Builders for inputs holding the eight CIS GCP 2.5-2.12 metrics and their alerts, in synth and plan
 * form, so each test case states only what it changes.
 */
import { CIS_LOG_METRICS } from '../../../../policies/catalog/cis-log-metrics';
import type { PlanResourceSpec } from '../../../../policies/testing/rule-tester';

type Values = Record<string, unknown>;

/** `2.5` -> `cis_2_5` (resource name) and `cis-2-5` (metric name). */
export const resourceName = (cis: string) => `cis_${cis.replace('.', '_')}`;
export const metricName = (cis: string) => `cis-${cis.replace('.', '-')}`;

export const CHANNEL_ID = 'projects/example-logging-prd/notificationChannels/4711';

export function metricValues(cis: string, filter?: string): Values {
  const control = CIS_LOG_METRICS.find((c) => c.cis === cis)!;
  return {
    project: 'example-logging-prd',
    name: metricName(cis),
    bucket_name: 'projects/example-logging-prd/locations/europe-west1/buckets/central-audit',
    filter: filter ?? control.filters[0],
    metric_descriptor: { metric_kind: 'DELTA', value_type: 'INT64', unit: '1' },
  };
}

/** A threshold condition as synthesized JSON writes it (single blocks as objects). */
export function synthCondition(filter: string, extra: Values = {}): Values {
  return {
    display_name: 'event seen',
    condition_threshold: {
      filter,
      comparison: 'COMPARISON_GT',
      threshold_value: 0,
      duration: '0s',
      aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_COUNT' }],
      ...extra,
    },
  };
}

/** The same condition as a plan writes it (single blocks as one-item arrays). */
export function planCondition(filter: string | null, extra: Values = {}): Values {
  return {
    display_name: 'event seen',
    condition_threshold: [
      {
        filter,
        comparison: 'COMPARISON_GT',
        threshold_value: 0,
        duration: '0s',
        aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_COUNT', group_by_fields: [] }],
        ...extra,
      },
    ],
  };
}

export function synthAlert(cis: string, extra: Values = {}, condition: Values = {}): Values {
  return {
    project: 'example-logging-prd',
    display_name: `CIS ${cis}`,
    combiner: 'OR',
    enabled: true,
    notification_channels: ['${google_monitoring_notification_channel.security.name}'],
    conditions: [synthCondition(`metric.type="logging.googleapis.com/user/\${google_logging_metric.${resourceName(cis)}.name}" AND resource.type="logging_bucket"`, condition)],
    ...extra,
  };
}

export function planAlert(cis: string, extra: Values = {}, condition: Values = {}): Values {
  return {
    project: 'example-logging-prd',
    display_name: `CIS ${cis}`,
    combiner: 'OR',
    enabled: true,
    notification_channels: [CHANNEL_ID],
    conditions: [planCondition(`metric.type="logging.googleapis.com/user/${metricName(cis)}" AND resource.type="logging_bucket"`, condition)],
    ...extra,
  };
}

export const CHANNEL_VALUES: Values = { project: 'example-logging-prd', display_name: 'Security', type: 'email', labels: { email_address: 'gcp-security@example.com' } };

/** Synth resources: every CIS metric and alert, with per-control changes (`undefined` drops the resource). */
export function cisSynth(
  changes: { metrics?: Record<string, Values | undefined>; alerts?: Record<string, Values | undefined> } = {},
): Record<string, Record<string, Values>> {
  const metrics: Record<string, Values> = {};
  const alerts: Record<string, Values> = {};
  for (const { cis } of CIS_LOG_METRICS) {
    const metric = changes.metrics && cis in changes.metrics ? changes.metrics[cis] : metricValues(cis);
    const alert = changes.alerts && cis in changes.alerts ? changes.alerts[cis] : synthAlert(cis);
    if (metric) metrics[resourceName(cis)] = metric;
    if (alert) alerts[resourceName(cis)] = alert;
  }
  return {
    google_monitoring_notification_channel: { security: CHANNEL_VALUES },
    google_logging_metric: metrics,
    google_monitoring_alert_policy: alerts,
  };
}

/** Plan resources: every CIS metric and alert, with per-control replacements (`undefined` drops the resource). */
export function cisPlan(
  changes: { metrics?: Record<string, Partial<PlanResourceSpec> | undefined>; alerts?: Record<string, Partial<PlanResourceSpec> | undefined> } = {},
): PlanResourceSpec[] {
  const specs: PlanResourceSpec[] = [];
  for (const { cis } of CIS_LOG_METRICS) {
    const name = resourceName(cis);
    const metric = changes.metrics && cis in changes.metrics ? changes.metrics[cis] : {};
    const alert = changes.alerts && cis in changes.alerts ? changes.alerts[cis] : {};
    if (metric) specs.push({ address: `google_logging_metric.${name}`, values: metricValues(cis), unknown: { id: true }, ...metric });
    if (alert) specs.push({ address: `google_monitoring_alert_policy.${name}`, values: planAlert(cis), unknown: { id: true, name: true }, ...alert });
  }
  return specs;
}
