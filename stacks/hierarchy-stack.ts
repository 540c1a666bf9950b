/**
 * The organization's folders and projects. Deploy this stack FIRST: every other stack names
 * projects by the ids written in config (not by reference to this stack) and finds folders by
 * display name, so they only plan and apply once the hierarchy exists.
 */
import type { Construct } from 'constructs';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { ResourceHierarchy } from '../constructs/hierarchy/resource-hierarchy';

export class HierarchyStack extends BaselineStack {
  readonly hierarchy: ResourceHierarchy;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.hierarchy = new ResourceHierarchy(this, 'hierarchy', {
      organizationId: config.organization.id,
      folders: config.folders,
      projects: config.projects,
      billingAccount: config.organization.billingAccount,
    });
  }
}
