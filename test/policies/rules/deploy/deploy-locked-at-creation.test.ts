import { readFileSync } from 'node:fs';
import rule from '../../../../policies/rules/deploy/deploy-locked-at-creation';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { fixture } from '../../../support/fixtures';
import { planFiles } from '../../engine/corpus';
import { corpusInput } from '../secrets/corpus-input';

const LOG_BUCKET = 'google_logging_project_bucket_config.central';
const ARCHIVE = 'google_storage_bucket.archive';
const SEVEN_YEARS = 2555 * 86400;

const logBucket = (locked: unknown) => ({ project: 'example-logging-prd', location: 'europe-west1', bucket_id: 'central-audit', retention_days: 400, locked });
const archive = (isLocked: unknown) => ({ name: 'example-com-audit-archive', location: 'EU', retention_policy: { retention_period: SEVEN_YEARS, is_locked: isLocked } });
const archivePlanValues = (isLocked: unknown) => ({ ...archive(isLocked), retention_policy: [{ retention_period: SEVEN_YEARS, is_locked: isLocked }] });

/** The baseline's own logging stack before the fix: both buckets locked in the apply that creates them. */
const prefixLogging = JSON.parse(readFileSync(fixture('baseline-prefix', 'deploy-locked-at-creation', 'logging.json'), 'utf8')) as Record<string, unknown>;

runRuleTests(rule, {
  valid: [
    { name: 'synth: buckets created unlocked (the first apply)', input: { synth: synth({ google_logging_project_bucket_config: { central: logBucket(false) }, google_storage_bucket: { archive: archive(false) } }) } },
    {
      name: 'synth: a locked bucket adopted with a cdktf import block is not a creation',
      input: {
        synth: {
          ...synth({ google_logging_project_bucket_config: { central: logBucket(true) }, google_storage_bucket: { archive: archive(true) } }),
          import: [
            { to: LOG_BUCKET, id: 'projects/example-logging-prd/locations/europe-west1/buckets/central-audit' },
            { to: ARCHIVE, id: 'example-com-audit-archive', provider: 'google' },
          ],
        },
      },
    },
    {
      name: 'plan: locking existing buckets in a second apply (update)',
      input: {
        plan: plan([
          { address: LOG_BUCKET, values: logBucket(true), before: logBucket(false), action: 'update' },
          { address: ARCHIVE, values: archivePlanValues(true), before: archivePlanValues(false), action: 'update' },
        ]),
      },
    },
    { name: 'plan: importing a locked bucket', input: { plan: plan([{ address: LOG_BUCKET, values: logBucket(true), action: 'no-op', importing: 'projects/example-logging-prd/locations/europe-west1/buckets/central-audit' }]) } },
    { name: 'plan: a new storage bucket without retention policy', input: { plan: plan([{ address: ARCHIVE, values: { name: 'x', location: 'EU', retention_policy: [] } }]) } },
    { name: 'plan: deleting a locked bucket is not a creation', input: { plan: plan([{ address: LOG_BUCKET, values: logBucket(true), action: 'delete' }]) } },
  ],
  invalid: [
    {
      name: 'fails synth (baseline before the fix): the central log bucket and the archive locked at creation',
      input: { synth: prefixLogging },
      errors: [
        { messageId: 'log-bucket-locked-at-creation', address: 'google_logging_project_bucket_config.CentralBucket_1B298012' },
        { messageId: 'storage-locked-at-creation', address: 'google_storage_bucket.Archive_DA4CB258' },
      ],
    },
    {
      name: 'fails synth: an import block for another resource does not adopt this one',
      input: { synth: { ...synth({ google_logging_project_bucket_config: { central: logBucket(true), other: logBucket(false) } }), import: [{ to: 'google_logging_project_bucket_config.other', id: 'x' }] } },
      errors: [{ messageId: 'log-bucket-locked-at-creation', address: LOG_BUCKET }],
    },
    {
      name: 'fails plan: created locked',
      input: { plan: plan([{ address: LOG_BUCKET, values: logBucket(true) }, { address: ARCHIVE, values: archivePlanValues(true) }]) },
      errors: [
        { messageId: 'log-bucket-locked-at-creation', address: LOG_BUCKET, path: 'locked' },
        { messageId: 'storage-locked-at-creation', address: ARCHIVE, path: 'retention_policy.is_locked' },
      ],
    },
    {
      name: 'fails plan: replaced, and the new bucket is locked',
      input: { plan: plan([{ address: 'module.logs.google_storage_bucket.archive', values: archivePlanValues(true), before: archivePlanValues(false), action: 'replace' }]) },
      errors: [{ messageId: 'storage-locked-at-creation', address: 'module.logs.google_storage_bucket.archive' }],
    },
    {
      name: 'fails synth (unknown): the lock comes from a variable',
      input: { synth: synth({ google_logging_project_bucket_config: { central: logBucket('${var.lock_bucket}') } }) },
      errors: [{ messageId: 'lock-unknown', address: LOG_BUCKET, outcome: 'unknown', path: 'locked' }],
    },
    {
      name: 'fails plan (unknown): the lock is known only after apply',
      input: { plan: plan([{ address: ARCHIVE, values: archivePlanValues(null), unknown: { retention_policy: [{ is_locked: true }] } }]) },
      errors: [{ messageId: 'lock-unknown', address: ARCHIVE, outcome: 'unknown', path: 'retention_policy.is_locked' }],
    },
  ],
});

describe('deploy-locked-at-creation report data', () => {
  it('names the lock attribute known only after apply, per bucket type', () => {
    const { results } = runRule(rule, {
      plan: plan([
        { address: LOG_BUCKET, values: logBucket(null), unknown: { locked: true } },
        { address: ARCHIVE, values: archivePlanValues(null), unknown: { retention_policy: [{ is_locked: true }] } },
      ]),
    });
    expect(results.map((r) => [r.address, r.message])).toEqual([
      [LOG_BUCKET, 'Bucket is created and whether it is locked (locked) is known only after apply.'],
      [ARCHIVE, 'Bucket is created and whether it is locked (retention_policy.is_locked) is known only after apply.'],
    ]);
  });
});

describe('deploy-locked-at-creation on the terraform-validator corpus', () => {
  it('reports the one plan that creates a bucket with a locked retention policy, and is silent on the other 103', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    expect(files.flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.outcome} ${r.messageId} ${r.address}`))).toEqual([
      // retention_policy { is_locked = true, retention_period = 42 } in the bucket's create.
      'full_storage_bucket.tfplan.json: finding storage-locked-at-creation google_storage_bucket.full-list-default',
    ]);
  });
});
