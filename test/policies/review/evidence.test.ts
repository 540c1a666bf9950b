/** evidence.json: per control, the rules testing it and their outcomes; two runs differ only in the time. */
import { SOC2_CRITERIA } from '../../../policies/catalog/soc2';
import type { Evidence } from '../../../policies/review/evidence';
import { runReview } from '../../../policies/review/write';
import { version } from '../../../policies/version';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { smallOrgPlan, smallOrgPolicy, writeTemp } from './small-org';

const policy = smallOrgPolicy();
const input = writeTemp('plan.json', smallOrgPlan());
const evidenceAt = async (now: Date) => JSON.parse((await runReview(input, { configFile: policy, now })).files['evidence.json']) as Evidence;

test('two runs on the same input differ only in generatedAt', async () => {
  const first = await runReview(input, { configFile: policy, now: new Date('2026-11-27T12:00:00Z') });
  const second = await runReview(input, { configFile: policy, now: new Date('2026-11-28T09:30:00Z') });
  const a = first.files['evidence.json'];
  const b = second.files['evidence.json'];
  expect(a).not.toBe(b);
  expect(a.replace(/"generatedAt": "[^"]+"/, '')).toBe(b.replace(/"generatedAt": "[^"]+"/, ''));
  expect(JSON.parse(b).generatedAt).toBe('2026-11-28T09:30:00.000Z');
});

test('names the tool version, the SHA-256 of the input and of the config', async () => {
  const evidence = await evidenceAt(new Date('2026-11-27T12:00:00Z'));
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  expect(evidence.tool).toEqual({ name: '@gcp-security-baseline/checker', version });
  expect(evidence.input).toEqual({ kind: 'plan', sources: [input], sha256: sha(input) });
  expect(evidence.config).toEqual({ sha256: sha(policy) });
});

test('lists CIS and SOC 2 controls in order, each with its rules, outcomes and resources', async () => {
  const evidence = await evidenceAt(new Date('2026-11-27T12:00:00Z'));
  const ids = evidence.controls.map((c) => c.control);
  expect(ids).toEqual(expect.arrayContaining(['CIS GCP 1.6', 'CIS GCP 2.5', 'CIS GCP 2.12', ...SOC2_CRITERIA.map((c) => c.id)]));
  // Numeric order: 1.9 before 1.10, CIS before SOC 2.
  expect(ids.indexOf('CIS GCP 1.9')).toBeLessThan(ids.indexOf('CIS GCP 1.10'));
  expect(ids.indexOf('CIS GCP 2.12')).toBeLessThan(ids.indexOf('SOC 2 CC6.1'));
  const cc61 = evidence.controls.find((c) => c.control === 'SOC 2 CC6.1')!;
  expect(cc61.status).toBe('finding');
  expect(cc61.rules.find((r) => r.rule === 'iam-no-public-principals')).toMatchObject({
    outcome: 'finding',
    findings: 1,
    resources: ['google_storage_bucket_iam_member.public'],
  });
  const cc81 = evidence.controls.find((c) => c.control === 'SOC 2 CC8.1')!;
  expect(cc81.rules.find((r) => r.rule === 'change-no-destroy-security-resources')).toMatchObject({ outcome: 'pass', examined: 8, findings: 0, resources: [] });
});
