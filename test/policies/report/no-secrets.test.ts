/**
 * No report may carry a secret. Real inputs with secret payloads (a literal `secret_data` in a
 * synthesized cdk.tf.json, a sensitive one in a plan, a sensitive IAM member) go through the whole
 * check and every format; the values must appear nowhere.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check as runCheck } from '../../../policies/check';
import { render, REPORT_FORMATS } from '../../../policies/report';
import { plan, synth } from '../../../policies/testing/rule-tester';

const SYNTH_SECRET = 'hunter2-synth-payload';
const PLAN_SECRET = 'hunter2-plan-payload';
const SENSITIVE_MEMBER = 'user:hidden-person@example.com';

function write(name: string, doc: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baseline-secrets-')), name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const inputs = {
  synth: write(
    'cdk.tf.json',
    synth({
      google_secret_manager_secret: { db: { secret_id: 'db-password', project: 'example-secrets-prd', replication: { auto: {} } } },
      google_secret_manager_secret_version: { db: { secret: '${google_secret_manager_secret.db.id}', secret_data: SYNTH_SECRET } },
    }),
  ),
  plan: write(
    'plan.json',
    plan([
      {
        address: 'google_secret_manager_secret_version.db',
        values: { secret: 'projects/example-secrets-prd/secrets/db-password', secret_data: PLAN_SECRET, enabled: true },
        sensitive: { secret_data: true },
      },
      {
        address: 'google_project_iam_member.hidden',
        values: { project: 'example-app-prd', role: 'roles/owner', member: SENSITIVE_MEMBER },
        sensitive: { member: true },
      },
    ]),
  ),
};

/** Findings on the very resources holding the secrets: without them this test would prove nothing. */
const EXPECTED: Record<keyof typeof inputs, string[]> = {
  synth: ['secrets-no-payload-in-config google_secret_manager_secret_version.db'],
  plan: [
    'iam-no-basic-roles google_project_iam_member.hidden',
    'iam-no-user-principals google_project_iam_member.hidden',
    'secrets-no-payload-in-config google_secret_manager_secret_version.db',
  ],
};

describe.each(Object.entries(inputs) as [keyof typeof inputs, string][])('reports of a %s input with secrets', (kind, file) => {
  const run = runCheck(file);

  test('report findings on the resources that hold the secrets', () => {
    const found = run.evaluation.results.map((r) => `${r.ruleId} ${r.address}`);
    expect(found).toEqual(expect.arrayContaining(EXPECTED[kind]));
  });

  test.each(REPORT_FORMATS)('%s holds no secret value', (format) => {
    const report = render(format, run.evaluation, { gate: run.gate, catalogue: run.rules });
    expect(report).not.toContain(SYNTH_SECRET);
    expect(report).not.toContain(PLAN_SECRET);
    expect(report).not.toContain('hidden-person');
  });
});
