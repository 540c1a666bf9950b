import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { CIS_ALERTS } from '../../../constructs/monitoring/alert-catalog';
import { LogAlert, documentationOf, type LogAlertProps } from '../../../constructs/monitoring/log-alert';

type Json = Record<string, any>;

const BASE: LogAlertProps = {
  project: 'logs-prj',
  bucketName: 'projects/logs-prj/locations/global/buckets/central',
  metricName: 'baseline-sql-changes',
  displayName: 'SQL changed',
  filter: 'protoPayload.methodName="cloudsql.instances.update"',
  labels: [
    { key: 'principal', extractor: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)', description: 'Who' },
    { key: 'method', extractor: 'EXTRACT(protoPayload.methodName)', description: 'What' },
  ],
  documentation: 'Someone changed SQL: ${metric.label.principal}. Check it.',
  notificationChannels: ['projects/logs-prj/notificationChannels/1', 'projects/logs-prj/notificationChannels/2'],
};

function synth(build: (scope: Construct) => void): Json {
  return JSON.parse(Testing.synthScope(build));
}

function only(resources: Record<string, Json>): [string, Json] {
  const entries = Object.entries(resources);
  expect(entries).toHaveLength(1);
  return entries[0];
}

describe('LogAlert', () => {
  it('creates a bucket-scoped DELTA INT64 counter with each label extracted and declared', () => {
    // GIVEN / WHEN
    const out = synth((scope) => new LogAlert(scope, 'sql', BASE));
    // THEN
    const [, metric] = only(out.resource.google_logging_metric);
    expect(metric).toEqual({
      project: 'logs-prj',
      bucket_name: 'projects/logs-prj/locations/global/buckets/central',
      name: 'baseline-sql-changes',
      description: 'SQL changed',
      filter: 'protoPayload.methodName="cloudsql.instances.update"',
      metric_descriptor: {
        metric_kind: 'DELTA',
        value_type: 'INT64',
        unit: '1',
        display_name: 'SQL changed',
        labels: [
          { key: 'principal', value_type: 'STRING', description: 'Who' },
          { key: 'method', value_type: 'STRING', description: 'What' },
        ],
      },
      label_extractors: {
        principal: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)',
        method: 'EXTRACT(protoPayload.methodName)',
      },
    });
  });

  it('alerts on more than 0 entries a minute, per label, to every channel given, on the metric it references', () => {
    const out = synth((scope) => new LogAlert(scope, 'sql', BASE));
    const [metricKey] = only(out.resource.google_logging_metric);
    const [, policy] = only(out.resource.google_monitoring_alert_policy);
    expect(policy).toMatchObject({
      project: 'logs-prj',
      display_name: 'SQL changed',
      enabled: true,
      combiner: 'OR',
      severity: 'WARNING',
      notification_channels: BASE.notificationChannels,
      alert_strategy: { auto_close: '1800s' },
    });
    expect(policy.conditions).toEqual([
      {
        display_name: 'SQL changed: more than 0 in 60s',
        condition_threshold: {
          filter: `metric.type="logging.googleapis.com/user/\${google_logging_metric.${metricKey}.name}" AND resource.type="logging_bucket"`,
          comparison: 'COMPARISON_GT',
          threshold_value: 0,
          duration: '0s',
          evaluation_missing_data: 'EVALUATION_MISSING_DATA_INACTIVE',
          aggregations: [
            {
              alignment_period: '60s',
              per_series_aligner: 'ALIGN_DELTA',
              cross_series_reducer: 'REDUCE_SUM',
              group_by_fields: ['metric.label.principal', 'metric.label.method'],
            },
          ],
        },
      },
    ]);
  });

  it('counts over the given window against the given threshold, grouped only by the given labels', () => {
    const out = synth(
      (scope) =>
        new LogAlert(scope, 'spike', { ...BASE, threshold: 7, windowSeconds: 600, groupBy: ['principal'], severity: 'ERROR' }),
    );
    const [, policy] = only(out.resource.google_monitoring_alert_policy);
    const condition = policy.conditions[0].condition_threshold;
    expect(condition.threshold_value).toBe(7);
    expect(condition.aggregations[0].alignment_period).toBe('600s');
    expect(condition.aggregations[0].group_by_fields).toEqual(['metric.label.principal']);
    expect(policy.severity).toBe('ERROR');
  });

  it('escapes Monitoring variables in the documentation so Terraform passes them through', () => {
    const out = synth((scope) => new LogAlert(scope, 'sql', { ...BASE, documentation: 'who: ${metric.label.principal} %{x}' }));
    const [, policy] = only(out.resource.google_monitoring_alert_policy);
    expect(policy.documentation).toEqual({
      subject: '[WARNING] SQL changed',
      content: 'who: $${metric.label.principal} %%{x}',
      mime_type: 'text/markdown',
    });
  });

  it('builds a row of the alert table with its documentation: what happened, who, what to do, the control', () => {
    const spec = CIS_ALERTS.find((a) => a.cis === '2.8')!;
    const out = synth(
      (scope) =>
        LogAlert.fromSpec(scope, spec, {
          project: 'logs-prj',
          bucketName: 'projects/logs-prj/locations/global/buckets/central',
          notificationChannels: ['projects/logs-prj/notificationChannels/1'],
          accountField: 'protoPayload.authenticationInfo.principalEmail',
        }),
    );
    const [, metric] = only(out.resource.google_logging_metric);
    const [, policy] = only(out.resource.google_monitoring_alert_policy);
    expect(metric.name).toBe('baseline-firewall-rule-changes');
    expect(metric.filter).toBe(spec.filter);
    expect(metric.label_extractors).toEqual({
      principal: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)',
      method: 'EXTRACT(protoPayload.methodName)',
      project: 'EXTRACT(resource.labels.project_id)',
      resource: 'EXTRACT(protoPayload.resourceName)',
    });
    expect(policy.severity).toBe('WARNING');
    expect(documentationOf(spec)).toBe(
      [
        '**What happened:** A VPC firewall rule was created, patched or deleted.',
        '',
        '- principal: ${metric.label.principal}',
        '- method: ${metric.label.method}',
        '- project: ${metric.label.project}',
        '- resource: ${metric.label.resource}',
        '',
        '**What to do:** Check the rule for 0.0.0.0/0 sources and admin ports (22, 3389); revert changes that have no change request.',
        '',
        'Control: CIS GCP 2.8',
      ].join('\n'),
    );
    expect(policy.documentation.content).toContain('- principal: $${metric.label.principal}\n');
  });

  it('fails without a notification channel', () => {
    expect(() => synth((scope) => new LogAlert(scope, 'sql', { ...BASE, notificationChannels: [] }))).toThrow(
      'LogAlert "sql": notificationChannels must name at least one channel, got none',
    );
  });

  it('fails when groupBy names a label the metric does not extract', () => {
    expect(() => synth((scope) => new LogAlert(scope, 'sql', { ...BASE, groupBy: ['account'] }))).toThrow(
      'LogAlert "sql": groupBy must name extracted labels (principal, method), got "account"',
    );
  });

  it('fails with a window shorter than the 60-second alignment minimum', () => {
    expect(() => synth((scope) => new LogAlert(scope, 'sql', { ...BASE, windowSeconds: 30 }))).toThrow(
      'LogAlert "sql": windowSeconds must be a whole number >= 60, got 30',
    );
  });

  it('fails with a filter longer than the 20,000 characters a log-based metric takes, and takes one of exactly that length', () => {
    const at = (length: number) => `logName:"${'a'.repeat(length - 10)}"`;
    expect(at(20000)).toHaveLength(20000);
    expect(() => synth((scope) => new LogAlert(scope, 'sql', { ...BASE, filter: at(20000) }))).not.toThrow();
    expect(() => synth((scope) => new LogAlert(scope, 'sql', { ...BASE, filter: at(20001) }))).toThrow(
      'LogAlert "sql": filter must be at most 20000 characters, got 20001',
    );
  });

  it('fails with a negative threshold', () => {
    expect(() => synth((scope) => new LogAlert(scope, 'sql', { ...BASE, threshold: -1 }))).toThrow(
      'LogAlert "sql": threshold must be >= 0, got -1',
    );
  });
});
