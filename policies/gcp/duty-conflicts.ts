/** Separation of duties: members that hold both of two duties on overlapping scopes (CIS 1.9, 1.12). */
import type { Grant, Model, Resource } from '../engine/model';
import type { RuleContext } from '../engine/rule';
import { grantingResource, type Identity, liveGrants, memberIdentity, sameIdentity } from './iam-grants';
import { describeMember, type MemberInfo } from './principals';
import { describeRole, type RoleInfo, roleSatisfies } from './roles';
import { type GrantScope, grantScope, scopesOverlap } from './scopes';

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
    if (isFirst === 'no' && isSecond === 'no') continue;
    const duty = isFirst === 'yes' ? 'first' : isSecond === 'yes' ? 'second' : undefined;
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
      const overlap = sameMember === 'no' ? 'no' : scopesOverlap(a.scope, b.scope);
      if (sameMember === 'no' || overlap === 'no') continue;
      const kind: DutyConflictKind =
        a.duty === undefined || b.duty === undefined ? 'role-unknown' : sameMember === 'unknown' ? 'member-unknown' : overlap === 'unknown' ? 'scope-unknown' : 'holds-both';
      // Two roles both known only after apply conflict only if they turn out to be one of each: open, and only for one member at one place.
      if (a.duty === undefined && b.duty === undefined && (sameMember !== 'yes' || overlap !== 'yes')) continue;
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
