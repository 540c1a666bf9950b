/**
 * Audit configs (CIS GCP 2.1): which log types apply to a node through the hierarchy. Read from
 * `google_*_iam_audit_config` resources and from the `auditConfigs` of an organization, folder or project
 * `google_*_iam_policy`'s `policy_data` (where a live policy from an asset export keeps them too).
 */
import { goField, parsePolicyData } from '../engine/grants';
import { isObject } from '../engine/load/json';
import { get, type Model, type Resource } from '../engine/model';
import { tri, type Tri } from '../engine/values';
import { type HierarchyChain, nodeKeyOf } from './ancestry';

export const AUDIT_LOG_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'] as const;

/** Audit config resource types and the attribute naming where they apply. */
export const AUDIT_CONFIG_TYPES: Readonly<Record<string, { readonly attribute: string; readonly prefix: 'organizations' | 'folders' | 'projects' }>> = {
  google_organization_iam_audit_config: { attribute: 'org_id', prefix: 'organizations' },
  google_folder_iam_audit_config: { attribute: 'folder', prefix: 'folders' },
  google_project_iam_audit_config: { attribute: 'project', prefix: 'projects' },
};

/** Authoritative policies whose `policy_data` may hold audit configs, and where they apply. */
const POLICY_TYPES: Readonly<Record<string, { readonly attribute: string; readonly prefix: 'organizations' | 'folders' | 'projects' }>> = {
  google_organization_iam_policy: AUDIT_CONFIG_TYPES.google_organization_iam_audit_config,
  google_folder_iam_policy: AUDIT_CONFIG_TYPES.google_folder_iam_audit_config,
  google_project_iam_policy: AUDIT_CONFIG_TYPES.google_project_iam_audit_config,
};

export interface AuditConfigView {
  readonly resource: Resource;
  /** Where it applies; undefined when only apply can tell. */
  readonly nodeKey?: string;
  /** Whether it is for `allServices`; 'unknown' when the service is known only after apply. */
  readonly allServices: Tri;
  /** Log types it enables; 'unknown' when any is known only after apply. */
  readonly logTypes: ReadonlySet<string> | 'unknown';
  /** Where in the resource the config sits: `` for an audit config resource, `policy_data.auditConfigs.0` in a policy. */
  readonly path: string;
  /** Paths of `exempted_members` lists that are not empty (or unknown). */
  readonly exemptions: readonly { readonly path: string; readonly logType: string; readonly unknown: boolean }[];
}

/** Live audit configs (`google_*_iam_audit_config`), read once per call. */
export function auditConfigs(model: Model): AuditConfigView[] {
  const views: AuditConfigView[] = [];
  for (const [type, where] of Object.entries(AUDIT_CONFIG_TYPES)) {
    for (const resource of model.byType(type)) {
      if (resource.mode !== 'managed' || resource.action === 'delete') continue;
      const service = get<string>(resource, 'service');
      const allServices = service.state === 'unknown' ? 'unknown' : tri(service.state === 'known' && service.value === 'allServices');
      const blocks = get<unknown>(resource, 'audit_log_config');
      const list = blocks.state === 'known' ? (Array.isArray(blocks.value) ? blocks.value : [blocks.value]) : [];
      const prefix = blocks.state === 'known' && !Array.isArray(blocks.value) ? 'audit_log_config.' : undefined;
      let logTypes: Set<string> | 'unknown' = blocks.state === 'unknown' ? 'unknown' : new Set();
      const exemptions: { path: string; logType: string; unknown: boolean }[] = [];
      list.forEach((_, i) => {
        const path = prefix ?? `audit_log_config.${i}.`;
        const logType = get<string>(resource, `${path}log_type`);
        if (logType.state === 'unknown') logTypes = 'unknown';
        else if (logType.state === 'known' && logTypes !== 'unknown') logTypes.add(logType.value);
        const exempted = get<unknown[]>(resource, `${path}exempted_members`);
        const shown = logType.state === 'known' ? logType.value : '(known after apply)';
        if (exempted.state === 'unknown') exemptions.push({ path: `${path}exempted_members`, logType: shown, unknown: true });
        else if (exempted.state === 'known' && Array.isArray(exempted.value) && exempted.value.length > 0) {
          exemptions.push({ path: `${path}exempted_members`, logType: shown, unknown: false });
        }
      });
      views.push({ resource, nodeKey: nodeKeyOf(model, resource, where.attribute, where.prefix), path: '', allServices, logTypes, exemptions });
    }
  }
  for (const [type, where] of Object.entries(POLICY_TYPES)) {
    for (const resource of model.byType(type)) {
      if (resource.mode !== 'managed' || resource.action === 'delete') continue;
      const nodeKey = nodeKeyOf(model, resource, where.attribute, where.prefix);
      for (const view of policyDataAuditConfigs(resource)) views.push({ ...view, resource, nodeKey });
    }
  }
  return views;
}

const asObject = (value: unknown): Record<string, unknown> | undefined => (isObject(value) ? value : undefined);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The audit configs in a known `policy_data` (the IAM API's JSON: `auditConfigs[].auditLogConfigs[].logType`),
 * read as the provider decodes it (goField: keys case-insensitive, later keys win).
 */
function policyDataAuditConfigs(resource: Resource): Omit<AuditConfigView, 'resource' | 'nodeKey'>[] {
  const data = get<string>(resource, 'policy_data');
  if (data.state !== 'known' || typeof data.value !== 'string') return [];
  // Unparsable text is no object here; the grants of the same policy_data already say it cannot be judged.
  const policy = asObject(parsePolicyData(data.value));
  if (!policy) return [];
  return asList(goField(policy, 'auditConfigs')).map((item, i) => {
    const config = asObject(item) ?? {};
    const path = `policy_data.auditConfigs.${i}`;
    const logs = asList(goField(config, 'auditLogConfigs')).map((l) => asObject(l) ?? {});
    const logTypes = new Set(logs.map((l) => goField(l, 'logType')).filter((t): t is string => typeof t === 'string'));
    const exemptions = logs.flatMap((l, j) => {
      const exempted = goField(l, 'exemptedMembers');
      const logType = goField(l, 'logType');
      return Array.isArray(exempted) && exempted.length > 0
        ? [{ path: `${path}.auditLogConfigs.${j}.exemptedMembers`, logType: typeof logType === 'string' ? logType : '(unspecified)', unknown: false }]
        : [];
    });
    return { path, allServices: tri(goField(config, 'service') === 'allServices'), logTypes, exemptions };
  });
}

/**
 * The allServices log types in effect at a node: the union of the audit configs on it and every
 * ancestor (IAM audit configs only ever add). `undecidedBy`: a config known only after apply (where
 * it applies, its service or its types) that might add more.
 */
export function effectiveAuditLogTypes(configs: readonly AuditConfigView[], chain: HierarchyChain): { types: Set<string>; undecidedBy?: Resource } {
  const types = new Set<string>();
  let undecidedBy: Resource | undefined;
  for (const config of configs) {
    if (config.allServices === 'no') continue;
    const applies: Tri = config.nodeKey === undefined ? 'unknown' : tri(chain.keys.includes(config.nodeKey));
    if (applies === 'no') continue;
    if (applies === 'unknown' || config.allServices === 'unknown' || config.logTypes === 'unknown') {
      undecidedBy ??= config.resource;
      continue;
    }
    for (const t of config.logTypes) types.add(t);
  }
  return { types, undecidedBy };
}
