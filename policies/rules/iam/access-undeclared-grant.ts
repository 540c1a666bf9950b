/**
 * Shadow access: a grant the live organization has (from a Cloud Asset Inventory export) that the code
 * does not declare. Graded by the role's privilege; grants to deleted principals and to Google-managed
 * service agents are reported apart, as low notes, never as drift.
 */
import { accessOf, AccessIndex, declaredAccessToCompare, isUnmappedProject, privilegeOf } from '../../gcp/access-drift';
import { eachLiveGrant } from '../../gcp/iam-grants';
import { isDeletedMember, isServiceAgent } from '../../gcp/principals';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'access-undeclared-grant',
    description: 'Grant no access in the live organization that the code does not declare.',
    severity: 'high',
    category: 'iam',
    controls: [],
    messages: {
      undeclared: 'Grants {{role}} to {{member}} on {{target}}, which the code does not declare.',
      'deleted-member': 'Grants {{role}} to the deleted principal {{member}}: a stale binding to remove, not drift.',
      'service-agent': 'Grants {{role}} to the Google-managed service agent {{member}}, which Google grants itself: not drift.',
      'project-unmapped': 'Grants {{role}} to {{member}} on {{target}}, a project number with no known project id, so it cannot be compared with the code.',
    },
    help:
      'Run `baseline audit <export> --declared <cdktf.out>` to compare the live IAM policies of the organization ' +
      '(gcloud asset export --content-type=iam-policy) with what the code declares. A grant found only in the ' +
      'organization was made by hand, by an old script or by another team: declare it in code with a reason, or ' +
      'remove it. Give `--projects` (gcloud projects list --format=json) or the config\'s project numbers so ' +
      'project numbers in the export compare with the project ids in code.',
  },
  check(context) {
    const { model } = context;
    const access = declaredAccessToCompare(context);
    if (access === undefined) return;
    const declared = new AccessIndex(access);
    eachLiveGrant(context, (grant, resource) => {
      const live = accessOf(model, grant);
      if (!live || grant.member.state !== 'known' || declared.find(live)) return;
      // Compared in lower case, shown as the policy writes it.
      const member = grant.member.value;
      const data = { role: live.role, member, target: live.target ?? resource.address };
      const options = { path: grant.path, properties: { role: live.role, member } };
      if (isDeletedMember(member)) context.report(resource, 'deleted-member', data, { ...options, severity: 'low' });
      else if (isServiceAgent(member)) context.report(resource, 'service-agent', data, { ...options, severity: 'low' });
      else if (isUnmappedProject(live)) context.unknown(resource, 'project-unmapped', data, options);
      else context.report(resource, 'undeclared', data, { ...options, severity: privilegeOf(live.role) });
    });
  },
});
