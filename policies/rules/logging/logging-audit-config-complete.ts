import { modelRule, type RuleParams } from '../../engine/rule';
import { ancestors } from '../../engine/hierarchy';
import type { Model } from '../../engine/model';
import { AUDIT_LOG_TYPES, auditConfigs, effectiveAuditLogTypes, type AuditConfigView } from '../../gcp/audit-configs';
import { hierarchyChain } from '../../gcp/ancestry';
import { lastSegment } from '../../engine/values';
import { reasonIsEnough } from '../../engine/suppressions';
import { projectsOf } from '../../gcp/projects';

type MessageId =
  | 'missing'
  | 'missing-log-types'
  | 'project-missing-log-types'
  | 'exempted-members'
  | 'audit-config-unknown'
  | 'project-log-types-unknown';

/**
 * Folder narrowings that carry a reason. Only they may take log types out of the organization's
 * allServices default (a service-level narrowing cannot: IAM audit configs only ever add to allServices).
 */
function folderNarrowings(params: RuleParams): { folder: string; logTypes: readonly string[] }[] {
  return (params.auditNarrowing ?? [])
    .filter((n) => n.folder !== undefined && reasonIsEnough(n.reason))
    .map((n) => ({ folder: n.folder!, logTypes: n.logTypes }));
}

export default modelRule<MessageId>({
  meta: {
    id: 'logging-audit-config-complete',
    description: 'Enable ADMIN_READ, DATA_READ and DATA_WRITE audit logs for allServices at the organization, with no exempted members.',
    severity: 'high',
    category: 'logging',
    controls: ['CIS GCP 2.1'],
    messages: {
      missing: 'No organization-level audit config (google_organization_iam_audit_config) for allServices.',
      'missing-log-types': 'Organization audit config for allServices does not enable {{types}}.',
      'project-missing-log-types': 'Project {{project}} does not get {{types}} audit logs from any organization, folder or project audit config, and its folder is not narrowed.',
      'exempted-members': 'Audit config exempts members from {{logType}} audit logs: their actions leave no trace.',
      'audit-config-unknown': 'Whether audit logging is complete depends on {{attribute}} of this audit config, known only after apply.',
      'project-log-types-unknown': 'Whether project {{project}} gets {{types}} audit logs depends on audit configs or parents known only after apply.',
    },
    help:
      'CIS GCP 2.1 asks that Cloud Audit Logs record every read and write of configuration and user data, for every service and every member. Create a `google_organization_iam_audit_config` with `service = "allServices"` and `audit_log_config` blocks for ADMIN_READ, DATA_READ and DATA_WRITE, without `exempted_members`; the org policy `iam.disableAuditLoggingExemption` keeps exemptions out. To narrow Data Access logs for a folder, declare it under `audit.narrowing` with a reason and enable the full set on every other folder.',
  },
  check(context) {
    const { model, params } = context;
    const configs = auditConfigs(model);
    for (const config of configs) {
      for (const exemption of config.exemptions) {
        if (exemption.unknown) context.unknown(config.resource, 'audit-config-unknown', { attribute: exemption.path }, { path: exemption.path });
        else context.report(config.resource, 'exempted-members', { logType: exemption.logType }, { path: exemption.path });
      }
    }
    const organization = params.organizationId === undefined ? undefined : `organizations/${params.organizationId}`;
    const atOrg: AuditConfigView[] = [];
    for (const config of configs) {
      if (!config.resource.type.startsWith('google_organization_') || config.allServices === 'no') continue;
      if (config.nodeKey !== undefined && organization !== undefined && config.nodeKey !== organization) continue;
      if (config.nodeKey === undefined || config.allServices === 'unknown' || config.logTypes === 'unknown') {
        const attribute = config.nodeKey === undefined ? 'org_id' : config.allServices === 'unknown' ? 'service' : 'audit_log_config';
        context.unknown(config.resource, 'audit-config-unknown', { attribute }, { path: attribute });
        return;
      }
      atOrg.push(config);
    }
    if (atOrg.length === 0) {
      context.reportMissing('missing');
      return;
    }
    const enabled = new Set(atOrg.flatMap((c) => [...(c.logTypes as ReadonlySet<string>)]));
    const narrowings = folderNarrowings(params);
    // A narrowed folder can only keep fewer types if the organization default leaves them out too.
    const mayLack = new Set(narrowings.flatMap((n) => AUDIT_LOG_TYPES.filter((t) => !n.logTypes.includes(t))));
    const missing = AUDIT_LOG_TYPES.filter((t) => !enabled.has(t));
    const unexplained = missing.filter((t) => !mayLack.has(t));
    if (unexplained.length > 0) {
      context.report(atOrg[0].resource, 'missing-log-types', { types: unexplained.join(', ') }, { path: atOrg[0].path || 'audit_log_config' });
      return;
    }
    if (missing.length === 0) return;
    // The organization default is narrowed: every project must still get, lower down, what its folder keeps.
    const narrowedFolder = new Map(narrowings.map((n) => [n.folder, n.logTypes]));
    const folderOf = new Map(params.projects.map((p) => [p.id, p.folder]));
    for (const project of projectsOf(model, params.projects)) {
      const kept = keptByFolder(model, folderOf.get(project.id), narrowedFolder);
      const required = AUDIT_LOG_TYPES.filter((t) => kept === undefined || kept.includes(t));
      const chain = hierarchyChain(model, project.key, project.declared ? params.organizationId : undefined);
      const effective = effectiveAuditLogTypes(configs, chain);
      const lacking = required.filter((t) => !effective.types.has(t));
      if (lacking.length === 0) continue;
      const data = { project: project.id, types: lacking.join(', ') };
      if (effective.undecidedBy) context.unknown(project.resource ?? effective.undecidedBy, 'project-log-types-unknown', data);
      else if (project.resource && !chain.complete) context.unknown(project.resource, 'project-log-types-unknown', data);
      else if (project.resource) context.report(project.resource, 'project-missing-log-types', data);
      else context.reportMissing('project-missing-log-types', data);
    }
  },
});

/**
 * The log types the nearest narrowed folder keeps, from a project's config folder up through the
 * config folders above it (in the hierarchy when the model was built with the config); undefined when
 * no folder above the project is narrowed.
 */
function keptByFolder(model: Model, folder: string | undefined, narrowed: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  if (folder === undefined) return undefined;
  const keys = [folder, ...ancestors(model, `folders/${folder}`).filter((n) => n.kind === 'folder').map((n) => lastSegment(n.key))];
  const nearest = keys.find((k) => narrowed.has(k));
  return nearest === undefined ? undefined : narrowed.get(nearest);
}
