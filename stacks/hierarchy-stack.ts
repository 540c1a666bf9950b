/**
 * The organization's folders and projects, and the APIs each project needs. Every other stack depends
 * on this one (stacks/index.ts): they name projects by the ids written in config and reach folders
 * through this stack's outputs (remote state), so they only plan and apply once the hierarchy exists.
 */
import type { Construct } from 'constructs';
import type { ProjectConfig } from '../policies/config/org-config';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { ResourceHierarchy, type HierarchyProject } from '../constructs/hierarchy/resource-hierarchy';
import { servicesByProject } from './project-services';

export interface HierarchyStackProps extends BaselineStackProps {
  /**
   * The projects this stack holds (sharding leaves the others to the folders' stacks, stacks/sharding.ts).
   * @default - every project of the config
   */
  readonly projects?: readonly ProjectConfig[];
}

export class HierarchyStack extends BaselineStack {
  readonly hierarchy: ResourceHierarchy;
  /** `folders/<id>` by config key; other stacks that read one get a cross-stack reference (or the literal of an existing folder). */
  readonly folderNames: ReadonlyMap<string, string>;
  /** Numeric folder ids by config key, likewise (the folders' stacks place their projects with them). */
  readonly folderIds: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: HierarchyStackProps) {
    super(scope, id, props);
    const { config } = props;
    const services = servicesByProject(config);
    this.hierarchy = new ResourceHierarchy(this, 'Hierarchy', {
      organizationId: config.organization.id,
      folders: config.folders.map((f) => ({ key: f.key, displayName: f.displayName, parent: f.parent, adopt: f.adopt, folderId: f.id })),
      projects: hierarchyProjects(props.projects ?? config.projects, services),
      billingAccount: config.organization.billingAccount,
    });
    this.folderNames = this.hierarchy.folderNames;
    this.folderIds = this.hierarchy.folderIds;
  }
}

/** Config projects as the hierarchy constructs take them, each with the APIs the stacks need in it (`servicesByProject`). */
export function hierarchyProjects(projects: readonly ProjectConfig[], services: ReadonlyMap<string, readonly string[]>): HierarchyProject[] {
  return projects.map((p) => ({
    key: p.key,
    id: p.id,
    name: p.name,
    folder: p.folder,
    coupling: p.coupling,
    labels: p.labels,
    adopt: p.adopt,
    services: services.get(p.key),
  }));
}

/** Props of a stack that works on the hierarchy stack's folders. */
export interface FolderConsumerStackProps extends BaselineStackProps {
  /** `folders/<id>` by config key (`HierarchyStack.folderNames`). */
  readonly folderNames: ReadonlyMap<string, string>;
}
