import { Testing } from 'cdktf';
import { LoggingStack } from '../../stacks/logging-stack';
import { parseConfig } from '../../policies/config/load';
import type { BaselineConfig } from '../../policies/config/org-config';
import {
  addressOf,
  dataAddressOf,
  exampleConfigInput,
  iamResources,
  only,
  ref,
  synthStack,
  type SynthDoc,
} from '../constructs/logging/synth-lookup';
import { cisAuditLogIds } from '../constructs/logging/cis-audit-log-ids';
import { securityEventsSql } from '../../policies/catalog/security-events';

const KEY_USE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

function synthLogging(config: BaselineConfig): { doc: SynthDoc; stack: LoggingStack } {
  const stack = new LoggingStack(Testing.app(), 'logging', { config });
  return { doc: synthStack(stack).doc, stack };
}

const example = () => parseConfig(exampleConfigInput());
const keyNamed = (doc: SynthDoc, name: string) => addressOf(doc, 'google_kms_crypto_key', (v) => v.name === name);
const sinkNamed = (doc: SynthDoc, name: string) => addressOf(doc, 'google_logging_organization_sink', (v) => v.name === name);
const bucketNamed = (doc: SynthDoc, name: string) => addressOf(doc, 'google_storage_bucket', (v) => v.name === name);
const accountNamed = (doc: SynthDoc, id: string) => addressOf(doc, 'google_service_account', (v) => v.account_id === id);
/** The one data source of `type` whose construct path starts with `prefix` (two buckets each read their storage agent). */
function dataUnder(doc: SynthDoc, type: string, prefix: string): string {
  const names = Object.keys(doc.data?.[type] ?? {}).filter((n) => n.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one ${type} under ${prefix}, found ${names.length}`);
  return `data.${type}.${names[0]}`;
}

describe('LoggingStack (example org)', () => {
  const { doc, stack } = synthLogging(example());

  it('makes exactly these grants and no others', () => {
    // GIVEN the example org (archive and SIEM configured) WHEN synthesized THEN the complete list of grants is:
    const cmek = dataAddressOf(doc, 'google_logging_project_cmek_settings');
    const orgSettings = dataAddressOf(doc, 'google_logging_organization_settings');
    const storageAgent = dataUnder(doc, 'google_storage_project_service_account', 'Archive_');
    const landingAgent = dataUnder(doc, 'google_storage_project_service_account', 'Landing-github-audit_');
    const loggingProject = dataAddressOf(doc, 'google_project');
    const topic = addressOf(doc, 'google_pubsub_topic');
    const subscription = addressOf(doc, 'google_pubsub_subscription');
    const view = addressOf(doc, 'google_logging_log_view');
    const keyGrant = (key: string, member: string) => ({
      type: 'google_kms_crypto_key_iam_member',
      values: { crypto_key_id: ref(keyNamed(doc, key), 'id'), role: KEY_USE, member },
    });
    expect(iamResources(doc)).toEqual(
      [
        // CMEK: each service identity may use exactly its own key
        keyGrant('central-log-bucket', `serviceAccount:${ref(cmek, 'service_account_id')}`),
        keyGrant('org-log-settings', `serviceAccount:${ref(orgSettings, 'kms_service_account_id')}`),
        keyGrant('audit-archive', ref(storageAgent, 'member')),
        keyGrant('landing-github-audit', ref(landingAgent, 'member')),
        keyGrant('siem-topic', `serviceAccount:service-${ref(loggingProject, 'number')}@gcp-sa-pubsub.iam.gserviceaccount.com`),
        // Sink writers: one role each, on exactly their destination
        {
          type: 'google_project_iam_member',
          values: {
            project: 'example-logging-prd',
            role: 'roles/logging.bucketWriter',
            member: ref(sinkNamed(doc, 'baseline-central-logs'), 'writer_identity'),
            condition: {
              title: 'write to log bucket central-audit only',
              description: 'Sink baseline-central-logs writes to this one bucket; buckets have no IAM policy of their own.',
              expression: 'resource.name.endsWith("locations/europe-west1/buckets/central-audit")',
            },
          },
        },
        {
          type: 'google_storage_bucket_iam_member',
          values: {
            bucket: ref(bucketNamed(doc, 'example-com-audit-archive'), 'name'),
            role: 'roles/storage.objectCreator',
            member: ref(sinkNamed(doc, 'baseline-audit-archive'), 'writer_identity'),
          },
        },
        // Log sources: GitHub's writer may create objects in its landing bucket and nothing else;
        // the checkout service may write log entries in the one project it runs in
        {
          type: 'google_storage_bucket_iam_member',
          values: {
            bucket: ref(bucketNamed(doc, 'example-com-github-audit'), 'name'),
            role: 'roles/storage.objectCreator',
            member: ref(accountNamed(doc, 'github-audit-writer'), 'member'),
          },
        },
        {
          type: 'google_project_iam_member',
          values: {
            role: 'roles/logging.logWriter',
            member: 'serviceAccount:checkout-api@example-app-prd.iam.gserviceaccount.com',
            project: 'example-app-prd',
          },
        },
        {
          type: 'google_pubsub_topic_iam_member',
          values: {
            project: ref(topic, 'project'),
            topic: ref(topic, 'name'),
            role: 'roles/pubsub.publisher',
            member: ref(sinkNamed(doc, 'baseline-audit-siem'), 'writer_identity'),
          },
        },
        // People and the SIEM: read access on one view, pull on one subscription
        {
          type: 'google_logging_log_view_iam_member',
          values: {
            parent: ref(view, 'parent'),
            location: ref(view, 'location'),
            bucket: ref(view, 'bucket'),
            name: ref(view, 'name'),
            role: 'roles/logging.viewAccessor',
            member: 'group:gcp-auditors@example.com',
          },
        },
        {
          type: 'google_pubsub_subscription_iam_member',
          values: {
            project: ref(subscription, 'project'),
            subscription: ref(subscription, 'name'),
            role: 'roles/pubsub.subscriber',
            member: ref(accountNamed(doc, 'siem-reader'), 'member'),
          },
        },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    // AND the data sources the members come from read the right project / org
    expect(doc.data).toEqual({
      google_logging_project_cmek_settings: { [cmek.split('.')[2]]: { project: 'example-logging-prd' } },
      google_logging_organization_settings: { [orgSettings.split('.')[2]]: { organization: '123456789012' } },
      google_storage_project_service_account: {
        [storageAgent.split('.')[2]]: { project: 'example-logging-prd' },
        [landingAgent.split('.')[2]]: { project: 'example-logging-prd' },
      },
      google_project: { [loggingProject.split('.')[2]]: { project_id: 'example-logging-prd' } },
    });
  });

  it('routes every audit log stream of the whole org to the central bucket, with the extra filters OR-ed (CIS 2.3)', () => {
    const sink = only(doc, 'google_logging_organization_sink', (v) => v.name === 'baseline-central-logs');
    expect(sink.org_id).toBe('123456789012');
    expect(sink.include_children).toBe(true);
    expect(sink.destination).toBe('logging.googleapis.com/projects/example-logging-prd/locations/europe-west1/buckets/central-audit');
    const filter = String(sink.filter);
    for (const id of cisAuditLogIds()) expect(filter).toContain(`logName:"/logs/${id}"`);
    // AND the log of the logging-api source, so its absence alert on the central bucket can see it
    expect(filter.endsWith(' OR (log_id("compute.googleapis.com/firewall")) OR (log_id("requests")) OR (log_id("checkout-api"))')).toBe(true);
    expect(sink.exclusions).toEqual([
      {
        name: 'drop-lb-health-checks',
        description: 'Load balancer health checks are noise and cost money.',
        filter: '(resource.type="http_load_balancer" AND httpRequest.userAgent:"GoogleHC") AND NOT logName:"/logs/cloudaudit.googleapis.com%2F"',
      },
    ]);
  });

  it('routes the audit logs alone, with no exclusions, to the archive and the SIEM', () => {
    const auditOnly = cisAuditLogIds().map((id) => `logName:"/logs/${id}"`);
    for (const [name, destination] of [
      ['baseline-audit-archive', 'storage.googleapis.com/example-com-audit-archive'],
      ['baseline-audit-siem', 'pubsub.googleapis.com/projects/example-logging-prd/topics/audit-to-siem'],
    ]) {
      const sink = only(doc, 'google_logging_organization_sink', (v) => v.name === name);
      expect([sink.include_children, sink.destination, sink.exclusions]).toEqual([true, destination, undefined]);
      expect(String(sink.filter).split(' OR ').sort()).toEqual([...auditOnly].sort());
    }
  });

  it('keeps the central bucket for 400 days, CMEK-encrypted, with Log Analytics and a linked dataset, unlocked for the first deploy', () => {
    const bucket = only(doc, 'google_logging_project_bucket_config');
    expect(bucket).toMatchObject({
      project: 'example-logging-prd',
      location: 'europe-west1',
      bucket_id: 'central-audit',
      retention_days: 400,
      locked: false,
      enable_analytics: true,
      cmek_settings: { kms_key_name: ref(keyNamed(doc, 'central-log-bucket'), 'id') },
    });
    expect(only(doc, 'google_logging_linked_dataset')).toMatchObject({
      bucket: ref(addressOf(doc, 'google_logging_project_bucket_config'), 'id'),
      link_id: 'central_audit_logs',
    });
    // AND the stack exposes that bucket to the alerting stack
    expect(addressOf(doc, 'google_logging_project_bucket_config')).toBe(`google_logging_project_bucket_config.${stack.centralBucket.friendlyUniqueId}`);
  });

  it('normalizes the central bucket in BigQuery: security-event views beside the linked dataset, with the declared application log', () => {
    const apps = example().logging.applicationLogs;
    expect(apps.map((a) => a.logId)).toEqual(['checkout-api']);
    expect(only(doc, 'google_bigquery_dataset')).toEqual({
      project: 'example-logging-prd',
      dataset_id: 'security_events',
      location: 'europe-west1',
      description: 'Security events: views normalizing the central log bucket to one schema (OCSF attribute names), generated by the baseline.',
      depends_on: [addressOf(doc, 'google_logging_linked_dataset')],
    });
    const union = only(doc, 'google_bigquery_table', (v) => v.table_id === 'security_events');
    expect(union.view).toEqual({ query: securityEventsSql('`example-logging-prd.central_audit_logs._AllLogs`', apps), use_legacy_sql: false });
    expect(Object.values(doc.resource?.google_bigquery_table ?? {}).map((v) => v.table_id)).toEqual([
      'security_events',
      'security_events_api_activity',
      'security_events_authentication',
      'security_events_network_activity',
      'security_events_other',
    ]);
  });

  it('keeps the archive for 2555 days, unlocked until the deliberate second apply, uniform access, public access prevented, CMEK with a key in europe', () => {
    expect(only(doc, 'google_storage_bucket', (v) => v.name === 'example-com-audit-archive')).toMatchObject({
      name: 'example-com-audit-archive',
      location: 'EU',
      storage_class: 'ARCHIVE',
      retention_policy: { retention_period: 2555 * 86400, is_locked: false },
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      encryption: { default_kms_key_name: ref(keyNamed(doc, 'audit-archive'), 'id') },
    });
  });

  it('sets the org default log location and CMEK key', () => {
    expect(only(doc, 'google_logging_organization_settings')).toMatchObject({
      organization: '123456789012',
      storage_location: 'europe-west1',
      kms_key_name: ref(keyNamed(doc, 'org-log-settings'), 'id'),
    });
  });

  it('gives auditors one view per configured view, and none of them shows Data Access logs', () => {
    expect(Object.values(doc.resource?.google_logging_log_view ?? {})).toEqual([
      {
        bucket: ref(addressOf(doc, 'google_logging_project_bucket_config'), 'id'),
        name: 'audit-no-data-access',
        filter: 'NOT LOG_ID("cloudaudit.googleapis.com/data_access")',
        description: 'Entries matching: NOT LOG_ID("cloudaudit.googleapis.com/data_access") (baseline).',
      },
    ]);
  });

  it('creates the SIEM reader it lets pull, in the logging project', () => {
    expect(only(doc, 'google_service_account', (v) => v.account_id === 'siem-reader')).toMatchObject({ project: 'example-logging-prd', account_id: 'siem-reader' });
  });

  it('locks the central bucket only when config asks for the second step', () => {
    // GIVEN the example org with logging.bucket.locked: true WHEN synthesized THEN the bucket is locked
    const raw = exampleConfigInput();
    raw.logging.bucket.locked = true;
    expect(only(synthLogging(parseConfig(raw)).doc, 'google_logging_project_bucket_config').locked).toBe(true);
  });

  it('ANDs the Data Access exclusion to a configured view filter', () => {
    const raw = exampleConfigInput();
    raw.logging.auditorViews = [{ id: 'prod', filter: 'SOURCE("folders/42")' }];
    expect(only(synthLogging(parseConfig(raw)).doc, 'google_logging_log_view').filter).toBe(
      'SOURCE("folders/42") AND NOT LOG_ID("cloudaudit.googleapis.com/data_access")',
    );
  });

  it('keeps every key in the kms project, rotating every 90 days (CIS 1.11), next to the data it protects', () => {
    const rings = Object.values(doc.resource?.google_kms_key_ring ?? {}).map((r) => [r.name, r.project, r.location]);
    expect(rings.sort()).toEqual([
      ['baseline-audit-archive', 'example-kms-prd', 'europe'],
      ['baseline-central-log-bucket', 'example-kms-prd', 'europe-west1'],
      ['baseline-landing-github-audit', 'example-kms-prd', 'europe'],
      ['baseline-org-log-settings', 'example-kms-prd', 'europe-west1'],
      ['baseline-siem-topic', 'example-kms-prd', 'europe-west1'],
    ]);
    for (const key of Object.values(doc.resource?.google_kms_crypto_key ?? {})) {
      expect([key.rotation_period, key.lifecycle]).toEqual(['7776000s', { prevent_destroy: true }]);
    }
  });
});

describe('LoggingStack (variations)', () => {
  it('makes only the central sink, settings and view grants without archive and SIEM', () => {
    // GIVEN the example org without archive and siem
    const input = exampleConfigInput();
    delete input.logging.archive;
    delete input.logging.siem;
    delete input.logging.sources;
    const { doc, stack } = synthLogging(parseConfig(input));
    // THEN
    expect(iamResources(doc).map((g) => `${g.type} ${String(g.values.role)}`)).toEqual([
      'google_kms_crypto_key_iam_member roles/cloudkms.cryptoKeyEncrypterDecrypter',
      'google_kms_crypto_key_iam_member roles/cloudkms.cryptoKeyEncrypterDecrypter',
      'google_logging_log_view_iam_member roles/logging.viewAccessor',
      'google_project_iam_member roles/logging.bucketWriter',
    ]);
    expect([stack.archiveSink, stack.siemSink]).toEqual([undefined, undefined]);
    expect(Object.keys(doc.resource?.google_logging_organization_sink ?? {})).toHaveLength(1);
  });

  it('makes no linked dataset when analytics is off', () => {
    const input = exampleConfigInput();
    input.logging.bucket.analytics = false;
    const { doc } = synthLogging(parseConfig(input));
    expect(only(doc, 'google_logging_project_bucket_config').enable_analytics).toBe(false);
    expect(doc.resource?.google_logging_linked_dataset).toBeUndefined();
    // AND so no security-event views: they read the linked dataset
    expect(doc.resource?.google_bigquery_dataset).toBeUndefined();
    expect(doc.resource?.google_bigquery_table).toBeUndefined();
  });

  it('fails on a central bucket retention below 365 days even when the config skipped validation', () => {
    const config = example();
    const shortRetention = { ...config, logging: { ...config.logging, bucket: { ...config.logging.bucket, retentionDays: 90 } } };
    expect(() => synthLogging(shortRetention)).toThrow('retentionDays must be a whole number from 365 to 3650, got 90');
  });

  it('fails on an exclusion that would drop audit logs even when the config skipped validation', () => {
    const config = example();
    const dropsAudit = {
      ...config,
      logging: {
        ...config.logging,
        exclusions: [{ name: 'no-data-access', description: 'Too expensive to keep.', filter: 'log_id("cloudaudit.googleapis.com/data_access")' }],
      },
    };
    expect(() => synthLogging(dropsAudit)).toThrow('exclusion "no-data-access" would drop audit logs (CIS GCP 2.3)');
  });

  it('fails on key rotation above 90 days even when the config skipped validation', () => {
    const config = example();
    expect(() => synthLogging({ ...config, kms: { ...config.kms, rotationDays: 120 } })).toThrow(
      'rotationDays must be a whole number from 1 to 90 (rotation_period <= 7776000s, CIS GCP 1.11), got 120 (10368000s)',
    );
  });
});
