import rule from '../../../../policies/rules/logging/logging-bucket-locked';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { ARCHIVE, archivePlan, archiveSynth, BUCKET, centralBucket, loggingSynth } from './fixtures';

const SEVEN_YEARS = 2555 * 86400;

const bucketPlan = (extra: Record<string, unknown>, unknown: object = {}) => plan([{ address: BUCKET, values: centralBucket({ cmek_settings: [], ...extra }), unknown }]);

runRuleTests(rule, {
  valid: [
    { name: 'synth: the central bucket is locked', input: { synth: synth(loggingSynth()) } },
    { name: 'plan: a locked project bucket', input: { plan: bucketPlan({ locked: true }) } },
    { name: 'plan: a sink destination bucket with a locked retention policy', input: { plan: archivePlan({ retention_policy: [{ retention_period: SEVEN_YEARS, is_locked: true }] }) } },
    {
      name: 'synth: an unlocked storage bucket no sink writes to is not judged',
      input: { synth: synth({ google_storage_bucket: { images: { name: 'images', location: 'EU' } } }) },
    },
    {
      name: 'plan: an organization bucket config has no locked argument and is not judged',
      notApplicable: 'no resources of the types this rule checks',
      input: { plan: plan([{ address: 'google_logging_organization_bucket_config.default', values: { organization: '123456789012', location: 'global', bucket_id: '_Default', retention_days: 400 } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails synth: locked = false',
      input: { synth: synth(loggingSynth({ google_logging_project_bucket_config: { central: centralBucket({ locked: false }) } })) },
      errors: [{ messageId: 'log-bucket-not-locked', address: BUCKET, path: 'locked' }],
    },
    { name: 'fails plan: locked null', input: { plan: bucketPlan({ locked: null }) }, errors: [{ messageId: 'log-bucket-not-locked', address: BUCKET, path: 'locked' }] },
    {
      name: 'fails synth: a sink destination bucket with an unlocked retention policy',
      input: { synth: archiveSynth({ retention_policy: { retention_period: SEVEN_YEARS, is_locked: false } }) },
      errors: [{ messageId: 'storage-not-locked', address: ARCHIVE, path: 'retention_policy.is_locked' }],
    },
    {
      name: 'fails plan: a sink destination bucket without retention policy',
      input: { plan: archivePlan({ retention_policy: [] }) },
      errors: [{ messageId: 'no-retention-policy', address: ARCHIVE, path: 'retention_policy' }],
    },
    {
      name: 'fails synth (unknown): locked from a variable',
      input: { synth: synth({ google_logging_project_bucket_config: { central: centralBucket({ locked: '${var.lock_bucket}' }) } }) },
      errors: [{ messageId: 'lock-unknown', address: BUCKET, outcome: 'unknown', path: 'locked', message: 'Whether the bucket is locked (locked) is known only after apply.' }],
    },
    {
      name: 'fails synth: a sink destination bucket with no retention policy at all',
      input: { synth: archiveSynth({}) },
      errors: [{ messageId: 'no-retention-policy', address: ARCHIVE, path: 'retention_policy' }],
    },
    {
      name: 'fails synth (unknown): a sink destination bucket whose retention lock comes from a variable',
      input: { synth: archiveSynth({ retention_policy: { retention_period: SEVEN_YEARS, is_locked: '${var.lock_archive}' } }) },
      errors: [
        { messageId: 'lock-unknown', address: ARCHIVE, outcome: 'unknown', path: 'retention_policy', message: 'Whether the bucket is locked (retention_policy.is_locked) is known only after apply.' },
      ],
    },
    {
      name: 'fails plan (unknown): a sink destination bucket whose retention policy is known only after apply',
      input: { plan: archivePlan({ retention_policy: [] }, { retention_policy: true }) },
      errors: [{ messageId: 'lock-unknown', address: ARCHIVE, outcome: 'unknown', path: 'retention_policy' }],
    },
    {
      name: 'fails plan (unknown): locked known only after apply',
      input: { plan: bucketPlan({ locked: null }, { locked: true }) },
      errors: [{ messageId: 'lock-unknown', address: BUCKET, outcome: 'unknown' }],
    },
  ],
});
