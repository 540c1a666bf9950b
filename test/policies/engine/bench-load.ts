/**
 * Measures loading a generated plan of N resources (default 50k) against the cost of JSON.parse alone.
 * Not a test (no timing assertions anywhere): run by hand with
 *   node --expose-gc -r ts-node/register/transpile-only test/policies/engine/bench-load.ts [count]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModel } from '../../../policies/engine/create-model';
import { loadModel } from '../../../policies/engine/load';
import { parseJsonObject } from '../../../policies/engine/load/json';
import { readPlan } from '../../../policies/engine/load/plan';
import { readText } from '../../../policies/engine/load/read-text';
import { plan, type PlanResourceSpec } from '../../../policies/testing/rule-tester';

function specs(count: number): PlanResourceSpec[] {
  const out: PlanResourceSpec[] = [];
  for (let i = 0; out.length < count; i++) {
    const m = `module.team["t${i % 50}"]`;
    out.push({ address: `${m}.google_storage_bucket.b[${i}]`, values: { name: `bucket-${i}`, location: 'EU', uniform_bucket_level_access: true, retention_policy: [{ is_locked: false, retention_period: 86400 }], labels: { team: `t${i % 50}` } }, unknown: { id: true, self_link: true, url: true } });
    out.push({ address: `${m}.google_storage_bucket_iam_member.m[${i}]`, values: { role: 'roles/storage.objectViewer', member: `group:g${i}@example.com`, condition: [] }, unknown: { bucket: true, etag: true, id: true }, references: { bucket: ['google_storage_bucket.b[0].name', 'google_storage_bucket.b[0]', 'google_storage_bucket.b'] } });
    out.push({ address: `google_project_iam_binding.b${i}`, values: { project: `project-${i % 100}`, role: 'roles/viewer', members: [`user:a${i}@example.com`, `group:b${i}@example.com`], condition: [] }, unknown: { etag: true, id: true, members: [false, false] } });
    out.push({ address: `google_project_iam_policy.p${i}`, values: { project: `project-${i % 100}`, policy_data: JSON.stringify({ bindings: [{ role: 'roles/editor', members: [`user:c${i}@example.com`, 'allUsers'] }] }) }, unknown: { etag: true, id: true } });
    out.push({ address: `google_secret_manager_secret_version.v${i}`, values: { secret: `projects/p/secrets/s${i}`, secret_data: `value-${i}`, enabled: true }, sensitive: { secret_data: true }, unknown: { id: true, name: true, version: true } });
  }
  return out.slice(0, count);
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Measures in a fresh process, so the generator's garbage and compiled code do not weigh on the numbers. */
function measure(file: string): void {
  const text = readFileSync(file, 'utf8');
  console.log(`plan: ${(text.length / 1e6).toFixed(1)} MB`);
  for (let round = 1; round <= 3; round++) {
    global.gc?.();
    let t = process.hrtime.bigint();
    JSON.parse(text);
    const parse = ms(t);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    t = process.hrtime.bigint();
    const model = loadModel(file);
    const load = ms(t);
    global.gc?.();
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    global.gc?.();
    t = process.hrtime.bigint();
    const again = readText(file, file);
    const read = ms(t);
    t = process.hrtime.bigint();
    const doc = parseJsonObject(again, file);
    const parseChecked = ms(t);
    t = process.hrtime.bigint();
    const drafts = readPlan(doc, file);
    const planTime = ms(t);
    t = process.hrtime.bigint();
    createModel({ kind: 'plan', sources: [file], stacks: [], resources: drafts });
    const index = ms(t);
    console.log(
      `  phases: read ${read.toFixed(0)} ms, parse+nesting check ${parseChecked.toFixed(0)} ms, plan reading ${planTime.toFixed(0)} ms, ` +
        `indexes+grants+hierarchy ${index.toFixed(0)} ms`,
    );
    console.log(
      `round ${round}: JSON.parse ${parse.toFixed(0)} ms; loadModel ${load.toFixed(0)} ms (${(load / parse).toFixed(2)}x parse, incl. reading the file); ` +
        `${model.resources.length} resources, ${model.grants.length} grants; model retains ${heap.toFixed(0)} MB heap`,
    );
  }
}

if (process.argv[2] === '--measure') {
  measure(process.argv[3]);
} else {
  const count = Number(process.argv[2] ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  const file = join(dir, 'plan.json');
  try {
    writeFileSync(file, JSON.stringify(plan(specs(count))));
    console.log(`generated ${count} resources`);
    execFileSync(process.execPath, [...process.execArgv, __filename, '--measure', file], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
