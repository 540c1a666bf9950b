/**
 * `baseline review` as a user runs it: the real process on a plan, on stdin, against an older input, and
 * on bad input (one line, exit 2, no stack trace).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallOrg, smallOrgPlan, smallOrgPolicy, writeTemp } from '../policies/review/small-org';
import { baseline } from './run-baseline';

const FILES = ['evidence.json', 'practices.html', 'practices.md', 'review.html', 'review.md'];
const policy = smallOrgPolicy();
const planFile = writeTemp('plan.json', smallOrgPlan());
const outDir = () => mkdtempSync(join(tmpdir(), 'baseline-review-out-'));

function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^baseline: .+\n$/);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

test('writes the five files and exits with the check\'s code', () => {
  const out = outDir();
  const run = baseline(['review', planFile, '--out', out, '--config', policy]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/^\d+ findings .*, \d+ unknowns, 0 suppressed; .*: FAIL .*\nreview written to .+: review\.md, review\.html, evidence\.json, practices\.md, practices\.html\n$/);
  expect(readdirSync(out).sort()).toEqual(FILES);
  const check = baseline(['check', planFile, '--config', policy]);
  expect(check.status).toBe(run.status);
});

test('two runs on the same input write evidence that differs only in generatedAt', () => {
  const [a, b] = [outDir(), outDir()];
  baseline(['review', planFile, '--out', a, '--config', policy]);
  baseline(['review', planFile, '--out', b, '--config', policy]);
  const strip = (dir: string) => readFileSync(join(dir, 'evidence.json'), 'utf8').replace(/"generatedAt": "[^"]+"/, '');
  expect(strip(a)).toBe(strip(b));
  for (const file of ['review.md', 'review.html', 'practices.md', 'practices.html']) {
    expect(readFileSync(join(a, file), 'utf8')).toBe(readFileSync(join(b, file), 'utf8'));
  }
});

test('reads a plan from stdin and hashes what it read', () => {
  const out = outDir();
  const text = readFileSync(planFile, 'utf8');
  const run = baseline(['review', '-', '--out', out, '--config', policy], { stdin: text });
  expect(run.status).toBe(1);
  const evidence = JSON.parse(readFileSync(join(out, 'evidence.json'), 'utf8'));
  expect(evidence.input).toEqual({ kind: 'plan', sources: ['<stdin>'], sha256: createHash('sha256').update(text).digest('hex') });
});

test('--against an older plan shows what was added and removed', () => {
  const before = smallOrg();
  const after = smallOrg();
  delete after.google_storage_bucket_iam_member;
  const old = writeTemp('old.json', smallOrgPlan(before));
  const out = outDir();
  const run = baseline(['review', writeTemp('new.json', smallOrgPlan(after)), '--against', old, '--out', out, '--config', policy]);
  expect(run.status).toBe(1);
  const md = readFileSync(join(out, 'review.md'), 'utf8');
  expect(md).toContain(`### Against ${old}`);
  expect(md).toContain('- − allUsers has roles/storage.objectViewer on storage\\_bucket shop-assets');
});

describe('bad input', () => {
  test('fails with 2 and one line on a missing input', () => {
    const run = baseline(['review', '/no/such/plan.json', '--out', outDir()]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain('/no/such/plan.json: no such file or directory');
  });

  test('fails with 2 and one line on garbage, and on a bad --against', () => {
    const garbage = writeTemp('garbage.json', { hello: 'world' });
    for (const args of [['review', garbage], ['review', planFile, '--against', garbage]]) {
      const run = baseline([...args, '--out', outDir()]);
      expect(run.status).toBe(2);
      expectOneLineError(run.stderr);
      expect(run.stderr).toContain('not a Terraform plan');
    }
  });

  test('fails with 2 and one line when --out is a file', () => {
    const file = join(outDir(), 'taken');
    writeFileSync(file, '');
    const run = baseline(['review', planFile, '--out', file, '--config', policy]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain(`cannot write --out ${file}`);
  });
});

describe('review of the live organization (a Cloud Asset Inventory export) against the code', () => {
  const CAI_DRIFT = join(__dirname, '..', 'fixtures', 'cai-drift');
  /** Access-matrix rows as `principal | role | notes`, markup removed. */
  const accessRows = (markdown: string) =>
    markdown
      .split('## 2. Access matrix')[1]
      .split('\n## ')[0]
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Principal') && !l.startsWith('| ---'))
      .map((l) => l.split(' | '))
      .map((cells) => `${cells[0].replace(/^\| /, '').replace(/ \*\*.*$/, '')} | ${cells[3]} | ${cells[4].replace(/\s*\|$/, '').replace(/\*\*⚠ /g, '').replace(/\*\*/g, '')}`);

  it('marks exactly the grants no code declares (members compared as IAM does, conditions by expression; deleted members and service agents apart)', () => {
    const out = outDir();
    const args = ['review', join(CAI_DRIFT, 'export.ndjson'), '--declared', join(CAI_DRIFT, 'declared.cdk.tf.json'), '--projects', join(CAI_DRIFT, 'projects.json'), '--out', out];
    const run = baseline(args);
    expect(run.stderr).toBe('');
    const undeclared = accessRows(readFileSync(join(out, 'review.md'), 'utf8')).filter((r) => r.includes('undeclared'));
    expect(undeclared).toEqual([
      '`allUsers` | `roles/storage.objectViewer` | undeclared: in the live organization, not in code',
      '`user:contractor@example.com` | `roles/owner` | undeclared: in the live organization, not in code; privileged',
      '↑ same | `roles/run.admin` | undeclared: in the live organization, not in code; privileged; condition until 2027 (expires 2028-01-01T00:00:00.000Z)',
    ]);
  });

  it('marks nothing without --declared', () => {
    const out = outDir();
    expect(baseline(['review', join(CAI_DRIFT, 'export.ndjson'), '--out', out]).stderr).toBe('');
    expect(readFileSync(join(out, 'review.md'), 'utf8')).not.toContain('undeclared: in the live organization');
  });
});
