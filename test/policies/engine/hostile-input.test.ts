/**
 * Input the engine must refuse with a one-line InputError that says what and where, never a stack
 * overflow, a prototype polluted, or a secret echoed back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../policies/engine/errors';
import { loadModel } from '../../../policies/engine/load';

function loadText(text: string) {
  return loadModel({ text, name: 'input.json' });
}

/** The error thrown, asserting it is a one-line InputError. */
function inputErrorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('expected an InputError, got none');
}

describe('hostile input', () => {
  test.each([
    ['not JSON', '{"format_version": "1.2", ', 'input.json: not valid JSON at position 26'],
    ['an empty file', '', 'input.json: empty input, expected JSON'],
    ['only whitespace', '  \n\t ', 'input.json: empty input, expected JSON'],
    ['a JSON array', '[{"format_version": "1.2"}]', 'input.json: a JSON list that is neither Cloud Asset Inventory assets nor IAM policy search results'],
    ['a JSON number', '42', 'input.json: expected a JSON object or list, got a number'],
    ['JSON null', 'null', 'input.json: expected a JSON object or list, got null'],
    ['a JSON object of another kind', '{"kind": "something else"}', 'input.json: not a Terraform plan (terraform show -json), a synthesized cdk.tf.json nor a Cloud Asset Inventory export'],
    ['a plan of an unknown format_version', '{"format_version": "2.0", "planned_values": {}}', 'input.json: unsupported plan format_version "2.0", expected 0.x or 1.x'],
    ['a plan whose format_version is a number', '{"format_version": 1, "planned_values": {}}', 'input.json: unsupported plan format_version "1", expected 0.x or 1.x'],
    ['a plan with an unknown change action', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'google_x.y', mode: 'managed', type: 'google_x', name: 'y', change: { actions: ['explode'] } }] }), 'input.json: google_x.y: unknown change actions "explode"'],
    ['a plan with a malformed address', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'not an address', change: { actions: ['create'] } }] }), 'input.json: "not an address" is not a Terraform resource address'],
    ['synth JSON whose resource block is a list', '{"resource": []}', 'input.json: "resource" must be an object'],
  ])('fails on %s', (_what, text, message) => {
    expect(inputErrorOf(() => loadText(text))).toBe(message);
  });

  it('fails on JSON nested 100k levels deep, without overflowing the stack', () => {
    const deep = `{"format_version": "1.2", "planned_values": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    expect(inputErrorOf(() => loadText(deep))).toBe('input.json: JSON nested deeper than 512 levels at position 2599');
  });

  it('fails on 100k nested arrays', () => {
    expect(inputErrorOf(() => loadText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe('input.json: JSON nested deeper than 512 levels at position 512');
  });

  it('counts brackets inside strings as text, not nesting', () => {
    const model = loadText(JSON.stringify({ resource: { google_x: { y: { name: '['.repeat(10_000) + '\\"{' } } } }));
    expect(model.byId('google_x.y')!.values.name).toBe(`${'['.repeat(10_000)}\\"{`);
  });

  it('does not echo input text in a JSON syntax error', () => {
    expect(inputErrorOf(() => loadText('{"secret_data": "hunter2hunter2" oops}'))).toBe('input.json: not valid JSON at position 33');
  });

  it('keeps a __proto__ key as data and pollutes no prototype', () => {
    const text = '{"resource": {"google_x": {"y": {"__proto__": {"polluted": "yes"}, "name": "${google_z.w.id}", "constructor": {"prototype": {"polluted": "yes"}}}}}, "__proto__": {"polluted": "yes"}}';
    const model = loadText(text);
    const resource = model.byId('google_x.y')!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(resource.values)).toBe(Object.prototype);
    expect(Object.keys(resource.values).sort()).toEqual(['__proto__', 'constructor', 'name']);
    expect(Object.getPrototypeOf(resource.unknown)).toBe(Object.prototype);
  });

  it('keeps a __proto__ resource type and name as plain keys', () => {
    const model = loadText('{"resource": {"__proto__": {"__proto__": {"a": 1}}}}');
    expect(model.resources.map((r) => r.id)).toEqual(['__proto__.__proto__']);
    expect(model.byType('__proto__')).toHaveLength(1);
    expect(model.byType('toString')).toEqual([]);
    expect(model.byId('constructor')).toBeUndefined();
  });

  it('fails on a missing file or directory', () => {
    const missing = join(tmpdir(), 'engine-no-such-dir', 'cdktf.out');
    expect(inputErrorOf(() => loadModel(missing))).toBe(`${missing}: no such file or directory (ENOENT)`);
  });

  it('fails on a cdktf.out without manifest.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-empty-'));
    try {
      expect(inputErrorOf(() => loadModel(dir))).toBe(`${dir}: no manifest.json, not a cdktf.out directory`);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('truncates a long hostile format_version in the message', () => {
    expect(inputErrorOf(() => loadText(JSON.stringify({ format_version: `9${'x'.repeat(500)}\nline`, planned_values: {} })))).toBe(
      `input.json: unsupported plan format_version "9${'x'.repeat(36)}...", expected 0.x or 1.x`,
    );
  });
});

describe('malformed plans: exit 2 with the file and the JSON path, never a resource skipped', () => {
  const resource = (address: string, extra: object = {}) => ({ address, mode: 'managed', type: 'google_project_iam_member', name: address.split('.')[1], values: { project: 'p', role: 'roles/owner', member: 'allUsers' }, ...extra });
  const planOf = (rest: object) => JSON.stringify({ format_version: '1.2', ...rest });
  const change = (address: string, extra: object = {}) => ({ address, change: { actions: ['create'], before: null, after: {} }, ...extra });

  test.each([
    ['planned_values a list', { planned_values: [] }, 'input.json: $.planned_values is an array, expected an object'],
    ['root_module a string', { planned_values: { root_module: 'x' } }, 'input.json: $.planned_values.root_module is a string, expected an object'],
    ['resources an object', { planned_values: { root_module: { resources: { a: resource('google_project_iam_member.a') } } } }, 'input.json: $.planned_values.root_module.resources is an object, expected an array'],
    ['a resource a string', { planned_values: { root_module: { resources: ['google_project_iam_member.a'] } } }, 'input.json: $.planned_values.root_module.resources[0] is a string, expected an object'],
    ['a resource without an address', { planned_values: { root_module: { resources: [{ ...resource('google_project_iam_member.a'), address: undefined }] } } }, 'input.json: $.planned_values.root_module.resources[0].address is nothing, expected a string'],
    ['an address that is a number', { planned_values: { root_module: { resources: [{ ...resource('google_project_iam_member.a'), address: 7 }] } } }, 'input.json: $.planned_values.root_module.resources[0].address is a number, expected a string'],
    ['values a list', { planned_values: { root_module: { resources: [resource('google_project_iam_member.a', { values: [] })] } } }, 'input.json: $.planned_values.root_module.resources[0].values is an array, expected an object'],
    ['child_modules an object', { planned_values: { root_module: { child_modules: {} } } }, 'input.json: $.planned_values.root_module.child_modules is an object, expected an array'],
    ['a child module a number', { planned_values: { root_module: { child_modules: [{ resources: [] }, 3] } } }, 'input.json: $.planned_values.root_module.child_modules[1] is a number, expected an object'],
    [
      'a nested resources list a string',
      { planned_values: { root_module: { child_modules: [{ address: 'module.m', child_modules: [{ address: 'module.m.module.n', resources: 'x' }] }] } } },
      'input.json: $.planned_values.root_module.child_modules[0].child_modules[0].resources is a string, expected an array',
    ],
    ['resource_changes an object', { resource_changes: {} }, 'input.json: $.resource_changes is an object, expected an array'],
    ['a change entry without an address', { resource_changes: [{ change: { actions: ['create'] } }] }, 'input.json: $.resource_changes[0].address is nothing, expected a string'],
    ['change a list', { resource_changes: [{ ...change('google_project_iam_member.a'), change: [] }] }, 'input.json: $.resource_changes[0].change is an array, expected an object'],
    ['change.after a string', { resource_changes: [{ ...change('google_project_iam_member.a'), change: { actions: ['create'], after: 'allUsers' } }] }, 'input.json: $.resource_changes[0].change.after is a string, expected an object'],
    // prior_state is read for its data sources only (a plan without one is not parsed there): this one holds one.
    ['prior_state.values a list', { prior_state: { values: [{ address: 'data.google_x.y', mode: 'data' }] } }, 'input.json: $.prior_state.values is an array, expected an object'],
    [
      'the same address twice in planned_values',
      { planned_values: { root_module: { resources: [resource('google_project_iam_member.a'), resource('google_project_iam_member.a', { values: { project: 'p', role: 'roles/viewer', member: 'group:g@example.com' } })] } } },
      'input.json: $.planned_values.root_module.resources[1].address "google_project_iam_member.a" appears twice',
    ],
    ['the same address twice in resource_changes', { resource_changes: [change('google_project_iam_member.a'), change('google_project_iam_member.a')] }, 'input.json: $.resource_changes[1].address "google_project_iam_member.a" appears twice'],
  ])('%s', (_what, plan, message) => {
    expect(inputErrorOf(() => loadText(planOf(plan)))).toBe(message);
  });

  it('reads null containers as none, as an empty plan', () => {
    expect(loadText(planOf({ planned_values: { root_module: { resources: null, child_modules: null } }, resource_changes: null, prior_state: null })).resources).toEqual([]);
  });

  it('keeps deposed copies of a replaced resource out of the duplicate check', () => {
    const model = loadText(planOf({ resource_changes: [change('google_project_iam_member.a'), { ...change('google_project_iam_member.a'), deposed: '00000001', change: { actions: ['delete'], before: {}, after: null } }] }));
    expect(model.resources.map((r) => r.address)).toEqual(['google_project_iam_member.a']);
  });
});
