/**
 * Plans only: a delete or replace of what keeps the audit trail, the alerts, the keys and the preventive
 * policies. Synthesized JSON has no plan, so there every resource is a create and this rule is silent.
 */
import { SECURITY_RESOURCES } from '../../catalog/security-resources';
import { resourceRule } from '../../engine/rule';

type MessageId = 'delete' | 'replace';

export default resourceRule<MessageId>({
  meta: {
    id: 'change-no-destroy-security-resources',
    description: 'Do not delete or replace log sinks, log buckets, audit configs, log metrics, alert policies, secrets, KMS keys or organization policies in a plan.',
    severity: 'high',
    category: 'change',
    controls: [],
    messages: {
      delete: 'The plan deletes this {{kind}}.',
      replace: 'The plan replaces this {{kind}} (destroy and re-create): it is gone, or empty, in between.',
    },
    help:
      'Deleting a sink or audit config stops the audit trail; deleting a log bucket or KMS key destroys what it holds (a destroyed key makes its data unreadable); replacing any of them leaves a gap while the new one is created, and a replaced secret loses its versions. Review the plan: usually an attribute that forces replacement changed (a name, a location, a parent). Revert it, move the resource with a `moved` block or `terraform state mv`, or add `lifecycle { prevent_destroy = true }`. When the removal is intended, suppress this finding with a reason.',
  },
  types: Object.keys(SECURITY_RESOURCES),
  check(resource, context) {
    if (resource.action !== 'delete' && resource.action !== 'replace') return;
    context.report(resource, resource.action, { kind: SECURITY_RESOURCES[resource.type] });
  },
});
