/**
 * `allUsers` is anyone on the internet, `allAuthenticatedUsers` anyone with any Google account: neither
 * belongs in an organization's IAM policy, on any resource type. For KMS keys and key rings this is CIS 1.10.
 */
import { describeMember } from '../../gcp/principals';
import { describeRole } from '../../gcp/roles';
import { eachLiveMemberGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-no-public-principals',
    description: 'Grant nothing to allUsers or allAuthenticatedUsers, on any resource.',
    severity: 'critical',
    category: 'iam',
    controls: ['CIS GCP 1.10'],
    messages: {
      'public-principal': 'Grants {{role}} on {{target}} to {{member}}, which is anyone on the internet or with a Google account.',
      'member-unknown': 'Grants {{role}} on {{target}} to a member known only after apply ({{member}}); it may be public.',
    },
    help:
      'A grant to allUsers or allAuthenticatedUsers makes the resource reachable by anyone, without an account in ' +
      'your organization; for KMS keys and key rings it is CIS GCP 1.10. Grant the role to the group or service ' +
      'account that needs it. Public content (a website bucket) belongs in a project outside the baseline, with ' +
      'the organization policy storage.publicAccessPrevention lifted only there.',
  },
  check(context) {
    eachLiveMemberGrant(context, (grant, resource) => {
      const member = describeMember(context.model, grant.member);
      const data = { role: describeRole(context.model, grant.role).display, target: grant.target.type, member: member.display };
      const options = { path: grant.path };
      if (member.kind === 'public') context.report(resource, 'public-principal', data, options);
      else if (member.kind === undefined && member.unknown) context.unknown(resource, 'member-unknown', data, options);
    });
  },
});
