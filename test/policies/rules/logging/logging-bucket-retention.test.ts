import rule from '../../../../policies/rules/logging/logging-bucket-retention';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { BUCKET, centralBucket, loggingSynth, orgSink } from './fixtures';

const ARCHIVE = 'google_storage_bucket.archive';
const ARCHIVE_URI = 'storage.googleapis.com/example-com-audit-archive';
const YEAR_SECONDS = 365 * 86400;

/** A storage bucket an org sink writes to (literal URI, as the OrgSink construct writes it). */
const archiveSynth = (bucket: Record<string, unknown>) =>
  synth({
    google_storage_bucket: { archive: { name: 'example-com-audit-archive', location: 'EU', ...bucket } },
    google_logging_organization_sink: { archive: orgSink({ name: 'org-archive', destination: ARCHIVE_URI }) },
  });
const archivePlan = (bucket: Record<string, unknown>, unknown: object = {}) =>
  plan([
    { address: ARCHIVE, values: { name: 'example-com-audit-archive', location: 'EU', ...bucket }, unknown },
    { address: 'google_logging_organization_sink.archive', values: orgSink({ name: 'org-archive', destination: ARCHIVE_URI }), unknown: { writer_identity: true } },
  ]);
const bucketPlan = (extra: Record<string, unknown>, spec: { action?: 'delete'; unknown?: object } = {}) =>
  plan([{ address: BUCKET, values: centralBucket({ cmek_settings: [], ...extra }), ...spec }]);

runRuleTests(rule, {
  valid: [
    { name: 'synth: the central bucket keeps 400 days', input: { synth: synth(loggingSynth()) } },
    { name: 'plan: exactly the 365-day minimum', input: { plan: bucketPlan({ retention_days: 365 }) } },
    { name: 'synth: an archive bucket a sink writes to keeps 7 years', input: { synth: archiveSynth({ retention_policy: { retention_period: 2555 * 86400, is_locked: true } }) } },
    { name: 'plan: a sink destination bucket keeping exactly the minimum', input: { plan: archivePlan({ retention_policy: [{ retention_period: YEAR_SECONDS, is_locked: true }] }) } },
    {
      name: 'plan: a storage bucket no sink writes to is not judged',
      input: { plan: plan([{ address: 'google_storage_bucket.images', values: { name: 'images', retention_policy: [] } }]) },
    },
    { name: 'plan: a bucket being deleted is not judged', input: { plan: bucketPlan({ retention_days: 7 }, { action: 'delete' }) } },
    {
      name: 'synth: the _Required bucket (fixed by Google) is not judged',
      input: { synth: synth({ google_logging_project_bucket_config: { required: centralBucket({ bucket_id: '_Required', retention_days: undefined }) } }) },
    },
    {
      name: 'synth: no retention_days means 30 days, enough under a 30-day minimum',
      input: { synth: synth({ google_logging_project_bucket_config: { central: centralBucket({ retention_days: undefined }) } }) },
      params: { minimumRetentionDays: 30 },
    },
  ],
  invalid: [
    {
      name: 'fails synth: 90 days on the central bucket',
      input: { synth: synth(loggingSynth({ google_logging_project_bucket_config: { central: centralBucket({ retention_days: 90 }) } })) },
      errors: [{ messageId: 'retention-too-short', address: BUCKET, path: 'retention_days', message: 'Logs are kept 90 days; at least 365 required.' }],
    },
    {
      name: 'fails plan: one day under the minimum',
      input: { plan: bucketPlan({ retention_days: 364 }) },
      errors: [{ messageId: 'retention-too-short', address: BUCKET, path: 'retention_days', message: 'Logs are kept 364 days; at least 365 required.' }],
    },
    {
      name: 'fails plan: retention_days null keeps the 30-day default',
      input: { plan: bucketPlan({ retention_days: null }) },
      errors: [
        {
          messageId: 'default-retention',
          address: BUCKET,
          path: 'retention_days',
          message: 'Log bucket sets no retention_days, so Cloud Logging keeps entries 30 days; at least 365 required.',
        },
      ],
    },
    {
      name: 'fails plan: a folder bucket config with 30 days',
      input: { plan: plan([{ address: 'google_logging_folder_bucket_config.default', values: { folder: 'folders/123', location: 'global', bucket_id: '_Default', retention_days: 30 } }]) },
      errors: [{ messageId: 'retention-too-short', address: 'google_logging_folder_bucket_config.default' }],
    },
    {
      name: 'fails plan: a sink destination bucket without retention_policy',
      input: { plan: archivePlan({ retention_policy: [] }) },
      errors: [
        {
          messageId: 'no-retention-policy',
          address: ARCHIVE,
          path: 'retention_policy',
          message: 'Storage bucket receives logs from a sink but has no retention_policy: objects can be deleted at any time; at least 365 days required.',
        },
      ],
    },
    {
      name: 'fails synth: a sink destination bucket keeps one day less than a year',
      input: { synth: archiveSynth({ retention_policy: { retention_period: YEAR_SECONDS - 86400 } }) },
      errors: [{ messageId: 'retention-too-short', address: ARCHIVE, path: 'retention_policy.retention_period', message: 'Logs are kept 364 days; at least 365 required.' }],
    },
    {
      name: 'fails plan: a sink destination bucket keeps one second less than a year (days shown to two decimals)',
      input: { plan: archivePlan({ retention_policy: [{ retention_period: YEAR_SECONDS - 1, is_locked: false }] }) },
      errors: [{ messageId: 'retention-too-short', address: ARCHIVE, path: 'retention_policy.retention_period', message: 'Logs are kept 364.99 days; at least 365 required.' }],
    },
    {
      name: 'fails synth (unknown): retention_days from a variable',
      input: { synth: synth({ google_logging_project_bucket_config: { central: centralBucket({ retention_days: '${var.retention_days}' }) } }) },
      errors: [{ messageId: 'retention-unknown', address: BUCKET, outcome: 'unknown', path: 'retention_days', message: 'Retention (retention_days) is known only after apply.' }],
    },
    {
      name: 'fails plan (unknown): the destination bucket retention period is known only after apply',
      input: { plan: archivePlan({ retention_policy: [{ is_locked: true }] }, { retention_policy: [{ retention_period: true }] }) },
      errors: [
        { messageId: 'retention-unknown', address: ARCHIVE, outcome: 'unknown', path: 'retention_policy', message: 'Retention (retention_policy.retention_period) is known only after apply.' },
      ],
    },
    {
      name: 'fails plan (unknown): the destination bucket\'s whole retention policy is known only after apply',
      input: { plan: archivePlan({ retention_policy: [] }, { retention_policy: true }) },
      errors: [{ messageId: 'retention-unknown', address: ARCHIVE, outcome: 'unknown', path: 'retention_policy' }],
    },
  ],
});
