/**
 * Basic roles (owner, editor, viewer) predate IAM's per-service roles and grant access to nearly every
 * service; nobody, person or workload, should hold them. Checks grants from every kind of IAM resource,
 * including bindings inside `policy_data` and `data.google_iam_policy` documents.
 */
import { BASIC_ROLES } from '../../catalog/roles';
import { describeMember } from '../../gcp/principals';
import { describeRole, roleSatisfies } from '../../gcp/roles';
import { eachLiveGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-no-basic-roles',
    description: 'Grant no basic roles (roles/owner, roles/editor, roles/viewer) to anyone.',
    severity: 'high',
    category: 'iam',
    controls: [],
    messages: {
      'basic-role': 'Grants basic role {{role}} to {{member}}.',
      'role-unknown': 'Grants a role known only after apply ({{role}}) to {{member}}; it may be a basic role.',
    },
    help:
      'Basic roles give owner, editor or viewer access to almost every service in their scope, so one grant ' +
      'outlives the need it was made for. Grant the predefined or custom roles that match the task instead ' +
      '(config/roles.ts holds the intent -> role tables), and keep roles/owner to the organization\'s break-glass process.',
  },
  check(context) {
    eachLiveGrant(context, (grant, resource) => {
      const role = describeRole(context.model, grant.role);
      const member = describeMember(context.model, grant.member).display;
      const options = { path: grant.path };
      const basic = roleSatisfies(role, (name) => BASIC_ROLES.includes(name));
      if (basic === 'yes') context.report(resource, 'basic-role', { role: role.display, member }, options);
      else if (basic === 'unknown') context.unknown(resource, 'role-unknown', { role: role.display, member }, options);
    });
  },
});
