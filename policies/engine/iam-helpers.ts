/**
 * What the iam-* rules need to know about a grant beyond its raw values: which grants are live, what kind
 * of principal a member is (also when the member is known only after apply), its domain, and whether it
 * is a default service account. One place, so no rule parses member strings or follows references itself.
 */
import { DEFAULT_SERVICE_ACCOUNT_PATTERNS } from '../catalog/roles';
import { ancestors, hierarchyKeyOf } from './hierarchy';
import { get, type Grant, type GrantLevel, type Model, type Reference, type Resource, type Value } from './model';
import type { RuleContext } from './rule';

export type MemberKind =
  | 'user'
  | 'group'
  | 'serviceAccount'
  | 'domain'
  | 'public'
  | 'principal'
  | 'principalSet'
  | 'deleted'
  | 'convenience'
  | 'other';

export interface MemberInfo {
  /** True when the member's value is known only after apply (parts of it may still be determinable). */
  readonly unknown: boolean;
  /** What kind of principal; undefined when the member is known only after apply and nothing tells its kind. */
  readonly kind?: MemberKind;
  /** The member as written when known, else the synthesized expression, else `(known after apply)`. */
  readonly display: string;
  /** Lower-case domain of a user/group/serviceAccount email or of a `domain:` member, when determinable. */
  readonly domain?: string;
  /** True when the member is a Google service account (`*.gserviceaccount.com`); undefined when undecidable. */
  readonly googleServiceAccount?: boolean;
  /** True for a default service account (config/roles.ts patterns); undefined when undecidable. */
  readonly defaultServiceAccount?: boolean;
}

/** What an unknown value with no expression and no reference reads as, inside a message's parentheses. */
const UNKNOWN_DISPLAY = 'no expression in the input';

/** Grants that give access after apply: a grant whose resource is being deleted gives none. */
export function liveGrants(model: Model): readonly Grant[] {
  return model.grants.filter((g) => g.action !== 'delete');
}

/**
 * Visits every live grant with the resource that makes it (where findings go); an input without live
 * grants makes the rule not-applicable rather than a silent pass.
 */
export function eachLiveGrant<M extends string>(context: RuleContext<M>, visit: (grant: Grant, resource: Resource) => void): void {
  const grants = liveGrants(context.model);
  if (grants.length === 0) {
    context.notApplicable('no IAM grants in the input');
    return;
  }
  for (const grant of grants) visit(grant, grantingResource(context.model, grant));
}

/** The resource that makes the grant (the `*_iam_*` resource), where findings are reported. */
export function grantingResource(model: Model, grant: Grant): Resource {
  const resource = model.byId(grant.resourceId);
  // The loader builds grants from the model's own resources, so a miss is an engine defect worth a rule-error.
  if (!resource) throw new Error(`grant refers to resource "${grant.resourceId}" that is not in the model`);
  return resource;
}

/**
 * A value for messages: the known value, the synthesized expression, what a plan says it comes from
 * (`from random_string.suffix.result`), or that nothing says.
 */
export function displayValue(value: Value<string>): string {
  if (value.state === 'known') return value.value;
  if (value.state === 'unknown') {
    if (value.raw !== undefined) return value.raw;
    const source = value.references.find((r) => r.attribute !== undefined) ?? value.references[0];
    return source ? `from ${source.expression}` : UNKNOWN_DISPLAY;
  }
  return '(absent)';
}

const CONVENIENCE_PREFIXES = ['projectOwner', 'projectEditor', 'projectViewer'];

function kindOfPrefix(prefix: string): MemberKind {
  switch (prefix) {
    case 'user':
    case 'group':
    case 'serviceAccount':
    case 'domain':
    case 'principal':
    case 'principalSet':
    case 'deleted':
      return prefix;
    default:
      return CONVENIENCE_PREFIXES.includes(prefix) ? 'convenience' : 'other';
  }
}

function isDefaultServiceAccountText(member: string): boolean {
  return DEFAULT_SERVICE_ACCOUNT_PATTERNS.some((p) => p.test(member));
}

const isGoogleServiceAccountDomain = (domain: string) => domain.endsWith('.gserviceaccount.com');

/** Parses a member written out in full: `user:a@example.com`, `domain:example.com`, `allUsers`. */
export function parseMember(member: string): MemberInfo {
  if (/^(allUsers|allAuthenticatedUsers)$/i.test(member)) return { unknown: false, kind: 'public', display: member, googleServiceAccount: false, defaultServiceAccount: false };
  const colon = member.indexOf(':');
  const kind = colon > 0 ? kindOfPrefix(member.slice(0, colon)) : 'other';
  const rest = member.slice(colon + 1);
  let domain: string | undefined;
  if (kind === 'domain') domain = rest.toLowerCase();
  else if (kind === 'user' || kind === 'group' || kind === 'serviceAccount') {
    const at = rest.lastIndexOf('@');
    domain = at >= 0 ? rest.slice(at + 1).toLowerCase() : undefined;
  }
  const googleServiceAccount = kind === 'serviceAccount' && domain !== undefined && isGoogleServiceAccountDomain(domain);
  return { unknown: false, kind, display: member, domain, googleServiceAccount, defaultServiceAccount: isDefaultServiceAccountText(member) };
}

/**
 * Where default service accounts live, read from config/roles.ts's patterns (`...@developer\.gserviceaccount\.com$`):
 * a member whose domain is written out and is none of these is no default service account.
 */
const DEFAULT_SERVICE_ACCOUNT_DOMAINS: readonly (string | undefined)[] = DEFAULT_SERVICE_ACCOUNT_PATTERNS.map(
  (p) => /@((?:[a-z0-9-]|\\\.)+)\$$/.exec(p.source)?.[1].replace(/\\\./g, '.'),
);

function couldBeDefaultDomain(domain: string | undefined): boolean {
  // A pattern whose domain cannot be read leaves every domain possible.
  return domain === undefined || DEFAULT_SERVICE_ACCOUNT_DOMAINS.some((d) => d === undefined || d === domain);
}

/**
 * Resources (type, mode, attributes) that are service account identities, for members known only after
 * apply (`serviceAccount:${google_service_account.app.email}`, a sink's `writer_identity`, a service agent
 * from the Logging settings). `attributes` undefined: any attribute. `default`: true when the identity is a
 * default service account, false when it never is, undefined when it depends on the data source's own values.
 */
const SERVICE_ACCOUNT_SOURCES: readonly { type: string; mode: 'managed' | 'data'; attributes?: readonly string[]; default?: boolean }[] = [
  { type: 'google_service_account', mode: 'managed', default: false },
  { type: 'google_service_account', mode: 'data' },
  { type: 'google_project_service_identity', mode: 'managed', default: false },
  { type: 'google_logging_project_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_folder_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_organization_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_billing_account_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_project_cmek_settings', mode: 'data', attributes: ['service_account_id'], default: false },
  { type: 'google_logging_organization_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false },
  { type: 'google_logging_folder_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false },
  { type: 'google_logging_project_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false },
  { type: 'google_storage_project_service_account', mode: 'data', attributes: ['email_address', 'member'], default: false },
  { type: 'google_bigquery_default_service_account', mode: 'data', attributes: ['email', 'member'], default: false },
  { type: 'google_compute_default_service_account', mode: 'data', attributes: ['email', 'member'], default: true },
  { type: 'google_app_engine_default_service_account', mode: 'data', attributes: ['email', 'member'], default: true },
];

/** What a referenced resource says about the identity it provides, or undefined when it provides none. */
function identityOfReference(model: Model, ref: Reference): { default?: boolean } | undefined {
  const target = ref.target ? model.byId(ref.target) : undefined;
  if (!target) return undefined;
  const source = SERVICE_ACCOUNT_SOURCES.find(
    (s) => s.type === target.type && s.mode === target.mode && (s.attributes === undefined || (ref.attribute !== undefined && s.attributes.includes(ref.attribute))),
  );
  if (!source) return undefined;
  if (source.default !== undefined) return { default: source.default };
  // A data source read at plan time has its email; in synthesized JSON only an email-shaped account_id tells.
  const email = [target.values.email, target.values.account_id].find((v) => typeof v === 'string' && v.includes('@') && !v.includes('${'));
  return typeof email === 'string' ? { default: isDefaultServiceAccountText(`serviceAccount:${email}`) } : {};
}

/**
 * Describes a member known only after apply from what is known: the prefix and domain written around the
 * token (`user:${var.name}@example.com`) and the resources it references. Nothing is guessed: anything not
 * shown by the input stays undefined.
 */
function describeUnknownMember(model: Model, member: Extract<Value<string>, { state: 'unknown' }>): MemberInfo {
  const display = displayValue(member);
  const identities = member.references.map((r) => identityOfReference(model, r));
  // Every reference is a service account identity: the member is one (the prefix, if written, must agree).
  const allServiceAccounts = identities.length > 0 && identities.every((i) => i !== undefined);
  const raw = member.raw;
  const prefix = raw ? /^([A-Za-z]+):/.exec(raw)?.[1] : undefined;
  const domainMatch = raw ? /@([A-Za-z0-9.-]+)$/.exec(raw) : null;
  const domain = domainMatch ? domainMatch[1].toLowerCase() : undefined;
  if (prefix !== undefined) {
    const kind = kindOfPrefix(prefix);
    if (kind !== 'serviceAccount') return { unknown: true, kind, display, domain, googleServiceAccount: false, defaultServiceAccount: false };
    if (!allServiceAccounts) {
      const googleServiceAccount = domain === undefined ? undefined : isGoogleServiceAccountDomain(domain);
      const defaultServiceAccount = couldBeDefaultDomain(domain) ? undefined : false;
      return { unknown: true, kind, display, domain, googleServiceAccount, defaultServiceAccount };
    }
  } else if (!allServiceAccounts) {
    return { unknown: true, display };
  }
  const defaults = identities.map((i) => i?.default);
  const defaultServiceAccount = defaults.every((d) => d === false) ? false : defaults.every((d) => d === true) ? true : undefined;
  return { unknown: true, kind: 'serviceAccount', display, domain, googleServiceAccount: true, defaultServiceAccount };
}

/** A tri-state test of a member's kind: undefined when the member is known only after apply and its kind with it. */
export function memberIsKind(member: MemberInfo, kind: MemberKind): boolean | undefined {
  if (member.kind !== undefined) return member.kind === kind;
  return member.unknown ? undefined : false;
}

/** Everything the input tells about a grant's member, whether it is known now or only after apply. */
export function describeMember(model: Model, member: Value<string>): MemberInfo {
  if (member.state === 'known') return parseMember(member.value);
  if (member.state === 'unknown') return describeUnknownMember(model, member);
  return { unknown: false, display: '(absent)' };
}

export interface RoleInfo {
  /** True when the role's value is known only after apply (its name may still be determinable). */
  readonly unknown: boolean;
  /**
   * The role name when determinable: known values as written; for a custom role defined in the input,
   * `projects/<project>/roles/<role id>` or `organizations/<org>/roles/<role id>` (the parent may read
   * `(known after apply)`, the role id never does).
   */
  readonly name?: string;
  /** The known name, the synthesized expression, or `(known after apply)`. */
  readonly display: string;
}

const CUSTOM_ROLE_PARENTS: Readonly<Record<string, { attribute: string; prefix: string }>> = {
  google_project_iam_custom_role: { attribute: 'project', prefix: 'projects' },
  google_organization_iam_custom_role: { attribute: 'org_id', prefix: 'organizations' },
};

const knownString = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('${') ? v : undefined);

/** The name of a custom role defined in the input and referenced by a role known only after apply. */
function customRoleName(model: Model, refs: readonly Reference[]): string | undefined {
  const names = refs.map((ref) => {
    const target = ref.target ? model.byId(ref.target) : undefined;
    const parent = target ? CUSTOM_ROLE_PARENTS[target.type] : undefined;
    const roleId = target && knownString(target.values.role_id);
    if (!target || !parent || !roleId) return undefined;
    const parentId = knownString(target.values[parent.attribute]) ?? UNKNOWN_DISPLAY;
    return `${parent.prefix}/${parentId.replace(new RegExp(`^${parent.prefix}/`), '')}/roles/${roleId}`;
  });
  // One custom role, however many references to it (`.name`, `.id`, the resource itself) the input lists.
  const distinct = new Set(names);
  return distinct.size === 1 ? names[0] : undefined;
}

/** Everything the input tells about a grant's role, whether it is known now or only after apply. */
export function describeRole(model: Model, role: Value<string>): RoleInfo {
  if (role.state === 'known') return { unknown: false, name: role.value, display: role.value };
  if (role.state === 'absent') return { unknown: false, display: '(absent)' };
  // Only a whole-value reference (`${google_project_iam_custom_role.r.name}`) names the role; `roles/${var.x}` does not.
  const wholeReference = role.raw === undefined || /^\$\{[^}]*\}$/.test(role.raw);
  const name = wholeReference ? customRoleName(model, role.references) : undefined;
  return { unknown: true, name, display: name ?? displayValue(role) };
}

/**
 * A tri-state test of a role: true or false when its name is determinable, undefined when it is known only
 * after apply (the rule then reports `unknown`). An absent role grants nothing: false.
 */
export function roleSatisfies(role: RoleInfo, predicate: (name: string) => boolean): boolean | undefined {
  if (role.name !== undefined) return predicate(role.name);
  return role.unknown ? undefined : false;
}

/**
 * True when the grant's IAM condition is there but its expression is known only after apply, so
 * `grant.condition` (parsed from known expressions only) cannot say whether it expires.
 */
export function conditionIsUnknown(model: Model, grant: Grant): boolean {
  if (grant.condition?.expression !== undefined) return false;
  if (grant.kind !== 'policy') return get(grantingResource(model, grant), 'condition.expression').state === 'unknown';
  const dataSource = grant.viaDataSource === undefined ? undefined : model.byId(grant.viaDataSource);
  if (!dataSource) return false;
  // `binding.0.members.1` -> `binding.0.condition.expression` in the data source the grant came from.
  const binding = grant.path.replace(/\.members(\.\d+)?$/, '');
  return [binding, binding.replace(/\.0$/, '')].some((at) => get(dataSource, `${at}.condition.expression`).state === 'unknown');
}

/**
 * How the input identifies a target or a member, for telling whether two grants name the same one.
 * `known`: a literal (or the known value of the attribute a reference reads); `reference`: resources of the
 * input whose values are known only after apply; `expression`: a token such as `${var.project}` (the same
 * text is the same thing, other text may or may not be); `unknown`: nothing to compare.
 */
export type Identity = { readonly state: 'known' | 'reference' | 'expression'; readonly key: string } | { readonly state: 'unknown' };

/** Whether two identities name the same thing: true, false, or undefined when only apply can tell. */
export function sameIdentity(a: Identity, b: Identity): boolean | undefined {
  if (a.state === 'unknown' || b.state === 'unknown') return undefined;
  if (a.state === b.state && a.key === b.key) return true;
  // Two literals, or two different resources of the input, differ; a literal may still equal a computed value.
  return a.state === b.state && a.state !== 'expression' ? false : undefined;
}

export type TargetIdentity = Identity & { readonly type: string };

const LEVEL_PREFIX: Readonly<Record<string, string>> = { organization: 'organizations/', folder: 'folders/', project: 'projects/' };

/** `projects/p` and `p` name the same project (likewise folders and organizations). */
function normalizeTargetId(level: string, id: string): string {
  const prefix = LEVEL_PREFIX[level];
  return prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/** The known value of the attribute a grant's target reference reads (`${google_project.p.project_id}`). */
function referencedTargetValue(model: Model, grant: Grant): string | undefined {
  const { resourceId } = grant.target;
  if (resourceId === undefined) return undefined;
  const reference = grantingResource(model, grant).references.find((r) => r.target === resourceId && r.attribute !== undefined);
  const referenced = model.byId(resourceId);
  const value = reference && referenced ? get<string>(referenced, reference.attribute!) : undefined;
  return value?.state === 'known' && typeof value.value === 'string' ? value.value : undefined;
}

export function targetIdentity(model: Model, grant: Grant): TargetIdentity {
  const { target } = grant;
  const type = target.type;
  if (target.id.state === 'absent') return { type, state: 'unknown' };
  const id = target.id.state === 'known' ? target.id.value : referencedTargetValue(model, grant);
  if (id !== undefined) return { type, state: 'known', key: normalizeTargetId(target.level, id) };
  if (target.resourceId !== undefined) return { type, state: 'reference', key: target.resourceId };
  const raw = target.id.state === 'unknown' ? target.id.raw : undefined;
  return raw !== undefined ? { type, state: 'expression', key: raw } : { type, state: 'unknown' };
}

/** Whether two grants apply to the same thing: true, false, or undefined when only apply can tell. */
export function sameTarget(a: TargetIdentity, b: TargetIdentity): boolean | undefined {
  return a.type === b.type ? sameIdentity(a, b) : false;
}

/**
 * Who a grant's member is, for telling whether two grants go to the same principal. A member known only
 * after apply that references resources of the input is identified by those resources
 * (`serviceAccount:${google_service_account.app.email}` and `${google_service_account.app.member}` are one).
 */
export function memberIdentity(grant: Grant): Identity {
  const { member } = grant;
  if (member.state === 'known') return { state: 'known', key: member.value.toLowerCase() };
  if (member.state === 'absent') return { state: 'unknown' };
  const targets = [...new Set(member.references.map((r) => r.target))];
  if (targets.length > 0 && targets.every((t) => t !== undefined)) return { state: 'reference', key: targets.sort().join(' ') };
  return member.raw !== undefined ? { state: 'expression', key: member.raw } : { state: 'unknown' };
}

/**
 * Where a grant applies: its target's key, then the keys of what contains it, nearest first: hierarchy
 * keys (`projects/p`, `folders/f`, `organizations/o`, as policies/engine/hierarchy.ts makes them),
 * `res:<id path>` for resources named by id, `ref:<model id>` for resources referenced in the input.
 */
export interface GrantScope {
  readonly level: GrantLevel;
  readonly chain: readonly string[];
  /** True when where the target sits is known only after apply (its id, or a parent on the way up). */
  readonly unplaced: boolean;
}

interface Chain {
  readonly chain: string[];
  readonly unplaced: boolean;
}

const NO_CHAIN: Chain = { chain: [], unplaced: false };

function hierarchyChain(model: Model, key: string): Chain {
  const up = ancestors(model, key);
  const unplaced = [model.hierarchy.get(key), ...up].some((n) => n?.parentUnknown === true);
  return { chain: [key, ...up.map((n) => n.key)], unplaced };
}

/** The parents an id path names: `projects/p/locations/l/keyRings/r/cryptoKeys/k` -> the key ring's path, ..., `projects/p` and up. */
function pathParents(model: Model, id: string): Chain {
  const parts = id.split('/');
  const chain: string[] = [];
  for (let n = parts.length - 1; n >= 2; n--) {
    const prefix = parts.slice(0, n).join('/');
    if (n === 2 && parts[0] === 'projects') {
      const up = hierarchyChain(model, prefix);
      return { chain: [...chain, ...up.chain], unplaced: up.unplaced };
    }
    chain.push(`res:${prefix}`);
  }
  return { chain, unplaced: false };
}

/** Attributes through which a resource names what contains it (a key's key ring, anything's project). */
const PARENT_ATTRIBUTES = ['key_ring', 'project'] as const;

/** What contains a resource of the input, from its parent attributes, following references up. */
function resourceParents(model: Model, resource: Resource, depth = 0): Chain {
  if (depth > 8) return NO_CHAIN;
  for (const attribute of PARENT_ATTRIBUTES) {
    const value = get<string>(resource, attribute);
    if (value.state === 'known' && typeof value.value === 'string') {
      if (attribute === 'project') return hierarchyChain(model, `projects/${normalizeTargetId('project', value.value)}`);
      const own = pathParents(model, value.value);
      return { chain: [`res:${value.value}`, ...own.chain], unplaced: own.unplaced };
    }
    if (value.state === 'unknown') {
      const target = value.references.map((r) => (r.target ? model.byId(r.target) : undefined)).find((r) => r !== undefined);
      if (!target) return { chain: [], unplaced: true };
      const key = hierarchyKeyOf(target);
      if (key) return hierarchyChain(model, key);
      const up = resourceParents(model, target, depth + 1);
      return { chain: [`ref:${target.id}`, ...up.chain], unplaced: up.unplaced };
    }
  }
  return NO_CHAIN;
}

export function grantScope(model: Model, grant: Grant): GrantScope {
  const { level } = grant.target;
  const identity = targetIdentity(model, grant);
  if (identity.state === 'unknown' || identity.state === 'expression') {
    return { level, chain: [identity.state === 'expression' ? `expr:${identity.key}` : `unknown:${grant.resourceId}`], unplaced: true };
  }
  const referenced = grant.target.resourceId === undefined ? undefined : model.byId(grant.target.resourceId);
  if (level !== 'resource') {
    const key = identity.state === 'known' ? `${LEVEL_PREFIX[level]}${identity.key}` : referenced && hierarchyKeyOf(referenced);
    return { level, ...hierarchyChain(model, key ?? `ref:${identity.key}`) };
  }
  if (identity.state === 'known') {
    const up = pathParents(model, identity.key);
    return { level, chain: [`res:${identity.key}`, ...up.chain], unplaced: up.unplaced };
  }
  const up = referenced ? resourceParents(model, referenced) : NO_CHAIN;
  return { level, chain: [`ref:${identity.key}`, ...up.chain], unplaced: up.unplaced };
}

const reachesOrganization = (scope: GrantScope) => scope.chain.some((k) => k.startsWith('organizations/'));

/**
 * Whether one scope contains the other (or they are the same): true, false, or undefined when only apply
 * can tell. The input is taken to cover one organization, so an organization-level grant contains every
 * scope that is not shown to sit in another organization.
 */
export function scopesOverlap(a: GrantScope, b: GrantScope): boolean | undefined {
  if (a.chain.includes(b.chain[0]) || b.chain.includes(a.chain[0])) return true;
  if ((a.level === 'organization' && !reachesOrganization(b)) || (b.level === 'organization' && !reachesOrganization(a))) return true;
  return a.unplaced || b.unplaced ? undefined : false;
}

/** Why one grant takes part in a separation-of-duties conflict. */
export type DutyConflictKind = 'holds-both' | 'role-unknown' | 'member-unknown' | 'scope-unknown';

export interface DutyConflict {
  readonly grant: Grant;
  readonly resource: Resource;
  readonly role: RoleInfo;
  readonly member: MemberInfo;
  /** `holds-both` is a finding; the others say which value, known only after apply, leaves it open. */
  readonly kind: DutyConflictKind;
  /** The grant of the other duty this one conflicts with (the first one found, when several do). */
  readonly other: Grant;
  readonly otherRole: RoleInfo;
}

interface DutyCandidate {
  readonly grant: Grant;
  readonly role: RoleInfo;
  /** Which duty the role belongs to; undefined when the role is known only after apply (it may be either). */
  readonly duty?: 'first' | 'second';
  readonly member: Identity;
  readonly scope: GrantScope;
}

/**
 * Separation of duties (CIS 1.9, 1.12): grants by which one member holds a role of the first duty and a
 * role of the second at overlapping scopes (the same target, or one containing the other). Returns one
 * entry per live grant involved, on both sides of each conflict: a certain conflict wins over an open one.
 */
export function dutyConflicts(model: Model, first: (role: string) => boolean, second: (role: string) => boolean): DutyConflict[] {
  const candidates: DutyCandidate[] = [];
  for (const grant of liveGrants(model)) {
    const role = describeRole(model, grant.role);
    const isFirst = roleSatisfies(role, first);
    const isSecond = roleSatisfies(role, second);
    if (isFirst === false && isSecond === false) continue;
    const duty = isFirst === true ? 'first' : isSecond === true ? 'second' : undefined;
    candidates.push({ grant, role, duty, member: memberIdentity(grant), scope: grantScope(model, grant) });
  }
  const found = new Map<Grant, DutyConflict>();
  const record = (self: DutyCandidate, other: DutyCandidate, kind: DutyConflictKind) => {
    const existing = found.get(self.grant);
    if (existing && (existing.kind === 'holds-both' || kind !== 'holds-both')) return;
    found.set(self.grant, {
      grant: self.grant,
      resource: grantingResource(model, self.grant),
      role: self.role,
      member: describeMember(model, self.grant.member),
      kind,
      other: other.grant,
      otherRole: other.role,
    });
  };
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const [a, b] = [candidates[i], candidates[j]];
      if (a.duty !== undefined && a.duty === b.duty) continue;
      const sameMember = sameIdentity(a.member, b.member);
      const overlap = sameMember === false ? false : scopesOverlap(a.scope, b.scope);
      if (sameMember === false || overlap === false) continue;
      const kind: DutyConflictKind =
        a.duty === undefined || b.duty === undefined ? 'role-unknown' : sameMember === undefined ? 'member-unknown' : overlap === undefined ? 'scope-unknown' : 'holds-both';
      // Two roles both known only after apply conflict only if they turn out to be one of each: open, and only for one member at one place.
      if (a.duty === undefined && b.duty === undefined && (sameMember !== true || overlap !== true)) continue;
      record(a, b, kind);
      record(b, a, kind);
    }
  }
  return [...found.values()];
}

/** Message templates of the separation-of-duties rules, keyed by DutyConflictKind. */
export const DUTY_CONFLICT_MESSAGES: Readonly<Record<DutyConflictKind, string>> = {
  'holds-both': '{{member}} holds {{role}} here and {{otherRole}} through {{other}}, at the same or an enclosing scope.',
  'role-unknown': '{{member}} holds {{role}} here and {{otherRole}} through {{other}}; a role known only after apply may complete both duties.',
  'member-unknown': '{{role}} is granted here to {{member}} and {{otherRole}} through {{other}}; the members are known only after apply and may be the same.',
  'scope-unknown': '{{member}} holds {{role}} here and {{otherRole}} through {{other}}; where one of the targets sits is known only after apply.',
};

/** Reports every grant of a separation-of-duties conflict: `holds-both` as a finding, the open kinds as unknown. */
export function reportDutyConflicts(context: RuleContext<DutyConflictKind>, first: (role: string) => boolean, second: (role: string) => boolean): void {
  if (liveGrants(context.model).length === 0) {
    context.notApplicable('no IAM grants in the input');
    return;
  }
  for (const c of dutyConflicts(context.model, first, second)) {
    // The model id names the stack too when the input is a cdktf.out directory.
    const other = c.other.resourceId;
    const data = { member: c.member.display, role: c.role.display, otherRole: c.otherRole.display, other };
    if (c.kind === 'holds-both') context.report(c.resource, c.kind, data, { path: c.grant.path });
    else context.unknown(c.resource, c.kind, data, { path: c.grant.path });
  }
}
