import { modelRule } from '../../engine/rule';
import { auditConfigs, effectiveAuditLogTypes } from '../../gcp/audit-configs';
import { hierarchyChain } from '../../gcp/ancestry';
import { projectsOf } from '../../gcp/projects';

type MessageId = 'data-access-off' | 'data-access-unknown';

/** What a tight-coupled project must log: every read and write of its data. */
const DATA_ACCESS_TYPES = ['DATA_READ', 'DATA_WRITE'];

export default modelRule<MessageId>({
  meta: {
    id: 'logging-data-access-for-tight-coupled',
    description: 'Keep DATA_READ and DATA_WRITE audit logs in effect for every tight-coupled project.',
    severity: 'high',
    category: 'logging',
    controls: [],
    messages: {
      'data-access-off': 'Tight-coupled project {{project}} does not get {{types}} audit logs from any organization, folder or project audit config for allServices.',
      'data-access-unknown': 'Whether tight-coupled project {{project}} gets {{types}} audit logs depends on audit configs or parents known only after apply.',
    },
    help:
      'Projects that run production or hold its data (coupling `tight` in config, or the `coupling = "tight"` label) must record who read and changed data, whatever a folder narrowing says. Audit configs add up down the hierarchy, so enable DATA_READ and DATA_WRITE for allServices at the organization, the project\'s folder or the project itself (`google_project_iam_audit_config`).',
  },
  check(context) {
    const { model, params } = context;
    const tight = projectsOf(model, params.projects).filter((p) => p.coupling === 'tight');
    if (tight.length === 0) {
      context.notApplicable('no tight-coupled projects in the input or config');
      return;
    }
    const configs = auditConfigs(model);
    for (const project of tight) {
      const chain = hierarchyChain(model, project.key, project.declared ? params.organizationId : undefined);
      const effective = effectiveAuditLogTypes(configs, chain);
      const lacking = DATA_ACCESS_TYPES.filter((t) => !effective.types.has(t));
      if (lacking.length === 0) continue;
      const data = { project: project.id, types: lacking.join(', ') };
      const undecided = effective.undecidedBy ?? (chain.complete ? undefined : project.resource);
      if (undecided) context.unknown(project.resource ?? undecided, 'data-access-unknown', data);
      else if (project.resource) context.report(project.resource, 'data-access-off', data);
      else context.reportMissing('data-access-off', data);
    }
  },
});
