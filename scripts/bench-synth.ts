/**
 * `npm run bench:synth`: how long does synthesis take, and how much memory, for an organization of 10 to
 * 5,000 projects with the content real organizations give each project?
 *
 * Each org is generated as YAML and read back through the real config loader (the same validation a
 * user's file gets), then synthesized by the real constructs and stacks (main.ts `synthBaseline`, without
 * the policy gate) in a child process of its own, so each size's peak RSS is its own
 * (`process.resourceUsage().maxRSS` at the child's exit). The packed command line then checks the
 * output (`baseline check cdktf.out`, all stacks as one model), again in a child, timed and measured the
 * same way. Per project: 2-3 grants (a team group, the workload's service account), APIs, a secret with
 * its workload as accessor (every tenth project a second one with two accessors), every twentieth project
 * imported and every fiftieth existing; per folder a log exclusion; the archive and SIEM sinks configured.
 * Sizes of 1,000 projects and more are synthesized twice: one stack for all projects, and sharded per
 * folder (`stacks.shardByFolder`). Targets: 1,000 projects under 20 s and 1.5 GB; 5,000 completes.
 *
 *   npm run bench:synth                 # 10, 100, 1000, 5000 projects
 *   npm run bench:synth -- 1000 2000    # other sizes
 */
import { machineLine, writeResults } from './bench-results';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const ROOT = join(__dirname, '..');
/** Projects per generated folder: a team's or an environment's worth. */
const PROJECTS_PER_FOLDER = 100;
/** Logging allows at most 50 exclusions per sink (cloud.google.com/logging/quotas, "Exclusions per sink"). */
const MAX_EXCLUSIONS = 50;
/** From this size on, each org is also synthesized sharded per folder. */
const SHARD_FROM = 1000;

export interface SynthRow {
  readonly projects: number;
  readonly folders: number;
  readonly sharded: boolean;
  readonly stacks: number;
  readonly resources: number;
  /** Bytes of every stack's cdk.tf.json. */
  readonly outputBytes: number;
  /** Loading and validating the YAML config. */
  readonly loadMs: number;
  /** Building the construct tree and writing cdktf.out: wall time, and CPU time (what a busy machine does not inflate). */
  readonly synthMs: number;
  readonly synthCpuMs: number;
  /** Peak RSS of the synthesizing child. */
  readonly synthRssBytes: number;
  /** Wall time of `baseline check cdktf.out` (process start included). */
  readonly checkMs: number;
  readonly checkRssBytes: number;
  /** Exit code of the check: 0 for these generated orgs, which are clean; 1 would mean findings. */
  readonly checkExit: number;
}

export interface SynthBenchOptions {
  readonly sizes: readonly number[];
  /** Shard sizes of at least this many projects too. @default 1000 */
  readonly shardFrom?: number;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

const pad = (i: number, width: number) => String(i).padStart(width, '0');

/** The org config, as a user would write it, of `n` projects spread over folders of PROJECTS_PER_FOLDER. */
export function generateOrgConfig(n: number, shardByFolder: boolean): Record<string, unknown> {
  const folderCount = Math.max(1, Math.ceil(n / PROJECTS_PER_FOLDER));
  const width = String(n).length;
  const teams = Array.from({ length: folderCount }, (_, f) => `team-${pad(f, 3)}`);
  const projects: Record<string, unknown>[] = [
    { key: 'logging', id: 'bench-logging-prd', folder: 'shared', coupling: 'loose' },
    { key: 'secrets', id: 'bench-secrets-prd', folder: 'shared', coupling: 'tight' },
    { key: 'kms', id: 'bench-kms-prd', folder: 'shared', coupling: 'tight' },
  ];
  const bindings: Record<string, unknown>[] = [];
  const secrets: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const team = teams[Math.floor(i / PROJECTS_PER_FOLDER)];
    const key = `p-${pad(i, width)}`;
    const id = `bench-${key}`;
    const runtime = `serviceAccount:app-runtime@${id}.iam.gserviceaccount.com`;
    const adopt = i % 50 === 49 ? 'existing' : i % 20 === 19 ? 'import' : undefined;
    projects.push({
      key,
      id,
      folder: team,
      coupling: i % 3 === 0 ? 'tight' : 'loose',
      labels: { team, env: i % 2 === 0 ? 'prd' : 'npd' },
      services: ['run.googleapis.com', 'sqladmin.googleapis.com'],
      ...(adopt ? { adopt } : {}),
      ...(adopt === 'existing' ? { number: String(100000000000 + i) } : {}),
    });
    bindings.push(
      { scope: { project: key }, role: 'roles/run.developer', members: [`group:${team}-devs@bench.example.com`], reason: 'The team deploys its own services.' },
      { scope: { project: key }, role: 'roles/cloudsql.client', members: [runtime], reason: 'The workload connects to its database.' },
    );
    if (i % 5 === 0) {
      bindings.push({ scope: { project: key }, role: 'roles/logging.viewer', members: [`group:${team}-oncall@bench.example.com`], reason: 'On-call reads the logs of the team.' });
    }
    secrets.push({ id: `${key}-db-password`, description: `Database password of ${id}.`, accessors: [runtime] });
    if (i % 10 === 0) {
      secrets.push({ id: `${key}-api-key`, accessors: [runtime, `serviceAccount:batch@${id}.iam.gserviceaccount.com`], rotationDays: 30 });
    }
  }
  return {
    organization: { id: '123456789012', domain: 'bench.example.com', customerId: 'C01bench1', billingAccount: '01A2B3-C4D5E6-F7A8B9', quotaProject: 'bench-seed-prj' },
    state: { bucket: 'bench-tf-state' },
    folders: [{ key: 'shared', displayName: 'Shared' }, ...teams.map((t) => ({ key: t, displayName: t }))],
    ...(shardByFolder ? { stacks: { shardByFolder: true } } : {}),
    projects,
    groups: {
      platformAdmins: 'platform@bench.example.com',
      security: 'security@bench.example.com',
      auditors: 'auditors@bench.example.com',
      developers: 'developers@bench.example.com',
      breakGlass: 'break-glass@bench.example.com',
    },
    foundationProjects: { logging: 'logging', secrets: 'secrets', kms: 'kms' },
    kms: { location: 'europe-west1' },
    logging: {
      bucket: { location: 'europe-west1' },
      exclusions: teams.slice(0, MAX_EXCLUSIONS).map((t) => ({
        name: `${t}-health-checks`,
        description: `Load balancer health checks of ${t}.`,
        filter: `resource.type="http_load_balancer" AND httpRequest.userAgent:"GoogleHC" AND labels.team="${t}"`,
      })),
      archive: { bucketName: 'bench-audit-archive' },
      siem: { topicName: 'audit-to-siem', readerAccountId: 'siem-reader' },
    },
    audit: { iamChangeFeed: { topicName: 'iam-changes' } },
    scanning: {},
    iam: {
      bindings: [
        { scope: { organization: true }, role: 'roles/iam.securityReviewer', members: ['group:security@bench.example.com'], reason: 'Security reviews IAM across the org.' },
        ...bindings,
      ],
      breakGlass: { group: 'break-glass@bench.example.com', expires: '2027-06-30T00:00:00Z', accounts: ['bg-1@bench.example.com'] },
    },
    essentialContacts: [{ email: 'security@bench.example.com', categories: ['SECURITY', 'TECHNICAL', 'LEGAL', 'SUSPENSION'] }],
    secrets: { locations: ['europe-west1'], cmek: true, items: secrets, canary: { id: 'zz-canary' } },
    alerting: { channels: [{ key: 'security-email', type: 'email', address: 'security@bench.example.com' }] },
    policy: {
      allowedMemberDomains: ['bench.example.com'],
      suppressions: [
        { rule: 'logging-bucket-locked', address: 'logging/*', reason: 'First deploy; locked in the second apply.', expires: '2099-12-31' },
      ],
    },
  };
}

/** Resources and bytes of a cdktf.out: every stack's cdk.tf.json. */
function measureOutput(outdir: string): { stacks: number; resources: number; bytes: number } {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
  let resources = 0;
  let bytes = 0;
  for (const stack of Object.values(manifest.stacks)) {
    const file = join(outdir, stack.synthesizedStackPath);
    bytes += statSync(file).size;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
    for (const byName of Object.values(doc.resource ?? {})) resources += Object.keys(byName).length;
  }
  return { stacks: Object.keys(manifest.stacks).length, resources, bytes };
}

/** Runs a Node child with the usage reporter (bench-usage.js, as `npm run bench` uses) preloaded; returns its exit code, wall time and peak RSS. */
function measuredChild(args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number; ms: number; rssBytes: number; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const usageFile = join(dir, 'usage.json');
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--max-old-space-size=8192', '-r', join(__dirname, 'bench-usage.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', BENCH_USAGE_FILE: usageFile, ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssBytes = 0;
  try {
    rssBytes = (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssBytes: number }).maxRssBytes;
  } catch {
    // the child died before its exit hook
  }
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status ?? -1, ms, rssBytes, stdout: run.stdout, stderr: run.stderr };
}

/** The error line of a child's stderr (a thrown Error prints its source line first), else its first line. */
function firstError(stderr: string): string {
  const lines = stderr.split('\n');
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[0];
}

/** Generates, synthesizes and checks one org; throws when synthesis fails. */
function benchOne(projects: number, sharded: boolean, workdir: string): SynthRow {
  const dir = mkdtempSync(join(workdir, `org-${projects}-`));
  const configFile = join(dir, 'baseline.yaml');
  const outdir = join(dir, 'cdktf.out');
  writeFileSync(configFile, stringify(generateOrgConfig(projects, sharded), { lineWidth: 0 }));
  const synth = measuredChild(['-r', 'ts-node/register/transpile-only', __filename, '--child', configFile, outdir]);
  if (synth.status !== 0) throw new Error(`synth of ${projects} projects failed (exit ${synth.status}): ${firstError(synth.stderr)}`);
  const timings = JSON.parse(synth.stdout.trim().split('\n').pop()!) as { loadMs: number; synthMs: number; synthCpuMs: number; folders: number };
  const bin = join(ROOT, 'policies', 'dist', 'bin', 'baseline.js');
  const check = measuredChild([bin, 'check', outdir, '--config', configFile, '--format', 'json', '--output', join(dir, 'check.json')]);
  if (check.status === 2) throw new Error(`check of ${projects} projects refused its input: ${check.stderr.split('\n')[0]}`);
  const output = measureOutput(outdir);
  rmSync(dir, { recursive: true, force: true });
  return {
    projects,
    folders: timings.folders,
    sharded,
    stacks: output.stacks,
    resources: output.resources,
    outputBytes: output.bytes,
    loadMs: timings.loadMs,
    synthMs: timings.synthMs,
    synthCpuMs: timings.synthCpuMs,
    synthRssBytes: synth.rssBytes,
    checkMs: check.ms,
    checkRssBytes: check.rssBytes,
    checkExit: check.status,
  };
}

/** Synthesizes and checks a generated org of each size (and, from `shardFrom`, its sharded variant). */
export async function runSynthBench(opts: SynthBenchOptions): Promise<SynthRow[]> {
  // The check runs the packed command line (dist/), as `npx baseline` does.
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const workdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const rows: SynthRow[] = [];
  try {
    for (const size of opts.sizes) {
      for (const sharded of size >= (opts.shardFrom ?? SHARD_FROM) ? [false, true] : [false]) {
        const row = benchOne(size, sharded, workdir);
        opts.log?.(synthRowLine(row));
        rows.push(row);
      }
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
  return rows;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function synthRowLine(r: SynthRow): string {
  return `${r.projects} projects${r.sharded ? ' sharded' : ''}: ${r.stacks} stacks, ${r.resources} resources, ${mib(r.outputBytes)}; load ${seconds(r.loadMs)}, synth ${seconds(r.synthMs)} (CPU ${seconds(r.synthCpuMs)}), ${mib(r.synthRssBytes)}; check ${seconds(r.checkMs)}, ${mib(r.checkRssBytes)}`;
}

/** The rows as a Markdown table (bench/RESULTS.md). */
export function synthMarkdown(rows: readonly SynthRow[]): string {
  const lines = [
    '| projects | folders | stacks | resources | cdktf.out | config load | synth | synth CPU | synth peak RSS | check | check peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      `| ${r.projects.toLocaleString('en')}${r.sharded ? ' (sharded)' : ''} | ${r.folders} | ${r.stacks} | ${r.resources.toLocaleString('en')} | ${mib(r.outputBytes)} | ${seconds(r.loadMs)} | ${seconds(r.synthMs)} | ${seconds(r.synthCpuMs)} | ${mib(r.synthRssBytes)} | ${seconds(r.checkMs)}${r.checkExit === 0 ? '' : ` (exit ${r.checkExit})`} | ${mib(r.checkRssBytes)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** In the child: load the config and synthesize it; print the timings as one JSON line. */
function child(configFile: string, outdir: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only in the child, after the clock starts */
  const { loadConfig } = require('../policies/config/load') as typeof import('../policies/config/load');
  const { synthBaseline } = require('../main') as typeof import('../main');
  const t0 = process.hrtime.bigint();
  const config = loadConfig(configFile);
  const t1 = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  synthBaseline(config, { outdir, policyGate: false });
  const { user, system } = process.cpuUsage(cpu);
  const t2 = process.hrtime.bigint();
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  console.log(JSON.stringify({ loadMs: ms(t0, t1), synthMs: ms(t1, t2), synthCpuMs: (user + system) / 1000, folders: config.folders.length }));
}

if (require.main === module) {
  if (process.argv[2] === '--child') {
    child(process.argv[3], process.argv[4]);
  } else {
    const sizes = process.argv.slice(2).map(Number);
    const started = new Date();
    runSynthBench({ sizes: sizes.length > 0 ? sizes : [10, 100, 1000, 5000], log: (l) => console.log(l) })
      .then((rows) => {
        const r1000 = rows.find((r) => r.projects === 1000 && !r.sharded);
        const ok = r1000 === undefined || (r1000.synthMs + r1000.loadMs < 20000 && r1000.synthRssBytes < 1.5 * 1024 ** 3);
        const verdict = ok ? 'bench:synth: within targets (1,000 projects < 20 s, < 1.5 GB)' : 'bench:synth: OUTSIDE targets (1,000 projects < 20 s, < 1.5 GB)';
        console.log(`\n${synthMarkdown(rows)}`);
        console.log(verdict);
        // Only a run of the default sizes speaks for the benchmark in bench/RESULTS.md.
        if (sizes.length === 0) {
          writeResults([{ title: 'Synthesis of generated orgs (npm run bench:synth)', markdown: `${machineLine(started)}\n\n${synthMarkdown(rows)}\n\n${verdict.replace('bench:synth: ', 'Targets: ')}.` }]);
          console.log('written: bench/RESULTS.md (synthesis section)');
        }
        process.exitCode = ok ? 0 : 1;
      })
      .catch((e: unknown) => {
        console.error(`bench:synth: ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = 2;
      });
  }
}
