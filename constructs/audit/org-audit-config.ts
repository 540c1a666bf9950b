/**
 * Data Access audit logging for the whole organization (CIS GCP 2.1): `allServices` with
 * ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members, at the org and, when config
 * narrows a folder, at exactly the folders and projects that keep the effective config equal to
 * what config says (see audit-plan.ts for why and where). Exempted members are never written;
 * org policy `iam.disableAuditLoggingExemption` keeps anyone else from adding them.
 */
import { Construct } from 'constructs';
import { OrganizationIamAuditConfig } from '@cdktf/provider-google/lib/organization-iam-audit-config';
import { FolderIamAuditConfig } from '@cdktf/provider-google/lib/folder-iam-audit-config';
import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { planAuditConfigs, type AuditLogType, type AuditNarrowing, type AuditPlan } from './audit-plan';

const ALL_SERVICES = 'allServices';

export interface OrgAuditConfigProps {
  /** Numeric organization id. */
  readonly organizationId: string;
  /** The folders as declared in config (their nesting decides where narrowing needs restoring). */
  readonly folders: readonly { readonly key: string; readonly parent?: string }[];
  /**
   * `folders/<id>` of each declared folder by config key (typically `google_folder.name` from the
   * hierarchy stack, a cross-stack reference); read only for folders that need a config.
   * @default - none: fails if a folder needs a config
   */
  readonly folderNames?: ReadonlyMap<string, string>;
  /** The projects as declared in config. */
  readonly projects: readonly { readonly key: string; readonly id: string; readonly folder: string; readonly coupling: 'tight' | 'loose' }[];
  /**
   * `audit.narrowing` from config: folders or services that keep fewer log types.
   * @default - none: allServices keeps all three everywhere
   */
  readonly narrowing?: readonly AuditNarrowing[];
}

export class OrgAuditConfig extends Construct {
  /** The org-level allServices config (construct id `Resource`). */
  readonly orgConfig: OrganizationIamAuditConfig;
  readonly folderConfigs: readonly FolderIamAuditConfig[];
  readonly projectConfigs: readonly ProjectIamAuditConfig[];
  /** Where configs went and the effective log types at every node. */
  readonly plan: AuditPlan;

  constructor(scope: Construct, id: string, props: OrgAuditConfigProps) {
    super(scope, id);
    this.plan = planAuditConfigs({ ...props, narrowing: props.narrowing ?? [] });
    const auditLogConfig = (types: readonly AuditLogType[]) => types.map((logType) => ({ logType }));
    const projectIds = new Map(props.projects.map((p) => [p.key, p.id]));
    const [org, ...rest] = this.plan.placements;

    this.orgConfig = new OrganizationIamAuditConfig(this, 'Resource', {
      orgId: org.key,
      service: ALL_SERVICES,
      auditLogConfig: auditLogConfig(org.logTypes),
    });

    const folderNames = props.folderNames ?? new Map<string, string>();
    const folderName = (key: string): string => {
      const name = folderNames.get(key);
      if (name === undefined) {
        throw new Error(`folder "${key}" needs an audit config but folderNames has no entry for it; given: ${[...folderNames.keys()].join(', ') || 'none'}`);
      }
      return name;
    };
    this.folderConfigs = rest
      .filter((p) => p.level === 'folder')
      .map(
        (p) =>
          new FolderIamAuditConfig(this, `Folder-${p.key}`, {
            folder: folderName(p.key),
            service: ALL_SERVICES,
            auditLogConfig: auditLogConfig(p.logTypes),
          }),
      );
    this.projectConfigs = rest
      .filter((p) => p.level === 'project')
      .map(
        (p) =>
          new ProjectIamAuditConfig(this, `Project-${p.key}`, {
            project: projectIds.get(p.key)!,
            service: ALL_SERVICES,
            auditLogConfig: auditLogConfig(p.logTypes),
          }),
      );
  }
}
