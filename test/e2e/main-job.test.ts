/**
 * `npm start` (scripts/main-job.ts) for real: synthesize the example org, check it with the example
 * config, print the text report, write the four report files, exit with the check's code. The same
 * cdktf.out checked by the `baseline` process must give the same results and exit code.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { DEPLOY_ORDER } from '../../stacks';
import { xmlProblems } from '../policies/report/well-formed-xml';
import { baseline, REPO } from './run-baseline';

const work = mkdtempSync(join(tmpdir(), 'baseline-main-job-'));
const outdir = join(work, 'cdktf.out');
const reports = join(work, 'reports');
let job: SpawnSyncReturns<string>;
const read = (file: string) => readFileSync(join(reports, file), 'utf8');

describe('npm start', () => {
  beforeAll(() => {
    job = spawnSync('npm', ['start', '--silent'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, BASELINE_OUTDIR: outdir, BASELINE_REPORTS_DIR: reports, NO_COLOR: '1' },
      timeout: 120_000,
    });
  });

  test('exits with the check\'s code, as the baseline process does on the same output', () => {
    const cli = baseline(['check', outdir, '--config', join(REPO, 'config', 'example.baseline.yaml'), '--format', 'json']);
    expect([0, 1]).toContain(job.status);
    expect(job.status).toBe(cli.status);
    const mine = JSON.parse(read('baseline.json'));
    const theirs = JSON.parse(cli.stdout);
    expect({ ...mine, evaluatedAt: '' }).toEqual({ ...theirs, evaluatedAt: '' });
  });

  test('checks every stack of the example org with the all pack', () => {
    const evaluation = JSON.parse(read('baseline.json'));
    expect(evaluation.inputKind).toBe('cdktf-out');
    expect(evaluation.pack).toBe('all');
    expect(evaluation.sources.filter((s: string) => s.endsWith('cdk.tf.json')).map((s: string) => s.split('/').at(-2)).sort()).toEqual(
      [...DEPLOY_ORDER].sort(),
    );
  });

  test('prints the text report, where the reports went and how long synth and check took', () => {
    expect(job.stdout).toMatch(/^gcp-security-baseline: /);
    expect(job.stdout).toMatch(/\d+ findings?.*\(pack all\): (PASS|FAIL) \(fail-on high, unknown fail\)\n/);
    expect(job.stdout).toMatch(/synth \d+\.\d\d s, check \d+\.\d\d s/);
    expect(job.stdout).not.toContain('\u001b[');
  });

  test('writes SARIF, JUnit, Markdown and JSON reports', () => {
    const sarif = JSON.parse(read('baseline.sarif')) as Sarif.Log;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules!.length).toBe(JSON.parse(read('baseline.json')).rules.length);
    expect(xmlProblems(read('baseline.junit.xml'))).toEqual([]);
    expect(read('baseline.md')).toMatch(/^## gcp-security-baseline\n/);
  });
});
