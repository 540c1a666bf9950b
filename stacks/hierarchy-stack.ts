/**
 * The organization's folders and projects, and the APIs each project needs. Every other stack depends
 * on this one (stacks/index.ts): they name projects by the ids written in config and reach folders
 * through this stack's outputs (remote state), so they only plan and apply once the hierarchy exists.
 */
import type { Construct } from 'constructs';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { ResourceHierarchy } from '../constructs/hierarchy/resource-hierarchy';
import { servicesByProject } from './project-services';

export class HierarchyStack extends BaselineStack {
  readonly hierarchy: ResourceHierarchy;
  /** `folders/<id>` by config key; other stacks that read one get a cross-stack reference (or the literal of an existing folder). */
  readonly folderNames: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, props);
    const { config } = props;
    const services = servicesByProject(config);
    this.hierarchy = new ResourceHierarchy(this, 'Hierarchy', {
      organizationId: config.organization.id,
      folders: config.folders.map((f) => ({ key: f.key, displayName: f.displayName, parent: f.parent, adopt: f.adopt, folderId: f.id })),
      projects: config.projects.map((p) => ({
        key: p.key,
        id: p.id,
        name: p.name,
        folder: p.folder,
        coupling: p.coupling,
        labels: p.labels,
        adopt: p.adopt,
        services: services.get(p.key),
      })),
      billingAccount: config.organization.billingAccount,
    });
    this.folderNames = this.hierarchy.folderNames;
  }
}

/** Props of a stack that works on the hierarchy stack's folders. */
export interface FolderConsumerStackProps extends BaselineStackProps {
  /** `folders/<id>` by config key (`HierarchyStack.folderNames`). */
  readonly folderNames: ReadonlyMap<string, string>;
}
