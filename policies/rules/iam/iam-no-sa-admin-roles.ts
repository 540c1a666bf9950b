/**
 * A service account's key or token is a credential that leaks with the workload; it must not carry
 * administrative power (CIS 1.6): no `*Admin` / `*.admin` role, no roles/editor, no roles/owner.
 */
import { isAdminRole } from '../../catalog/roles';
import { describeMember, memberIsKind } from '../../gcp/principals';
import { describeRole, roleSatisfies } from '../../gcp/roles';
import { eachLiveGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-no-sa-admin-roles',
    description: 'Grant no admin role, roles/editor or roles/owner to a service account.',
    severity: 'high',
    category: 'iam',
    controls: ['CIS GCP 1.6'],
    messages: {
      'sa-admin-role': 'Grants admin-level role {{role}} to service account {{member}}.',
      'role-unknown': 'Grants a role known only after apply ({{role}}) to {{member}}; it may be an admin role held by a service account.',
      'member-unknown': 'Grants admin-level role {{role}} to a member known only after apply ({{member}}); it may be a service account.',
    },
    help:
      'Workloads run as service accounts, so whoever controls the workload (or steals its credentials) holds ' +
      'the account\'s roles. An admin role, roles/editor or roles/owner turns one compromised workload into ' +
      'control of the project or organization (CIS GCP 1.6). Grant the service account the narrow predefined ' +
      'or custom roles its task needs, and run administration through people in groups.',
  },
  check(context) {
    eachLiveGrant(context, (grant, resource) => {
      const member = describeMember(context.model, grant.member);
      const role = describeRole(context.model, grant.role);
      const admin = roleSatisfies(role, isAdminRole);
      const serviceAccount = memberIsKind(member, 'serviceAccount');
      const data = { role: role.display, member: member.display };
      const options = { path: grant.path };
      if (admin === 'no' || serviceAccount === 'no') return;
      if (admin === 'unknown') context.unknown(resource, 'role-unknown', data, options);
      else if (serviceAccount === 'unknown') context.unknown(resource, 'member-unknown', data, options);
      else context.report(resource, 'sa-admin-role', data, options);
    });
  },
});
