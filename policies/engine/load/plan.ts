/**
 * Reads `terraform show -json` plan JSON (format_version 0.x and 1.x): planned values, changes
 * (action, unknown and sensitive marks, before), data sources from prior state, and references
 * from the configuration, matched to instances by configuration address.
 */
import { InputError } from '../errors';
import type { Action, Reference, UnknownTree } from '../model';
import { baseAddress, configModuleKey, parseAddress, type ParsedAddress } from './address';
import { attributeTypeChecker } from './check-attribute-types';
import { newResource, type ResourceDraft } from './draft';
import { indexSuffix, parseTraversal, type Traversal } from './expressions';
import { describeJsonType, isObject, MAX_NESTING, quoteShort } from './json';
import { topLevelSections, type CodeUnits, type Section } from './sections';

type Json = Record<string, unknown>;

const SUPPORTED_FORMAT = /^[01]\.\d+$/;

/** Plans carry the config's module tree once; these bound its depth on hostile input. */
const MAX_MODULE_DEPTH = 64;

function actionOf(actions: unknown, sourceFile: string, address: string): Action {
  const list = Array.isArray(actions) ? actions.join(',') : '';
  switch (list) {
    case 'create':
    case 'update':
    case 'delete':
    case 'read':
    case 'no-op':
      return list;
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    // `forget` (Terraform 1.7+) drops a resource from state and leaves it in the cloud: no change to judge.
    case 'forget':
      return 'no-op';
    default:
      throw new InputError(`${sourceFile}: ${address}: unknown change actions ${quoteShort(list)}`);
  }
}

/**
 * `after_unknown` / `after_sensitive` as a mark tree: `true`, objects and arrays of marks. Anything else a
 * plan may hold there (`null`, a string) marks nothing and becomes `false`, in place, so every reader of
 * the tree may trust its shape.
 */
function markTree(value: unknown): UnknownTree {
  if (value === true) return true;
  if (!isObject(value) && !Array.isArray(value)) return {};
  const pending: (Record<string, unknown> | unknown[])[] = [value as Record<string, unknown>];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const mark = container[key];
      if (isObject(mark) || Array.isArray(mark)) pending.push(mark as Record<string, unknown>);
      else if (typeof mark !== 'boolean') container[key] = false;
    }
  }
  return value as UnknownTree;
}

/**
 * Marks of either tree, for a resource whose values before and after the change are both kept: a value is
 * sensitive where `after_sensitive` or `before_sensitive` says so (a secret replaced by an update is still a
 * secret in `before`).
 */
function unionMarks(a: UnknownTree, b: UnknownTree): UnknownTree {
  if (a === true || b === true) return true;
  if (typeof a !== 'object') return b;
  if (typeof b !== 'object') return a;
  if (Array.isArray(a) && Array.isArray(b)) return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => unionMarks(a[i] ?? false, b[i] ?? false));
  if (Array.isArray(a) !== Array.isArray(b)) return true;
  const out: Record<string, UnknownTree> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    Object.defineProperty(out, key, { value: unionMarks((a as Record<string, UnknownTree>)[key] ?? false, (b as Record<string, UnknownTree>)[key] ?? false), enumerable: true });
  }
  return out;
}

/**
 * The shape of Terraform's JSON plan representation (https://developer.hashicorp.com/terraform/internals/json-format),
 * checked in the one loading pass: a container of the wrong type, an entry without a string address or an address
 * given twice is input this checker does not understand, so it stops with exit 2 and the JSON path, never reading
 * around it (a resource skipped is a resource not checked). `null` and absence mean "none".
 */
function shapeError(where: string, path: string, value: unknown, expected: string): InputError {
  return new InputError(`${where}: ${path} is ${describeJsonType(value)}, expected ${expected}`);
}

/** An optional object member: undefined when absent or null, else it must be an object. */
function objectAt(parent: Json, key: string, where: string, path: string): Json | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw shapeError(where, `${path}.${key}`, value, 'an object');
  return value;
}

/** An optional array member: empty when absent or null, else it must be an array. */
function arrayAt(parent: Json, key: string, where: string, path: string): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw shapeError(where, `${path}.${key}`, value, 'an array');
  return value;
}

/** Visits every resource of a `{ resources, child_modules }` module tree (without recursion), checking its shape. */
function eachModuleResource(root: Json | undefined, where: string, rootPath: string, visit: (resource: Json, path: string) => void): void {
  if (root === undefined) return;
  const pending: { module: Json; path: string; depth: number }[] = [{ module: root, path: rootPath, depth: 0 }];
  while (pending.length > 0) {
    const { module, path, depth } = pending.pop()!;
    if (depth > MAX_MODULE_DEPTH) throw new InputError(`${where}: modules nested deeper than ${MAX_MODULE_DEPTH} levels`);
    arrayAt(module, 'resources', where, path).forEach((r, i) => {
      const at = `${path}.resources[${i}]`;
      if (!isObject(r)) throw shapeError(where, at, r, 'an object');
      if (typeof r.address !== 'string') throw shapeError(where, `${at}.address`, r.address, 'a string');
      objectAt(r, 'values', where, at);
      visit(r, at);
    });
    const children = arrayAt(module, 'child_modules', where, path);
    // Reversed so that popping keeps input order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!isObject(child)) throw shapeError(where, `${path}.child_modules[${i}]`, child, 'an object');
      pending.push({ module: child, path: `${path}.child_modules[${i}]`, depth: depth + 1 });
    }
  }
}

/** Indexes entries by address, refusing an address given twice: two records of one resource cannot both be judged. */
function putOnce(map: Map<string, Json>, address: string, entry: Json, where: string, path: string): void {
  if (map.has(address)) throw new InputError(`${where}: ${path}.address ${quoteShort(address)} appears twice`);
  map.set(address, entry);
}

interface ConfigReference {
  readonly path: string;
  readonly expression: string;
}

/** Configuration facts per config address (`<module key>|<address>`), gathered once. */
interface ConfigIndex {
  readonly references: Map<string, ConfigReference[]>;
  /** `depends_on` entries per config address, as written (relative to the module). */
  readonly dependsOn: Map<string, string[]>;
  /** Module output references per `<module key>|<output>`. */
  readonly moduleOutputs: Map<string, string[]>;
}

/** Drops `google_x.y` when `google_x.y.attr` is listed too: Terraform lists both, the longer one says more. */
function mostSpecific(references: string[]): string[] {
  return references.filter((r) => !references.some((other) => other.startsWith(`${r}.`) || other.startsWith(`${r}[`)));
}

function collectExpressionRefs(expressions: unknown, prefix: string, out: ConfigReference[], depth: number): void {
  if (!isObject(expressions) || depth > MAX_MODULE_DEPTH) return;
  for (const attr of Object.keys(expressions)) {
    const expression = expressions[attr];
    const path = `${prefix}${attr}`;
    if (Array.isArray(expression)) {
      expression.forEach((block, i) => collectExpressionRefs(block, `${path}.${i}.`, out, depth + 1));
    } else if (isObject(expression)) {
      if (Array.isArray(expression.references)) {
        const refs = expression.references.filter((r): r is string => typeof r === 'string');
        for (const ref of mostSpecific(refs)) out.push({ path, expression: ref });
      } else if (!('constant_value' in expression)) {
        collectExpressionRefs(expression, `${path}.`, out, depth + 1);
      }
    }
  }
}

function indexConfiguration(configuration: unknown, where: string): ConfigIndex {
  const index: ConfigIndex = { references: new Map(), dependsOn: new Map(), moduleOutputs: new Map() };
  if (!isObject(configuration)) return index;
  const pending: { module: unknown; key: string; depth: number }[] = [{ module: configuration.root_module, key: '', depth: 0 }];
  while (pending.length > 0) {
    const { module, key, depth } = pending.pop()!;
    if (!isObject(module)) continue;
    if (depth > MAX_MODULE_DEPTH) throw new InputError(`${where}: configuration modules nested deeper than ${MAX_MODULE_DEPTH} levels`);
    if (Array.isArray(module.resources)) {
      for (const r of module.resources) {
        if (!isObject(r) || typeof r.address !== 'string') continue;
        const refs: ConfigReference[] = [];
        collectExpressionRefs(r.expressions, '', refs, 0);
        if (refs.length > 0) index.references.set(`${key}|${r.address}`, refs);
        if (Array.isArray(r.depends_on)) {
          const dependsOn = r.depends_on.filter((d): d is string => typeof d === 'string');
          if (dependsOn.length > 0) index.dependsOn.set(`${key}|${r.address}`, dependsOn);
        }
      }
    }
    if (isObject(module.outputs)) {
      for (const [name, output] of Object.entries(module.outputs)) {
        const expression = isObject(output) && isObject(output.expression) ? output.expression : undefined;
        if (expression && Array.isArray(expression.references)) {
          index.moduleOutputs.set(`${key}|${name}`, mostSpecific(expression.references.filter((r): r is string => typeof r === 'string')));
        }
      }
    }
    if (isObject(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) {
        if (isObject(call)) pending.push({ module: call.module, key: key === '' ? name : `${key}.${name}`, depth: depth + 1 });
      }
    }
  }
  return index;
}

/** Finds the model address a configuration reference means, from the referring instance's module. */
class ReferenceResolver {
  /** Base address (no own index) -> instance addresses; built on first need. */
  private instancesByBase?: Map<string, string[]>;
  /** Instances of one configuration resource repeat the same expressions. */
  private readonly traversals = new Map<string, Traversal | undefined>();

  constructor(
    private readonly parsed: ReadonlyMap<string, ParsedAddress>,
    private readonly config: ConfigIndex,
  ) {}

  private instances(base: string): readonly string[] {
    if (!this.instancesByBase) {
      this.instancesByBase = new Map();
      for (const [address, p] of this.parsed) {
        const key = baseAddress(p);
        const list = this.instancesByBase.get(key);
        if (list) list.push(address);
        else this.instancesByBase.set(key, [address]);
      }
    }
    return this.instancesByBase.get(base) ?? [];
  }

  private traversal(expression: string): Traversal | undefined {
    if (this.traversals.has(expression)) return this.traversals.get(expression);
    const t = parseTraversal(expression);
    this.traversals.set(expression, t);
    return t;
  }

  /** Every instance a `depends_on` entry names (all of a counted resource's), from the referring module. */
  dependencies(entry: string, modulePath: readonly string[]): readonly string[] {
    const t = this.traversal(entry);
    if (!t || (t.root !== 'resource' && t.root !== 'data') || t.attribute !== undefined) return [];
    const base = `${modulePath.length > 0 ? `${modulePath.join('.')}.` : ''}${t.address}`;
    if (t.index !== undefined) return this.parsed.has(`${base}${indexSuffix(t.index)}`) ? [`${base}${indexSuffix(t.index)}`] : [];
    return this.instances(base);
  }

  resolve(expression: string, modulePath: readonly string[], ownIndex: string | number | undefined, depth = 0): { target?: string; attribute?: string } {
    const t = this.traversal(expression);
    if (!t || depth > MAX_MODULE_DEPTH) return {};
    const prefix = modulePath.length > 0 ? `${modulePath.join('.')}.` : '';
    if (t.root === 'resource' || t.root === 'data') {
      const base = `${prefix}${t.address}`;
      const exact = `${base}${indexSuffix(t.index)}`;
      if (this.parsed.has(exact)) return { target: exact, attribute: t.attribute };
      if (t.index !== undefined) return { attribute: t.attribute };
      const candidates = this.instances(base);
      if (candidates.length === 1) return { target: candidates[0], attribute: t.attribute };
      // `for_each` twins: google_x.a["k"] usually means google_x.b["k"]; anything else stays ambiguous.
      const twin = `${base}${indexSuffix(ownIndex)}`;
      if (ownIndex !== undefined && this.parsed.has(twin)) return { target: twin, attribute: t.attribute };
      return { attribute: t.attribute };
    }
    if (t.root === 'module' && t.attribute) {
      const [output] = t.attribute.split('.');
      const call = `${t.address}${indexSuffix(t.index)}`;
      const innerPath = [...modulePath, call];
      for (const ref of this.config.moduleOutputs.get(`${configModuleKey(innerPath)}|${output}`) ?? []) {
        const inner = this.resolve(ref, innerPath, undefined, depth + 1);
        if (inner.target) return inner;
      }
    }
    return {};
  }
}

/** True when `[module.].[data.]type.name[index]` is exactly the address, compared in place (no string building). */
function spells(address: string, moduleAddress: string | undefined, data: boolean, type: string, name: string, index: string | number | undefined): boolean {
  let pos = 0;
  if (moduleAddress) {
    if (!address.startsWith(moduleAddress) || address[moduleAddress.length] !== '.') return false;
    pos = moduleAddress.length + 1;
  }
  if (data) {
    if (!address.startsWith('data.', pos)) return false;
    pos += 5;
  }
  if (!address.startsWith(type, pos) || address[pos + type.length] !== '.') return false;
  pos += type.length + 1;
  if (!address.startsWith(name, pos)) return false;
  pos += name.length;
  if (index === undefined) return pos === address.length;
  const suffix = indexSuffix(index);
  return address.length === pos + suffix.length && address.endsWith(suffix);
}

/**
 * The address parts from a record's own fields (`mode`, `type`, `name`, `index`, `module_address`),
 * trusted only when they spell the address exactly (parsing every address was a large share of loading a big plan).
 */
function addressFromFields(record: Json, address: string, modulePaths: Map<string, readonly string[]>): ParsedAddress | undefined {
  const { mode, type, name, index } = record;
  const moduleAddress = record.module_address;
  if ((mode !== 'managed' && mode !== 'data') || typeof type !== 'string' || typeof name !== 'string') return undefined;
  if (index !== undefined && typeof index !== 'string' && typeof index !== 'number') return undefined;
  if (moduleAddress !== undefined && typeof moduleAddress !== 'string') return undefined;
  if (!spells(address, moduleAddress as string | undefined, mode === 'data', type, name, index)) return undefined;
  let modulePath: readonly string[] | undefined = moduleAddress ? modulePaths.get(moduleAddress) : [];
  if (modulePath === undefined) {
    modulePath = parseAddress(`${moduleAddress}.x.y`)?.modulePath;
    if (modulePath === undefined) return undefined;
    modulePaths.set(moduleAddress as string, modulePath);
  }
  // Shared between instances of one module: nobody mutates a model's modulePath.
  return { modulePath, mode, type, name, index };
}

export function checkFormatVersion(doc: Json, name: string): void {
  const version = doc.format_version;
  if (typeof version !== 'string' || !SUPPORTED_FORMAT.test(version)) {
    throw new InputError(`${name}: unsupported plan format_version ${quoteShort(version)}, expected 0.x or 1.x`);
  }
}

/** A JSON object is read as a plan when it says which plan format it is in (`terraform show -json` always does). */
export function isPlanDocument(doc: Json): boolean {
  return 'format_version' in doc;
}

/** The members of a plan the loader reads; every other member (variables, output_changes, resource_drift, ...) is left unparsed. */
const READ_MEMBERS = ['format_version', 'resource_changes', 'planned_values', 'values', 'prior_state', 'configuration'] as const;

/** A document as the member scan reads it: its code units, and what a range of them holds. */
interface ScannedDocument {
  readonly units: CodeUnits;
  /** The text of units [start, end). */
  text(start: number, end: number): string;
  /** Whether `needle` (ASCII) occurs within units [start, end). */
  includes(needle: string, start: number, end: number): boolean;
}

/** The first occurrence of `needle` from `start` ends by `end`: a file's bytes and a string search alike. */
const within = (found: number, needle: string, end: number): boolean => found >= 0 && found + needle.length <= end;

/**
 * A file's bytes are scanned as they are, and only the members read are decoded (a large plan's
 * planned_values never is); a string a caller gives is scanned as UTF-16 code units, so that ranges are its indices.
 */
function scannedDocument(document: string | Buffer): ScannedDocument {
  if (typeof document !== 'string') {
    return {
      units: document,
      text: (start, end) => document.toString('utf8', start, end),
      includes: (needle, start, end) => within(document.indexOf(needle, start), needle, end),
    };
  }
  const units = new Uint16Array(document.length);
  for (let i = 0; i < document.length; i++) units[i] = document.charCodeAt(i);
  return {
    units,
    text: (start, end) => document.slice(start, end),
    includes: (needle, start, end) => within(document.indexOf(needle, start), needle, end),
  };
}

/**
 * An array member is decoded and parsed this many code units at a time, whole items each time: pieces this
 * small are young strings the next scavenge frees, where the text of a large `resource_changes` (95 MB at 200k
 * resources) would stay in the old generation, beside the file's bytes, until a full collection.
 */
const CHUNK_UNITS = 64 * 1024;

/** The items of an array member, parsed a chunk at a time between the commas the scan found. */
function parseArrayInChunks(document: ScannedDocument, section: Section, separators: readonly number[]): unknown[] {
  const items: unknown[] = [];
  // Each item ends at a comma or at the closing bracket.
  const ends = [...separators, section.end - 1];
  let from = section.start + 1;
  for (let k = 0; k < ends.length; k++) {
    const to = ends[k];
    if (to - from < CHUNK_UNITS && k < ends.length - 1) continue;
    for (const item of JSON.parse(`[${document.text(from, to)}]`) as unknown[]) items.push(item);
    from = to + 1;
  }
  return items;
}

/** The value of one member, parsed from its own text; undefined when JSON.parse refuses it (the whole text then says where). */
function parseSection(document: ScannedDocument, section: Section): { value: unknown } | undefined {
  try {
    const array = document.units[section.start] === 91; /* [ */
    if (array && section.separators !== undefined) return { value: parseArrayInChunks(document, section, section.separators) };
    return { value: JSON.parse(document.text(section.start, section.end)) };
  } catch {
    return undefined;
  }
}

/**
 * Whether a `prior_state` may hold a data source, the one thing the loader reads from it: a data source's
 * record says `"mode":"data"`, so without the text `"data"` (or an escape, which could spell it) it holds none.
 */
function mayHoldDataSources(document: ScannedDocument, section: Section): boolean {
  return document.includes('"data"', section.start, section.end) || document.includes('\\u', section.start, section.end);
}

/**
 * Whether resource_changes lists changes that each carry their own sensitivity marks (`after_sensitive`, or
 * `before_sensitive` for a delete; Terraform writes both since 0.15): then planned_values adds nothing.
 * An older or hand-made plan whose marks are only in planned_values' `sensitive_values` has it parsed, so no
 * secret loses its mark.
 */
function changesCarryMarks(changes: unknown): boolean {
  if (!Array.isArray(changes) || changes.length === 0) return false;
  return changes.every((rc) => isObject(rc) && isObject(rc.change) && (rc.change.after_sensitive !== undefined || rc.change.before_sensitive !== undefined));
}

/**
 * A plan's members as readPlan reads them, parsing only what it needs: the cost of loading a large plan is
 * mostly JSON.parse, and Terraform writes each planned resource twice. `planned_values` is built from the same
 * changes as `resource_changes` (every change that is not a delete or forget; terraform
 * internal/command/jsonplan/values.go marshalPlannedValues, plan.go MarshalResourceChanges), with the same
 * values (`after` without unknowns) and fewer sensitive marks (`after_sensitive` adds the schema's), so when
 * `resource_changes` lists anything, `planned_values` adds nothing a rule reads and is not parsed (only its
 * container is checked to be an object), unless a change lacks its marks. `prior_state` is parsed only when it may hold data sources; members
 * the loader never reads (variables, output_changes, resource_drift, ...) are not parsed.
 * Undefined when the text is not a plan object the scan can split: the caller parses the whole text.
 */
export function readPlanSections(text: string | Buffer): Json | undefined {
  const document = scannedDocument(text);
  const sections = topLevelSections(document.units, MAX_NESTING, document.text);
  if (sections === undefined || !sections.has('format_version')) return undefined;
  const doc: Json = {};
  for (const key of READ_MEMBERS) {
    const section = sections.get(key);
    if (section === undefined) continue;
    if (key === 'prior_state' && !mayHoldDataSources(document, section)) continue;
    if ((key === 'planned_values' || key === 'values') && changesCarryMarks(doc.resource_changes)) {
      const first = document.units[section.start];
      // `{` or `null`: a container readPlan would accept; anything else is parsed so that readPlan reports it.
      if (first === 123 || first === 110) continue;
    }
    const parsed = parseSection(document, section);
    if (parsed === undefined) return undefined;
    doc[key] = parsed.value;
  }
  return doc;
}

export function readPlan(doc: Json, sourceFile: string): ResourceDraft[] {
  checkFormatVersion(doc, sourceFile);
  const planned = new Map<string, Json>();
  // A plan has planned_values; `terraform show -json` of a state has values.
  const plannedKey = doc.planned_values !== undefined && doc.planned_values !== null ? 'planned_values' : 'values';
  const plannedValues = objectAt(doc, plannedKey, sourceFile, '$');
  const plannedRoot = plannedValues && objectAt(plannedValues, 'root_module', sourceFile, `$.${plannedKey}`);
  eachModuleResource(plannedRoot, sourceFile, `$.${plannedKey}.root_module`, (r, path) => putOnce(planned, r.address as string, r, sourceFile, path));
  const changes = new Map<string, Json>();
  arrayAt(doc, 'resource_changes', sourceFile, '$').forEach((rc, i) => {
    const at = `$.resource_changes[${i}]`;
    if (!isObject(rc)) throw shapeError(sourceFile, at, rc, 'an object');
    if (typeof rc.address !== 'string') throw shapeError(sourceFile, `${at}.address`, rc.address, 'a string');
    if (!isObject(rc.change)) throw shapeError(sourceFile, `${at}.change`, rc.change, 'an object');
    objectAt(rc.change, 'before', sourceFile, `${at}.change`);
    objectAt(rc.change, 'after', sourceFile, `${at}.change`);
    // Deposed objects are old copies being destroyed alongside a replace; the current one carries the change.
    if (rc.deposed === undefined || rc.deposed === null) putOnce(changes, rc.address, rc, sourceFile, at);
  });
  const priorData = new Map<string, Json>();
  const priorState = objectAt(doc, 'prior_state', sourceFile, '$');
  const priorValues = priorState && objectAt(priorState, 'values', sourceFile, '$.prior_state');
  const priorRoot = priorValues && objectAt(priorValues, 'root_module', sourceFile, '$.prior_state.values');
  eachModuleResource(priorRoot, sourceFile, '$.prior_state.values.root_module', (r) => {
    if (r.mode === 'data') priorData.set(r.address as string, r);
  });
  // Planned resources first, then deletions, then data sources read at plan time; a plan read from its
  // changes alone (readPlanSections) is in their order, without building a second list of 100k addresses.
  let order: Iterable<string> = changes.keys();
  if (planned.size > 0 || priorData.size > 0) {
    const all = [...planned.keys()];
    for (const address of changes.keys()) if (!planned.has(address)) all.push(address);
    for (const address of priorData.keys()) if (!planned.has(address) && !changes.has(address)) all.push(address);
    order = all;
  }

  const modulePaths = new Map<string, readonly string[]>();
  const drafts: ResourceDraft[] = [];
  const noSuppressions: never[] = [];
  const attributeTypes = attributeTypeChecker('plan');
  for (const address of order) {
    const plannedRecord = planned.get(address);
    const rc = changes.get(address);
    const prior = plannedRecord === undefined ? priorData.get(address) : undefined;
    const record = plannedRecord ?? rc ?? prior!;
    const p = addressFromFields(record, address, modulePaths) ?? parseAddress(address);
    if (!p) throw new InputError(`${sourceFile}: ${quoteShort(address)} is not a Terraform resource address`);
    const change = rc !== undefined && isObject(rc.change) ? rc.change : undefined;
    const action: Action = change ? actionOf(change.actions, sourceFile, address) : p.mode === 'data' ? 'read' : 'no-op';
    const deleting = action === 'delete';
    const before = change !== undefined && isObject(change.before) ? change.before : undefined;
    // A change's `after` is what planned_values repeats; prior_state holds a data source's last read, which a
    // read deferred to apply (a change with action read) replaces.
    const values = deleting ? before : plannedRecord?.values ?? change?.after ?? prior?.values;
    const keepsBefore = (deleting || action === 'replace' || action === 'update') && before !== undefined;
    const afterSensitive = markTree(deleting ? change?.before_sensitive : change?.after_sensitive ?? (plannedRecord ?? prior)?.sensitive_values);
    const sensitive = keepsBefore && !deleting ? unionMarks(afterSensitive, markTree(change?.before_sensitive)) : afterSensitive;
    const draft = newResource({
      id: address,
      address,
      mode: p.mode,
      type: p.type,
      name: p.name,
      index: p.index,
      modulePath: p.modulePath,
      values: isObject(values) ? values : {},
      // Kept for every change of an existing object, so rules can tell what a change takes away.
      before: keepsBefore ? before : undefined,
      unknown: deleting ? {} : markTree(change?.after_unknown),
      sensitive,
      action,
      importing: change !== undefined && isObject(change.importing),
      references: [],
      inlineSuppressions: noSuppressions,
      sourceFile,
    });
    attributeTypes.check(draft);
    drafts.push(draft);
  }

  const config = indexConfiguration(doc.configuration, sourceFile);
  if (config.references.size > 0 || config.dependsOn.size > 0) {
    // Each draft holds its parsed address (mode, type, name, index, modulePath).
    const parsed = new Map<string, ParsedAddress>(drafts.map((d) => [d.address, d] as const));
    const resolver = new ReferenceResolver(parsed, config);
    // Instances of one module share their modulePath array: key it once per module, not per resource.
    const moduleKeys = new Map<readonly string[], string>();
    for (const draft of drafts) {
      const p: ParsedAddress = draft;
      let moduleKey = moduleKeys.get(p.modulePath);
      if (moduleKey === undefined) {
        moduleKey = configModuleKey(p.modulePath);
        moduleKeys.set(p.modulePath, moduleKey);
      }
      const local = p.mode === 'data' ? `data.${p.type}.${p.name}` : `${p.type}.${p.name}`;
      const dependsOn = config.dependsOn.get(`${moduleKey}|${local}`);
      if (dependsOn) draft.dependsOn = dependsOn.flatMap((entry) => resolver.dependencies(entry, p.modulePath));
      const refs = config.references.get(`${moduleKey}|${local}`);
      if (!refs) continue;
      draft.references = refs.map((ref): Reference => {
        const { target, attribute } = resolver.resolve(ref.expression, p.modulePath, p.index);
        return { path: ref.path, expression: ref.expression, target, attribute };
      });
    }
  }
  return drafts;
}
