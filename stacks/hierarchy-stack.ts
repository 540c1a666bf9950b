/**
 * The organization's folders and projects. Deploy this stack FIRST: the other stacks name projects
 * by the ids written in config and reach folders through this stack's outputs (remote state), so
 * they only plan and apply once the hierarchy exists.
 */
import type { Construct } from 'constructs';
import type { Folder } from '@cdktf/provider-google/lib/folder';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { ResourceHierarchy } from '../constructs/hierarchy/resource-hierarchy';

export class HierarchyStack extends BaselineStack {
  readonly hierarchy: ResourceHierarchy;
  /** The folders by config key; other stacks that read `name` get a cross-stack reference. */
  readonly folders: ReadonlyMap<string, Folder>;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.hierarchy = new ResourceHierarchy(this, 'hierarchy', {
      organizationId: config.organization.id,
      folders: config.folders,
      projects: config.projects,
      billingAccount: config.organization.billingAccount,
    });
    this.folders = this.hierarchy.folders;
  }
}

/** Props of a stack that works on the hierarchy stack's folders. */
export interface FolderConsumerStackProps extends BaselineStackProps {
  /** The hierarchy stack's folders by config key (`HierarchyStack.folders`). */
  readonly folders: ReadonlyMap<string, Folder>;
}

/**
 * `folders/<id>` of each folder by config key: `google_folder.name`, the form folder IAM resources
 * take. Read from another stack, each is a remote-state reference, so a renamed folder keeps its grants.
 */
export function folderNamesOf(folders: ReadonlyMap<string, Folder>): ReadonlyMap<string, string> {
  return new Map([...folders].map(([key, folder]) => [key, folder.name]));
}
