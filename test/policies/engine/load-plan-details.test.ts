/**
 * Plan loading in the details mutation testing found unpinned: the actions Terraform may write, marks that
 * combine before and after a change, depth limits, depends_on and module outputs in the configuration, deposed
 * objects, address fields that do not spell the address, and the exact one-line errors for what is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../policies/engine/errors';
import { loadModel } from '../../../policies/engine/load';
import type { Model } from '../../../policies/engine/model';
import { plan, type PlanResourceSpec } from '../../../policies/testing/rule-tester';
import { inputErrorOf } from '../../support/input-error';

type Doc = { resource_changes: { address: string; change: Record<string, unknown>; deposed?: string }[] } & Record<string, unknown>;

function load(doc: object): Model {
  return loadModel({ text: JSON.stringify(doc), name: 'plan.json' });
}

function planOf(specs: PlanResourceSpec[]): Doc {
  return plan(specs) as Doc;
}

/** The one line loadModel refuses the document with. */
const refusal = (doc: object) => inputErrorOf(() => load(doc));

function withActions(actions: unknown): Doc {
  const doc = planOf([{ address: 'google_x.y', values: {} }]);
  doc.resource_changes[0].change.actions = actions;
  return doc;
}

describe('change actions', () => {
  it('reads forget (Terraform 1.7+: removed from state, left in the cloud) as no change', () => {
    expect(load(withActions(['forget'])).byId('google_x.y')!.action).toBe('no-op');
  });

  it('refuses an action list it does not know, naming it, and a list that is not an array', () => {
    expect(refusal(withActions(['delete', 'update']))).toBe('plan.json: google_x.y: unknown change actions "delete,update"');
    expect(refusal(withActions('create'))).toBe('plan.json: google_x.y: unknown change actions ""');
  });
});

describe('marks', () => {
  it('reads a mark that is neither a boolean nor a container as not marked', () => {
    const resource = load(planOf([{ address: 'google_x.y', values: { a: 'x', b: 'y' }, unknown: { a: null, b: 'yes', c: true } as object }])).byId('google_x.y')!;
    expect(resource.unknown).toEqual({ a: false, b: false, c: true });
  });

  /** An update whose before_sensitive and after_sensitive are given as they are. */
  function sensitiveOfUpdate(before: unknown, after: unknown): unknown {
    const doc = planOf([{ address: 'google_x.y', values: { a: 'new', list: ['n'] }, before: { a: 'old', list: ['o'] }, action: 'update' }]);
    doc.resource_changes[0].change.before_sensitive = before;
    doc.resource_changes[0].change.after_sensitive = after;
    return load(doc).byId('google_x.y')!.sensitive;
  }

  it('marks sensitive what either side of an update marks, element by element and key by key', () => {
    expect(sensitiveOfUpdate(true, {})).toBe(true);
    expect(sensitiveOfUpdate({}, true)).toBe(true);
    expect(sensitiveOfUpdate({ a: true }, {})).toEqual({ a: true });
    expect(sensitiveOfUpdate({}, { a: true })).toEqual({ a: true });
    expect(sensitiveOfUpdate({ list: [true] }, { list: [false, true] })).toEqual({ list: [true, true] });
    expect(sensitiveOfUpdate({ list: [false, false, true] }, { list: [true] })).toEqual({ list: [true, false, true] });
    expect(sensitiveOfUpdate({ nested: { a: true } }, { nested: { b: true } })).toEqual({ nested: { a: true, b: true } });
  });

  it('keeps a mark that only one side gives, marked or not, and a list one side does not mark', () => {
    expect(sensitiveOfUpdate({ a: true }, { b: false })).toEqual({ a: true, b: false });
    expect(sensitiveOfUpdate({ b: false }, { a: true })).toEqual({ a: true, b: false });
    expect(sensitiveOfUpdate({ list: [true] }, { list: [false, false] })).toEqual({ list: [true, false] });
    expect(sensitiveOfUpdate({ list: [false, false] }, { list: [true] })).toEqual({ list: [true, false] });
    expect(sensitiveOfUpdate({ list: [true] }, { list: false })).toEqual({ list: [true] });
    expect(sensitiveOfUpdate({ list: false }, { list: [true] })).toEqual({ list: [true] });
  });

  it('marks a whole value sensitive when one side marks it as a list and the other as an object', () => {
    expect(sensitiveOfUpdate({ block: [true] }, { block: { a: false } })).toEqual({ block: true });
    expect(sensitiveOfUpdate({ block: { a: false } }, { block: [false] })).toEqual({ block: true });
  });

  it('keeps after_sensitive alone for a create, and before_sensitive alone for a delete', () => {
    const doc = planOf([
      { address: 'google_x.created', values: { a: 'x' } },
      { address: 'google_x.deleted', values: { a: 'x' }, action: 'delete' },
    ]);
    doc.resource_changes[0].change.before_sensitive = { b: true };
    doc.resource_changes[0].change.after_sensitive = { a: true };
    doc.resource_changes[1].change.before_sensitive = { a: true };
    doc.resource_changes[1].change.after_sensitive = { b: true };
    const model = load(doc);
    expect([model.byId('google_x.created')!.sensitive, model.byId('google_x.deleted')!.sensitive]).toEqual([{ a: true }, { a: true }]);
  });
});

describe('depth limits', () => {
  /** A planned_values module tree `levels` child modules deep, with one resource at the bottom. */
  function nestedPlan(levels: number): object {
    let module: Record<string, unknown> = { resources: [{ address: 'google_x.y', mode: 'managed', type: 'google_x', name: 'y', values: {} }] };
    for (let i = 0; i < levels; i++) module = { child_modules: [module] };
    return { format_version: '1.2', planned_values: { root_module: module } };
  }

  it('reads modules 64 levels deep and refuses a 65th level, in one line', () => {
    expect(load(nestedPlan(64)).resources).toHaveLength(1);
    expect(refusal(nestedPlan(65))).toBe('plan.json: modules nested deeper than 64 levels');
  });

  it('reads configuration modules 64 levels deep and refuses a 65th level, in one line', () => {
    const nested = (levels: number) => {
      let module: Record<string, unknown> = { resources: [] };
      for (let i = 0; i < levels; i++) module = { module_calls: { m: { source: './m', module } } };
      return { ...planOf([{ address: 'google_x.y', values: {}, references: { a: ['google_x.z'] } }]), configuration: { root_module: module } };
    };
    expect(load(nested(64)).resources).toHaveLength(1);
    expect(refusal(nested(65))).toBe('plan.json: configuration modules nested deeper than 64 levels');
  });
});

describe('shape errors', () => {
  it('names the JSON path and the type of an entry that is not an object', () => {
    const doc = { format_version: '1.2', resource_changes: ['google_x.y'] };
    expect(refusal(doc)).toBe('plan.json: $.resource_changes[0] is a string, expected an object');
  });

  it('accepts a deposed object beside the current one at the same address: the current one carries the change', () => {
    const doc = planOf([{ address: 'google_x.y', values: { a: 'new' }, before: { a: 'old' }, action: 'replace' }]);
    doc.resource_changes.push({ ...doc.resource_changes[0], deposed: '00000001', change: { actions: ['delete'], before: { a: 'older' }, after: null } });
    const model = load(doc);
    expect(model.resources.map((r) => [r.address, r.action, r.values])).toEqual([['google_x.y', 'replace', { a: 'new' }]]);
  });
});

describe('a change marked deposed: null', () => {
  it('is the current object (Terraform leaves deposed out for it)', () => {
    const doc = planOf([{ address: 'google_x.y', values: { a: 'new' }, before: { a: 'old' }, action: 'update' }]);
    doc.resource_changes[0] = { ...doc.resource_changes[0], deposed: null as unknown as string };
    expect(load(doc).byId('google_x.y')!.action).toBe('update');
  });
});

describe('references from the configuration', () => {
  const model = load(
    planOf([
      { address: 'google_x.counted[0]', values: {} },
      { address: 'google_x.counted[1]', values: {} },
      { address: 'google_x.single[0]', values: {} },
      { address: 'google_x.to_single', values: {}, references: { a: ['google_x.single.id', 'google_x.single'] } },
      { address: 'google_x.to_missing_index', values: {}, references: { a: ['google_x.counted[5].id', 'google_x.counted[5]'] } },
      { address: 'google_x.to_nothing', values: {}, references: { a: ['google_x.absent.id', 'google_x.absent'] } },
      { address: 'google_x.to_single_missing', values: {}, references: { a: ['google_x.single[3].id', 'google_x.single[3]'] } },
      { address: 'google_x.keyed["a"]', values: {} },
      { address: 'google_x.keyed["b"]', values: {} },
      { address: 'google_x.twinless["c"]', values: {}, references: { a: ['google_x.keyed.id', 'google_x.keyed'] } },
      { address: 'google_x.twin["b"]', values: {}, references: { a: ['google_x.keyed.id', 'google_x.keyed'] } },
    ]),
  );
  const reference = (address: string) => model.byId(address)!.references.map((r) => ({ target: r.target, attribute: r.attribute }));

  it('resolve to the one instance of a counted resource, and to nothing for an index or a resource not planned', () => {
    expect([reference('google_x.to_single'), reference('google_x.to_missing_index'), reference('google_x.to_nothing')]).toEqual([
      [{ target: 'google_x.single[0]', attribute: 'id' }],
      [{ target: undefined, attribute: 'id' }],
      [{ target: undefined, attribute: 'id' }],
    ]);
    expect(reference('google_x.to_single_missing')).toEqual([{ target: undefined, attribute: 'id' }]);
  });

  it('resolve to the instance with the referrer\'s own key, and to nothing when there is none', () => {
    expect([reference('google_x.twin["b"]'), reference('google_x.twinless["c"]')]).toEqual([[{ target: 'google_x.keyed["b"]', attribute: 'id' }], [{ target: undefined, attribute: 'id' }]]);
  });
});

describe('depends_on from the configuration', () => {
  const model = load(
    planOf([
      { address: 'google_x.counted[0]', values: {} },
      { address: 'google_x.counted[1]', values: {} },
      { address: 'data.google_d.read', values: {} },
      { address: 'module.m.google_x.inner', values: {} },
      { address: 'module.m.google_x.waits', values: {}, dependsOn: ['google_x.inner'] },
      { address: 'google_x.one', values: {}, dependsOn: ['google_x.counted[1]'] },
      { address: 'google_x.missing', values: {}, dependsOn: ['google_x.counted[7]'] },
      { address: 'google_x.data', values: {}, dependsOn: ['data.google_d.read'] },
      { address: 'google_x.attribute', values: {}, dependsOn: ['google_x.counted.id', 'var.x', 'module.m', 'not a reference!'] },
      { address: 'module.a.module.b.google_x.inner', values: {} },
      { address: 'module.a.module.b.google_x.waits', values: {}, dependsOn: ['google_x.inner'] },
    ]),
  );

  it('names a resource of the same module two modules down', () => {
    expect(model.byId('module.a.module.b.google_x.waits')!.dependsOn).toEqual(['module.a.module.b.google_x.inner']);
  });

  it('names one instance for an indexed entry, none for an index that is not planned', () => {
    expect([model.byId('google_x.one')!.dependsOn, model.byId('google_x.missing')!.dependsOn]).toEqual([['google_x.counted[1]'], []]);
  });

  it('names a data source, and a resource of the same module from inside a module', () => {
    expect([model.byId('google_x.data')!.dependsOn, model.byId('module.m.google_x.waits')!.dependsOn]).toEqual([['data.google_d.read'], ['module.m.google_x.inner']]);
  });

  it('names nothing for an attribute, a variable, a whole module or what is not a reference', () => {
    expect(model.byId('google_x.attribute')!.dependsOn).toEqual([]);
  });
});

describe('module outputs in the configuration', () => {
  /** A root resource whose member is `module.sa.<output>`, with the module's outputs as given. */
  function withOutputs(outputs: unknown): Model {
    return load({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [{ address: 'google_x.m', mode: 'managed', type: 'google_x', name: 'm', values: {} }],
          child_modules: [{ address: 'module.sa', resources: [{ address: 'module.sa.google_service_account.sa', mode: 'managed', type: 'google_service_account', name: 'sa', values: {} }] }],
        },
      },
      configuration: {
        root_module: {
          resources: [{ address: 'google_x.m', expressions: { member: { references: ['module.sa.member', 'module.sa'] } } }],
          module_calls: { sa: { source: './sa', module: { outputs, resources: [] } } },
        },
      },
    });
  }
  const targetOf = (model: Model) => model.byId('google_x.m')!.references.map((r) => r.target);

  it('follows an output to the resource it names, skipping references that are not strings or name nothing', () => {
    expect(targetOf(withOutputs({ member: { expression: { references: [7, 'var.x', 'google_service_account.sa.member', 'google_service_account.sa'] } } }))).toEqual([
      'module.sa.google_service_account.sa',
    ]);
  });

  it('leaves the reference without target when the output is not an object, has no expression or no reference list', () => {
    for (const output of [null, 'x', {}, { expression: 'google_service_account.sa' }, { expression: { references: 'google_service_account.sa' } }]) {
      expect(targetOf(withOutputs({ member: output }))).toEqual([undefined]);
    }
  });
});

describe('address fields that do not spell the address', () => {
  /** One change whose record fields are overridden as given. */
  function parts(address: string, fields: Record<string, unknown>): unknown[] {
    const doc = { format_version: '1.2', resource_changes: [{ address, mode: 'managed', type: 'google_x', name: 'y', ...fields, change: { actions: ['create'], after: {} } }] };
    const r = load(doc).resources[0];
    return [r.mode, r.type, r.name, r.index, r.modulePath];
  }

  it('reads the address when the module, data prefix, name or index disagree with it', () => {
    expect(parts('module.b.google_x.y', { module_address: 'module.a' })).toEqual(['managed', 'google_x', 'y', undefined, ['module.b']]);
    expect(parts('module.ab.google_x.y', { module_address: 'module.a' })).toEqual(['managed', 'google_x', 'y', undefined, ['module.ab']]);
    expect(parts('google_x.y', { mode: 'data' })).toEqual(['managed', 'google_x', 'y', undefined, []]);
    expect(parts('google_x.yz', { name: 'y' })).toEqual(['managed', 'google_x', 'yz', undefined, []]);
    expect(parts('google_x.zy', { name: 'y' })).toEqual(['managed', 'google_x', 'zy', undefined, []]);
    expect(parts('google_x.y[1]', { index: 2 })).toEqual(['managed', 'google_x', 'y', 1, []]);
    expect(parts('google_x.y["a"]', { index: 'a' })).toEqual(['managed', 'google_x', 'y', 'a', []]);
    // Fields of the same length as the address's own parts, which a check of lengths alone would accept
    expect(parts('google_a.y', { type: 'google_b' })).toEqual(['managed', 'google_a', 'y', undefined, []]);
    expect(parts('google_x_.z', { type: 'google_x', name: 'z' })).toEqual(['managed', 'google_x_', 'z', undefined, []]);
    expect(parts('google_x.z', { name: 'y' })).toEqual(['managed', 'google_x', 'z', undefined, []]);
    expect(parts('data.google_x.y', { mode: 'data' })).toEqual(['data', 'google_x', 'y', undefined, []]);
    expect(parts('module.a.data.google_x.y', { mode: 'data', module_address: 'module.a' })).toEqual(['data', 'google_x', 'y', undefined, ['module.a']]);
    // Fields of the wrong type, even where they would spell the address as text
    expect(parts('google_x.y', { type: ['google_x'], name: ['y'] })).toEqual(['managed', 'google_x', 'y', undefined, []]);
    expect(parts('google_x.y', { mode: 'resource' })).toEqual(['managed', 'google_x', 'y', undefined, []]);
    expect(parts('google_x.y[1]', { index: [1] })).toEqual(['managed', 'google_x', 'y', 1, []]);
    expect(parts('module.m.google_x.y', { module_address: ['module.m'] })).toEqual(['managed', 'google_x', 'y', undefined, ['module.m']]);
  });
});

describe('configuration expressions', () => {
  /** google_x.y planned, google_x.z planned, and google_x.y's configuration expressions as given. */
  function referencesOf(expressions: unknown, extra: Record<string, unknown> = {}): { path: string; target?: string }[] {
    const model = load({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: ['y', 'z'].map((name) => ({ address: `google_x.${name}`, mode: 'managed', type: 'google_x', name, values: {} })),
        },
      },
      configuration: { root_module: { resources: [{ address: 'google_x.y', expressions, ...extra }], ...(extra.root ?? {}) } },
    });
    return model.byId('google_x.y')!.references.map((r) => ({ path: r.path, target: r.target }));
  }

  it('reads references inside nested blocks, a list of blocks or a single block, with their paths', () => {
    expect(referencesOf({ binding: [{ members: { references: ['google_x.z.id', 'google_x.z'] } }, { role: { constant_value: 'r' } }] })).toEqual([{ path: 'binding.0.members', target: 'google_x.z' }]);
    expect(referencesOf({ settings: { inner: { value: { references: ['google_x.z'] } } } })).toEqual([{ path: 'settings.inner.value', target: 'google_x.z' }]);
  });

  it('does not read a constant value as expressions, whatever it holds', () => {
    expect(referencesOf({ labels: { constant_value: { references: ['google_x.z'] } } })).toEqual([]);
  });

  it('keeps only the strings of a reference list', () => {
    expect(referencesOf({ a: { references: [7, null, 'google_x.z'] } })).toEqual([{ path: 'a', target: 'google_x.z' }]);
  });

  it('reads blocks nested 64 deep and stops below', () => {
    const nested = (levels: number) => {
      let expression: Record<string, unknown> = { leaf: { references: ['google_x.z'] } };
      for (let i = 0; i < levels; i++) expression = { block: expression };
      return expression;
    };
    expect(referencesOf(nested(64))).toHaveLength(1);
    expect(referencesOf(nested(65))).toEqual([]);
    const nestedLists = (levels: number) => {
      let expression: Record<string, unknown> = { leaf: { references: ['google_x.z'] } };
      for (let i = 0; i < levels; i++) expression = { block: [expression] };
      return expression;
    };
    expect(referencesOf(nestedLists(64))).toHaveLength(1);
    expect(referencesOf(nestedLists(65))).toEqual([]);
    expect(referencesOf({ list: [{ inner: [{ leaf: { references: ['google_x.z'] } }] }] })).toEqual([{ path: 'list.0.inner.0.leaf', target: 'google_x.z' }]);
  });

  it('skips configuration entries that are not resources, depends_on entries that are not strings and module calls that are not objects', () => {
    const model = load({
      format_version: '1.2',
      planned_values: { root_module: { resources: ['y', 'z'].map((name) => ({ address: `google_x.${name}`, mode: 'managed', type: 'google_x', name, values: {} })) } },
      configuration: {
        root_module: {
          resources: [null, 'google_x.y', { expressions: { a: { references: ['google_x.z'] } } }, { address: 'google_x.y', depends_on: [7, 'google_x.z'], expressions: {} }],
          module_calls: { broken: null, text: 'x' },
        },
      },
    });
    expect([model.byId('google_x.y')!.references, model.byId('google_x.y')!.dependsOn]).toEqual([[], ['google_x.z']]);
  });
});

describe('format_version', () => {
  const withVersion = (version: string) => ({ ...planOf([{ address: 'google_x.y', values: {} }]), format_version: version });

  it('accepts 0.x and 1.x, minor versions of any length', () => {
    expect(['0.1', '1.0', '1.2', '1.10'].map((v) => load(withVersion(v)).resources.length)).toEqual([1, 1, 1, 1]);
  });

  it('refuses other majors and anything around a version, in one line', () => {
    expect(['2.0', '10.2', '1.2-beta', '1.', 'v1.2'].map((v) => refusal(withVersion(v)))).toEqual(
      ['"2.0"', '"10.2"', '"1.2-beta"', '"1."', '"v1.2"'].map((q) => `plan.json: unsupported plan format_version ${q}, expected 0.x or 1.x`),
    );
  });
});

describe('format_version of another type', () => {
  it('refuses a number, even one that reads as a supported version', () => {
    expect(refusal({ ...planOf([{ address: 'google_x.y', values: {} }]), format_version: 1.2 })).toBe('plan.json: unsupported plan format_version "1.2", expected 0.x or 1.x');
  });
});

describe('a folder of plan files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-folder-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads each plan as a stack named after its file, in name order', () => {
    writeFileSync(join(dir, 'network.json'), JSON.stringify(planOf([{ address: 'google_x.n', values: {} }])));
    writeFileSync(join(dir, 'iam.json'), JSON.stringify(planOf([{ address: 'google_x.i', values: {}, references: { a: ['google_x.j'] } }, { address: 'google_x.j', values: {} }])));
    writeFileSync(join(dir, 'notes.txt'), 'not read');
    const model = loadModel(dir);
    expect([model.kind, model.stacks, model.resources.map((r) => r.id)]).toEqual(['plan', ['iam', 'network'], ['iam/google_x.i', 'iam/google_x.j', 'network/google_x.n']]);
    expect(model.byId('iam/google_x.i')!.references.map((r) => r.target)).toEqual(['iam/google_x.j']);
    expect(model.sources).toEqual([join(dir, 'iam.json'), join(dir, 'network.json')]);
  });

  it('keeps a reference to what is not a resource without a target, and skips sub-folders and links', () => {
    writeFileSync(join(dir, 'iam.json'), JSON.stringify(planOf([{ address: 'google_x.i', values: {}, references: { a: ['var.project'] } }])));
    mkdirSync(join(dir, 'nested.json'));
    symlinkSync(join(dir, 'iam.json'), join(dir, 'link.json'));
    const model = loadModel(dir);
    expect([model.stacks, model.byId('iam/google_x.i')!.references.map((r) => r.target)]).toEqual([['iam'], [undefined]]);
  });

  it('refuses a JSON file in it that is not a plan, naming the file', () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(planOf([{ address: 'google_x.n', values: {} }])));
    writeFileSync(join(dir, 'notes.json'), '{"hello":"world"}');
    expect(() => loadModel(dir)).toThrow(new InputError(`${join(dir, 'notes.json')}: not a Terraform plan (terraform show -json); a folder holds plan files or a cdktf.out manifest`));
  });
});

describe('sensitive marks only in planned_values', () => {
  it('are kept for a change that carries none of its own, though other changes carry theirs', () => {
    const doc = planOf([
      { address: 'google_x.marked', values: { token: 'tok-aaaaaaaa' }, sensitive: { token: true } },
      { address: 'google_x.unmarked', values: { token: 'tok-bbbbbbbb' }, sensitive: { token: true } },
    ]);
    delete doc.resource_changes[1].change.after_sensitive;
    delete doc.resource_changes[1].change.before_sensitive;
    const model = load(doc);
    expect([model.byId('google_x.marked')!.sensitive, model.byId('google_x.unmarked')!.sensitive]).toEqual([{ token: true }, { token: true }]);
  });
});

describe('a member the section scan finds but JSON refuses', () => {
  it('is reported as the whole text would be: not valid JSON, and where', () => {
    expect(() => loadModel({ text: '{"format_version":"1.2","resource_changes":[{bad}]}', name: 'plan.json' })).toThrow(new InputError('plan.json: not valid JSON at position 45'));
  });
});

describe('prior_state', () => {
  const dataSource = { address: 'data.google_d.r', mode: 'data', type: 'google_d', name: 'r', values: { id: 'prior' } };
  const managed = { address: 'google_x.old', mode: 'managed', type: 'google_x', name: 'old', values: {} };
  const withPrior = (prior: unknown, extra: Record<string, unknown> = {}) => ({ format_version: '1.2', planned_values: { root_module: {} }, prior_state: prior, ...extra });

  it('gives the data sources read at plan time, not the managed resources of the last state', () => {
    const model = load(withPrior({ values: { root_module: { resources: [dataSource, managed] } } }));
    expect(model.resources.map((r) => [r.address, r.action, r.values])).toEqual([['data.google_d.r', 'read', { id: 'prior' }]]);
  });

  it('gives a data source once when its read is deferred to apply (a change with action read)', () => {
    const doc = withPrior(
      { values: { root_module: { resources: [dataSource] } } },
      { resource_changes: [{ address: 'data.google_d.r', mode: 'data', type: 'google_d', name: 'r', change: { actions: ['read'], before: null, after: { id: 'deferred' }, after_unknown: { id: true } } }] },
    );
    expect(load(doc).resources.map((r) => [r.address, r.action, r.values])).toEqual([['data.google_d.r', 'read', { id: 'deferred' }]]);
  });

  it('is refused, with its JSON path, where its containers have the wrong type (when it may hold data sources at all)', () => {
    // Without the text "data" it holds no data source, the one thing read from it, and is not parsed.
    expect(load(withPrior(['no sources'])).resources).toEqual([]);
    expect([
      refusal(withPrior(['data'])),
      refusal(withPrior({ values: 'data' })),
      refusal(withPrior({ values: { root_module: 7 }, note: 'data' })),
      refusal(withPrior({ values: { root_module: { resources: [{ mode: 'data' }] } } })),
    ]).toEqual([
      'plan.json: $.prior_state is an array, expected an object',
      'plan.json: $.prior_state.values is a string, expected an object',
      'plan.json: $.prior_state.values.root_module is a number, expected an object',
      'plan.json: $.prior_state.values.root_module.resources[0].address is nothing, expected a string',
    ]);
  });
});

describe('a change whose before or after is not an object', () => {
  it('is refused with its JSON path', () => {
    const withChange = (change: Record<string, unknown>) => {
      const doc = planOf([{ address: 'google_x.y', values: {} }]);
      Object.assign(doc.resource_changes[0].change, change);
      return doc;
    };
    expect([refusal(withChange({ before: 'x' })), refusal(withChange({ after: [1] }))]).toEqual([
      'plan.json: $.resource_changes[0].change.before is a string, expected an object',
      'plan.json: $.resource_changes[0].change.after is an array, expected an object',
    ]);
  });
});
