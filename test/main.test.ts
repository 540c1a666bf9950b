import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../policies/config/load';
import { EXAMPLE_CONFIG } from '../config/example';
import { synthBaseline } from '../main';

const root = join(__dirname, '..');

function synth(configFile: string) {
  const outdir = mkdtempSync(join(tmpdir(), 'baseline-main-'));
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/synth.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BASELINE_CONFIG: configFile, BASELINE_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' },
  });
  return { ...run, outdir };
}

describe('bin/synth.ts', () => {
  it('synthesizes every stack of a config into the out directory', () => {
    const run = synth(EXAMPLE_CONFIG);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(run.outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['alerting', 'audit', 'hierarchy', 'iam', 'logging', 'scanning', 'secrets']);
  });

  it('fails on a bad config with exit 2, every field path, and no stack trace', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'baseline-bad-')), 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(EXAMPLE_CONFIG, 'utf8')
        .replace('retentionDays: 400', 'retentionDays: 30')
        .replace('customerId: C01ex4mpl', 'customerId: 42'),
    );
    const run = synth(bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('organization.customerId: expected string, got number 42');
    expect(run.stderr).toContain('logging.bucket.retentionDays: expected >= 365, got number 30');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

/** The example config with its first-deploy suppressions removed and, for the second phase, both buckets locked. */
function exampleVariant(locked: boolean): string {
  const text = readFileSync(EXAMPLE_CONFIG, 'utf8')
    .replace(/^ {4}- rule: logging-bucket-locked\n(?: {6}.*\n)+/gm, '')
    .replace(/^ {2}suppressions:\n/m, '  suppressions: []\n')
    .replace(/^( {4}locked:) false$/gm, `$1 ${locked}`);
  const file = join(mkdtempSync(join(tmpdir(), 'baseline-phase-')), 'config.yaml');
  writeFileSync(file, text);
  return file;
}

describe('the two lock phases of README step 7, through bin/synth.ts and its policy gate', () => {
  it('refuses the first phase without its suppressions: exit 1, the findings one a line, no stack trace and no advice to skip the gate', () => {
    const run = synth(exampleVariant(false));
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(' at ')[0])).toEqual([
      'logging-bucket-locked (high)',
      'logging-bucket-locked (high)',
    ]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('skipValidation');
  });

  it('accepts the second phase (both buckets locked, suppressions gone): the buckets are adopted by import blocks, never created locked', () => {
    const run = synth(exampleVariant(true));
    expect([run.status, run.stderr]).toEqual([0, '']);
    const logging = JSON.parse(readFileSync(join(run.outdir, 'stacks', 'logging', 'cdk.tf.json'), 'utf8'));
    expect(logging.import.map((i: { id: string }) => i.id)).toEqual(['projects/example-logging-prd/locations/europe-west1/buckets/central-audit', 'example-logging-prd/example-com-audit-archive']);
  });
});

describe('main.ts', () => {
  it('synthesizes nothing when imported, and exports synthBaseline', () => {
    // GIVEN a fresh import of main.ts with an out directory named (in this process: no second ts-node start)
    const outdir = mkdtempSync(join(tmpdir(), 'baseline-import-'));
    const previous = process.env.BASELINE_OUTDIR;
    process.env.BASELINE_OUTDIR = outdir;
    let exported: unknown;
    try {
      jest.isolateModules(() => {
        exported = (require('../main') as typeof import('../main')).synthBaseline;
      });
    } finally {
      if (previous === undefined) delete process.env.BASELINE_OUTDIR;
      else process.env.BASELINE_OUTDIR = previous;
    }
    // THEN nothing is written and synthBaseline is a function
    expect(typeof exported).toBe('function');
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(false);
  });

  it('synthBaseline(config) writes every stack where it is told', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'baseline-api-'));
    const { baseline } = synthBaseline(loadConfig(EXAMPLE_CONFIG), { outdir, policyGate: false });
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    // One stack per field, and the folders' stacks (none here: the example org is not sharded).
    const { projects, ...single } = baseline;
    expect(projects).toEqual([]);
    expect(Object.keys(manifest.stacks).sort()).toEqual(Object.keys(single).sort());
  });
});
