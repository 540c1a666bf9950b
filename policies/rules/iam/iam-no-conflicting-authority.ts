/**
 * `*_iam_policy` owns a resource's whole IAM policy and `*_iam_binding` owns every member of one role
 * (with one condition); `*_iam_member` adds one member. Two owners of the same thing, or an owner and an
 * adder, undo each other on every apply: access flaps, and what the plan shows is not what will hold.
 */
import type { Grant, Resource } from '../../engine/model';
import { describeRole } from '../../gcp/roles';
import { displayValue } from '../../gcp/principals';
import { liveGrants, grantingResource, sameTarget, targetIdentity, type TargetIdentity } from '../../gcp/iam-grants';
import { modelRule, type RuleContext } from '../../engine/rule';

type MessageId = 'policy-conflict' | 'binding-member-conflict' | 'duplicate-binding' | 'target-unknown' | 'role-unknown';

/** One IAM resource and what it manages. */
interface Manager {
  /** Input order, to order pairs. */
  readonly index: number;
  readonly resource: Resource;
  readonly kind: Grant['kind'];
  readonly target: TargetIdentity;
  readonly targetDisplay: string;
  /** Role name (undefined when known only after apply) and condition: what a binding owns or a member adds to. */
  readonly role?: string;
  readonly roleUnknown: boolean;
  readonly condition: string;
  /** Index keys, built once per manager (a large org has tens of thousands): the target, and role with condition. */
  readonly targetKey?: string;
  readonly roleKey: string;
}

function managersOf(context: RuleContext<MessageId>): Manager[] {
  const first = new Map<string, Grant>();
  for (const grant of liveGrants(context.model)) if (!first.has(grant.resourceId)) first.set(grant.resourceId, grant);
  return [...first.values()].map((grant, index) => {
    const role = describeRole(context.model, grant.role);
    const target = targetIdentity(context.model, grant);
    const condition = `${grant.condition?.title ?? ''}|${grant.condition?.expression ?? ''}`;
    return {
      index,
      resource: grantingResource(context.model, grant),
      kind: grant.kind,
      target,
      targetDisplay: `${grant.target.type} ${displayValue(grant.target.id)}`,
      role: role.name,
      roleUnknown: role.unknown && role.name === undefined,
      condition,
      targetKey: target.state === 'unknown' ? undefined : `${target.state}|${target.key}`,
      roleKey: `${role.name}|${condition}`,
    };
  });
}

/**
 * The conflict two managers of the same target would have: its message id, 'role-unknown', or none. `a` starts
 * the pair, so it ranks at least as high as `b` (startsPair): a policy, or a binding beside a binding or member.
 */
function conflictBetween(a: Manager, b: Manager): MessageId | undefined {
  if (a.kind === 'policy') return 'policy-conflict';
  if (a.roleUnknown || b.roleUnknown) return 'role-unknown';
  if (a.role !== b.role || a.condition !== b.condition) return undefined;
  return b.kind === 'binding' ? 'duplicate-binding' : 'binding-member-conflict';
}

// ACL entries are not in model.grants (an ACL does not manage the IAM policy); ranked as additive for completeness.
const RANK: Readonly<Record<Grant['kind'], number>> = { policy: 2, binding: 1, member: 0, acl: 0 };

/** Each pair is looked at once, from its more authoritative side (then the earlier one): members never start a pair. */
function startsPair(a: Manager, b: Manager): boolean {
  return RANK[a.kind] > RANK[b.kind] || (RANK[a.kind] === RANK[b.kind] && a.index < b.index);
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The pairs of one target type that may conflict, found through indexes rather than by comparing every pair
 * (a project can carry thousands of members): managers of the same target, narrowed by role for bindings,
 * plus every manager whose target may or may not be the same (a literal against a computed id, a token).
 */
function* candidatePairs(bucket: readonly Manager[]): Generator<[Manager, Manager]> {
  const sameTargetAll = new Map<string, Manager[]>();
  const sameTargetRole = new Map<string, Manager[]>();
  const roleUnknownOnTarget = new Map<string, Manager[]>();
  const byState = new Map<string, Manager[]>();
  for (const m of bucket) {
    push(byState, m.target.state, m);
    const key = m.targetKey;
    if (key === undefined) continue;
    push(sameTargetAll, key, m);
    if (m.roleUnknown) push(roleUnknownOnTarget, key, m);
    else push(sameTargetRole, `${key}|${m.roleKey}`, m);
  }
  for (const a of bucket) {
    if (a.kind === 'member') continue;
    const key = a.targetKey;
    const same =
      key === undefined ? [] : a.kind === 'policy' || a.roleUnknown ? sameTargetAll.get(key)! : [...sameTargetRole.get(`${key}|${a.roleKey}`)!, ...(roleUnknownOnTarget.get(key) ?? [])];
    for (const b of same) if (b !== a && startsPair(a, b)) yield [a, b];
    // Undecided pairs only arise across identity states (or between tokens), so look only there.
    const others = [...byState.keys()].filter((state) => state !== a.target.state || state === 'expression' || state === 'unknown');
    for (const state of others) {
      for (const b of byState.get(state)!) if (b !== a && startsPair(a, b) && sameTarget(a.target, b.target) === 'unknown') yield [a, b];
    }
  }
}

export default modelRule<MessageId>({
  meta: {
    id: 'iam-no-conflicting-authority',
    description: 'Manage each IAM policy, or each role in it, through one authoritative resource or through additive members, never both.',
    severity: 'high',
    category: 'iam',
    controls: [],
    messages: {
      'policy-conflict': 'The authoritative IAM policy of {{target}} is also managed by {{other}}; each apply undoes the other.',
      'binding-member-conflict': 'Role {{role}} on {{target}} is set authoritatively and also added to by {{other}}; each apply undoes the other.',
      'duplicate-binding': 'Role {{role}} on {{target}} is set authoritatively by this resource and by {{other}}; each apply undoes the other.',
      'target-unknown': 'Whether {{other}} manages the same {{type}} as this resource is known only after apply; if so, they conflict.',
      'role-unknown': 'This resource and {{other}} manage {{target}} and a role known only after apply; if the roles match, they conflict.',
    },
    help:
      'google_*_iam_policy replaces the whole policy and google_*_iam_binding replaces the member list of one role, ' +
      'so another resource managing the same policy (or the same role, with the same condition) is undone on every ' +
      'apply and redone on the next: access flaps and reviews read the wrong state. Use one style per target: ' +
      '*_iam_member for additive grants (the baseline\'s choice), or one *_iam_binding per role, or one *_iam_policy.',
  },
  check(context) {
    const managers = managersOf(context);
    if (managers.length === 0) return context.notApplicable('no IAM grants in the input');
    const reportBoth = (a: Manager, b: Manager, messageId: MessageId, unknown: boolean) => {
      for (const [self, other] of [[a, b], [b, a]] as const) {
        const data = { target: self.targetDisplay, type: self.target.type, role: self.role ?? '(known after apply)', other: other.resource.id };
        if (unknown) context.unknown(self.resource, messageId, data);
        else context.report(self.resource, messageId, data);
      }
    };
    // Only managers of the same target type can conflict.
    const byType = new Map<string, Manager[]>();
    for (const m of managers) push(byType, m.target.type, m);
    for (const bucket of byType.values()) {
      for (const [a, b] of candidatePairs(bucket)) {
        // candidatePairs yields managers of one target, or of targets only apply can tell apart.
        const same = sameTarget(a.target, b.target);
        const conflict = conflictBetween(a, b);
        if (conflict === undefined) continue;
        if (same === 'unknown') reportBoth(a, b, 'target-unknown', true);
        else reportBoth(a, b, conflict, conflict === 'role-unknown');
      }
    }
  },
});
