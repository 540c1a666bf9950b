import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../policies/config/load';
import { EXAMPLE_CONFIG } from '../config/example';
import { synthBaseline } from '../main';

const root = join(__dirname, '..');

interface SynthRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly outdir: string;
}

/** bin/synth.ts on a config, in a process of its own, as `npm run synth` runs it. */
function synth(configFile: string): Promise<SynthRun> {
  const outdir = mkdtempSync(join(tmpdir(), 'baseline-main-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/synth.ts'], {
      cwd: root,
      env: { ...process.env, BASELINE_CONFIG: configFile, BASELINE_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, outdir }));
  });
}

/** The example config with two fields wrong. */
function badConfig(): string {
  const bad = join(mkdtempSync(join(tmpdir(), 'baseline-bad-')), 'bad.yaml');
  writeFileSync(
    bad,
    readFileSync(EXAMPLE_CONFIG, 'utf8')
      .replace('retentionDays: 400', 'retentionDays: 30')
      .replace('customerId: C01ex4mpl', 'customerId: 42'),
  );
  return bad;
}

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

// The four processes start together: each is mostly one core's TypeScript start-up, and run one after another
// they left the other core idle.
let example: SynthRun, bad: SynthRun, firstPhase: SynthRun, secondPhase: SynthRun;
beforeAll(async () => {
  [example, bad, firstPhase, secondPhase] = await Promise.all([synth(EXAMPLE_CONFIG), synth(badConfig()), synth(exampleVariant(false)), synth(exampleVariant(true))]);
}, 180_000);

describe('bin/synth.ts', () => {
  it('synthesizes every stack of a config into the out directory', () => {
    expect(example.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(example.outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['alerting', 'audit', 'hierarchy', 'iam', 'logging', 'scanning', 'secrets']);
  });

  it('fails on a bad config with exit 2, every field path, and no stack trace', () => {
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('organization.customerId: expected string, got number 42');
    expect(bad.stderr).toContain('logging.bucket.retentionDays: expected >= 365, got number 30');
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the two lock phases of README step 7, through bin/synth.ts and its policy gate', () => {
  it('refuses the first phase without its suppressions: exit 1, the findings one a line, no stack trace and no advice to skip the gate', () => {
    expect(firstPhase.status).toBe(1);
    expect(firstPhase.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(' at ')[0])).toEqual([
      'logging-bucket-locked (high)',
      'logging-bucket-locked (high)',
    ]);
    expect(firstPhase.stderr).not.toMatch(/^\s+at /m);
    expect(firstPhase.stderr).not.toContain('skipValidation');
  });

  it('accepts the second phase (both buckets locked, suppressions gone): the buckets are adopted by import blocks, never created locked', () => {
    expect([secondPhase.status, secondPhase.stderr]).toEqual([0, '']);
    const logging = JSON.parse(readFileSync(join(secondPhase.outdir, 'stacks', 'logging', 'cdk.tf.json'), 'utf8'));
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
