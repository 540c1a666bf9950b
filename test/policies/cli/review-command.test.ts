/** `baseline review` in-process: usage errors are synchronous exit 2, a run resolves to the check's exit code. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../policies/cli';
import { smallOrgPlan, smallOrgPolicy, writeTemp } from '../review/small-org';
import { captureIo } from './io';

test('fails with 2 and one line when the input is missing', () => {
  const io = captureIo();
  expect(main(['review'], io)).toBe(2);
  expect(io.err()).toBe("baseline: missing required argument 'input'\n");
});

test('resolves to the check\'s exit code and names where it wrote', async () => {
  const io = captureIo();
  const out = join(mkdtempSync(join(tmpdir(), 'baseline-review-cli-')), 'nested', 'dir');
  await expect(main(['review', writeTemp('plan.json', smallOrgPlan()), '--out', out, '--config', smallOrgPolicy()], io)).resolves.toBe(1);
  expect(io.err()).toBe('');
  expect(io.out()).toMatch(new RegExp(`\\nreview written to ${out}: review\\.md, review\\.html, evidence\\.json, practices\\.md, practices\\.html\\n$`));
  expect(existsSync(join(out, 'evidence.json'))).toBe(true);
});

test('reads ./.baseline.yaml when --config is not given, as check does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-review-cwd-'));
  writeFileSync(join(dir, '.baseline.yaml'), 'allowedMemberDomains: [elsewhere.example]\n');
  const io = captureIo({ cwd: dir });
  const out = join(dir, 'out');
  await expect(main(['review', writeTemp('plan.json', smallOrgPlan()), '--out', out], io)).resolves.toBe(1);
  // Every corp.example member is now from an outside domain.
  const md = readFileSync(join(out, 'review.md'), 'utf8');
  expect(md).toContain('`group:ops@corp.example` **⚠ external domain**');
});
