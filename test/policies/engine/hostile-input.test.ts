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
