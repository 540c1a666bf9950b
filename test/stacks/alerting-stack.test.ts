import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import { parseConfig } from '../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../config/example';
import type { BaselineConfig } from '../../policies/config/org-config';
import { AlertingStack } from '../../stacks/alerting-stack';
import { CIS_ALERTS } from '../../constructs/monitoring/alert-catalog';
import { cisFilterRows, collapseWhitespace } from '../constructs/monitoring/cis-reference';

type Json = Record<string, any>;
interface Synthesized {
  readonly alerting: Json;
  readonly producer: Json;
  /** The whole alerting stack as written to disk. */
  readonly alertingText: string;
}

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function exampleRaw(): Json {
  return parseYaml(readFileSync(EXAMPLE_CONFIG, 'utf8'));
}

/**
 * Synthesizes the alerting stack the way main.ts does: in one App with the stacks that own the central
 * bucket and the canary (here a small producer stack), so the references cross stacks as remote state.
 */
function synthAlerting(config: BaselineConfig): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'alerting-stack-test-'));
  outdirs.push(outdir);
  const app = new App({ outdir, stackTraces: false });
  const producer = new TerraformStack(app, 'producer');
  new GoogleProvider(producer, 'google', {});
  const centralBucket = new LoggingProjectBucketConfig(producer, 'central-bucket', {
    project: 'example-logging-prd',
    location: 'europe-west1',
    bucketId: 'central-audit',
  });
  const canarySecret = new SecretManagerSecret(producer, 'canary', {
    project: 'example-secrets-prd',
    secretId: config.secrets.canary.id,
    replication: { auto: {} },
  });
  new AlertingStack(app, 'alerting', { config, centralBucket, canarySecret });
  app.synth();
  const read = (stack: string) => readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
  const alertingText = read('alerting');
  return { alerting: JSON.parse(alertingText), producer: JSON.parse(read('producer')), alertingText };
}

/** `${data.terraform_remote_state....outputs.<name>}` for the producer output that carries `expression`. */
function remoteReference(s: Synthesized, expression: string): string {
  const outputs = Object.entries(s.producer.output as Record<string, { value: string }>).filter(
    ([, o]) => o.value === `\${${expression}}`,
  );
  expect(outputs).toHaveLength(1);
  return `\${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.${outputs[0][0]}}`;
}

function metricNamed(s: Synthesized, name: string): { key: string; metric: Json } {
  const found = Object.entries(s.alerting.resource.google_logging_metric as Record<string, Json>).filter(
    ([, m]) => m.name === name,
  );
  expect(found).toHaveLength(1);
  return { key: found[0][0], metric: found[0][1] };
}

/** The one alert policy whose condition counts the given metric resource. */
function policyOn(s: Synthesized, metricKey: string): Json {
  const found = Object.values(s.alerting.resource.google_monitoring_alert_policy as Record<string, Json>).filter(
    (p) => (p.conditions[0].condition_threshold ?? p.conditions[0].condition_absent).filter.includes(`\${google_logging_metric.${metricKey}.name}`),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** The alert policy's only condition and its only aggregation. */
function thresholdOf(policy: Json): { condition: Json; aggregation: Json } {
  expect(policy.conditions).toHaveLength(1);
  const condition = policy.conditions[0].condition_threshold;
  expect(condition.aggregations).toHaveLength(1);
  return { condition, aggregation: condition.aggregations[0] };
}

/** The resource key of the channel made for a config channel key (display name `baseline <key>`). */
function channelKey(s: Synthesized, configKey: string): string {
  const found = Object.entries(s.alerting.resource.google_monitoring_notification_channel as Record<string, Json>).filter(
    ([, c]) => c.display_name === `baseline ${configKey}`,
  );
  expect(found).toHaveLength(1);
  return found[0][0];
}

/** The example org's channels, in config order, as alert policies reference them. */
function exampleChannelNames(s: Synthesized): string[] {
  return ['security-email', 'oncall-webhook'].map(
    (key) => `\${google_monitoring_notification_channel.${channelKey(s, key)}.name}`,
  );
}

describe('AlertingStack (example org)', () => {
  let s: Synthesized;
  let config: BaselineConfig;
  beforeAll(() => {
    process.env.TF_VAR_oncall_webhook_password = 's3cr3t-t0ken';
    try {
      // GIVEN the example org WHEN the alerting stack synthesizes next to its producer stack
      config = parseConfig(exampleRaw());
      s = synthAlerting(config);
    } finally {
      delete process.env.TF_VAR_oncall_webhook_password;
    }
  });

  it('creates one metric and one policy per alert, 8 CIS + 10 baseline alerts + 3 log sources + 1 group of tight-coupled projects', () => {
    expect(Object.keys(s.alerting.resource.google_logging_metric)).toHaveLength(22);
    expect(Object.keys(s.alerting.resource.google_monitoring_alert_policy)).toHaveLength(22);
  });

  it('creates every alert policy 600s after all the metrics, through one time_sleep that names them', () => {
    // GIVEN the example org (metricPropagationSeconds 600) THEN one sleep waits on every metric...
    const sleeps = Object.entries(s.alerting.resource.time_sleep as Record<string, Json>);
    expect(sleeps).toHaveLength(1);
    const [sleepKey, sleep] = sleeps[0];
    const metrics = Object.entries(s.alerting.resource.google_logging_metric as Record<string, Json>);
    expect(sleep.create_duration).toBe('600s');
    expect(sleep.depends_on.sort()).toEqual(metrics.map(([key]) => `google_logging_metric.${key}`).sort());
    expect(sleep.triggers.metrics.split(',').sort()).toEqual(metrics.map(([, m]) => m.name).sort());
    expect(sleep.provider).toBe('time');
    expect(s.alerting.terraform.required_providers.time).toEqual({ source: 'hashicorp/time', version: '0.13.1' });
    // ...and each policy waits for its own metric and the sleep.
    for (const [key] of metrics) {
      const policy = Object.values(s.alerting.resource.google_monitoring_alert_policy as Record<string, Json>).find((p) =>
        JSON.stringify(p.conditions).includes(`google_logging_metric.${key}.name`),
      )!;
      expect(policy.depends_on).toEqual([`google_logging_metric.${key}`, `time_sleep.${sleepKey}`]);
    }
  });

  it('alerts when no sign-in log arrives for 43200s: Workspace data sharing is off or broken', () => {
    const { key, metric } = metricNamed(s, 'baseline-sign-in-logs-silent');
    expect(metric.filter).toBe('protoPayload.serviceName="login.googleapis.com"');
    const policy = policyOn(s, key);
    expect(policy.conditions).toHaveLength(1);
    expect(policy.conditions[0].condition_threshold).toBeUndefined();
    expect(policy.conditions[0].condition_absent).toEqual({
      filter: `metric.type="logging.googleapis.com/user/\${google_logging_metric.${key}.name}" AND resource.type="logging_bucket"`,
      duration: '43200s',
      aggregations: [{ alignment_period: '3600s', per_series_aligner: 'ALIGN_DELTA', cross_series_reducer: 'REDUCE_SUM' }],
    });
    expect([policy.enabled, policy.notification_channels]).toEqual([true, exampleChannelNames(s)]);
  });

  it('alerts on the silence of every declared log source and of the tight-coupled projects, after its own hours', () => {
    // GIVEN the example org's three sources and three tight-coupled projects THEN each source and the group of projects has a metric on its entries...
    const expected: [string, string, number, string][] = [
      ['baseline-source-workspace-silent', '(protoPayload.serviceName="login.googleapis.com" OR protoPayload.serviceName="admin.googleapis.com")', 12, 'ERROR'],
      [
        'baseline-source-github-audit-silent',
        'protoPayload.serviceName="storage.googleapis.com" AND protoPayload.methodName="storage.objects.create" AND resource.type="gcs_bucket" AND resource.labels.bucket_name="example-com-github-audit"',
        6,
        'ERROR',
      ],
      ['baseline-source-checkout-api-silent', 'log_id("checkout-api")', 4, 'ERROR'],
      [
        'baseline-tight-projects-silent-1',
        '(logName:"projects/example-app-prd/logs/" OR logName:"projects/example-kms-prd/logs/" OR logName:"projects/example-secrets-prd/logs/")',
        12,
        'ERROR',
      ],
    ];
    for (const [name, filter, hours, severity] of expected) {
      const { key, metric } = metricNamed(s, name);
      expect([metric.filter, metric.bucket_name]).toEqual([filter, remoteReference(s, 'google_logging_project_bucket_config.central-bucket.id')]);
      // ...and an enabled policy with channels that fires when none arrives for that many hours
      const policy = policyOn(s, key);
      expect(policy.conditions.map((c: Json) => c.condition_absent?.duration)).toEqual([`${hours * 3600}s`]);
      expect([policy.enabled, policy.severity, policy.notification_channels]).toEqual([true, severity, exampleChannelNames(s)]);
    }
    // AND the loose-coupled logging project is not among them
    expect(metricNamed(s, 'baseline-tight-projects-silent-1').metric.filter).not.toContain('example-logging-prd');
  });

  it('tells the tight-coupled projects apart: the metric labels each entry with its project, the absence condition keeps each project a series', () => {
    const { key, metric } = metricNamed(s, 'baseline-tight-projects-silent-1');
    expect(metric.label_extractors).toEqual({ log_project: 'REGEXP_EXTRACT(logName, "^projects/([^/]+)/logs/")' });
    expect(metric.metric_descriptor.labels).toEqual([{ key: 'log_project', value_type: 'STRING', description: 'The project whose log the entry is (from logName)' }]);
    const policy = policyOn(s, key);
    expect(policy.conditions[0].condition_absent.aggregations).toEqual([
      { alignment_period: '3600s', per_series_aligner: 'ALIGN_DELTA', cross_series_reducer: 'REDUCE_SUM', group_by_fields: ['metric.label.log_project'] },
    ]);
    // AND the notification names the silent project
    expect(policy.documentation.content).toContain('- log_project: $${metric.label.log_project}');
  });

  it('alerts when a key of the KMS project (the org logging key among them) is disabled, destroyed or changed', () => {
    const { key, metric } = metricNamed(s, 'baseline-kms-key-state-changes');
    for (const method of ['DestroyCryptoKeyVersion', 'UpdateCryptoKeyVersion', 'UpdateCryptoKeyPrimaryVersion', 'SetIamPolicy']) {
      expect(metric.filter).toContain(`protoPayload.methodName="${method}"`);
      expect(metric.filter).toContain(`protoPayload.methodName="google.cloud.kms.v1.KeyManagementService.${method}"`);
    }
    expect(metric.filter).toMatch(/^protoPayload\.serviceName="cloudkms\.googleapis\.com" AND \(.*\) AND protoPayload\.resourceName:"projects\/example-kms-prd\/"$/);
    expect(thresholdOf(policyOn(s, key)).condition.threshold_value).toBe(0);
  });

  it('has a table row for each of CIS GCP 2.5 to 2.12, and the reference has exactly those eight', () => {
    expect(cisFilterRows().map((r) => r.control)).toEqual(['2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12']);
    expect(CIS_ALERTS.map((a) => a.cis)).toEqual(cisFilterRows().map((r) => r.control));
  });

  describe.each(cisFilterRows())('CIS GCP $control', ({ control, filter }) => {
    const spec = CIS_ALERTS.find((a) => a.cis === control)!;

    it('counts the benchmark filter verbatim in the central bucket, through the cross-stack reference', () => {
      const { metric } = metricNamed(s, `baseline-${spec.id}`);
      expect(collapseWhitespace(metric.filter)).toBe(filter);
      expect(metric.bucket_name).toBe(remoteReference(s, 'google_logging_project_bucket_config.central-bucket.id'));
      expect(metric.project).toBe('example-logging-prd');
    });

    it('declares a DELTA INT64 counter with the principal, method, project and resource labels', () => {
      const { metric } = metricNamed(s, `baseline-${spec.id}`);
      expect(metric.metric_descriptor).toMatchObject({ metric_kind: 'DELTA', value_type: 'INT64', unit: '1' });
      expect(metric.metric_descriptor.labels.map((l: Json) => [l.key, l.value_type])).toEqual([
        ['principal', 'STRING'],
        ['method', 'STRING'],
        ['project', 'STRING'],
        ['resource', 'STRING'],
      ]);
      expect(metric.label_extractors).toEqual({
        principal: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)',
        method: 'EXTRACT(protoPayload.methodName)',
        project: 'EXTRACT(resource.labels.project_id)',
        resource: 'EXTRACT(protoPayload.resourceName)',
      });
    });

    it('has an enabled policy on that metric: more than 0 entries, per principal/method/project/resource, to both channels', () => {
      const { key } = metricNamed(s, `baseline-${spec.id}`);
      const policy = policyOn(s, key);
      const { condition, aggregation } = thresholdOf(policy);
      expect(policy.enabled).toBe(true);
      expect(condition.filter).toBe(
        `metric.type="logging.googleapis.com/user/\${google_logging_metric.${key}.name}" AND resource.type="logging_bucket"`,
      );
      expect(condition.comparison).toBe('COMPARISON_GT');
      expect(condition.threshold_value).toBe(0);
      expect(condition.duration).toBe('0s');
      expect(aggregation).toEqual({
        alignment_period: '60s',
        per_series_aligner: 'ALIGN_DELTA',
        cross_series_reducer: 'REDUCE_SUM',
        group_by_fields: ['metric.label.principal', 'metric.label.method', 'metric.label.project', 'metric.label.resource'],
      });
      expect(policy.notification_channels).toEqual(exampleChannelNames(s));
      expect(policy.documentation.content).toContain(`Control: CIS GCP ${control}`);
    });
  });

  it('configures exactly the two channels from config: the email address, and a basic-auth webhook', () => {
    const all = s.alerting.resource.google_monitoring_notification_channel as Record<string, Json>;
    expect(Object.keys(all)).toHaveLength(2);
    const channels = ['security-email', 'oncall-webhook'].map((key) => all[channelKey(s, key)]);
    expect(channels.map((c) => [c.type, c.labels, c.project])).toEqual([
      ['email', { email_address: 'gcp-security@example.com' }, 'example-logging-prd'],
      ['webhook_basicauth', { url: 'https://oncall.example.com/hooks/gcp', username: 'gcp-alerts' }, 'example-logging-prd'],
    ]);
    expect(channels.map((c) => c.sensitive_labels)).toEqual([undefined, { password: '${var.oncall_webhook_password}' }]);
  });

  it('keeps the webhook credential out of the synthesized JSON and out of labels: only a sensitive label from a sensitive variable', () => {
    expect(s.alerting.variable).toEqual({
      oncall_webhook_password: expect.objectContaining({ type: 'string', sensitive: true, nullable: false }),
    });
    expect(s.alertingText).not.toContain('s3cr3t-t0ken');
    const labels = Object.values(s.alerting.resource.google_monitoring_notification_channel as Record<string, Json>).map((c) => c.labels);
    expect(JSON.stringify(labels)).not.toContain('var.');
  });

  describe('failed sign-ins', () => {
    const defaultFilter =
      'protoPayload.serviceName="login.googleapis.com" AND protoPayload.methodName="google.login.LoginService.loginFailure"';

    it('alerts on more than 5 failures to one account in 300s, per account, on the default Google sign-in filter', () => {
      const { key, metric } = metricNamed(s, 'baseline-failed-sign-ins-per-account');
      expect(metric.filter).toBe(defaultFilter);
      expect(metric.label_extractors).toEqual({ account: 'EXTRACT(protoPayload.authenticationInfo.principalEmail)' });
      expect(metric.metric_descriptor.labels.map((l: Json) => l.key)).toEqual(['account']);
      const policy = policyOn(s, key);
      const { condition, aggregation } = thresholdOf(policy);
      expect(policy.enabled).toBe(true);
      expect([condition.comparison, condition.threshold_value]).toEqual(['COMPARISON_GT', 5]);
      expect(aggregation).toEqual({
        alignment_period: '300s',
        per_series_aligner: 'ALIGN_DELTA',
        cross_series_reducer: 'REDUCE_SUM',
        group_by_fields: ['metric.label.account'],
      });
      expect(policy.notification_channels).toEqual(exampleChannelNames(s));
    });

    it('alerts on more than 50 failures across the organization in 300s, summed over every account', () => {
      const { key, metric } = metricNamed(s, 'baseline-failed-sign-ins-organization');
      expect(metric.filter).toBe(defaultFilter);
      const policy = policyOn(s, key);
      const { condition, aggregation } = thresholdOf(policy);
      expect([condition.comparison, condition.threshold_value]).toEqual(['COMPARISON_GT', 50]);
      expect(aggregation).toEqual({
        alignment_period: '300s',
        per_series_aligner: 'ALIGN_DELTA',
        cross_series_reducer: 'REDUCE_SUM',
        group_by_fields: [],
      });
      expect(policy.notification_channels).toEqual(exampleChannelNames(s));
    });
  });

  describe('baseline detections', () => {
    const expectPolicyWithChannels = (metricName: string) => {
      const { key } = metricNamed(s, metricName);
      const policy = policyOn(s, key);
      expect(policy.enabled).toBe(true);
      expect(thresholdOf(policy).condition.threshold_value).toBe(0);
      expect(policy.notification_channels).toEqual(exampleChannelNames(s));
    };

    it('alerts on any Secret Manager call naming the canary but the plan-time GetSecret, by the id from the secrets stack', () => {
      const { metric } = metricNamed(s, 'baseline-canary-secret-access');
      const secretId = remoteReference(s, 'google_secret_manager_secret.canary.secret_id');
      expect(metric.filter).toBe(
        `protoPayload.serviceName="secretmanager.googleapis.com" AND protoPayload.resourceName=~"/secrets/${secretId}(/|$)" AND NOT protoPayload.methodName="google.cloud.secretmanager.v1.SecretManagerService.GetSecret"`,
      );
      expect(metric.bucket_name).toBe(remoteReference(s, 'google_logging_project_bucket_config.central-bucket.id'));
      expectPolicyWithChannels('baseline-canary-secret-access');
    });

    it('alerts on service account key creation and upload', () => {
      expect(metricNamed(s, 'baseline-service-account-key-creation').metric.filter).toBe(
        'protoPayload.serviceName="iam.googleapis.com" AND (protoPayload.methodName="google.iam.admin.v1.CreateServiceAccountKey" OR protoPayload.methodName="google.iam.admin.v1.UploadServiceAccountKey")',
      );
      expectPolicyWithChannels('baseline-service-account-key-creation');
    });

    it('alerts when the break-glass group enters or leaves an IAM policy, changes membership, or one of its accounts acts', () => {
      expect(metricNamed(s, 'baseline-break-glass-use').metric.filter).toBe(
        [
          '(protoPayload.serviceData.policyDelta.bindingDeltas.member="group:gcp-break-glass@example.com")',
          '(protoPayload.authenticationInfo.principalEmail="break-glass-1@example.com")',
          '(protoPayload.authenticationInfo.principalEmail="break-glass-2@example.com")',
          '(protoPayload.serviceName="admin.googleapis.com" AND (protoPayload.metadata.event.eventName="ADD_GROUP_MEMBER" OR protoPayload.metadata.event.eventName="REMOVE_GROUP_MEMBER" OR protoPayload.metadata.event.eventName="UPDATE_GROUP_MEMBER") AND (protoPayload.metadata.event.parameter.value="gcp-break-glass@example.com"))',
        ].join(' OR '),
      );
      expectPolicyWithChannels('baseline-break-glass-use');
    });

    it('alerts on changes to sinks, buckets, exclusions and audit config', () => {
      const { filter } = metricNamed(s, 'baseline-logging-tampering').metric;
      for (const method of ['UpdateSink', 'DeleteSink', 'UpdateBucket', 'DeleteBucket', 'CreateExclusion']) {
        expect(filter).toContain(`protoPayload.methodName="google.logging.v2.ConfigServiceV2.${method}"`);
      }
      expect(filter).toContain('protoPayload.methodName="google.logging.v2.LoggingServiceV2.DeleteLog"');
      expect(filter).toMatch(/\) OR protoPayload\.serviceData\.policyDelta\.auditConfigDeltas:\*$/);
      expectPolicyWithChannels('baseline-logging-tampering');
    });

    it('alerts on org policy changes through the v2 and the v1 API', () => {
      const { filter } = metricNamed(s, 'baseline-org-policy-changes').metric;
      for (const method of [
        'google.cloud.orgpolicy.v2.OrgPolicy.CreatePolicy',
        'google.cloud.orgpolicy.v2.OrgPolicy.UpdatePolicy',
        'google.cloud.orgpolicy.v2.OrgPolicy.DeletePolicy',
        'SetOrgPolicy',
      ]) {
        expect(filter).toContain(`protoPayload.methodName="${method}"`);
      }
      expectPolicyWithChannels('baseline-org-policy-changes');
    });
  });

  it('draws a dashboard in the logging project with one chart per metric, in five sections and the security-event tables', () => {
    const dashboards = Object.values(s.alerting.resource.google_monitoring_dashboard as Record<string, Json>);
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0].project).toBe('example-logging-prd');
    const tiles: Json[] = JSON.parse(dashboards[0].dashboard_json).mosaicLayout.tiles;
    const charted = tiles
      .filter((t) => t.widget.xyChart)
      .map((t) => /user\/([^"]+)"/.exec(t.widget.xyChart.dataSets[0].timeSeriesQuery.timeSeriesFilter.filter)![1]);
    const metricNames = Object.values(s.alerting.resource.google_logging_metric as Record<string, Json>).map((m) => m.name);
    expect([...charted].sort()).toEqual([...metricNames].sort());
    expect(tiles.filter((t) => t.widget.collapsibleGroup).map((t) => t.widget.title)).toEqual([
      'Configuration changes (CIS 2.5-2.12, org policies)',
      'Identity: sign-ins, keys, break-glass',
      'Secrets',
      'Logging integrity',
      'Log sources delivering (entries per hour; an alert fires on silence)',
      'Security events by class (Log Analytics; same mapping as the security_events views)',
    ]);
    // AND the security-event tables read the central bucket of the example org (analytics on)
    const sql = tiles.filter((t) => t.widget.timeSeriesTable).map((t) => t.widget.timeSeriesTable.dataSets[0].timeSeriesQuery.opsAnalyticsQuery.sql);
    expect(sql).toHaveLength(4);
    for (const query of sql) expect(query).toContain('`example-logging-prd.europe-west1.central-audit._AllLogs`');
  });
});

describe('AlertingStack (org with its own sign-in log and break-glass accounts)', () => {
  let s: Synthesized;
  beforeAll(() => {
    // GIVEN an org whose application logs its own failed sign-ins, with tighter thresholds and a break-glass user
    const raw = exampleRaw();
    raw.alerting.failedLogins = {
      perAccountThreshold: 3,
      organizationThreshold: 40,
      windowSeconds: 600,
      filter: 'jsonPayload.event="login_failed"',
      accountField: 'jsonPayload.user',
    };
    raw.policy.breakGlassPrincipals = ['user:bg-admin@example.com', 'group:not-an-actor@example.com'];
    s = synthAlerting(parseConfig(raw));
  });

  it('counts failed sign-ins with the configured filter and account field, against the configured thresholds', () => {
    const perAccount = metricNamed(s, 'baseline-failed-sign-ins-per-account');
    expect(perAccount.metric.filter).toBe('jsonPayload.event="login_failed"');
    expect(perAccount.metric.label_extractors).toEqual({ account: 'EXTRACT(jsonPayload.user)' });
    const perAccountThreshold = thresholdOf(policyOn(s, perAccount.key));
    expect(perAccountThreshold.condition.threshold_value).toBe(3);
    expect(perAccountThreshold.aggregation.alignment_period).toBe('600s');
    expect(perAccountThreshold.aggregation.group_by_fields).toEqual(['metric.label.account']);

    const organization = metricNamed(s, 'baseline-failed-sign-ins-organization');
    expect(organization.metric.filter).toBe('jsonPayload.event="login_failed"');
    const organizationThreshold = thresholdOf(policyOn(s, organization.key));
    expect(organizationThreshold.condition.threshold_value).toBe(40);
    expect(organizationThreshold.aggregation.alignment_period).toBe('600s');
  });

  it('alerts on any call by a break-glass user, next to the group policy changes (groups cannot act themselves)', () => {
    expect(metricNamed(s, 'baseline-break-glass-use').metric.filter).toContain(
      '(protoPayload.authenticationInfo.principalEmail="break-glass-2@example.com") OR (protoPayload.authenticationInfo.principalEmail="bg-admin@example.com") OR ',
    );
    expect(metricNamed(s, 'baseline-break-glass-use').metric.filter).not.toContain('not-an-actor');
  });
});

describe('AlertingStack (Pub/Sub channel, no wait)', () => {
  it('lets the Monitoring notification agent publish to the channel topic only, and creates policies right after their metrics', () => {
    // GIVEN a Pub/Sub channel and metricPropagationSeconds 0
    const raw = exampleRaw();
    raw.alerting.channels.push({ key: 'soc-topic', type: 'pubsub', topic: 'projects/example-logging-prd/topics/soc-alerts' });
    raw.alerting.metricPropagationSeconds = 0;
    const s = synthAlerting(parseConfig(raw));
    // THEN exactly one publisher grant, to the agent, on that topic
    const project = Object.keys(s.alerting.data.google_project)[0];
    const grants = Object.values(s.alerting.resource.google_pubsub_topic_iam_member as Record<string, Json>);
    expect(grants.map(({ project: p, topic, role, member }) => ({ project: p, topic, role, member }))).toEqual([
      {
        project: 'example-logging-prd',
        topic: 'soc-alerts',
        role: 'roles/pubsub.publisher',
        member: `serviceAccount:service-\${data.google_project.${project}.number}@gcp-sa-monitoring-notification.iam.gserviceaccount.com`,
      },
    ]);
    // AND no sleep: each policy depends on its metric only
    expect(s.alerting.resource.time_sleep).toBeUndefined();
    for (const policy of Object.values(s.alerting.resource.google_monitoring_alert_policy as Record<string, Json>)) {
      expect(policy.depends_on).toHaveLength(1);
      expect(policy.depends_on[0]).toMatch(/^google_logging_metric\./);
    }
  });
});

describe('AlertingStack failures', () => {
  it('fails when the config names no notification channel', () => {
    const config = parseConfig(exampleRaw());
    const noChannels: BaselineConfig = { ...config, alerting: { ...config.alerting, channels: [] } };
    expect(() => synthAlerting(noChannels)).toThrow('NotificationChannels: channels must name at least one channel, got none');
  });
});
