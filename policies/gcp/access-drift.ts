/**
 * Access drift: the (target, role, member, condition) grants of the live organization (an asset export)
 * against those the code declares. One comparable form for both sides:
 * - targets: `organizations/<n>`, `folders/<n>`, `projects/<id>` (exports' numbers mapped to ids by the
 *   loader), and `<terraform type>:<last name segment>` for a resource (a bucket, dataset, secret, key);
 * - members in lower case (IAM compares them case-insensitively); conditions by expression, white space
 *   collapsed; roles as written.
 * A declared value known only after apply (a folder the baseline creates, a service account's email)
 * matches any live value in its place: drift is only reported where the code says something else.
 */
import { isAdminRole, PRIVILEGED_ROLES, SA_IMPERSONATION_ROLES, SECRET_ACCESS_ROLE, KMS_KEY_USE_ROLES } from '../catalog/roles';
import type { Grant, GrantCondition, Model } from '../engine/model';
import type { DeclaredAccess, RuleContext, Severity } from '../engine/rule';
import { lastSegment } from '../engine/values';
import { LEVEL_PREFIX, liveGrants, memberIdentity, targetIdentity } from './iam-grants';

/** A grant in comparable form; undefined fields (declared side only) match anything. */
export type Access = Omit<DeclaredAccess, 'address'>;

/** `request.time < timestamp("...")` and `request.time<timestamp("...")` are one condition. */
export function comparableCondition(condition: GrantCondition | undefined): string | undefined {
  if (condition === undefined) return '';
  if (condition.expression === undefined) return condition.title === undefined ? '' : undefined;
  return condition.expression.replace(/\s+/g, ' ').replace(/\s*([()<>=!&|,.])\s*/g, '$1').trim();
}

/** Where a grant applies, comparably; undefined when only apply can tell. */
function targetKey(model: Model, grant: Grant): string | undefined {
  const identity = targetIdentity(model, grant);
  if (identity.state !== 'known') return undefined;
  const { level, type } = grant.target;
  return level === 'resource' ? `${type}:${lastSegment(identity.key)}` : `${LEVEL_PREFIX[level]}${identity.key}`;
}

/** A grant in comparable form, or undefined when its role is not known (nothing to compare). */
export function accessOf(model: Model, grant: Grant): Access | undefined {
  if (grant.role.state !== 'known') return undefined;
  const member = memberIdentity(grant);
  return {
    target: targetKey(model, grant),
    level: grant.target.level,
    targetType: grant.target.type,
    role: grant.role.value,
    member: member.state === 'known' ? member.key : undefined,
    condition: comparableCondition(grant.condition),
  };
}

/** The access a declared input (cdktf.out, cdk.tf.json, plan) gives once applied. */
export function declaredAccessOf(model: Model): DeclaredAccess[] {
  const out: DeclaredAccess[] = [];
  for (const grant of liveGrants(model)) {
    const access = accessOf(model, grant);
    if (access) out.push({ ...access, address: model.byId(grant.resourceId)?.address ?? grant.resourceId });
  }
  return out;
}

/** Whether `pattern` (undefined fields match anything) covers `access`. */
export function covers(pattern: Access, access: Access): boolean {
  return (
    pattern.role === access.role &&
    pattern.level === access.level &&
    pattern.targetType === access.targetType &&
    (pattern.target === undefined || access.target === undefined || pattern.target === access.target) &&
    (pattern.member === undefined || access.member === undefined || pattern.member === access.member) &&
    (pattern.condition === undefined || access.condition === undefined || pattern.condition === access.condition)
  );
}

/** Accesses indexed by role, for asking "is this one among them?" of a large organization. */
export class AccessIndex<A extends Access> {
  private readonly byRole = new Map<string, A[]>();

  constructor(accesses: Iterable<A>) {
    for (const access of accesses) {
      const list = this.byRole.get(access.role);
      if (list) list.push(access);
      else this.byRole.set(access.role, [access]);
    }
  }

  /** The first access that covers or is covered by `access` (undefined fields match either way). */
  find(access: Access): A | undefined {
    return this.byRole.get(access.role)?.find((a) => covers(a, access));
  }
}

/**
 * How much an undeclared grant of a role matters: critical for owner and the roles that administer the
 * hierarchy or IAM itself, high for other admin roles and those that impersonate, read secrets or use
 * keys, low for viewers, medium for the rest.
 */
export function privilegeOf(role: string): Severity {
  if (role === 'roles/owner' || PRIVILEGED_ROLES.includes(role)) return 'critical';
  if (isAdminRole(role) || SA_IMPERSONATION_ROLES.includes(role) || role === SECRET_ACCESS_ROLE || KMS_KEY_USE_ROLES.includes(role)) return 'high';
  if (/(?:^roles\/viewer|^roles\/browser|\.viewer|Viewer)$/.test(role)) return 'low';
  return 'medium';
}

/** True when a project target is still named by number (no id was known to map it to). */
export function isUnmappedProject(access: Access): boolean {
  return access.target !== undefined && /^projects\/\d+$/.test(access.target);
}

/**
 * The declared access to compare a live export with, or undefined (and the rule not applicable) when the
 * input is not an asset export or nothing was declared.
 */
export function declaredAccessToCompare(context: RuleContext<string>): readonly DeclaredAccess[] | undefined {
  if (context.model.kind !== 'asset-export') {
    context.notApplicable('the input is not a Cloud Asset Inventory export');
    return undefined;
  }
  if (context.params.declaredAccess === undefined) {
    context.notApplicable('no declared access to compare with (baseline audit --declared)');
    return undefined;
  }
  return context.params.declaredAccess;
}
