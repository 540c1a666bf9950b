/**
 * A user-managed service account key is a long-lived bearer credential: it is copied, committed and
 * forgotten, and Google cannot rotate it (CIS 1.5 and 1.8). Workloads on Google Cloud use attached service
 * accounts; workloads elsewhere use Workload Identity Federation.
 */
import { displayValue } from '../../gcp/principals';
import { get } from '../../engine/model';
import { resourceRule } from '../../engine/rule';

export default resourceRule({
  meta: {
    id: 'iam-no-sa-keys',
    description: 'Create no user-managed service account keys.',
    severity: 'high',
    category: 'iam',
    controls: ['CIS GCP 1.5', 'CIS GCP 1.8'],
    messages: {
      'user-managed-key': 'Creates a user-managed key for service account {{serviceAccount}}.',
    },
    help:
      'Keys created or uploaded through google_service_account_key never expire by default, leave the platform ' +
      'in files and CI variables, and are the most common way service account access leaks (CIS GCP 1.5, 1.8). ' +
      'Attach the service account to the workload, use Workload Identity Federation for workloads outside Google ' +
      'Cloud, and enforce the organization policies iam.disableServiceAccountKeyCreation and iam.disableServiceAccountKeyUpload.',
  },
  types: ['google_service_account_key'],
  check(resource, context) {
    // Deleting a key removes the credential; the key's existence is the finding, so no value can leave it undecided.
    if (resource.mode !== 'managed' || resource.action === 'delete') return;
    context.report(resource, 'user-managed-key', { serviceAccount: displayValue(get<string>(resource, 'service_account_id')) });
  },
});
