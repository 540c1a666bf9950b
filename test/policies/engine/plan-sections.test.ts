/**
 * A plan file is parsed member by member (only what the loader reads): the scan that splits it agrees with
 * JSON.parse on every document it accepts and refuses what it cannot vouch for, and a plan loaded from a
 * file (split) is the same model as the same plan loaded from text (parsed whole), bad plans included.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { InputError } from '../../../policies/engine/errors';
import { createModel } from '../../../policies/engine/create-model';
import { loadModel } from '../../../policies/engine/load';
import { parseJsonObject } from '../../../policies/engine/load/json';
import { readPlan } from '../../../policies/engine/load/plan';
import { topLevelSections } from '../../../policies/engine/load/sections';
import type { Model } from '../../../policies/engine/model';
import { plan } from '../../../policies/testing/rule-tester';
import { planFiles, TERRAFORM_VALIDATOR } from './corpus';

/** A string's UTF-16 code units, as the scan reads a string a caller gives. */
function utf16(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** The members the scan finds, from the text's UTF-8 bytes (as a file is read) and from its UTF-16 code units: both must agree. */
function membersOf(text: string): Record<string, unknown> | undefined {
  const bytes = Buffer.from(text);
  const fromBytes = topLevelSections(bytes, 512, (start, end) => bytes.toString('utf8', start, end));
  const fromString = topLevelSections(utf16(text), 512, (start, end) => text.slice(start, end));
  if (fromBytes === undefined || fromString === undefined) {
    expect(fromBytes).toBe(fromString);
    return undefined;
  }
  const members = Object.fromEntries([...fromString].map(([key, s]) => [key, JSON.parse(text.slice(s.start, s.end))]));
  expect(Object.fromEntries([...fromBytes].map(([key, s]) => [key, JSON.parse(bytes.toString('utf8', s.start, s.end))]))).toEqual(members);
  return members;
}

/** The plan parsed whole, as the loader read every plan before it split them: the reference the split read must match. */
function readWhole(text: string): Model {
  return createModel({ kind: 'plan', sources: ['x'], stacks: [], resources: readPlan(parseJsonObject(text, 'x'), 'x') });
}

describe('topLevelSections', () => {
  it('finds every member of any JSON object, compact or indented, as JSON.parse reads it', () => {
    const objects = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue(), { maxKeys: 8 });
    fc.assert(
      fc.property(objects, fc.constantFrom(undefined, 1, '\t'), (object, indent) => {
        const text = JSON.stringify(object, null, indent);
        expect(membersOf(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the last of a repeated key, as JSON.parse does', () => {
    expect(membersOf('{"a": 1, "a": [2]}')).toEqual({ a: [2] });
  });

  it('leaves what strings hold to JSON.parse (a member read is parsed whole; one not read never judged)', () => {
    const text = '{"a": "\\q", "b": 1}';
    expect(topLevelSections(Buffer.from(text), 512, (start, end) => text.slice(start, end))?.get('b')).toEqual({ start: 17, end: 18 });
  });

  it('skips brackets, quotes and backslashes inside strings', () => {
    expect(membersOf('{"a": "]}\\"{[\\\\", "b": {"c": "\\\\"}}')).toEqual({ a: ']}"{[\\', b: { c: '\\' } });
  });

  test.each([
    ['a list', '[{"a": 1}]'],
    ['a string', '"format_version"'],
    ['an unterminated string', '{"a": "x}'],
    ['an unclosed object', '{"a": {"b": 1}'],
    ['a bracket closed by the other kind', '{"a": [1}}'],
    ['text after the object', '{"a": 1} {"b": 2}'],
    ['a byte JSON never holds outside a string', '{"a": [1, x]}'],
    ['a key without a colon', '{"a" 1}'],
    ['two values for one key', '{"a": 1 2}'],
    ['a trailing comma', '{"a": 1,}'],
    ['a leading comma', '{, "a": 1}'],
    ['a key that is not a string', '{a: 1}'],
    ['nesting past the limit', `{"a": ${'['.repeat(600)}${']'.repeat(600)}}`],
  ])('refuses %s', (_what, text) => {
    expect(membersOf(text)).toBeUndefined();
  });
});

describe('a plan read from a file, member by member', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-sections-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fromFile(text: string): Model {
    const file = join(dir, 'plan.json');
    writeFileSync(file, text);
    return loadModel(file);
  }

  /** Everything a rule reads of a resource, in a stable order (split plans list resources in resource_changes order). */
  function resources(model: Model): unknown[] {
    return model.resources
      .map((r) => ({ ...r }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  function errorOf(load: () => unknown): string {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message.replace(/^[^:]*: /, '');
    }
    throw new Error('expected an InputError');
  }

  test.each(planFiles())('%s: the same resources as the whole text gives', (name) => {
    const text = readFileSync(join(TERRAFORM_VALIDATOR, name), 'utf8');
    const whole = resources(readWhole(text)) as { id: string; values: unknown; sourceFile: string }[];
    // Terraform writes planned_values and change.after from one value; where a hand-edited fixture lists a set in
    // another order in each (one does: a perimeter's restricted_services), the split read has resource_changes' order.
    type Change = { address: string; change: { after: unknown; after_sensitive?: unknown; before_sensitive?: unknown } };
    const changes = (JSON.parse(text).resource_changes ?? []) as Change[];
    // planned_values is left unread only when every change carries its own sensitivity marks.
    const split = changes.length > 0 && changes.every((rc) => rc.change.after_sensitive !== undefined || rc.change.before_sensitive !== undefined);
    const after = new Map(split ? changes.map((rc) => [rc.address, rc.change.after]) : []);
    const expected = whole.map((r) => ({ ...r, sourceFile: join(dir, 'plan.json'), values: after.get(r.id) ?? r.values }));
    const model = fromFile(text);
    expect(resources(model)).toEqual(expected);
    expect(model.grants.length).toBe(readWhole(text).grants.length);
  });

  it('reads a data source from prior_state however its mode is spelled', () => {
    const doc = plan([{ address: 'google_project_iam_member.m', values: { project: 'p', role: 'roles/viewer', member: 'group:g@example.com' } }]) as Record<string, unknown>;
    const data = { address: 'data.google_project.p', mode: 'data', type: 'google_project', name: 'p', values: { project_id: 'p' } };
    const text = JSON.stringify({ ...doc, prior_state: { values: { root_module: { resources: [data] } } } });
    expect(fromFile(text).byId('data.google_project.p')?.action).toBe('read');
    expect(fromFile(text.replace('"mode":"data"', '"mode":"d\\u0061ta"')).byId('data.google_project.p')?.action).toBe('read');
    expect(fromFile(JSON.stringify({ ...doc, prior_state: { values: { root_module: { resources: [{ ...data, address: 'google_project.q', mode: 'managed', name: 'q' }] } } } })).byId('google_project.q')).toBeUndefined();
  });

  it('reads a data source read at apply from its change, not from the last read prior_state keeps', () => {
    const doc = plan([{ address: 'data.google_project.p', values: { project_id: 'new' } }]) as Record<string, unknown>;
    const old = { address: 'data.google_project.p', mode: 'data', type: 'google_project', name: 'p', values: { project_id: 'old' } };
    const text = JSON.stringify({ ...doc, prior_state: { values: { root_module: { resources: [old] } } } });
    expect(fromFile(text).byId('data.google_project.p')?.values).toEqual({ project_id: 'new' });
    expect(readWhole(text).byId('data.google_project.p')?.values).toEqual({ project_id: 'new' });
  });

  it('reads sensitivity marks from planned_values when a change carries none (an older or hand-made plan)', () => {
    const doc = plan([{ address: 'google_secret_manager_secret_version.v', values: { secret_data: 'hunter2' }, sensitive: { secret_data: true } }]) as { resource_changes: { change: Record<string, unknown> }[] };
    for (const rc of doc.resource_changes) {
      delete rc.change.after_sensitive;
      delete rc.change.before_sensitive;
    }
    expect(fromFile(JSON.stringify(doc)).byId('google_secret_manager_secret_version.v')?.sensitive).toEqual({ secret_data: true });
  });

  it('loads planned_values whole when resource_changes lists nothing (a plan without changes, a state)', () => {
    const doc = plan([{ address: 'google_project.p', values: { project_id: 'p' }, action: 'no-op' }]) as Record<string, unknown>;
    expect(fromFile(JSON.stringify({ ...doc, resource_changes: [] })).byId('google_project.p')?.action).toBe('no-op');
    expect(fromFile(JSON.stringify({ format_version: '1.0', values: doc.planned_values })).byId('google_project.p')?.action).toBe('no-op');
  });

  const change = { address: 'google_project_iam_member.a', mode: 'managed', type: 'google_project_iam_member', name: 'a', change: { actions: ['create'], before: null, after: {} } };
  test.each([
    ['planned_values a list beside changes', { resource_changes: [change], planned_values: [] }],
    ['a change without an address', { resource_changes: [{ change: { actions: ['create'] } }] }],
    ['the same address twice in resource_changes', { resource_changes: [change, change] }],
    ['an unknown format_version', { format_version: '2.0', resource_changes: [change] }],
    ['a malformed address', { resource_changes: [{ ...change, address: 'not an address' }] }],
  ])('fails on %s with the message the whole text gives', (_what, members) => {
    const text = JSON.stringify({ format_version: '1.2', ...members });
    expect(errorOf(() => fromFile(text))).toBe(errorOf(() => readWhole(text)));
  });

  test.each([
    ['not JSON inside a member', '{"format_version": "1.2", "resource_changes": [{"address": tru}]}'],
    ['a syntax error in a member not read', '{"format_version": "1.2", "variables": {"a": [1 2]}, "resource_changes": []}'],
    ['nesting past the limit', `{"format_version": "1.2", "planned_values": ${'{"a":'.repeat(600)}1${'}'.repeat(600)}}`],
  ])('fails on %s where the whole text fails', (_what, text) => {
    expect(errorOf(() => fromFile(text))).toBe(errorOf(() => readWhole(text)));
  });
});
