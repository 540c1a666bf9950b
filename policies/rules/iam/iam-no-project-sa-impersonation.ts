/**
 * roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator let their holder act as a service
 * account. Granted on a project, folder or the organization they reach every service account below it,
 * present and future (CIS 1.7); granted on one service account they reach only that one.
 */
import { SA_IMPERSONATION_ROLES } from '../../catalog/roles';
import { describeMember } from '../../gcp/principals';
import { describeRole, roleSatisfies } from '../../gcp/roles';
import { eachLiveGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

const HIERARCHY_LEVELS = new Set(['organization', 'folder', 'project']);

export default modelRule({
  meta: {
    id: 'iam-no-project-sa-impersonation',
    description: 'Grant service account impersonation roles on the service account itself, never on a project, folder or organization.',
    severity: 'high',
    category: 'iam',
    controls: ['CIS GCP 1.7'],
    messages: {
      'impersonation-above-sa': 'Grants {{role}} to {{member}} at {{level}} level, so it can act as every service account there.',
      'role-unknown': 'Grants a role known only after apply ({{role}}) to {{member}} at {{level}} level; it may be a service account impersonation role.',
    },
    help:
      'Whoever holds roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator on a project, folder ' +
      'or organization can run code as, or mint tokens for, every service account in it, including ones created ' +
      'later and ones with far more access than the holder (CIS GCP 1.7). Grant the role on the one service ' +
      'account that is needed (google_service_account_iam_member).',
  },
  check(context) {
    eachLiveGrant(context, (grant, resource) => {
      if (!HIERARCHY_LEVELS.has(grant.target.level)) return;
      const role = describeRole(context.model, grant.role);
      const impersonation = roleSatisfies(role, (name) => SA_IMPERSONATION_ROLES.includes(name));
      const data = { role: role.display, member: describeMember(context.model, grant.member).display, level: grant.target.level };
      const options = { path: grant.path };
      if (impersonation === 'yes') context.report(resource, 'impersonation-above-sa', data, options);
      else if (impersonation === 'unknown') context.unknown(resource, 'role-unknown', data, options);
    });
  },
});
