/** Separation of duties: members that hold both of two duties on overlapping scopes (CIS 1.9, 1.12). */
import type { Grant, Model, Resource } from '../engine/model';
import type { RuleContext } from '../engine/rule';
import { grantingResource, type Identity, liveGrants, memberIdentity } from './iam-grants';
import { describeMember, type MemberInfo } from './principals';
import { describeRole, type RoleInfo, roleSatisfies } from './roles';
import { type GrantScope, grantScope, reachesOrganization } from './scopes';

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
 * Candidates indexed by where they apply, to find one whose scope overlaps a given one (see scopesOverlap)
 * without comparing every pair: by own key (the candidate sits at or above `a` when its own key is in `a`'s chain),
 * by every key of its chain (it sits at or below `a`), plus the organization-level and the unplaced ones.
 */
class ScopeIndex {
  private readonly byOwnKey = new Map<string, DutyCandidate[]>();
  private readonly byChainKey = new Map<string, DutyCandidate[]>();
  private readonly organizationLevel: DutyCandidate[] = [];
  private readonly outsideOrganization: DutyCandidate[] = [];
  private readonly unplaced: DutyCandidate[] = [];
  private readonly all: DutyCandidate[] = [];

  add(c: DutyCandidate): void {
    push(this.byOwnKey, c.scope.chain[0], c);
    for (const key of new Set(c.scope.chain)) push(this.byChainKey, key, c);
    if (c.scope.level === 'organization') this.organizationLevel.push(c);
    if (!reachesOrganization(c.scope)) this.outsideOrganization.push(c);
    if (c.scope.unplaced) this.unplaced.push(c);
    this.all.push(c);
  }

  /** A candidate other than `a` whose scope overlaps `a`'s for certain, or also possibly when `orUnknown`. */
  find(a: DutyCandidate, orUnknown: boolean): DutyCandidate | undefined {
    const lists: (readonly DutyCandidate[] | undefined)[] = a.scope.chain.map((k) => this.byOwnKey.get(k));
    lists.push(this.byChainKey.get(a.scope.chain[0]));
    if (a.scope.level === 'organization') lists.push(this.outsideOrganization);
    if (!reachesOrganization(a.scope)) lists.push(this.organizationLevel);
    if (orUnknown) lists.push(a.scope.unplaced ? this.all : this.unplaced);
    for (const list of lists) {
      // At most two look-ups per list: `a` itself is skipped, and any other one will do.
      const found = list?.find((c) => c !== a);
      if (found) return found;
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Duty = 'first' | 'second' | 'open';

/** The candidates of each duty, indexed by scope. */
type DutyIndexes = Record<Duty, ScopeIndex>;

function dutyIndexes(): DutyIndexes {
  return { first: new ScopeIndex(), second: new ScopeIndex(), open: new ScopeIndex() };
}

/** The groups a member identity may be the same as, without being certainly the same (see sameIdentity). */
const MAYBE_SAME: Readonly<Record<Identity['state'], readonly Identity['state'][]>> = {
  known: ['reference', 'expression', 'unknown'],
  reference: ['known', 'expression', 'unknown'],
  expression: ['known', 'reference', 'expression', 'unknown'],
  unknown: ['known', 'reference', 'expression', 'unknown'],
};

/** The key of the group of grants certainly to one member; undefined when the member is known only after apply. */
function groupKey(member: Identity): string | undefined {
  return member.state === 'unknown' ? undefined : `${member.state}:${member.key}`;
}

/**
 * Separation of duties (CIS 1.9, 1.12): grants by which one member holds a role of the first duty and a
 * role of the second at overlapping scopes (the same target, or one containing the other, down the hierarchy
 * org > folder > project > key ring > key or service account). Returns one entry per live grant involved, on
 * both sides of each conflict: a certain conflict wins over an open one.
 *
 * Linear in the number of grants: each grant looks for its partner in indexes by member and scope, instead of
 * being paired with every other grant (32k grants took over a minute that way).
 */
export function dutyConflicts(model: Model, first: (role: string) => boolean, second: (role: string) => boolean): DutyConflict[] {
  const candidates: DutyCandidate[] = [];
  const byMember = new Map<string, DutyIndexes>();
  const byState = new Map<Identity['state'], DutyIndexes>();
  for (const grant of liveGrants(model)) {
    const role = describeRole(model, grant.role);
    const isFirst = roleSatisfies(role, first);
    const isSecond = roleSatisfies(role, second);
    if (isFirst === 'no' && isSecond === 'no') continue;
    const duty = isFirst === 'yes' ? 'first' : isSecond === 'yes' ? 'second' : undefined;
    const candidate: DutyCandidate = { grant, role, duty, member: memberIdentity(grant), scope: grantScope(model, grant) };
    candidates.push(candidate);
    const group = groupKey(candidate.member);
    if (group !== undefined) indexesAt(byMember, group)[duty ?? 'open'].add(candidate);
    indexesAt(byState, candidate.member.state)[duty ?? 'open'].add(candidate);
  }
  const conflicts: DutyConflict[] = [];
  for (const self of candidates) {
    const partner = partnerOf(self, byMember, byState);
    if (partner === undefined) continue;
    conflicts.push({
      grant: self.grant,
      resource: grantingResource(model, self.grant),
      role: self.role,
      member: describeMember(model, self.grant.member),
      kind: partner.kind,
      other: partner.other.grant,
      otherRole: partner.other.role,
    });
  }
  return conflicts;
}

function indexesAt<K>(map: Map<K, DutyIndexes>, key: K): DutyIndexes {
  let indexes = map.get(key);
  if (!indexes) map.set(key, (indexes = dutyIndexes()));
  return indexes;
}

/**
 * The strongest conflict of one grant: a certain one (same member, other duty, overlapping scope) first, then
 * the open ones. Two roles both known only after apply conflict only for one member at one place.
 */
function partnerOf(self: DutyCandidate, byMember: Map<string, DutyIndexes>, byState: Map<Identity['state'], DutyIndexes>): { kind: DutyConflictKind; other: DutyCandidate } | undefined {
  const group = groupKey(self.member);
  const same = group === undefined ? undefined : byMember.get(group);
  const maybeSame = MAYBE_SAME[self.member.state].map((s) => byState.get(s)).filter((i): i is DutyIndexes => i !== undefined);
  const others: Duty[] = self.duty === undefined ? ['first', 'second'] : [self.duty === 'first' ? 'second' : 'first'];
  const search: [DutyConflictKind, DutyIndexes | undefined, Duty, boolean][] = [];
  if (self.duty !== undefined) {
    search.push(['holds-both', same, others[0], false], ['scope-unknown', same, others[0], true], ['role-unknown', same, 'open', true]);
    for (const indexes of maybeSame) search.push(['member-unknown', indexes, others[0], true], ['role-unknown', indexes, 'open', true]);
  } else {
    search.push(['role-unknown', same, 'open', false]);
    for (const duty of others) search.push(['role-unknown', same, duty, true]);
    for (const indexes of maybeSame) for (const duty of others) search.push(['role-unknown', indexes, duty, true]);
  }
  for (const [kind, indexes, duty, orUnknown] of search) {
    const other = indexes?.[duty].find(self, orUnknown);
    if (other) return { kind, other };
  }
  return undefined;
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
