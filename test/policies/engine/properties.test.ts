/**
 * Properties that must hold for ANY input, not only the cases we thought of (fast-check):
 * - the loader either builds a model or raises a one-line InputError; nothing else escapes;
 * - every rule copes with whatever a loadable plan holds: no rule ever ends in `rule-error`;
 * - every plan and synthesized document whose attributes have the types the loader checks loads, and
 *   no rule ends in `rule-error` on it (the documents are built from policies/engine/load/attribute-types.ts);
 * - the Logging-filter parser the coverage rules rely on terminates and never throws.
 */
import fc from 'fast-check';
import { InputError } from '../../../policies/engine/errors';
import { evaluate } from '../../../policies/engine/evaluate';
import { matchAuditStreams } from '../../../policies/gcp/logging-filter';
import { loadModel } from '../../../policies/engine/load';
import { paramsFromConfig } from '../../../policies/config/adapter';
import { RULES } from '../../../policies/rules';
import { PACKS } from '../../../policies/packs';
import { RULE_TEST_NOW } from '../../../policies/testing/rule-tester';
import { ATTRIBUTE_TYPES } from '../../../policies/engine/load/attribute-types';
import { TYPED_TYPES, typedPlanText, typedResource, typedSynthText } from './typed-documents';

/**
 * CI runs a fixed seed so a red build is reproducible; explore further by hand with
 * `PROPERTY_RUNS=20000 PROPERTY_SEED=$RANDOM npx jest test/policies/engine/properties.test.ts`.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261127);

const rules = RULES;
const params = paramsFromConfig(undefined, RULE_TEST_NOW);

/** Loads, and turns the only allowed failure into a value so a property can tell it from a crash. */
function load(text: string) {
  try {
    return loadModel({ text, name: 'input.json' });
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.message).not.toContain('\n');
      return undefined;
    }
    throw error;
  }
}

/** Every type whose attributes the loader checks, so that ill-typed values meet the check everywhere it looks. */
const TYPES = TYPED_TYPES;
/** Attribute names at the top of a resource, and anywhere below (nested blocks), the engine reads. */
const TOP_NAMES = [...new Set(Object.values(ATTRIBUTE_TYPES).flatMap((a) => Object.keys(a).map((p) => p.split('.')[0])))];
const NESTED_NAMES = [...new Set(Object.values(ATTRIBUTE_TYPES).flatMap((a) => Object.keys(a).flatMap((p) => p.split('.').slice(1))))];
const ACTIONS = [['create'], ['update'], ['delete'], ['delete', 'create'], ['no-op'], ['read'], ['bogus'], []];
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('roles/owner', 'allUsers', 'user:a@b.c', '${google_project.p.id}', '7776000s', '{"bindings":[{"role":"roles/editor","members":["allUsers"]}]}'));
/** Values shaped like provider attributes, but with any type anywhere. */
const attribute = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...NESTED_NAMES, 'role', 'member', 'members', 'binding', 'policy_data', 'name', 'parent'), tie('value'), { maxKeys: 4 })),
})).value;
const resourceChange = fc.record({
  type: fc.constantFrom(...TYPES),
  name: fc.constantFrom('a', 'b', 'c'),
  index: fc.option(fc.oneof(fc.nat(3), fc.string({ maxLength: 3 })), { nil: undefined }),
  actions: fc.constantFrom(...ACTIONS),
  after: fc.option(fc.dictionary(fc.constantFrom(...TOP_NAMES, 'role', 'member', 'members', 'policy_data', 'bucket', 'secret_id', 'bucket_name'), attribute, { maxKeys: 6 }), { nil: null }),
  afterUnknown: fc.option(fc.dictionary(fc.constantFrom('member', 'members', 'role', 'policy_data', 'destination', 'filter', 'project'), fc.oneof(fc.boolean(), fc.array(fc.boolean(), { maxLength: 2 }))), { nil: undefined }),
  sensitive: fc.option(fc.dictionary(fc.constantFrom('secret_data', 'member'), fc.boolean()), { nil: undefined }),
});

type Change = typeof resourceChange extends fc.Arbitrary<infer T> ? T : never;

function planText(changes: Change[]): string {
  return JSON.stringify({
    format_version: '1.2',
    resource_changes: changes.map((c) => {
      const address = `${c.type}.${c.name}${c.index === undefined ? '' : `[${JSON.stringify(c.index)}]`}`;
      return {
        address,
        mode: 'managed',
        type: c.type,
        name: c.name,
        index: c.index,
        change: { actions: c.actions, before: c.actions.includes('delete') ? c.after : null, after: c.after, after_unknown: c.afterUnknown, after_sensitive: c.sensitive },
      };
    }),
  });
}

describe('for any input', () => {
  it('the loader builds a model or raises a one-line InputError, from any JSON text', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), (text) => {
        load(text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the loader survives any plan-shaped document, and every rule judges it without erroring', () => {
    fc.assert(
      fc.property(fc.array(resourceChange, { maxLength: 8 }), (changes) => {
        const model = load(planText(changes));
        if (!model) return;
        const evaluation = evaluate(model, { rules, pack: PACKS.all, params });
        const errors = evaluation.results.filter((r) => r.messageId === 'rule-error').map((r) => `${r.ruleId}: ${r.message}`);
        expect(errors).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  /** Rule errors of the whole `all` pack on a model. */
  function ruleErrors(model: NonNullable<ReturnType<typeof load>>): string[] {
    const evaluation = evaluate(model, { rules, pack: PACKS.all, params });
    return evaluation.results.filter((r) => r.messageId === 'rule-error').map((r) => `${r.ruleId}: ${r.message}`);
  }

  it.each([
    ['plan', typedPlanText],
    ['synthesized', typedSynthText],
  ] as const)('every well-typed %s document loads, and every rule judges it without erroring', (format, text) => {
    fc.assert(
      fc.property(fc.array(typedResource(format === 'plan' ? 'plan' : 'synth'), { maxLength: 8 }), (resources) => {
        const model = loadModel({ text: text(resources), name: 'input.json' });
        expect(ruleErrors(model)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the Logging-filter parser terminates on any filter text and judges every audit stream', () => {
    const token = fc.constantFrom('logName:', '"/logs/cloudaudit.googleapis.com%2Factivity"', 'log_id("cloudaudit.googleapis.com/data_access")', 'AND', 'OR', 'NOT', '-', '(', ')', '=', '!=', ':', '"', 'severity>=ERROR', 'resource.type="gce_instance"', ' ', '\\', '*');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(token, { maxLength: 40 }).map((t) => t.join(' '))), (filter) => {
        const verdict = matchAuditStreams(filter);
        expect(Object.keys(verdict).sort()).toEqual(['access_transparency', 'activity', 'data_access', 'policy', 'system_event']);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
