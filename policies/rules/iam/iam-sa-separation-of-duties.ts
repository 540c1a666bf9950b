/**
 * Separation of duties for service accounts (CIS 1.9): whoever creates and manages service accounts
 * (roles/iam.serviceAccountAdmin) must not also be able to act as them (roles/iam.serviceAccountUser),
 * or they can make an account, grant it anything they can grant, and run as it.
 */
import { SA_ADMIN_ROLE, SA_USER_ROLE } from '../../catalog/roles';
import { DUTY_CONFLICT_MESSAGES, reportDutyConflicts } from '../../gcp/duty-conflicts';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-sa-separation-of-duties',
    description: 'Grant roles/iam.serviceAccountAdmin and roles/iam.serviceAccountUser to different members.',
    severity: 'high',
    category: 'iam',
    controls: ['CIS GCP 1.9'],
    messages: DUTY_CONFLICT_MESSAGES,
    help:
      'A member with both Service Account Admin and Service Account User can create a service account, give it ' +
      'roles and act as it, so no second person is ever involved (CIS GCP 1.9). Give administration of service ' +
      'accounts to one group and the right to use a service account, on that account only, to another. ' +
      'Each grant of a conflicting pair is reported, so whichever resource a change touches shows the conflict.',
  },
  check(context) {
    reportDutyConflicts(context, (r) => r === SA_ADMIN_ROLE, (r) => r === SA_USER_ROLE);
  },
});
