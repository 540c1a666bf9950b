/**
 * Audit logging configuration for the organization (CIS GCP 2.1): allServices keeps ADMIN_READ,
 * DATA_READ and DATA_WRITE with no exempted members, narrowed only where config says and only
 * in ways the IAM union semantics can honour (see constructs/audit/audit-plan.ts).
 */
import type { Construct } from 'constructs';
import { BaselineStack } from './baseline-stack';
import type { FolderConsumerStackProps } from './hierarchy-stack';
import { OrgAuditConfig } from '../constructs/audit/org-audit-config';

export class AuditStack extends BaselineStack {
  readonly auditConfig: OrgAuditConfig;

  constructor(scope: Construct, id: string, props: FolderConsumerStackProps) {
    super(scope, id, props);
    const { config } = this;
    this.auditConfig = new OrgAuditConfig(this, 'AuditConfig', {
      organizationId: config.organization.id,
      folders: config.folders.map((f) => ({ key: f.key, parent: f.parent })),
      folderNames: props.folderNames,
      projects: config.projects.map((p) => ({ key: p.key, id: p.id, folder: p.folder, coupling: p.coupling })),
      narrowing: config.audit.narrowing.map((n) => ({ service: n.service, folder: n.folder, logTypes: n.logTypes, reason: n.reason })),
    });
  }
}
