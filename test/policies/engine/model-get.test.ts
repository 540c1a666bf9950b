import { join } from 'node:path';
import { loadModel } from '../../../policies/engine/load';
import { get, isSensitive, perModel, type Model, type Resource } from '../../../policies/engine/model';
import { TERRAFORM_VALIDATOR } from './corpus';
import { modelOf, plan, synth } from '../../../policies/testing/rule-tester';

describe('get()', () => {
  it('reads a nested block by the same path in plan JSON (arrays) and synthesized JSON (objects)', () => {
    const values = { bucket_id: 'b', cmek_settings: { kms_key_name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' } };
    const fromSynth = modelOf({ synth: synth({ google_logging_project_bucket_config: { b: values } }) }).resources[0];
    const fromPlan = modelOf({ plan: plan([{ address: 'google_logging_project_bucket_config.b', values: { ...values, cmek_settings: [values.cmek_settings] } }]) }).resources[0];
    for (const resource of [fromSynth, fromPlan]) {
      expect(get(resource, 'cmek_settings.kms_key_name')).toEqual({ state: 'known', value: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' });
      expect(get(resource, 'retention_days')).toEqual({ state: 'absent' });
    }
  });

  it('reads nothing by name from a list of zero or several blocks, not even the list methods of the same name', () => {
    // GIVEN an alert condition whose threshold block list is empty, and two spec blocks of a policy
    const alert = modelOf({
      plan: plan([{ address: 'google_monitoring_alert_policy.a', values: { conditions: [{ condition_threshold: [] }] } }]),
    }).resources[0];
    const policy = modelOf({
      plan: plan([{ address: 'google_org_policy_policy.p', values: { spec: [{ rules: [] }, { rules: [] }] } }]),
    }).resources[0];
    // THEN `filter` and `values` are absent, not Array.prototype.filter / .values
    expect(get(alert, 'conditions.0.condition_threshold.filter')).toEqual({ state: 'absent' });
    expect(get(policy, 'spec.rules')).toEqual({ state: 'absent' });
    expect(get(policy, 'spec.0.rules.values')).toEqual({ state: 'absent' });
    expect(get(policy, 'spec.1.rules')).toEqual({ state: 'known', value: [] });
  });

  it('gives the references of a list element known only after apply inside a single nested block, with or without the block index', () => {
    // GIVEN a real plan whose data.google_iam_policy member comes from random_string.suffix.result
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json'));
    const policy = model.byType('google_iam_policy')[0];
    // WHEN the member is read without the block index THEN the reference is still attached
    // (lists read as known; callers judge each element, which may be unknown on its own)
    for (const path of ['binding.members.0', 'binding.0.members.0']) {
      const value = get(policy, path);
      expect(value.state).toBe('unknown');
      expect(value.state === 'unknown' && value.references.map((r) => r.expression)).toContain('random_string.suffix.result');
    }
  });

  it('marks synthesized tokens unknown and keeps what they refer to', () => {
    const resource = modelOf({
      synth: synth({
        google_service_account: { sa: { account_id: 'runner', project: 'p' } },
        google_project_iam_member: { m: { project: 'p', role: 'roles/run.viewer', member: '${google_service_account.sa.member}' } },
      }),
    }).byType('google_project_iam_member')[0];
    const member = get(resource, 'member');
    expect(member.state).toBe('unknown');
    expect(member.state === 'unknown' && member.references.map((r) => [r.attribute, r.target])).toEqual([['member', 'google_service_account.sa']]);
  });

  it('fails closed on sensitive marks: a path under a sensitive subtree is sensitive', () => {
    const resource = modelOf({
      plan: plan([{ address: 'google_sql_user.u', values: { name: 'app', password: 'not-shown' }, sensitive: { password: true } }]),
    }).resources[0];
    expect(isSensitive(resource, 'password')).toBe(true);
    expect(isSensitive(resource, 'name')).toBe(false);
  });

  it('reads own attributes only: inherited names such as constructor or toString are absent', () => {
    const resource = modelOf({ plan: plan([{ address: 'google_project.p', values: { project_id: 'p', labels: {} } }]) }).resources[0];
    for (const path of ['constructor', 'toString', 'labels.constructor', '__proto__', 'labels.hasOwnProperty']) {
      expect(get(resource, path)).toEqual({ state: 'absent' });
    }
  });
});

describe('get() and isSensitive() at the edges of a path', () => {
  const resource = (values: Record<string, unknown>, unknown: object = {}, sensitive: object = {}) => ({ values, unknown, sensitive, references: [] }) as unknown as Resource;

  it('reads the whole resource at the empty path', () => {
    const r = resource({ name: 'n' });
    expect(get(r, '')).toEqual({ state: 'known', value: { name: 'n' } });
  });

  it('reads the prior value with "before", where nothing is unknown', () => {
    const r = { values: { role: 'roles/new' }, before: { role: 'roles/old' }, unknown: { role: true }, sensitive: {}, references: [] } as unknown as Resource;
    expect([get(r, 'role'), get(r, 'role', 'before')]).toEqual([{ state: 'unknown', references: [], raw: 'roles/new' }, { state: 'known', value: 'roles/old' }]);
  });

  it('gives an unknown value the references at its path, above it or below it, with or without block indexes', () => {
    const ref = (path: string) => ({ path, expression: `x.${path}`, target: undefined, attribute: undefined });
    const r = {
      values: {},
      unknown: { binding: true, labels: true, bindingx: true },
      sensitive: {},
      references: [ref('binding.0.members.0'), ref('labels'), ref('bindingx')],
    } as unknown as Resource;
    const pathsOf = (path: string) => {
      const v = get(r, path);
      return v.state === 'unknown' ? v.references.map((x) => x.path) : v.state;
    };
    expect([pathsOf('binding'), pathsOf('binding.0.members'), pathsOf('binding.members.1.x'), pathsOf('labels.team')]).toEqual([
      ['binding.0.members.0'],
      ['binding.0.members.0'],
      ['binding.0.members.0'],
      ['labels'],
    ]);
  });

  it('reads an element of a list by an index of two digits', () => {
    const items = Array.from({ length: 12 }, (_, i) => `item-${i}`);
    expect(get(resource({ items }), 'items.11')).toEqual({ state: 'known', value: 'item-11' });
  });

  it('computes a per-model index once, and again for another model', () => {
    const calls: Model[] = [];
    const index = perModel((model) => {
      calls.push(model);
      return { size: model.resources.length };
    });
    const one = modelOf({ synth: synth({ google_x: { a: {} } }) });
    const two = modelOf({ synth: synth({}) });
    expect(index(one)).toBe(index(one));
    expect([index(one).size, index(two).size]).toEqual([1, 0]);
    expect(calls).toEqual([one, two]);
  });

  it('finds nothing below a null block or a scalar, unless the marks say it is known only after apply', () => {
    const r = resource({ retention_policy: null, name: 'n', later: null }, { later: { id: true } });
    expect([get(r, 'retention_policy.is_locked'), get(r, 'name.first'), get(r, 'later.id')]).toEqual([{ state: 'absent' }, { state: 'absent' }, { state: 'unknown', references: [] }]);
  });

  it('marks sensitive what is under a sensitive mark, stepping through single blocks by name', () => {
    const r = resource({}, {}, { whole: true, block: [{ secret: true }], blocks: [{ a: true }, { a: true }] });
    expect(['whole', 'whole.x.y', 'block.secret', 'block.0.secret', 'block.other', 'blocks.a', 'blocks.1.a', 'nothing'].map((p) => isSensitive(r, p))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});
