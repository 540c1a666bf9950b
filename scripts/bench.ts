/**
 * `npm run bench`: how close to the cost of parsing is a full check of a huge plan?
 *
 * Generates a `terraform show -json` plan with N resources (default 200,000) shaped like a large,
 * mostly clean organization (projects, IAM members/bindings/policies with policy_data, buckets,
 * keys, secrets with per-secret access; some values unknown, some sensitive, modules with for_each;
 * about 1% deliberate findings), then measures:
 *   parse  - JSON.parse of the text alone (the floor)
 *   load   - loadModel (parse + model + indexes + grants + hierarchy)
 *   check  - evaluate with every rule in the `all` pack
 * and the peak RSS. Targets: load + check <= 3x parse, peak RSS <= 4 GiB at 200k.
 * Also the warm start of the packed command line, `baseline --version` (the built dist/, as `npx baseline`
 * runs it): the median of 5 runs after one warm-up must stay under 0.3 s.
 *
 *   npm run bench                # 200k resources
 *   npm run bench -- 50000       # another size
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../policies/engine/load';
import { evaluate } from '../policies/engine/evaluate';
import { paramsFromConfig } from '../policies/config/adapter';
import { RULES } from '../policies/rules';
import { PACKS } from '../policies/packs';

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

/** Median wall time of `node dist/bin/baseline.js --version`, after one warm-up run (page cache, compile cache). */
function startupMs(): number {
  const bin = join(__dirname, '..', 'policies', 'dist', 'bin', 'baseline.js');
  const run = () => time(() => execFileSync(process.execPath, [bin, '--version'], { stdio: 'pipe' }))[1];
  run();
  const runs = Array.from({ length: 5 }, run).sort((a, b) => a - b);
  return runs[2];
}

function main(): void {
  const startup = startupMs();
  console.log(`start  ${startup.toFixed(0).padStart(7)} ms   (baseline --version, warm, median of 5; target < ${STARTUP_TARGET_MS} ms)`);
  const n = Number(process.argv[2] ?? 200000);
  const dir = mkdtempSync(join(tmpdir(), 'baseline-bench-'));
  const file = join(dir, 'plan.json');
  try {
    const [text, genMs] = time(() => generatePlan(n));
    writeFileSync(file, text);
    const mb = Buffer.byteLength(text) / 1024 / 1024;
    console.log(`generated ${n.toLocaleString('en')} resources, ${mb.toFixed(0)} MiB in ${(genMs / 1000).toFixed(1)} s`);
    const [, parseMs] = time(() => JSON.parse(readFileSync(file).toString('utf8')));
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const [model, loadMs] = time(() => loadModel(file));
    const rules = RULES;
    const [evaluation, checkMs] = time(() => evaluate(model, { rules, pack: PACKS.all, params: paramsFromConfig(undefined) }));
    const rss = process.memoryUsage().rss;
    const ratio = (loadMs + checkMs) / parseMs;
    console.log(`parse  ${parseMs.toFixed(0).padStart(7)} ms   (JSON.parse alone: the floor)`);
    console.log(`load   ${loadMs.toFixed(0).padStart(7)} ms   (model, indexes, ${model.grants.length.toLocaleString('en')} grants)`);
    console.log(`check  ${checkMs.toFixed(0).padStart(7)} ms   (${rules.length} rules, ${evaluation.results.length.toLocaleString('en')} results)`);
    console.log(`total / parse = ${ratio.toFixed(2)}x   rss ${(rss / 1024 / 1024).toFixed(0)} MiB (before load ${(rssBefore / 1024 / 1024).toFixed(0)} MiB)`);
    const ok = ratio <= 3 && rss <= 4 * 1024 ** 3 && startup < STARTUP_TARGET_MS;
    const targets = `(<= 3x parse, <= 4 GiB, start < ${STARTUP_TARGET_MS} ms)`;
    console.log(ok ? `bench: within targets ${targets}` : `bench: OUTSIDE targets ${targets}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(file);
  }
}

if (require.main === module) main();
