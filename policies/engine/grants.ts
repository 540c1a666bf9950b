/**
 * IAM grants, extracted once per model from every `google_*_iam_member`, `*_iam_binding` and
 * `*_iam_policy` (whose `policy_data` is a JSON string, or a reference to a `data.google_iam_policy`).
 * Rules read `model.grants`; none of them parses IAM resources itself.
 */
import { CelSyntaxError, conjuncts, tokenizeCel, type CelToken } from './cel';
import { get, type Grant, type GrantCondition, type GrantLevel, type GrantTarget, type Model, type Resource, type UnknownTree, type Value } from './model';
import { InputError } from './errors';
import { describeJsonType } from './load/json';

/** What extraction needs from a model (grants are built while the model is being made). */
export type GrantSource = Pick<Model, 'resources' | 'byId'>;

/** `google_<target>_iam_member|binding|policy`: the resources that grant (the loader checks their attribute types too). */
export const IAM_TYPE = /^(google_.+)_iam_(member|binding|policy)$/;

/** Attributes of an IAM resource that say what is granted, not on what. */
const NOT_TARGET = new Set(['role', 'member', 'members', 'condition', 'policy_data', 'etag', 'id', 'project', 'location', 'region', 'zone']);

/** The identifying attribute, most specific first (a table's dataset is not the table). */
const TARGET_PREFERENCE = [
  'service_account_id',
  'secret_id',
  'crypto_key_id',
  'key_ring_id',
  'bucket',
  'subscription',
  'topic',
  'table_id',
  'database',
  'dataset_id',
  'instance_name',
  'instance',
  'service',
  'cloud_function',
  'repository',
  'name',
];

function levelOf(targetType: string): GrantLevel {
  if (targetType === 'google_organization') return 'organization';
  if (targetType === 'google_folder') return 'folder';
  if (targetType === 'google_project') return 'project';
  return 'resource';
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function targetAttribute(resource: Resource, level: GrantLevel): string | undefined {
  if (level === 'organization') return 'org_id';
  if (level === 'folder') return 'folder';
  if (level === 'project') return 'project';
  const unknown = typeof resource.unknown === 'object' && !Array.isArray(resource.unknown) ? resource.unknown : {};
  const present = (a: string) => hasOwn(resource.values, a) || hasOwn(unknown, a);
  return TARGET_PREFERENCE.find(present) ?? [...Object.keys(resource.values), ...Object.keys(unknown)].find((a) => !NOT_TARGET.has(a));
}

/**
 * `get(resource, name)` for a top-level attribute, without splitting a path: grants read a handful
 * of top-level attributes of every IAM resource, and this is the hot loop of loading a large plan.
 */
function attribute(resource: Resource, name: string): Value<string> {
  const tree = resource.unknown;
  const mark = tree === true ? true : typeof tree === 'object' && !Array.isArray(tree) ? (tree as Record<string, UnknownTree>)[name] : undefined;
  const value = resource.values[name];
  if (mark === true || (typeof value === 'string' && value.includes('${'))) return get<string>(resource, name);
  if (value === undefined || value === null) return { state: 'absent' };
  return stringOrFail(resource, name, { state: 'known', value });
}

/**
 * Roles, members, target ids and policy_data are strings in every provider schema. A known value of
 * another type is broken input: say so (exit 2) rather than let a rule judge it as if it were a string.
 */
function stringOrFail(resource: Resource, path: string, value: Value<unknown>): Value<string> {
  if (value.state === 'known' && typeof value.value !== 'string') {
    throw new InputError(`${resource.sourceFile}: ${resource.address}: ${path} is ${describeJsonType(value.value)}, expected a string`);
  }
  return value as Value<string>;
}

/** The `condition` block of a member or binding resource, if it has one. */
function resourceCondition(resource: Resource): GrantCondition | undefined {
  const block = resource.values.condition;
  if (block === undefined || block === null || (Array.isArray(block) && block.length === 0)) return undefined;
  return conditionOf(known(get(resource, 'condition.title')), known(get(resource, 'condition.expression')));
}

function targetOf(resource: Resource, targetType: string): GrantTarget {
  const level = levelOf(targetType);
  const name = targetAttribute(resource, level);
  const id: Value<string> = name === undefined ? { state: 'absent' } : attribute(resource, name);
  const reference = name === undefined ? undefined : resource.references.find((r) => r.path === name && r.target !== undefined);
  return { level, type: targetType, id, attribute: name, resourceId: reference?.target };
}

/** What every grant of one IAM resource shares. */
type GrantBase = Pick<Grant, 'resourceId' | 'kind' | 'target' | 'action'>;

/** One object shape for every grant (no spreads): IAM rules read these fields for every grant of a large plan. */
function grant(base: GrantBase, role: Value<string>, member: Value<string>, path: string, condition?: GrantCondition, viaDataSource?: string): Grant {
  return { resourceId: base.resourceId, kind: base.kind, target: base.target, role, member, condition, path, viaDataSource, action: base.action };
}

const same = (tokens: readonly CelToken[], pattern: readonly string[]) => tokens.length === pattern.length && pattern.every((p, i) => p === '*' || tokens[i].text === p);

/** The instant a conjunct bounds `request.time` below: `request.time < timestamp("T")`, `<=`, or `timestamp("T") > request.time`. */
function upperBound(tokens: readonly CelToken[]): Date | 'invalid' | undefined {
  let at: CelToken | undefined;
  if (same(tokens, ['request', '.', 'time', '<', 'timestamp', '(', '*', ')']) || same(tokens, ['request', '.', 'time', '<=', 'timestamp', '(', '*', ')'])) at = tokens[6];
  else if (same(tokens, ['timestamp', '(', '*', ')', '>', 'request', '.', 'time']) || same(tokens, ['timestamp', '(', '*', ')', '>=', 'request', '.', 'time'])) at = tokens[2];
  if (at === undefined) return undefined;
  const date = at.kind === 'string' ? new Date(at.text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : 'invalid';
}

/**
 * How an IAM condition bounds its grant in time (https://cloud.google.com/iam/docs/conditions-attribute-reference#date-time):
 * proven only when an upper bound on `request.time` is a conjunct of the whole expression.
 */
function expiryOf(expression: string): Pick<GrantCondition, 'expiresAt' | 'expiry'> {
  let tokens: CelToken[];
  let parts: (readonly CelToken[])[] | undefined;
  try {
    tokens = tokenizeCel(expression);
    parts = conjuncts(tokens);
  } catch (e) {
    if (e instanceof CelSyntaxError) return { expiry: 'unclear' };
    throw e;
  }
  let earliest: Date | undefined;
  for (const part of parts ?? []) {
    const bound = upperBound(part);
    if (bound === 'invalid') return { expiry: 'unclear' };
    if (bound !== undefined && (earliest === undefined || bound < earliest)) earliest = bound;
  }
  if (earliest !== undefined) return { expiry: 'bounded', expiresAt: earliest };
  // A comparison of request.time with a timestamp that is not a conjunct (after `||`, under `!`) may or may not
  // end the grant; anything else (no request.time, or request.time.getHours() and the like) is no expiry.
  const comparison = /^[<>]=?$/;
  const comparesTime = (i: number) => {
    const w = tokens.slice(i, i + 8);
    const requestTime = (at: number) => same(w.slice(at, at + 3), ['request', '.', 'time']);
    return (requestTime(0) && comparison.test(w[3]?.text ?? '') && w[4]?.text === 'timestamp') || (w[0]?.text === 'timestamp' && w[1]?.text === '(' && w[3]?.text === ')' && comparison.test(w[4]?.text ?? '') && requestTime(5));
  };
  return { expiry: tokens.some((_, i) => comparesTime(i)) ? 'unclear' : 'none' };
}

/** A condition from an IAM resource's `condition` block or a policy binding's `condition` object. */
export function conditionOf(title: unknown, expression: unknown): GrantCondition | undefined {
  const t = typeof title === 'string' ? title : undefined;
  const e = typeof expression === 'string' ? expression : undefined;
  if (t === undefined && e === undefined) return undefined;
  return { title: t, expression: e, ...(e === undefined ? { expiry: 'none' as const } : expiryOf(e)) };
}

function known<T>(value: Value<T>): T | undefined {
  return value.state === 'known' ? value.value : undefined;
}

/**
 * The unknown marks of the list at a path. Callers give every index (`binding.0.members`): plans write blocks
 * as arrays, and synthesized JSON's single-object blocks carry object-shaped marks.
 */
function unknownLength(resource: Resource, path: string): number {
  let tree: UnknownTree | undefined = resource.unknown;
  for (const seg of path.split('.')) {
    if (tree === undefined || typeof tree === 'boolean') return 0;
    tree = (tree as Record<string, UnknownTree>)[seg];
  }
  return Array.isArray(tree) ? tree.length : 0;
}

/** Each member of a list attribute (`members`, `binding.0.members`), known or not. */
function membersAt(resource: Resource, path: string): { member: Value<string>; path: string }[] {
  const list = get<unknown[]>(resource, path);
  if (list.state === 'unknown') return [{ member: list as Value<string>, path }];
  if (list.state === 'absent' || !Array.isArray(list.value)) return [];
  // A plan may list fewer known members than unknown marks (`members: []`, `after_unknown: [true]`).
  const count = Math.max(list.value.length, unknownLength(resource, path));
  const out: { member: Value<string>; path: string }[] = [];
  for (let j = 0; j < count; j++) out.push({ member: stringOrFail(resource, `${path}.${j}`, get(resource, `${path}.${j}`)), path: `${path}.${j}` });
  return out;
}

/** Bindings of a `data.google_iam_policy` (`binding` blocks), each with its own members. */
function dataSourceGrants(dataSource: Resource, base: GrantBase): Grant[] {
  const blocks = get<unknown>(dataSource, 'binding');
  if (blocks.state === 'unknown') return [grant(base, blocks as Value<string>, blocks as Value<string>, 'binding', undefined, dataSource.id)];
  if (blocks.state === 'absent') return [];
  const count = Array.isArray(blocks.value) ? blocks.value.length : 1;
  const grants: Grant[] = [];
  for (let i = 0; i < count; i++) {
    // Synthesized JSON writes a single block as an object; plans always use arrays.
    const at = Array.isArray(blocks.value) ? `binding.${i}` : 'binding';
    const role = stringOrFail(dataSource, `${at}.role`, get(dataSource, `${at}.role`));
    const condition = conditionOf(known(get(dataSource, `${at}.condition.title`)), known(get(dataSource, `${at}.condition.expression`)));
    for (const { member, path } of membersAt(dataSource, `${at}.members`)) {
      grants.push(grant(base, role, member, Array.isArray(blocks.value) ? path : path.replace(/^binding\./, 'binding.0.'), condition, dataSource.id));
    }
  }
  return grants;
}

/**
 * A field of a `policy_data` object as the provider reads it: Go's encoding/json matches object keys to struct
 * fields case-insensitively (`Bindings`, `ROLE`), folding with Unicode upper case (`ſ` is `S`), and a later key
 * overwrites an earlier one (https://pkg.go.dev/encoding/json#Unmarshal). `null` is Go's zero value: absent.
 */
export function goField(object: Record<string, unknown>, name: string): unknown {
  const wanted = name.toUpperCase();
  let value: unknown;
  for (const key of Object.keys(object)) if (key.toUpperCase() === wanted) value = object[key];
  return value === null ? undefined : value;
}

/** `policy_data` text that is no JSON at all. */
export const UNPARSABLE = Symbol('unparsable policy_data');

/**
 * A known `policy_data` JSON string, parsed; UNPARSABLE when it is no JSON. The grants and the audit configs of a
 * policy both read it. Not cached: an asset export holds one per asset, and keeping every parsed policy for the
 * model's lifetime would cost more memory than parsing twice costs time.
 */
export function parsePolicyData(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return UNPARSABLE;
  }
}

/** Grants from a known `policy_data` JSON string, decoded as the provider decodes it into an IAM policy. */
function policyDataGrants(json: string, base: GrantBase, resource: Resource): Grant[] {
  const policy = parsePolicyData(json);
  if (policy === UNPARSABLE) {
    // An unparsable policy cannot be judged: say so rather than pass it silently.
    const unknown: Value<string> = { state: 'unknown', references: [] };
    return [grant(base, unknown, unknown, 'policy_data')];
  }
  // A type the provider cannot decode fails its apply; here it is input this checker does not understand: exit 2.
  const wrong = (path: string, value: unknown, expected: string): never => {
    throw new InputError(`${resource.sourceFile}: ${resource.address}: policy_data${path === '' ? '' : `.${path}`} is ${describeJsonType(value)}, expected ${expected}`);
  };
  if (policy === null) return [];
  if (typeof policy !== 'object' || Array.isArray(policy)) return wrong('', policy, 'an object');
  const bindings = goField(policy as Record<string, unknown>, 'bindings');
  if (bindings === undefined) return [];
  if (!Array.isArray(bindings)) return wrong('bindings', bindings, 'an array');
  const grants: Grant[] = [];
  bindings.forEach((binding: unknown, i) => {
    if (binding === null) return;
    if (typeof binding !== 'object' || Array.isArray(binding)) wrong(`bindings.${i}`, binding, 'an object');
    const fields = binding as Record<string, unknown>;
    const roleText = goField(fields, 'role');
    if (roleText !== undefined && typeof roleText !== 'string') wrong(`bindings.${i}.role`, roleText, 'a string');
    const role: Value<string> = typeof roleText === 'string' ? { state: 'known', value: roleText } : { state: 'absent' };
    const c = goField(fields, 'condition');
    if (c !== undefined && (typeof c !== 'object' || Array.isArray(c))) wrong(`bindings.${i}.condition`, c, 'an object');
    const condition = c === undefined ? undefined : conditionOf(goField(c as Record<string, unknown>, 'title'), goField(c as Record<string, unknown>, 'expression'));
    const members = goField(fields, 'members') ?? [];
    if (!Array.isArray(members)) return wrong(`bindings.${i}.members`, members, 'an array');
    members.forEach((m: unknown, j) => {
      if (typeof m !== 'string') wrong(`bindings.${i}.members.${j}`, m, 'a string');
      grants.push(grant(base, role, { state: 'known', value: m as string }, `policy_data.bindings.${i}.members.${j}`, condition));
    });
  });
  return grants;
}

function grantsOfResource(resource: Resource, model: GrantSource): Grant[] {
  const match = IAM_TYPE.exec(resource.type);
  if (!match || resource.mode !== 'managed') return [];
  const kind = match[2] as Grant['kind'];
  const base: GrantBase = { resourceId: resource.id, kind, target: targetOf(resource, match[1]), action: resource.action };
  if (kind === 'policy') {
    const policyData = attribute(resource, 'policy_data');
    if (policyData.state === 'known') return policyDataGrants(policyData.value, base, resource);
    if (policyData.state === 'absent') return [];
    const dataSource = resource.references
      .filter((r) => r.path === 'policy_data' && r.target !== undefined)
      .map((r) => model.byId(r.target!))
      .find((r) => r?.mode === 'data' && r.type === 'google_iam_policy');
    if (dataSource) return dataSourceGrants(dataSource, base);
    return [grant(base, policyData, policyData, 'policy_data')];
  }
  const role = attribute(resource, 'role');
  const condition = resourceCondition(resource);
  if (kind === 'member') return [grant(base, role, attribute(resource, 'member'), 'member', condition)];
  return membersAt(resource, 'members').map(({ member, path }) => grant(base, role, member, path, condition));
}

export function extractGrants(model: GrantSource): Grant[] {
  const grants: Grant[] = [];
  for (const resource of model.resources) {
    if (resource.type.includes('_iam_')) for (const g of grantsOfResource(resource, model)) grants.push(g);
  }
  return grants;
}
