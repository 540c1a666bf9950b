/**
 * The default Compute Engine and App Engine service accounts are shared by every workload that does not
 * name its own, and are created with roles/editor unless the org policy
 * iam.automaticIamGrantsForDefaultServiceAccounts stops it. Granting them more widens every one of those workloads.
 */
import { describeMember } from '../../gcp/principals';
import { describeRole } from '../../gcp/roles';
import { eachLiveGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-no-default-sa-grants',
    description: 'Grant no roles to the default Compute Engine or App Engine service accounts.',
    severity: 'high',
    category: 'iam',
    controls: [],
    messages: {
      'default-sa-grant': 'Grants {{role}} to the default service account {{member}}.',
      'member-unknown': 'Grants {{role}} to a service account known only after apply ({{member}}); it may be a default service account.',
    },
    help:
      'Every VM, Cloud Function or App Engine app that does not name a service account runs as the project\'s ' +
      'default one, so a role granted to it is a role granted to all of them. Create a dedicated service account ' +
      'per workload (google_service_account), grant that account the roles it needs, and enforce the organization ' +
      'policy iam.automaticIamGrantsForDefaultServiceAccounts.',
  },
  check(context) {
    eachLiveGrant(context, (grant, resource) => {
      const member = describeMember(context.model, grant.member);
      const data = { role: describeRole(context.model, grant.role).display, member: member.display };
      const options = { path: grant.path };
      if (member.defaultServiceAccount === 'yes') context.report(resource, 'default-sa-grant', data, options);
      else if (member.defaultServiceAccount === 'unknown' && member.unknown) context.unknown(resource, 'member-unknown', data, options);
    });
  },
});
