/**
 * One folder's projects, with `stacks.shardByFolder` (stacks/sharding.ts): the projects, their APIs and import
 * blocks, and the grants on them with predefined roles, in a stack of their own (`projects-<folder>`) with its
 * own state, so Terraform plans and applies each folder separately and in parallel. It places its projects in
 * the hierarchy stack's folders (remote state) and deploys after it; the iam stack deploys after it, since its
 * domain restriction would refuse a later grant to a service agent.
 */
import { Construct } from 'constructs';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { hierarchyProjects } from './hierarchy-stack';
import type { IndexedBinding } from './sharding';
import type { ProjectConfig } from '../policies/config/org-config';
import { manageProjects, type ManagedProjects } from '../constructs/hierarchy/resource-hierarchy';
import { IamGrants } from '../constructs/iam/iam-grants';
import { grantBindings } from '../constructs/iam/config-grants';
import { breakGlassMembers } from '../constructs/iam/break-glass';

export interface ProjectsStackProps extends BaselineStackProps {
  /** The folder's key. */
  readonly folder: string;
  /** The projects this stack holds, all in `folder`. */
  readonly projects: readonly ProjectConfig[];
  /** Numeric folder ids by key (`HierarchyStack.folderIds`: cross-stack references for managed folders). */
  readonly folderIds: ReadonlyMap<string, string>;
  /** APIs by project key (`servicesByProject`). */
  readonly services: ReadonlyMap<string, readonly string[]>;
  /** The bindings on these projects, with predefined roles (`partitionBindings`). */
  readonly bindings: readonly IndexedBinding[];
}

export class ProjectsStack extends BaselineStack {
  readonly folder: string;
  /** Config keys of the projects it holds. */
  readonly projectKeys: readonly string[];
  readonly managed: ManagedProjects;
  readonly grants: IamGrants;

  constructor(scope: Construct, id: string, props: ProjectsStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.folder = props.folder;
    this.projectKeys = props.projects.map((p) => p.key);
    const outside = props.projects.filter((p) => p.folder !== props.folder).map((p) => p.key);
    if (outside.length > 0) throw new Error(`stack ${id} holds the projects of folder "${props.folder}", got ${outside.join(', ')} from other folders`);
    // The construct id the hierarchy stack uses too: a project moved between the two keeps its Terraform address.
    this.managed = manageProjects(new Construct(this, 'Hierarchy'), hierarchyProjects(props.projects, props.services), {
      folderIds: props.folderIds,
      billingAccount: config.organization.billingAccount,
    });
    const here = new Set(props.projects.map((p) => p.key));
    this.grants = new IamGrants(this, 'Grants', { organizationId: config.organization.id });
    grantBindings(props.bindings, {
      grants: this.grants,
      customRoles: {
        resolve: (role, use) => {
          if (role.startsWith('roles/')) return { name: role };
          throw new Error(`${use.where}: custom role "${role}" is granted from the iam stack, beside its definition, not from ${id}`);
        },
      },
      folderName: (key) => {
        throw new Error(`stack ${id} makes project grants only, got one on folder "${key}"`);
      },
      projectId: (key) => {
        if (!here.has(key)) throw new Error(`stack ${id} makes grants on its own projects only, got one on "${key}"`);
        return this.project(key).id;
      },
      reservedMembers: breakGlassMembers(config.groups.breakGlass, config.iam.breakGlass?.group),
      // A project this stack creates or imports exists before anything is granted on it.
      projectDependsOn: (key) => {
        const project = this.managed.projects.get(key);
        return project ? [project] : [];
      },
    });
  }
}
