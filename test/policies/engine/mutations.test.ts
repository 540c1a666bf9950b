/**
 * The real plans, mutated at random paths (fast-check): whatever the mutation, a run ends within a time bound and
 * either reports at least what the unmutated plan reported (for mutations Terraform would accept: an unknown extra
 * key, a key-case change inside policy_data, a reordering) or stops with a one-line InputError (exit 2). It never
 * crashes, never ends in a rule-error, and never passes input it did not understand.
 *
 * `npm test` runs a fixed seed and a small budget; `npm run fuzz` runs a random seed and a large one
 * (FUZZ_RUNS, FUZZ_SEED).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { paramsFromConfig } from '../../../policies/config/adapter';
import { InputError } from '../../../policies/engine/errors';
import { evaluate } from '../../../policies/engine/evaluate';
import { loadModel } from '../../../policies/engine/load';
import { PACKS } from '../../../policies/packs';
import { RULES } from '../../../policies/rules';
import { RULE_TEST_NOW } from '../../../policies/testing/rule-tester';
import { planFiles, TERRAFORM_VALIDATOR } from './corpus';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Per run, generous for a loaded 2-core machine: the largest corpus plan checks in well under 100 ms. */
const TIME_BOUND_MS = 5_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const params = paramsFromConfig(undefined, RULE_TEST_NOW);
const plans = planFiles().map((file) => ({ file, doc: JSON.parse(readFileSync(join(TERRAFORM_VALIDATOR, file), 'utf8')) as Json }));

/** What a run reports: `outcome rule resource message` of every finding and unknown, or the InputError. */
function run(doc: Json): { reports: Set<string>; inputError?: string; ms: number } {
  const start = Date.now();
  try {
    const model = loadModel({ text: JSON.stringify(doc), name: 'plan.json' });
    const evaluation = evaluate(model, { rules: RULES, pack: PACKS.all, params });
    const reports = new Set(evaluation.results.map((r) => `${r.outcome} ${r.ruleId} ${r.resourceId} ${r.messageId}`));
    return { reports, ms: Date.now() - start };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { reports: new Set(), inputError: error.message, ms: Date.now() - start };
  }
}

const baseline = new Map(plans.map(({ file, doc }) => [file, run(doc)]));

/** Every (container, key) in a document, breadth-first, capped so huge plans stay cheap to mutate. */
function slots(doc: Json, cap = 2_000): { parent: Json[] | { [k: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = [];
  const queue: Json[] = [doc];
  while (queue.length > 0 && out.length < cap) {
    const node = queue.shift()!;
    if (node === null || typeof node !== 'object') continue;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      out.push({ parent: node, key });
      queue.push((node as Record<string | number, Json>)[key]);
    }
  }
  return out;
}

const clone = (doc: Json): Json => JSON.parse(JSON.stringify(doc)) as Json;
const OTHER_TYPES: Json[] = [null, true, 0, 'x', [], {}, '${var.x}', '%{ if true }allUsers%{ endif }', 'a'.repeat(100_000)];

function assertBounded(result: { ms: number; inputError?: string }): void {
  expect(result.ms).toBeLessThan(TIME_BOUND_MS);
  if (result.inputError !== undefined) expect(result.inputError).not.toContain('\n');
}

describe('mutated real plans', () => {
  const plan = fc.integer({ min: 0, max: plans.length - 1 });

  it('a value of another type at any path: a model and no rule-error, or a one-line InputError, in bounded time', () => {
    fc.assert(
      fc.property(plan, fc.nat(), fc.constantFrom(...OTHER_TYPES), (p, pick, replacement) => {
        const doc = clone(plans[p].doc);
        const all = slots(doc);
        const slot = all[pick % all.length];
        (slot.parent as Record<string | number, Json>)[slot.key] = replacement;
        const result = run(doc);
        assertBounded(result);
        expect([...result.reports].filter((r) => r.includes(' rule-error'))).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('an unknown extra key anywhere (Terraform ignores it): at least what the plan reported before', () => {
    fc.assert(
      fc.property(plan, fc.nat(), (p, pick) => {
        const doc = clone(plans[p].doc);
        const objects = slots(doc).map((s) => (s.parent as Record<string | number, Json>)[s.key]).filter((v): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v));
        if (objects.length === 0) return;
        objects[pick % objects.length].zz_unknown_extra = 1;
        const before = baseline.get(plans[p].file)!;
        const after = run(doc);
        assertBounded(after);
        if (before.inputError !== undefined) return;
        expect(after.inputError).toBeUndefined();
        expect([...before.reports].filter((r) => !after.reports.has(r))).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('a resource entry given twice: a one-line InputError naming its JSON path, never a pass', () => {
    const withResources = plans.filter(({ doc }) => Array.isArray((doc as { resource_changes?: Json[] }).resource_changes) && (doc as { resource_changes: Json[] }).resource_changes.length > 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: withResources.length - 1 }), fc.nat(), (p, pick) => {
        const doc = clone(withResources[p].doc) as { resource_changes: Json[] };
        const entries = doc.resource_changes.filter((rc) => (rc as { deposed?: string }).deposed === undefined);
        doc.resource_changes.push(clone(entries[pick % entries.length]));
        const result = run(doc as unknown as Json);
        assertBounded(result);
        expect(result.inputError).toMatch(/^plan\.json: \$\.resource_changes\[\d+\]\.address ".+" appears twice$/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the keys of a policy_data in another case (the provider decodes them alike): the same grants', () => {
    const recase = (text: string, upper: boolean) => text.replace(/"(bindings|role|members|condition|expression|title)"\s*:/g, (_, k: string) => `"${upper ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1)}":`);
    const withPolicy = plans.filter(({ doc }) => JSON.stringify(doc).includes('policy_data'));
    expect(withPolicy.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: withPolicy.length - 1 }), fc.boolean(), (p, upper) => {
        const text = JSON.stringify(withPolicy[p].doc).replace(/"policy_data":"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => `"policy_data":${JSON.stringify(recase(JSON.parse(`"${inner}"`) as string, upper))}`);
        const before = baseline.get(withPolicy[p].file)!;
        const after = run(JSON.parse(text) as Json);
        assertBounded(after);
        if (before.inputError !== undefined) return;
        expect([...before.reports].filter((r) => !after.reports.has(r))).toEqual([]);
      }),
      { numRuns: Math.min(RUNS, 40), seed: SEED },
    );
  });
});
