import rule from '../../../../policies/rules/logging/logging-bucket-cmek';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { ARCHIVE, archivePlan, archiveSynth, BUCKET, centralBucket, loggingSynth } from './fixtures';

const KEY = 'projects/example-kms-prd/locations/europe-west1/keyRings/baseline/cryptoKeys/logs';

const bucketPlan = (cmek: unknown, spec: { unknown?: object; references?: Record<string, string[]> } = {}) =>
  plan([{ address: BUCKET, values: centralBucket({ cmek_settings: cmek }), ...spec }]);

runRuleTests(rule, {
  valid: [
    { name: 'synth: the central bucket names its key by reference', input: { synth: synth(loggingSynth()) } },
    { name: 'plan: a known key name', input: { plan: bucketPlan([{ kms_key_name: KEY, kms_key_version_name: null, service_account_id: null }]) } },
    {
      name: 'plan: a key created in the same apply (name known only after apply)',
      input: { plan: bucketPlan([{}], { unknown: { cmek_settings: [{ kms_key_name: true }] }, references: { 'cmek_settings.0.kms_key_name': ['google_kms_crypto_key.logs.id'] } }) },
    },
    { name: 'plan: a sink destination bucket with a default KMS key', input: { plan: archivePlan({ encryption: [{ default_kms_key_name: KEY }] }) } },
    { name: 'synth: a storage bucket no sink writes to is not judged', input: { synth: synth({ google_storage_bucket: { images: { name: 'images', location: 'EU' } } }) } },
  ],
  invalid: [
    {
      name: 'fails synth: no cmek_settings',
      input: { synth: synth(loggingSynth({ google_logging_project_bucket_config: { central: centralBucket({ cmek_settings: undefined }) } })) },
      errors: [{ messageId: 'log-bucket-no-cmek', address: BUCKET, path: 'cmek_settings.kms_key_name' }],
    },
    {
      name: 'fails plan: an empty key name names no key',
      input: { plan: bucketPlan([{ kms_key_name: '', kms_key_version_name: null, service_account_id: null }]) },
      errors: [{ messageId: 'log-bucket-no-cmek', address: BUCKET, path: 'cmek_settings.kms_key_name' }],
    },
    { name: 'fails plan: cmek_settings []', input: { plan: bucketPlan([]) }, errors: [{ messageId: 'log-bucket-no-cmek', address: BUCKET }] },
    { name: 'fails plan: a sink destination bucket with encryption []', input: { plan: archivePlan({ encryption: [] }) }, errors: [{ messageId: 'storage-no-cmek', address: ARCHIVE, path: 'encryption.default_kms_key_name' }] },
    { name: 'fails synth: a sink destination bucket without encryption', input: { synth: archiveSynth({}) }, errors: [{ messageId: 'storage-no-cmek', address: ARCHIVE }] },
    {
      name: 'fails synth (unknown): the whole cmek_settings block from a variable',
      input: { synth: synth({ google_logging_project_bucket_config: { central: centralBucket({ cmek_settings: '${var.cmek_settings}' }) } }) },
      errors: [{ messageId: 'cmek-unknown', address: BUCKET, outcome: 'unknown', path: 'cmek_settings.kms_key_name', message: 'Whether the bucket names a KMS key (cmek_settings.kms_key_name) is known only after apply.' }],
    },
    {
      name: 'fails synth (unknown): a sink destination bucket\'s encryption block from a variable',
      input: { synth: archiveSynth({ encryption: '${var.archive_encryption}' }) },
      errors: [{ messageId: 'cmek-unknown', address: ARCHIVE, outcome: 'unknown', path: 'encryption.default_kms_key_name', message: 'Whether the bucket names a KMS key (encryption.default_kms_key_name) is known only after apply.' }],
    },
    {
      name: 'fails plan (unknown): the cmek_settings block known only after apply',
      input: { plan: bucketPlan(null, { unknown: { cmek_settings: true } }) },
      errors: [{ messageId: 'cmek-unknown', address: BUCKET, outcome: 'unknown' }],
    },
  ],
});
