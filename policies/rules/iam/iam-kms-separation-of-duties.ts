/**
 * Separation of duties for keys (CIS 1.12): whoever administers KMS keys (roles/cloudkms.admin) must not
 * also use them to encrypt or decrypt, or one person can both change a key's protection and read what it protects.
 */
import { KMS_ADMIN_ROLE, KMS_KEY_USE_ROLES } from '../../catalog/roles';
import { DUTY_CONFLICT_MESSAGES, reportDutyConflicts } from '../../gcp/duty-conflicts';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-kms-separation-of-duties',
    description: 'Grant roles/cloudkms.admin and the key-use roles (encrypter, decrypter, encrypterDecrypter) to different members.',
    severity: 'high',
    category: 'iam',
    controls: ['CIS GCP 1.12'],
    messages: DUTY_CONFLICT_MESSAGES,
    help:
      'A member who is Cloud KMS Admin and may also encrypt or decrypt can change a key\'s rotation, versions and ' +
      'IAM and read everything the key protects, alone (CIS GCP 1.12). Give key administration to a security group ' +
      'and the key-use roles, on the one key, to the workloads and service agents that need them. ' +
      'Each grant of a conflicting pair is reported, so whichever resource a change touches shows the conflict.',
  },
  check(context) {
    reportDutyConflicts(context, (r) => r === KMS_ADMIN_ROLE, (r) => KMS_KEY_USE_ROLES.includes(r));
  },
});
