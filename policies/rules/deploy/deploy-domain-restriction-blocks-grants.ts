/**
 * Domain restricted sharing refuses, at apply time, any new IAM grant to a principal outside the allowed
 * directory customers; Google's service agents belong to no customer's directory, and the legacy constraint
 * has no principal exceptions: "to grant a role to a service agent, disable the constraint, grant the role, and
 * re-enable it" (https://cloud.google.com/resource-manager/docs/organization-policy/domain-restricted-sharing).
 * The constraint is not retroactive (it judges IAM policy changes made after it is set), so a grant applied
 * before the policy stands. The managed successor `iam.managed.allowedPolicyMembers` admits the members listed
 * in its `allowedMemberSubjects` parameter.
 */
import type { Grant, Model, Resource } from '../../engine/model';
import { appliedBefore } from '../../engine/order';
import { modelRule } from '../../engine/rule';
import type { Tri } from '../../engine/values';
import { grantingResource } from '../../gcp/iam-grants';
import { DOMAIN_RESTRICTION, MANAGED_MEMBER_RESTRICTION, orgPolicies, type OrgPolicyView } from '../../gcp/org-policies';
import { describeMember, normalizeMember, type MemberInfo } from '../../gcp/principals';
import { describeRole } from '../../gcp/roles';
import { grantScope } from '../../gcp/scopes';

type MessageId = 'grant-refused' | 'grant-may-be-refused';

const RESTRICTIONS = [DOMAIN_RESTRICTION, MANAGED_MEMBER_RESTRICTION] as const;

/** Whether a member is outside every customer directory, and why. */
function outsider(member: MemberInfo): { verdict: Tri; why: string } {
  if (member.kind === 'public') return { verdict: 'yes', why: 'a public principal' };
  if (member.serviceAgent === 'yes') return { verdict: 'yes', why: 'a Google-managed service agent' };
  if (member.kind !== undefined && member.kind !== 'serviceAccount') return { verdict: 'no', why: '' };
  return { verdict: member.serviceAgent, why: 'possibly a Google-managed service agent' };
}

/** Whether a restriction policy refuses the member: the legacy constraint refuses every outsider; the managed one admits listed subjects. */
function refuses(policy: OrgPolicyView, memberText: string | undefined): Tri {
  if (policy.constraint !== MANAGED_MEMBER_RESTRICTION) return 'yes';
  if (policy.parameters === 'unknown') return 'unknown';
  const listed = policy.parameters.flatMap((p) => (Array.isArray(p.allowedMemberSubjects) ? p.allowedMemberSubjects : []));
  if (memberText === undefined) return listed.length > 0 ? 'unknown' : 'yes';
  return listed.some((s) => typeof s === 'string' && normalizeMember(s) === normalizeMember(memberText)) ? 'no' : 'yes';
}

/** Whether a policy restricts members where it is set: an allow-list (legacy) or enforcement (managed), or a policy whose constraint is open. */
function restricts(policy: OrgPolicyView): Tri {
  if (policy.constraint === undefined) return policy.enforced === 'no' && policy.allowList === 'no' ? 'no' : 'unknown';
  return policy.constraint === DOMAIN_RESTRICTION ? policy.allowList : policy.enforced;
}

/**
 * The policies of one constraint in effect on a scope: the nearest policy up the chain decides (a lower one
 * that lifts the constraint, by reset or allow-all, is an exception for everything below it); one that
 * neither restricts nor lifts passes the question up. Policies whose node is open may apply anywhere.
 */
function inEffect(chain: readonly string[], policies: readonly OrgPolicyView[]): { policy: OrgPolicyView; certain: boolean }[] {
  const reachesOrganization = chain.some((k) => k.startsWith('organizations/'));
  const placed = policies.filter((p) => p.nodeKey !== undefined);
  const found: { policy: OrgPolicyView; certain: boolean }[] = policies.filter((p) => p.nodeKey === undefined && restricts(p) !== 'no').map((policy) => ({ policy, certain: false }));
  let certain = true;
  for (const key of chain) {
    for (const policy of placed.filter((p) => p.nodeKey === key)) {
      if (policy.lifted === 'yes') return found;
      if (policy.lifted === 'unknown') certain = false;
      const restriction = restricts(policy);
      if (restriction === 'no') continue;
      found.push({ policy, certain: certain && restriction === 'yes' });
      return found;
    }
  }
  // The input is taken to be one organization: a scope whose place is not shown is inside it.
  if (!reachesOrganization) {
    const atOrganization = placed.filter((p) => p.nodeKey!.startsWith('organizations/') && p.lifted !== 'yes' && restricts(p) !== 'no');
    found.push(...atOrganization.map((policy) => ({ policy, certain: certain && restricts(policy) === 'yes' && policy.lifted === 'no' })));
  }
  return found;
}

/** A grant this apply makes anew (creates or replaces; not one it adopts with an import block). */
function isNewGrant(model: Model, grant: Grant): boolean {
  if (grant.action !== 'create' && grant.action !== 'replace') return false;
  return !grantingResource(model, grant).importing;
}

/** The policy is created by this apply, after the grant: the grant is made while nothing restricts it yet. */
function grantComesFirst(model: Model, granting: Resource, policy: Resource): boolean {
  return policy.action === 'create' && !policy.importing && appliedBefore(model, granting, policy);
}

export default modelRule<MessageId>({
  meta: {
    id: 'deploy-domain-restriction-blocks-grants',
    description: 'Grant nothing to a service agent or public principal where domain restricted sharing will refuse it at apply.',
    severity: 'high',
    category: 'deploy',
    controls: [],
    messages: {
      'grant-refused':
        '{{constraint}} ({{policy}}) refuses {{member}}, {{why}}: granting {{role}} here fails at apply with "One or more users named in the policy do not belong to a permitted customer".',
      'grant-may-be-refused': 'Whether {{constraint}} ({{policy}}) refuses {{member}} ({{why}}) is known only after apply; if it does, granting {{role}} here fails.',
    },
    help:
      'With `iam.allowedPolicyMemberDomains` in effect, IAM accepts new grants only to principals of the allowed directory customers. Google-managed service agents (log sink writer identities, the Cloud Storage, Pub/Sub, Secret Manager and Logging agents that use a CMEK key) and `allUsers` / `allAuthenticatedUsers` belong to none, and the legacy constraint has no principal exceptions. The constraint is not retroactive, so in one configuration: make the organization policy wait for the grants (`depends_on`, or in cdktf put the policy in a stack that `addDependency`s the granting stacks); or use `iam.managed.allowedPolicyMembers` and list the agent in `allowedMemberSubjects`; or override the policy (reset or allow-all) on the project or folder that needs the grant. A later re-creation of such a grant will be refused again: keep the order in the code.',
  },
  check(context) {
    const { model, params } = context;
    const restrictions = orgPolicies(model, params.organizationId).filter(
      (p) => p.constraint === undefined || (RESTRICTIONS as readonly string[]).includes(p.constraint),
    );
    if (restrictions.length === 0) {
      context.notApplicable('no iam.allowedPolicyMemberDomains or iam.managed.allowedPolicyMembers policy in the input');
      return;
    }
    for (const grant of model.grants) {
      if (!isNewGrant(model, grant)) continue;
      const member = describeMember(model, grant.member);
      const out = outsider(member);
      if (out.verdict === 'no') continue;
      const granting = grantingResource(model, grant);
      const chain = grantScope(model, grant).chain;
      const memberText = grant.member.state === 'known' ? grant.member.value : undefined;
      for (const { policy, certain } of inEffect(chain, restrictions)) {
        if (grantComesFirst(model, granting, policy.resource)) continue;
        const refused = refuses(policy, memberText);
        if (refused === 'no') continue;
        const data = { constraint: policy.constraint ?? '(constraint known after apply)', policy: policy.resource.id, member: member.display, why: out.why, role: describeRole(model, grant.role).display };
        if (certain && out.verdict === 'yes' && refused === 'yes') context.report(granting, 'grant-refused', data, { path: grant.path });
        else context.unknown(granting, 'grant-may-be-refused', data, { path: grant.path });
        break;
      }
    }
  },
});
