/**
 * `npm run bench`: what does `baseline check` of a huge plan cost, against the cost of reading and parsing it?
 *
 * Generates `terraform show -json` plans of 5k, 20k, 50k and 200k resources shaped like a large, mostly clean
 * organization (projects, IAM members/bindings/policies with policy_data, buckets, keys, secrets with
 * per-secret access; some values unknown, some sensitive, modules with for_each; about 1% deliberate
 * findings), then times whole processes, alternately, median of 3:
 *   check  - the built command line, `baseline check plan.json --pack all` (every rule on), report to stdout
 *   floor  - a process that only reads the file and JSON.parses it
 * with each process's own peak RSS (scripts/bench-usage.js). Targets: check/floor <= 1.5 at 50k and 200k,
 * peak RSS <= 3x the input + 150 MB, 10x the resources at most 11x the time (5k -> 50k, 20k -> 200k).
 * Then, in a fresh process, where the time of the largest check goes (read, scan + parse, model, rules), and
 * the warm start of the packed command line, `baseline --version`: median of 5 after a warm-up, < 0.3 s.
 * Writes bench/RESULTS.md (its own section; writeResults keeps other benchmarks' sections) and
 * bench/results.svg, and ends with `check/floor at 50k: X.XX, at 200k: Y.YY`.
 *
 *   npm run bench                      # 5k, 20k, 50k, 200k
 *   npm run bench -- 1000 10000        # other sizes (RESULTS.md is written only for the default sizes)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../policies/rules';
import { chartSvg, machineLine, writeResults } from './bench-results';

interface PlanResource {
  address: string;
  mode: 'managed';
  type: string;
  name: string;
  index?: string;
  provider_name: string;
  schema_version: number;
  values: Record<string, unknown>;
  sensitive_values: Record<string, unknown>;
}

function resourceFor(i: number): { r: PlanResource; unknown: Record<string, unknown>; sensitive: Record<string, unknown> } {
  const project = `proj-${i % 5000}`;
  const base = { mode: 'managed' as const, provider_name: 'registry.terraform.io/hashicorp/google', schema_version: 0, sensitive_values: {} };
  const kind = i % 10;
  const name = `r${i}`;
  const make = (type: string, values: Record<string, unknown>, unknown: Record<string, unknown> = {}, sensitive: Record<string, unknown> = {}) => ({
    r: { ...base, address: `module.team["t${i % 50}"].${type}.${name}`, type, name, values, sensitive_values: sensitive },
    unknown,
    sensitive,
  });
  switch (kind) {
    case 0:
      return make('google_project', { project_id: project, name: project, folder_id: `folders/${i % 40}`, labels: { coupling: i % 3 ? 'loose' : 'tight' } }, { number: true });
    case 1:
      return make('google_project_iam_member', { project, role: 'roles/run.developer', member: `group:team-${i % 50}@example.com` });
    case 2:
      return make('google_storage_bucket_iam_binding', { bucket: `b-${i}`, role: 'roles/storage.objectViewer', members: [`serviceAccount:sa-${i}@${project}.iam.gserviceaccount.com`] });
    case 3:
      // Authoritative policies on projects of their own: a policy beside member grants would conflict.
      return make('google_project_iam_policy', {
        project: `owned-${i}`,
        policy_data: JSON.stringify({ bindings: [{ role: 'roles/logging.viewer', members: [`group:audit-${i % 7}@example.com`] }] }),
      });
    case 4:
      return make('google_storage_bucket', { name: `b-${i}`, location: 'EU', uniform_bucket_level_access: true, public_access_prevention: 'enforced' }, { self_link: true, url: true });
    case 5:
      return make('google_kms_crypto_key', { name: `k-${i}`, key_ring: `projects/${project}/locations/europe-west1/keyRings/r`, rotation_period: '7776000s', purpose: 'ENCRYPT_DECRYPT' }, { id: true });
    case 6:
      return make('google_secret_manager_secret', { secret_id: `s-${i}`, project, replication: [{ auto: [{}] }], rotation: [{ rotation_period: '2592000s' }], topics: [{ name: 'projects/p/topics/t' }] });
    case 7:
      return make('google_service_account', { account_id: `sa-${i % 100000}`, project }, { email: true, unique_id: true });
    case 8:
      // About 1% of the plan is a deliberate finding (a basic role), the rest per-secret access.
      return i % 100 === 8
        ? make('google_project_iam_member', { project, role: 'roles/editor', member: `group:team-${i % 50}@example.com` })
        : make('google_secret_manager_secret_iam_member', { secret_id: `s-${i - 2}`, project, role: 'roles/secretmanager.secretAccessor', member: `serviceAccount:sa-${i}@${project}.iam.gserviceaccount.com` });
    default:
      return make('google_sql_database_instance', { name: `db-${i}`, root_password: 'not-a-real-password' }, {}, { root_password: true });
  }
}

export function generatePlan(n: number): string {
  const resources: PlanResource[] = [];
  const changes: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const { r, unknown, sensitive } = resourceFor(i);
    resources.push(r);
    changes.push({
      address: r.address,
      module_address: r.address.split('.').slice(0, 2).join('.'),
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: r.provider_name,
      change: { actions: ['create'], before: null, after: r.values, after_unknown: unknown, before_sensitive: false, after_sensitive: sensitive },
    });
  }
  const byModule = new Map<string, PlanResource[]>();
  for (const r of resources) {
    const m = r.address.split('.').slice(0, 2).join('.');
    let list = byModule.get(m);
    if (!list) byModule.set(m, (list = []));
    list.push(r);
  }
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { child_modules: [...byModule].map(([address, rs]) => ({ address, resources: rs })) } },
    resource_changes: changes,
    configuration: { root_module: {} },
  });
}

function time<T>(f: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = f();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const STARTUP_TARGET_MS = 300;
const RATIO_TARGET = 1.5;
const SCALING_TARGET = 11;
const RSS_FACTOR = 3;
const RSS_ALLOWANCE = 150 * 1e6;
const DEFAULT_SIZES = [5000, 20000, 50000, 200000];
const RUNS = 3;

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'policies', 'dist', 'bin', 'baseline.js');
const USAGE = join(__dirname, 'bench-usage.js');
const FLOOR = "JSON.parse(require('node:fs').readFileSync(process.argv[1]).toString('utf8'))";

/** Median wall time of `node dist/bin/baseline.js --version`, after one warm-up run (page cache, compile cache). */
function startupMs(): number {
  const run = () => time(() => execFileSync(process.execPath, [BIN, '--version'], { stdio: 'pipe' }))[1];
  run();
  const runs = Array.from({ length: 5 }, run).sort((a, b) => a - b);
  return runs[2];
}

interface Usage {
  readonly wallMs: number;
  readonly maxRssBytes: number;
  readonly userMs: number;
  readonly systemMs: number;
}

/** Runs `node <args>` to completion, stdout discarded, and returns its wall time and its own peak RSS and CPU. */
function measure(args: readonly string[], okCodes: readonly number[], dir: string): Usage {
  const usageFile = join(dir, 'usage.json');
  rmSync(usageFile, { force: true });
  const env = { ...process.env, BENCH_USAGE_FILE: usageFile, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' };
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-r', USAGE, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 1e6 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === null || !okCodes.includes(run.status)) throw new Error(`node ${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr.toString().split('\n')[0]}`);
  return { wallMs, ...(JSON.parse(readFileSync(usageFile, 'utf8')) as Omit<Usage, 'wallMs'>) };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Row {
  readonly n: number;
  readonly bytes: number;
  readonly check: Usage;
  readonly floor: Usage;
  readonly ratio: number;
}

/** Check and floor alternately, RUNS times each: wall and CPU medians, the highest peak RSS. */
function measureSize(file: string, n: number, dir: string): Row {
  const checks: Usage[] = [];
  const floors: Usage[] = [];
  for (let i = 0; i < RUNS; i++) {
    checks.push(measure([BIN, 'check', file, '--pack', 'all'], [0, 1], dir));
    floors.push(measure(['-e', FLOOR, file], [0], dir));
  }
  const summary = (runs: Usage[]): Usage => ({
    wallMs: median(runs.map((r) => r.wallMs)),
    maxRssBytes: Math.max(...runs.map((r) => r.maxRssBytes)),
    userMs: median(runs.map((r) => r.userMs)),
    systemMs: median(runs.map((r) => r.systemMs)),
  });
  const check = summary(checks);
  const floor = summary(floors);
  return { n, bytes: statSync(file).size, check, floor, ratio: check.wallMs / floor.wallMs };
}

interface Phases {
  readonly readMs: number;
  readonly parseMs: number;
  readonly modelMs: number;
  readonly rulesMs: number;
  readonly resources: number;
  readonly grants: number;
  readonly results: number;
}

/** Where the time of one check goes, phase by phase, in a fresh process (scripts/bench-phases.js). */
function phases(file: string): Phases {
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, 'bench-phases.js'), file], { encoding: 'utf8', maxBuffer: 1e6 })) as Phases;
}

const s = (ms: number): string => (ms / 1000).toFixed(2);
const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);
const k = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

const rssLimit = (row: Row): number => RSS_FACTOR * row.bytes + RSS_ALLOWANCE;

function tableOf(rows: readonly Row[]): string {
  const lines = [
    '| resources | plan MB | floor s | check s | check/floor | check CPU s (user+sys) | floor peak RSS MB | check peak RSS MB | RSS limit MB (3x + 150) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(`| ${k(r.n)} | ${mb(r.bytes)} | ${s(r.floor.wallMs)} | ${s(r.check.wallMs)} | ${r.ratio.toFixed(2)} | ${s(r.check.userMs + r.check.systemMs)} | ${mb(r.floor.maxRssBytes)} | ${mb(r.check.maxRssBytes)} | ${mb(rssLimit(r))} |`);
  }
  return lines.join('\n');
}

interface Verdict {
  readonly text: string;
  readonly ok: boolean;
}

function verdicts(rows: readonly Row[], startup: number): Verdict[] {
  const at = (n: number) => rows.find((r) => r.n === n);
  const out: Verdict[] = [];
  for (const n of [50000, 200000]) {
    const r = at(n);
    if (r) out.push({ ok: r.ratio <= RATIO_TARGET, text: `check/floor at ${k(n)}: ${r.ratio.toFixed(2)} (target <= ${RATIO_TARGET})` });
  }
  for (const r of rows) out.push({ ok: r.check.maxRssBytes <= rssLimit(r), text: `peak RSS at ${k(r.n)}: ${mb(r.check.maxRssBytes)} MB (target <= ${mb(rssLimit(r))} MB)` });
  for (const [small, large] of [[5000, 50000], [20000, 200000]]) {
    const a = at(small);
    const b = at(large);
    if (a && b) out.push({ ok: b.check.wallMs / a.check.wallMs <= SCALING_TARGET, text: `${k(small)} -> ${k(large)} resources: ${(b.check.wallMs / a.check.wallMs).toFixed(1)}x the time (target <= ${SCALING_TARGET}x)` });
  }
  out.push({ ok: startup < STARTUP_TARGET_MS, text: `baseline --version, warm: ${startup.toFixed(0)} ms (target < ${STARTUP_TARGET_MS} ms)` });
  return out;
}

function markdownOf(rows: readonly Row[], p: Phases, largest: number, verdictList: readonly Verdict[]): string {
  return [
    machineLine(),
    '',
    `Whole processes, ${RUNS} runs each alternating, wall-time medians and the highest peak RSS (each process's own, \`process.resourceUsage().maxRSS\`): **check** is the built command line, \`baseline check plan.json --pack all\` (all ${RULES.length} rules on, text report to stdout); **floor** is a process that reads the file and \`JSON.parse\`s it. Plans are generated by \`scripts/bench.ts\` (about 1% findings).`,
    '',
    tableOf(rows),
    '',
    `Where the time goes at ${k(largest)} (scripts/bench-phases.js, one fresh process): read ${s(p.readMs)} s, scan with decoding and parsing of the members read ${s(p.parseMs)} s, model (${p.resources.toLocaleString('en')} resources, ${p.grants.toLocaleString('en')} grants, indexes, hierarchy) ${s(p.modelMs)} s, rules ${s(p.rulesMs)} s (${p.results.toLocaleString('en')} results).`,
    '',
    'Targets:',
    '',
    ...verdictList.map((v) => `- ${v.ok ? 'met' : '**not met**'}: ${v.text}`),
    '',
    '![time and peak memory against plan size](results.svg)',
  ].join('\n');
}

function svgOf(rows: readonly Row[]): string {
  const series = (label: string, color: string, pick: (r: Row) => number, dashed = false) => ({ label, color, dashed, points: rows.map((r) => [r.n, pick(r)] as const) });
  return chartSvg(
    [
      { title: 'Wall time', unit: 'seconds', series: [series('baseline check', '#c0392b', (r) => r.check.wallMs / 1000), series('floor: read + JSON.parse', '#2c3e50', (r) => r.floor.wallMs / 1000, true)] },
      { title: 'Peak RSS', unit: 'MB', series: [series('baseline check', '#c0392b', (r) => r.check.maxRssBytes / 1e6), series('floor: read + JSON.parse', '#2c3e50', (r) => r.floor.maxRssBytes / 1e6, true), series('target: 3x input + 150 MB', '#27ae60', (r) => rssLimit(r) / 1e6, true)] },
    ],
    k,
  );
}

function main(): void {
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : DEFAULT_SIZES;
  const startup = startupMs();
  console.log(`start ${startup.toFixed(0).padStart(6)} ms  (baseline --version, warm, median of 5; target < ${STARTUP_TARGET_MS} ms)`);
  const dir = mkdtempSync(join(tmpdir(), 'baseline-bench-'));
  try {
    const rows: Row[] = [];
    let largestFile = '';
    for (const n of sizes) {
      const file = join(dir, `plan-${n}.json`);
      const [, genMs] = time(() => writeFileSync(file, generatePlan(n)));
      const row = measureSize(file, n, dir);
      rows.push(row);
      largestFile = file;
      console.log(
        `${k(n).padStart(5)}: ${mb(row.bytes).padStart(4)} MB (generated in ${s(genMs)} s)  floor ${s(row.floor.wallMs)} s  check ${s(row.check.wallMs)} s  = ${row.ratio.toFixed(2)}x  ` +
          `peak RSS floor ${mb(row.floor.maxRssBytes)} MB, check ${mb(row.check.maxRssBytes)} MB`,
      );
    }
    const largest = sizes[sizes.length - 1];
    const p = phases(largestFile);
    console.log(`at ${k(largest)}: read ${s(p.readMs)} s, scan+parse ${s(p.parseMs)} s, model ${s(p.modelMs)} s, rules ${s(p.rulesMs)} s`);
    const verdictList = verdicts(rows, startup);
    for (const v of verdictList) console.log(`${v.ok ? 'met    ' : 'NOT MET'}  ${v.text}`);
    if (sizes.join() === DEFAULT_SIZES.join()) {
      writeResults([{ title: 'baseline check against read + JSON.parse', markdown: markdownOf(rows, p, largest, verdictList) }]);
      writeFileSync(join(ROOT, 'bench', 'results.svg'), svgOf(rows));
      console.log('written: bench/RESULTS.md, bench/results.svg');
    }
    process.exitCode = verdictList.every((v) => v.ok) ? 0 : 1;
    const ratioAt = (n: number) => rows.find((r) => r.n === n)?.ratio.toFixed(2) ?? 'n/a';
    console.log(`check/floor at 50k: ${ratioAt(50000)}, at 200k: ${ratioAt(200000)}`);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}

if (require.main === module) main();
