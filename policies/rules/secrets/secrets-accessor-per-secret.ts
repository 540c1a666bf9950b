/**
 * CIS GCP 1.18 (as in test/fixtures/reference): the Secret Manager accessor role belongs on each secret.
 * Only roles/secretmanager.secretAccessor is judged: roles/secretmanager.admin reads payloads too, but it
 * is an admin role, held to the admin rules (iam-no-sa-admin-roles, iam-privileged-roles-time-bound).
 */
import { SECRET_ACCESS_ROLE } from '../../catalog/roles';
import { describeMember } from '../../gcp/principals';
import { describeRole, roleSatisfies } from '../../gcp/roles';
import { eachLiveGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

type MessageId = 'accessor-above-secret' | 'role-unknown';

/** Levels at which an accessor grant reaches every secret below, present and future. */
const BROAD_LEVELS: ReadonlySet<string> = new Set(['organization', 'folder', 'project']);

export default modelRule<MessageId>({
  meta: {
    id: 'secrets-accessor-per-secret',
    description: 'Grant roles/secretmanager.secretAccessor on individual secrets, never on a project, folder or organization.',
    severity: 'high',
    category: 'secrets',
    controls: ['CIS GCP 1.18'],
    messages: {
      'accessor-above-secret': 'Grants {{role}} to {{member}} at {{level}} level: it reads every secret there, present and future.',
      'role-unknown': 'Grants a role known only after apply ({{role}}) to {{member}} at {{level}} level; it may be the secret accessor role.',
    },
    help:
      'roles/secretmanager.secretAccessor on a project, folder or organization lets its holder read the payload of every secret below it, including secrets created later. Grant it on each secret the workload needs (`google_secret_manager_secret_iam_member` with `secret_id`), so access follows need and is reviewable per secret.',
  },
  check(context) {
    eachLiveGrant(context, (grant, resource) => {
      const level = grant.target.level;
      if (!BROAD_LEVELS.has(level)) return;
      const role = describeRole(context.model, grant.role);
      const accessor = roleSatisfies(role, (name) => name === SECRET_ACCESS_ROLE);
      if (accessor === 'no') return;
      const member = describeMember(context.model, grant.member).display;
      const data = { role: role.display, member, level };
      if (accessor === 'yes') context.report(resource, 'accessor-above-secret', data, { path: grant.path });
      else context.unknown(resource, 'role-unknown', data, { path: grant.path });
    });
  },
});
