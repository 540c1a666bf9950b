/**
 * The other half of drift: a grant the code declares that the live organization (a Cloud Asset
 * Inventory export) does not have: never applied, or removed by hand since.
 */
import { accessOf, AccessIndex, declaredAccessToCompare, type Access } from '../../gcp/access-drift';
import { liveGrants, grantingResource } from '../../gcp/iam-grants';
import type { Resource } from '../../engine/model';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'access-declared-missing',
    description: 'Have every grant the code declares exist in the live organization.',
    severity: 'medium',
    category: 'iam',
    controls: [],
    messages: {
      missing: '{{address}} declares {{role}} for {{member}} on {{target}}, which the live organization does not grant.',
    },
    help:
      'A grant declared in code but absent from the live IAM policies was never applied, or was removed by hand. ' +
      'Either way the organization is not what the code says: run the deployment again (terraform apply) and find ' +
      'out who removed it, or remove it from the code if it is no longer needed.',
  },
  check(context) {
    const { model } = context;
    const declaredAccess = declaredAccessToCompare(context);
    if (declaredAccess === undefined) return;
    const live: (Access & { resource: Resource })[] = [];
    for (const grant of liveGrants(model)) {
      const access = accessOf(model, grant);
      if (access) live.push({ ...access, resource: grantingResource(model, grant) });
    }
    const index = new AccessIndex(live);
    // Where a missing grant would be: the live policy of its target, when the export has one.
    const policyOf = new Map(live.filter((a) => a.target !== undefined).map((a) => [a.target!, a.resource]));
    for (const declared of declaredAccess) {
      if (index.find(declared)) continue;
      const member = declared.member ?? '(known after apply)';
      const target = declared.target ?? `a ${declared.level} known after apply`;
      const data = { address: declared.address, role: declared.role, member, target };
      const properties = { role: declared.role, member, declaredBy: declared.address };
      const resource = declared.target === undefined ? undefined : policyOf.get(declared.target);
      if (resource) context.report(resource, 'missing', data, { properties });
      else context.reportMissing('missing', data, { properties });
    }
  },
});
