/**
 * Audit logging configuration for the organization (CIS GCP 2.1): allServices keeps ADMIN_READ,
 * DATA_READ and DATA_WRITE with no exempted members, narrowed only where config says and only
 * in ways the IAM union semantics can honour (see constructs/audit/audit-plan.ts). With
 * `audit.iamChangeFeed`, also a Cloud Asset Inventory feed of IAM policy changes for the SIEM.
 */
import type { Construct } from 'constructs';
import { BaselineStack } from './baseline-stack';
import type { FolderConsumerStackProps } from './hierarchy-stack';
import { IamChangeFeed } from '../constructs/audit/iam-change-feed';
import { OrgAuditConfig } from '../constructs/audit/org-audit-config';

export class AuditStack extends BaselineStack {
  readonly auditConfig: OrgAuditConfig;
  /** The IAM change feed, when config asks for one. */
  readonly iamChangeFeed?: IamChangeFeed;

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
    const feed = config.audit.iamChangeFeed;
    if (feed) {
      // Beside the SIEM's log export, in the logging project.
      this.iamChangeFeed = new IamChangeFeed(this, 'IamChangeFeed', {
        organizationId: config.organization.id,
        project: this.project(config.foundationProjects.logging).id,
        topicName: feed.topicName,
        feedId: feed.feedId,
      });
    }
  }
}
