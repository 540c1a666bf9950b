/**
 * The checker as another team gets it: `npm pack` of policies/, installed with --omit=dev into an empty
 * project (no TypeScript, no cdktf, no jest), started through its bin on a real plan.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, corpusPlan } from './run-baseline';

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), 'baseline-package-'));
const project = join(work, 'consumer');
/** The command npm linked for the package's bin, run as npx would run it, without starting npm for each run. */
const bin = join(project, 'node_modules', '.bin', 'baseline');
let installed = false;

beforeAll(() => {
  // The dist/ that `npm test` has just built (the other e2e suites run it too): without --ignore-scripts, pack would
  // run the package's `prepare` and compile it all again.
  const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: join(REPO, 'policies'), encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed)], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  installed = true;
}, 180_000);

describe('the packed checker', () => {
  test('installs without dev dependencies and without cdktf', () => {
    expect(installed).toBe(true);
    const modules = readdirSync(join(project, 'node_modules'));
    for (const absent of ['cdktf', 'typescript', 'jest', 'ts-node', '@cdktf']) expect(modules).not.toContain(absent);
    const bytes = sizeOf(join(project, 'node_modules'));
    // Reported, not asserted to the byte: the README quotes it.
    process.stdout.write(`packed checker install size: ${(bytes / 1024 / 1024).toFixed(1)} MB\n`);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });

  test('starts through its bin and finds a basic role in a real plan (exit 1)', () => {
    const run = spawnSync(bin, ['check', corpusPlan('example_project_iam_binding'), '--format', 'json'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const results = (JSON.parse(run.stdout) as { results: { ruleId: string; outcome: string }[] }).results;
    expect(results.filter((r) => r.outcome === 'finding').map((r) => r.ruleId)).toContain('iam-no-basic-roles');
  });

  test('answers --version from its own package.json', () => {
    const run = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('serves the library API and the RuleTester from its exports map', () => {
    const script = "const c = require('@gcp-security-baseline/checker'); const t = require('@gcp-security-baseline/checker/testing'); console.log(typeof c.check, c.RULES.length > 30, typeof t.runRuleTests)";
    const run = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('function true function');
  });

  test('writes a review with its diagrams laid out by the bundled Graphviz WebAssembly', () => {
    const out = join(work, 'review');
    const run = spawnSync(bin, ['review', corpusPlan('example_project_iam_binding'), '--out', out], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['evidence.json', 'practices.html', 'practices.md', 'review.html', 'review.md']);
    expect(readFileSync(join(out, 'review.md'), 'utf8')).toContain('`roles/editor`');
  });
});
