/**
 * A hand-built Evaluation covering every shape a report must render: each severity, findings and
 * unknowns, stack and plan addresses, a model-level finding, config and inline suppressions (one
 * expired), a passing and a not-applicable rule, and a message full of characters XML, Markdown and
 * JSON must escape.
 */
import type { Evaluation, Result } from '../../../policies/engine/results';
import type { RuleMeta } from '../../../policies/engine/rule';

export const SOURCE = '/repo/cdktf.out/stacks/iam/cdk.tf.json';
export const NASTY = 'member "x" <script>&amp; | pipe \u0007bell \'quote\'';

const publicBucket: Result = {
  ruleId: 'iam-no-public-principals',
  severity: 'critical',
  category: 'iam',
  controls: ['TEST-CONTROL-1'],
  messageId: 'public',
  message: 'allUsers is granted roles/storage.objectViewer.',
  outcome: 'finding',
  resourceId: 'iam/google_storage_bucket_iam_member.public',
  address: 'google_storage_bucket_iam_member.public',
  stack: 'iam',
  resourceType: 'google_storage_bucket_iam_member',
  constructPath: 'iam/public-bucket/Resource',
  sourceFile: SOURCE,
  path: 'member',
};

const basicRole: Result = {
  ruleId: 'iam-no-basic-roles',
  severity: 'high',
  category: 'iam',
  controls: ['TEST-CONTROL-2'],
  messageId: 'basic-role',
  message: NASTY,
  outcome: 'finding',
  resourceId: 'google_project_iam_binding.project',
  address: 'google_project_iam_binding.project',
  resourceType: 'google_project_iam_binding',
  sourceFile: '/elsewhere/plan.json',
  path: 'members.0',
};

const unknownMember: Result = {
  ruleId: 'iam-no-user-principals',
  severity: 'high',
  category: 'iam',
  controls: [],
  messageId: 'member-unknown',
  message: 'The member is known only after apply.',
  outcome: 'unknown',
  resourceId: 'iam/google_project_iam_member.runtime',
  address: 'google_project_iam_member.runtime',
  stack: 'iam',
  sourceFile: SOURCE,
};

const mediumUnknown: Result = {
  ruleId: 'logging-bucket-retention',
  severity: 'medium',
  category: 'logging',
  controls: ['TEST-CONTROL-4'],
  messageId: 'retention-unknown',
  message: 'Retention is known only after apply.',
  outcome: 'unknown',
  resourceId: 'logging/google_logging_project_bucket_config.central',
  address: 'google_logging_project_bucket_config.central',
  stack: 'logging',
  sourceFile: '/repo/cdktf.out/stacks/logging/cdk.tf.json',
};

const suppressedCmek: Result = {
  ruleId: 'logging-bucket-cmek',
  severity: 'medium',
  category: 'logging',
  controls: [],
  messageId: 'no-cmek',
  message: 'The log bucket is not encrypted with a customer-managed key.',
  outcome: 'finding',
  resourceId: 'logging/google_logging_project_bucket_config.central',
  address: 'google_logging_project_bucket_config.central',
  stack: 'logging',
  sourceFile: '/repo/cdktf.out/stacks/logging/cdk.tf.json',
  suppression: {
    source: 'config',
    rule: 'logging-bucket-cmek',
    address: 'logging/google_logging_project_bucket_config.*',
    reason: 'Google-managed keys until the KMS project exists.',
    expires: '2099-01-31',
  },
};

const suppressedInline: Result = {
  ruleId: 'secrets-rotation',
  severity: 'low',
  category: 'secrets',
  controls: [],
  messageId: 'rotation-unknown',
  message: 'Rotation period is known only after apply.',
  outcome: 'unknown',
  resourceId: 'secrets/google_secret_manager_secret.canary',
  address: 'google_secret_manager_secret.canary',
  stack: 'secrets',
  constructPath: 'secrets/canary/Resource',
  suppression: {
    source: 'inline',
    rule: 'secrets-rotation',
    address: 'google_secret_manager_secret.canary',
    reason: 'The canary is never read, so never rotated.',
    expires: '2099-06-30',
  },
};

const missingSink: Result = {
  ruleId: 'logging-org-sink-covers-all',
  severity: 'high',
  category: 'logging',
  controls: ['TEST-CONTROL-5'],
  messageId: 'no-org-sink',
  message: 'No organization sink routes audit logs to a central bucket.',
  outcome: 'finding',
  resourceId: 'logging-org-sink-covers-all',
  address: 'logging-org-sink-covers-all',
};

const expired: Result = {
  ruleId: 'suppression-expired',
  severity: 'low',
  category: 'change',
  controls: [],
  messageId: 'expired',
  message: 'The suppression of iam-no-user-principals expired on 2020-01-01.',
  outcome: 'finding',
  resourceId: 'iam/google_project_iam_member.old',
  address: 'google_project_iam_member.old',
  stack: 'iam',
  sourceFile: SOURCE,
};

export const RESULTS = { publicBucket, basicRole, unknownMember, mediumUnknown, suppressedCmek, suppressedInline, missingSink, expired };

export function sampleEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    evaluatedAt: '2025-11-27T12:00:00.000Z',
    inputKind: 'cdktf-out',
    sources: ['/repo/cdktf.out/manifest.json', SOURCE],
    pack: 'all',
    resourceCount: 42,
    results: [expired, suppressedInline, basicRole, missingSink, unknownMember, publicBucket, suppressedCmek, mediumUnknown],
    rules: [
      { ruleId: 'iam-no-public-principals', severity: 'critical', outcome: 'finding', examined: 3 },
      { ruleId: 'iam-no-basic-roles', severity: 'high', outcome: 'finding', examined: 3 },
      { ruleId: 'iam-no-user-principals', severity: 'high', outcome: 'unknown', examined: 3 },
      { ruleId: 'logging-bucket-retention', severity: 'medium', outcome: 'unknown', examined: 1 },
      { ruleId: 'logging-bucket-cmek', severity: 'medium', outcome: 'finding', examined: 1 },
      { ruleId: 'secrets-rotation', severity: 'low', outcome: 'unknown', examined: 1 },
      { ruleId: 'logging-org-sink-covers-all', severity: 'high', outcome: 'finding' },
      { ruleId: 'kms-key-rotation', severity: 'medium', outcome: 'pass', examined: 2 },
      { ruleId: 'alerting-policies-have-channels', severity: 'medium', outcome: 'not-applicable', reason: 'no alert policies' },
    ],
    suppressions: [
      { ...suppressedCmek.suppression!, used: 1, expired: false },
      { ...suppressedInline.suppression!, used: 1, expired: false },
      {
        source: 'config',
        rule: 'iam-no-user-principals',
        address: 'iam/google_project_iam_member.old',
        reason: 'Contractor access during the migration.',
        expires: '2020-01-01',
        used: 0,
        expired: true,
      },
    ],
    ...overrides,
  };
}

function meta(id: string, severity: RuleMeta['severity'], category: RuleMeta['category'], controls: string[]): { meta: RuleMeta } {
  return {
    meta: {
      id,
      description: `Description of ${id}.`,
      severity,
      category,
      controls,
      messages: { m: 'message' },
      help: `Help for ${id}.`,
    },
  };
}

/** Rule metadata for SARIF's descriptors (the engine's `suppression-expired` has none on purpose). */
export const CATALOGUE = [
  meta('iam-no-public-principals', 'critical', 'iam', ['TEST-CONTROL-1']),
  meta('iam-no-basic-roles', 'high', 'iam', ['TEST-CONTROL-2', 'TEST-CONTROL-3']),
  meta('iam-no-user-principals', 'high', 'iam', []),
  meta('logging-bucket-retention', 'medium', 'logging', ['TEST-CONTROL-4']),
  meta('logging-bucket-cmek', 'medium', 'logging', []),
  meta('secrets-rotation', 'low', 'secrets', []),
  meta('logging-org-sink-covers-all', 'high', 'logging', ['TEST-CONTROL-5']),
  meta('kms-key-rotation', 'medium', 'secrets', ['TEST-CONTROL-6']),
  meta('alerting-policies-have-channels', 'medium', 'alerting', []),
];
