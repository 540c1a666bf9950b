/**
 * Admin-level access at the organization or a folder reaches every project below it. Such grants are for
 * incidents and migrations, so they carry an IAM condition that expires (`request.time < timestamp(...)`)
 * and disappear on their own; an already expired one is dead configuration that hides what is really granted.
 */
import { PRIVILEGED_ROLES, isAdminRole } from '../../catalog/roles';
import { conditionIsUnknown, eachLiveGrant } from '../../gcp/iam-grants';
import { describeMember } from '../../gcp/principals';
import { describeRole, roleSatisfies } from '../../gcp/roles';
import { modelRule } from '../../engine/rule';

const isPrivileged = (role: string) => PRIVILEGED_ROLES.includes(role) || isAdminRole(role);

export default modelRule({
  meta: {
    id: 'iam-privileged-roles-time-bound',
    description: 'Grant admin-level roles at the organization or a folder only with an IAM condition that expires.',
    severity: 'high',
    category: 'iam',
    controls: [],
    messages: {
      'not-time-bound': 'Grants privileged role {{role}} to {{member}} at {{level}} level without an expiring IAM condition.',
      expired: 'Grants privileged role {{role}} to {{member}} at {{level}} level with a condition that expired at {{expiresAt}}; remove the grant.',
      'role-unknown': 'Grants a role known only after apply ({{role}}) to {{member}} at {{level}} level; it may be a privileged role.',
      'condition-unknown': 'Grants privileged role {{role}} to {{member}} at {{level}} level with a condition known only after apply.',
      'condition-unclear':
        'Grants privileged role {{role}} to {{member}} at {{level}} level with a condition that reads request.time but does not bound the whole expression (an ||, a negation, or CEL this checker cannot read); write it as request.time < timestamp("...") && ...',
    },
    help:
      'Standing admin access at the top of the hierarchy is the widest blast radius an account can have. Grant ' +
      'organization- and folder-level admin roles (config/roles.ts PRIVILEGED_ROLES and every *Admin / *.admin role) ' +
      'with an IAM condition `request.time < timestamp("...")`, as the break-glass grant does, and grant standing ' +
      'access at the project where the work happens. The expiry counts only as a conjunct of the whole expression ' +
      '(`request.time < timestamp("...") && ...`): after `||`, under a negation or inside a string it bounds nothing. ' +
      'Remove grants whose condition has expired.',
  },
  check(context) {
    const now = context.params.now;
    eachLiveGrant(context, (grant, resource) => {
      const level = grant.target.level;
      if (level !== 'organization' && level !== 'folder') return;
      const role = describeRole(context.model, grant.role);
      const privileged = roleSatisfies(role, isPrivileged);
      const data = { role: role.display, member: describeMember(context.model, grant.member).display, level };
      const options = { path: grant.path };
      const expiresAt = grant.condition?.expiresAt;
      if (privileged === 'no') return;
      // An expiring condition makes any role time-bound, so an unknown role needs no verdict then.
      if (expiresAt && expiresAt.getTime() > now.getTime()) return;
      if (privileged === 'unknown') context.unknown(resource, 'role-unknown', data, options);
      else if (expiresAt) context.report(resource, 'expired', { ...data, expiresAt: expiresAt.toISOString() }, options);
      else if (conditionIsUnknown(context.model, grant)) context.unknown(resource, 'condition-unknown', data, options);
      else if (grant.condition?.expiry === 'unclear') context.unknown(resource, 'condition-unclear', data, options);
      else context.report(resource, 'not-time-bound', data, options);
    });
  },
});
