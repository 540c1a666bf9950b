/**
 * Only the organization's own identities belong in its IAM policies (CIS 1.2): `user:`, `group:` and
 * `domain:` members of an allowed domain, and Google service accounts (`*.gserviceaccount.com`).
 * The org policy iam.allowedPolicyMemberDomains enforces the same at apply time, by directory customer id;
 * this rule catches it in review, by domain.
 */
import { describeMember, type MemberInfo } from '../../gcp/principals';
import { describeRole } from '../../gcp/roles';
import { eachLiveMemberGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';
import { tri, type Tri } from '../../engine/values';

const DOMAIN_KINDS = new Set(['user', 'group', 'domain', 'serviceAccount']);

/** Whether the member is allowed ('no': foreign; 'unknown': cannot tell before apply). */
function isAllowed(member: MemberInfo, allowed: ReadonlySet<string>): Tri {
  if (member.kind === 'serviceAccount') return member.googleServiceAccount;
  return member.domain === undefined ? 'unknown' : tri(allowed.has(member.domain));
}

export default modelRule({
  meta: {
    id: 'iam-allowed-member-domains',
    description: 'Grant roles only to identities of the allowed member domains and to Google service accounts.',
    severity: 'high',
    category: 'iam',
    controls: ['CIS GCP 1.2'],
    messages: {
      'foreign-domain': 'Grants {{role}} to {{member}}, whose domain {{domain}} is not an allowed member domain ({{allowed}}).',
      'member-unknown': 'Grants {{role}} to a member known only after apply ({{member}}); its domain cannot be checked.',
    },
    help:
      'Identities outside the organization (consumer Gmail accounts, partners\' domains) are not governed by your ' +
      'directory: no offboarding, no 2-step verification policy, no audit of their sign-ins. Grant roles to groups ' +
      'of your own domain, list any other domain you trust in the config under policy.allowedMemberDomains, and ' +
      'enforce the organization policy iam.allowedPolicyMemberDomains (CIS GCP 1.2).',
  },
  check(context) {
    const allowed = new Set(context.params.allowedMemberDomains.map((d) => d.toLowerCase()));
    if (allowed.size === 0) {
      context.notApplicable('no allowed member domains configured');
      return;
    }
    const allowedList = [...allowed].join(', ');
    eachLiveMemberGrant(context, (grant, resource) => {
      const member = describeMember(context.model, grant.member);
      if (member.kind !== undefined && !DOMAIN_KINDS.has(member.kind)) return;
      const verdict: Tri = member.kind === undefined ? 'unknown' : isAllowed(member, allowed);
      const data = { role: describeRole(context.model, grant.role).display, member: member.display, domain: member.domain ?? '?', allowed: allowedList };
      const options = { path: grant.path };
      if (verdict === 'no') context.report(resource, 'foreign-domain', data, options);
      else if (verdict === 'unknown' && member.unknown) context.unknown(resource, 'member-unknown', data, options);
    });
  },
});
