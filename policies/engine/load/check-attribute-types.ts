/**
 * Checks, while a loader builds each resource, that every attribute listed in attribute-types.ts
 * holds a value of its type. A known value of the wrong type is broken input: a one-line InputError
 * (`<file>: <address>: <path> is an array, expected a string`, never the value itself) instead of a
 * rule crashing on it, or judging it as if it were what the rule expected. In synthesized JSON, which
 * is configuration, a number or boolean written as a string (`"365"`, `"true"`) is converted as
 * Terraform converts it, so rules see the schema's type from either input.
 */
import { InputError } from '../errors';
import type { Resource, UnknownTree } from '../model';
import { attributeTypesOf, type AttributeType } from './attribute-types';
import { isToken } from './expressions';
import { describeJsonType, isObject } from './json';

/** Plans hold values converted to the schema's types; synthesized JSON holds configuration, which Terraform converts. */
export type ValueFormat = 'plan' | 'synth';

/** What Terraform reads as a number in configuration (`"365"`, `"-1.5e3"`). */
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

const EXPECTED: Readonly<Record<AttributeType, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  'string-array': 'an array of strings',
  object: 'an object',
  block: 'an object or an array of objects',
};

interface CheckedPath {
  readonly segments: readonly string[];
  readonly type: AttributeType;
  /** `typeof` of a value of this type, for a scalar type: the one test most values need. */
  readonly typeofName?: 'string' | 'number' | 'boolean';
}

const SCALARS: ReadonlySet<AttributeType> = new Set(['string', 'number', 'boolean']);

type Target = Pick<Resource, 'type' | 'address' | 'sourceFile' | 'values' | 'unknown'>;

const isString = (value: unknown): boolean => typeof value === 'string';

function markAt(tree: UnknownTree | undefined, key: string | number): UnknownTree | undefined {
  return tree !== null && typeof tree === 'object' ? (tree as Record<string | number, UnknownTree>)[key] : undefined;
}

/** Compiled once per type and load: split paths, blocks before what is inside them (the outermost fault is reported). */
function compile(type: string): CheckedPath[] | null {
  const types = attributeTypesOf(type);
  if (types === undefined) return null;
  return Object.entries(types)
    .map(([path, t]) => ({ segments: path.split('.'), type: t, typeofName: SCALARS.has(t) ? (t as CheckedPath['typeofName']) : undefined }))
    .sort((a, b) => a.segments.length - b.segments.length);
}

class AttributeTypeChecker {
  private readonly compiled = new Map<string, CheckedPath[] | null>();

  constructor(private readonly format: ValueFormat) {}

  check(resource: Target): void {
    let paths = this.compiled.get(resource.type);
    if (paths === undefined) {
      paths = compile(resource.type);
      this.compiled.set(resource.type, paths);
    }
    // A resource wholly known only after apply has nothing to check yet.
    if (paths === null || resource.unknown === true) return;
    const values = resource.values as Record<string, unknown>;
    for (const path of paths) this.visit(resource, values, path.segments[0], resource.unknown, path, 0, path.segments[0]);
  }

  /**
   * Follows the path from `container[key]` through objects and (one level of) block arrays; what is not
   * there is absent, which is fine. `at` indexes the segment `key` stands for. Unknown marks and tokens
   * are looked at only where a value is not plainly of its type (this runs for every resource of a plan).
   */
  private visit(resource: Target, container: Record<string, unknown>, key: string, parentMark: UnknownTree | undefined, path: CheckedPath, at: number, where: string): void {
    const value = container[key];
    if (value === null || value === undefined) return;
    const last = at === path.segments.length - 1;
    if (last && typeof value === path.typeofName) return;
    const mark = markAt(parentMark, key);
    if (mark === true || isToken(value)) return;
    if (last) {
      const converted = this.checkValue(resource, value, mark, path.type, where);
      if (converted !== value) container[key] = converted;
      return;
    }
    const segment = path.segments[at + 1];
    if (isObject(value)) {
      this.visit(resource, value, segment, mark, path, at + 1, `${where}.${segment}`);
    } else if (Array.isArray(value)) {
      // A list of blocks: each item. Anything else in the list is the block's own entry's to report.
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (isObject(item)) this.visit(resource, item, segment, markAt(mark, i), path, at + 1, `${where}.${i}.${segment}`);
      }
    }
  }

  /**
   * The value if it has the type; in synthesized JSON, a number or boolean written as a string becomes one (as
   * Terraform converts it). visit() has already returned for a scalar of its own type.
   */
  private checkValue(resource: Target, value: unknown, mark: UnknownTree | undefined, type: AttributeType, where: string): unknown {
    const synth = this.format === 'synth';
    switch (type) {
      case 'number':
        if (synth && typeof value === 'string' && NUMBER_TEXT.test(value)) return Number(value);
        break;
      case 'boolean':
        if (synth && (value === 'true' || value === 'false')) return value === 'true';
        break;
      case 'object':
        if (isObject(value)) return value;
        break;
      case 'block':
        if (isObject(value)) return value;
        if (Array.isArray(value)) return this.checkItems(resource, value, mark, where, isObject, 'an object');
        break;
      case 'string-array':
        if (Array.isArray(value)) return this.checkItems(resource, value, mark, where, isString, 'a string');
        break;
    }
    return fail(resource, where, value, EXPECTED[type]);
  }

  private checkItems(resource: Target, list: readonly unknown[], mark: UnknownTree | undefined, where: string, ok: (v: unknown) => boolean, expected: string): readonly unknown[] {
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (item === null || ok(item) || isToken(item) || markAt(mark, i) === true) continue;
      fail(resource, `${where}.${i}`, item, expected);
    }
    return list;
  }
}

function fail(resource: Target, path: string, value: unknown, expected: string): never {
  throw new InputError(`${resource.sourceFile}: ${resource.address}: ${path} is ${describeJsonType(value)}, expected ${expected}`);
}

/** A checker for one load: `check(resource)` throws InputError on the first attribute of the wrong type. */
export function attributeTypeChecker(format: ValueFormat): { check(resource: Target): void } {
  return new AttributeTypeChecker(format);
}
