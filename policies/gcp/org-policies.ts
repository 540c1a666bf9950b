/**
 * Organization policies as both resource generations write them: `google_org_policy_policy` (the v2 API, at
 * an organization, folder or project `parent`) and the legacy `google_organization_policy`,
 * `google_folder_organization_policy` and `google_project_organization_policy`. Only `spec` is read: a
 * `dry_run_spec` enforces nothing (https://cloud.google.com/resource-manager/docs/organization-policy/dry-run-policy).
 */
import { get, type Model, type Resource, type Value } from '../engine/model';
import { anyYes, surviving, writtenText, type Tri } from '../engine/values';
import { isOrganizationParent, nodeKeyOf } from './ancestry';

/** CIS GCP 1.2's list constraint: IAM members only from the listed directory customers. */
export const DOMAIN_RESTRICTION = 'iam.allowedPolicyMemberDomains';
/** Its managed successor: only the listed members and principal sets (parameters `allowedMemberSubjects`, `allowedPrincipalSets`). */
export const MANAGED_MEMBER_RESTRICTION = 'iam.managed.allowedPolicyMembers';

export interface OrgPolicyView {
  readonly resource: Resource;
  /** The constraint without `constraints/`; undefined when the name is known only after apply. */
  readonly constraint?: string;
  /** `organizations/1`, `folders/2`, `projects/p`: the node it is set on; undefined when only apply can tell. */
  readonly nodeKey?: string;
  readonly atOrganization: Tri;
  /** An unconditional rule enforces the constraint (boolean and managed constraints). */
  readonly enforced: Tri;
  /** An unconditional rule lists allowed values (list constraints). */
  readonly allowList: Tri;
  /** The unconditional allowed values; 'unknown' when any is known only after apply. */
  readonly allowedValues: readonly string[] | 'unknown';
  /**
   * The policy lifts the constraint here and below: `spec.reset` / `restore_policy.default` (back to Google's
   * default, unrestricted for the IAM member constraints) or an unconditional `allow_all` / `allow.all`.
   */
  readonly lifted: Tri;
  /**
   * The policy turns the constraint off here and below, whatever is enforced above: a lift (see `lifted`), a
   * rule that says `enforce = false` (conditional or not: where it applies it wins over the parent), a legacy
   * `boolean_policy.enforced = false`, or `inherit_from_parent = false` with nothing of its own enforced, listed
   * or denied. Policies are evaluated from the node up, and a policy that does not inherit replaces its
   * parents' (https://cloud.google.com/resource-manager/docs/organization-policy/understanding-hierarchy).
   */
  readonly turnedOff: Tri;
  /** The parameters of unconditional enforcing rules (managed constraints), parsed; 'unknown' when not readable before apply. */
  readonly parameters: readonly Readonly<Record<string, unknown>>[] | 'unknown';
}

function truthy(value: Value<unknown>): Tri {
  if (value.state === 'unknown') return 'unknown';
  return value.state === 'known' && (value.value === true || value.value === 'TRUE' || value.value === 'true') ? 'yes' : 'no';
}

/** An explicit `false` (not an absent value, which leaves the decision to the parent). */
function explicitlyFalse(value: Value<unknown>): Tri {
  if (value.state === 'unknown') return 'unknown';
  return value.state === 'known' && (value.value === false || value.value === 'FALSE' || value.value === 'false') ? 'yes' : 'no';
}

/** Not inheriting, with nothing of its own: the constraint is off from this node down. */
function standsAloneWithNothing(inherit: Value<unknown>, ...own: Tri[]): Tri {
  const notInheriting = explicitlyFalse(inherit);
  if (notInheriting === 'no' || own.includes('yes')) return 'no';
  return notInheriting === 'yes' && own.every((t) => t === 'no') ? 'yes' : 'unknown';
}

function listLength(resource: Resource, path: string): Value<number> {
  const list = get<unknown[]>(resource, path);
  if (list.state === 'known') return { state: 'known', value: Array.isArray(list.value) ? list.value.length : 1 };
  return list;
}

function hasItems(value: Value<number>): Tri {
  if (value.state === 'unknown') return 'unknown';
  return value.state === 'known' && value.value > 0 ? 'yes' : 'no';
}

/** A conditional rule applies only where its condition matches: it neither enforces nor lifts everywhere. */
function unconditional(conditional: Tri, t: Tri): Tri {
  if (conditional === 'no') return t;
  return conditional === 'yes' || t === 'no' ? 'no' : 'unknown';
}

function stringList(resource: Resource, path: string): readonly string[] | 'unknown' {
  const list = get<unknown>(resource, path);
  if (list.state === 'absent') return [];
  if (list.state === 'unknown' || !Array.isArray(list.value)) return list.state === 'unknown' ? 'unknown' : [];
  return list.value.some((v) => typeof v !== 'string' || v.includes('${')) ? 'unknown' : (list.value as string[]);
}

function parseParameters(value: Value<unknown>): Readonly<Record<string, unknown>> | 'unknown' | undefined {
  if (value.state === 'absent') return undefined;
  if (value.state === 'unknown') return 'unknown';
  if (typeof value.value === 'object' && value.value !== null && !Array.isArray(value.value)) return value.value as Record<string, unknown>;
  if (typeof value.value !== 'string') return 'unknown';
  try {
    const parsed = JSON.parse(value.value) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `google_org_policy_policy`: enforcement, allow-lists and parameters live in unconditional `spec.rules`. */
function fromPolicyV2(model: Model, resource: Resource, organizationId: string | undefined): OrgPolicyView {
  const last = /\/policies\/([^/]+)$/.exec(writtenText(get<string>(resource, 'name')) ?? '')?.[1];
  const constraint = last && !last.includes('${') ? last : undefined;
  const rules = listLength(resource, 'spec.rules');
  const reset = truthy(get(resource, 'spec.reset'));
  let enforced: Tri = rules.state === 'unknown' ? 'unknown' : 'no';
  let allowList: Tri = enforced;
  let allowAll: Tri = enforced;
  let allowedValues: string[] | 'unknown' = rules.state === 'unknown' ? 'unknown' : [];
  let parameters: Record<string, unknown>[] | 'unknown' = rules.state === 'unknown' ? 'unknown' : [];
  let enforceFalse: Tri = rules.state === 'unknown' ? 'unknown' : 'no';
  let denyAll: Tri = enforceFalse;
  if (rules.state === 'known') {
    const states = Array.from({ length: rules.value }, (_, i) => {
      const base = `spec.rules.${i}`;
      const conditional = hasItems(listLength(resource, `${base}.condition`));
      const values = stringList(resource, `${base}.values.allowed_values`);
      const enforces = unconditional(conditional, truthy(get(resource, `${base}.enforce`)));
      if (conditional !== 'yes') {
        if (values === 'unknown' || conditional === 'unknown') allowedValues = 'unknown';
        else if (allowedValues !== 'unknown') allowedValues.push(...values);
        if (enforces !== 'no') {
          const parsed = parseParameters(get(resource, `${base}.parameters`));
          if (parsed === 'unknown' || enforces === 'unknown') parameters = 'unknown';
          else if (parsed !== undefined && parameters !== 'unknown') parameters.push(parsed);
        }
      }
      return {
        enforced: enforces,
        allowList: unconditional(conditional, hasItems(listLength(resource, `${base}.values.allowed_values`))),
        allowAll: unconditional(conditional, truthy(get(resource, `${base}.allow_all`))),
      };
    });
    enforced = anyYes(states.map((s) => s.enforced));
    allowList = anyYes(states.map((s) => s.allowList));
    allowAll = anyYes(states.map((s) => s.allowAll));
    enforceFalse = anyYes(states.map((_, i) => explicitlyFalse(get(resource, `spec.rules.${i}.enforce`))));
    denyAll = anyYes(states.map((_, i) => truthy(get(resource, `spec.rules.${i}.deny_all`))));
  }
  const lifted = anyYes([reset, allowAll]);
  return {
    resource,
    constraint,
    nodeKey: nodeKeyOf(model, resource, 'parent', 'organizations'),
    atOrganization: isOrganizationParent(get(resource, 'parent'), organizationId),
    enforced,
    allowList,
    allowedValues,
    lifted,
    turnedOff: anyYes([lifted, enforceFalse, standsAloneWithNothing(get(resource, 'spec.inherit_from_parent'), enforced, allowList, denyAll)]),
    parameters,
  };
}

/** Legacy resources and the attribute naming their node. */
const LEGACY_TYPES: Readonly<Record<string, { readonly attribute: string; readonly prefix: 'organizations' | 'folders' | 'projects' }>> = {
  google_organization_policy: { attribute: 'org_id', prefix: 'organizations' },
  google_folder_organization_policy: { attribute: 'folder', prefix: 'folders' },
  google_project_organization_policy: { attribute: 'project', prefix: 'projects' },
};

/** Legacy resources: `boolean_policy.enforced`, `list_policy.allow.values` / `allow.all`, `restore_policy.default`. */
function fromLegacyPolicy(model: Model, resource: Resource, organizationId: string | undefined): OrgPolicyView {
  const where = LEGACY_TYPES[resource.type];
  const written = writtenText(get<string>(resource, 'constraint'));
  const constraint = written && !written.includes('${') ? written.replace(/^constraints\//, '') : undefined;
  let atOrganization: Tri = 'no';
  if (where.prefix === 'organizations') {
    const orgId = get<string>(resource, 'org_id');
    // The organization resource always sits at an organization; only which one can be open.
    atOrganization =
      orgId.state === 'known'
        ? isOrganizationParent({ state: 'known', value: `organizations/${orgId.value}` }, organizationId)
        : organizationId === undefined ? 'yes' : 'unknown';
  }
  const lifted = anyYes([truthy(get(resource, 'restore_policy.default')), truthy(get(resource, 'list_policy.allow.all'))]);
  const allowList = hasItems(listLength(resource, 'list_policy.allow.values'));
  return {
    resource,
    constraint,
    nodeKey: nodeKeyOf(model, resource, where.attribute, where.prefix),
    atOrganization,
    enforced: truthy(get(resource, 'boolean_policy.enforced')),
    allowList,
    allowedValues: stringList(resource, 'list_policy.allow.values'),
    lifted,
    turnedOff: anyYes([
      lifted,
      explicitlyFalse(get(resource, 'boolean_policy.enforced')),
      standsAloneWithNothing(get(resource, 'list_policy.inherit_from_parent'), allowList, hasItems(listLength(resource, 'list_policy.deny.values')), truthy(get(resource, 'list_policy.deny.all'))),
    ]),
    parameters: [],
  };
}

/** Every organization policy that survives the change, at any level. */
export function orgPolicies(model: Model, organizationId: string | undefined): OrgPolicyView[] {
  return [
    ...surviving(model.byType('google_org_policy_policy')).map((r) => fromPolicyV2(model, r, organizationId)),
    ...Object.keys(LEGACY_TYPES).flatMap((type) => surviving(model.byType(type)).map((r) => fromLegacyPolicy(model, r, organizationId))),
  ];
}
