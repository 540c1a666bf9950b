/**
 * Properties that must hold for ANY input, not only the cases we thought of (fast-check):
 * - the loader either builds a model or raises a one-line InputError; nothing else escapes;
 * - every rule copes with whatever a loadable plan holds: no rule ever ends in `rule-error`;
 * - the Logging-filter parser the coverage rules rely on terminates and never throws.
 */
import fc from 'fast-check';
import { InputError } from '../../../policies/engine/errors';
import { evaluate } from '../../../policies/engine/evaluate';
import { matchAuditStreams } from '../../../policies/engine/logging-helpers';
import { loadModel } from '../../../policies/engine/load';
import { paramsFromConfig } from '../../../policies/engine/params';
import { loadRules } from '../../../policies/rules';
import { PACKS } from '../../../policies/packs';
import { RULE_TEST_NOW } from '../rule-tester';

/**
 * CI runs a fixed seed so a red build is reproducible; explore further by hand with
 * `PROPERTY_RUNS=20000 PROPERTY_SEED=$RANDOM npx jest test/policies/engine/properties.test.ts`.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261127);

const rules = loadRules();
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

const TYPES = [
  'google_project_iam_member',
  'google_project_iam_binding',
  'google_organization_iam_policy',
  'google_storage_bucket_iam_member',
  'google_logging_organization_sink',
  'google_logging_project_bucket_config',
  'google_organization_iam_audit_config',
  'google_logging_metric',
  'google_monitoring_alert_policy',
  'google_secret_manager_secret',
  'google_kms_crypto_key',
  'google_org_policy_policy',
  'google_essential_contacts_contact',
  'google_project',
  'google_folder',
];
const ACTIONS = [['create'], ['update'], ['delete'], ['delete', 'create'], ['no-op'], ['read'], ['bogus'], []];
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('roles/owner', 'allUsers', 'user:a@b.c', '${google_project.p.id}', '7776000s', '{"bindings":[{"role":"roles/editor","members":["allUsers"]}]}'));
/** Values shaped like provider attributes, but with any type anywhere. */
const attribute = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('role', 'member', 'members', 'filter', 'destination', 'include_children', 'policy_data', 'binding', 'condition', 'expression', 'name', 'retention_days', 'locked', 'spec', 'rules', 'enforce', 'parent', 'rotation_period'), tie('value'), { maxKeys: 4 })),
})).value;
const resourceChange = fc.record({
  type: fc.constantFrom(...TYPES),
  name: fc.constantFrom('a', 'b', 'c'),
  index: fc.option(fc.oneof(fc.nat(3), fc.string({ maxLength: 3 })), { nil: undefined }),
  actions: fc.constantFrom(...ACTIONS),
  after: fc.option(fc.dictionary(fc.constantFrom('project', 'org_id', 'role', 'member', 'members', 'policy_data', 'filter', 'destination', 'include_children', 'retention_days', 'locked', 'name', 'parent', 'spec', 'notification_channels', 'enabled', 'conditions', 'rotation_period', 'service', 'audit_log_config', 'secret_data', 'bucket_name', 'folder_id'), attribute, { maxKeys: 6 }), { nil: null }),
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
