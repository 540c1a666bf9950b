/**
 * The organization's folders and projects, created from config. Projects carry their coupling as a
 * label so the audit and policy layers can tell tight-coupled projects from loose ones at a glance.
 */
import { Construct } from 'constructs';
import { Folder } from '@cdktf/provider-google/lib/folder';
import { Project } from '@cdktf/provider-google/lib/project';
import type { Coupling } from '../../policies/config/org-config';
import { parentsFirst } from './folder-order';

export interface HierarchyFolder {
  /** Config key, unique among folders. */
  readonly key: string;
  /** Display name shown in the console; unique among siblings. */
  readonly displayName: string;
  /**
   * Parent folder key.
   * @default - directly under the organization
   */
  readonly parent?: string;
}

export interface HierarchyProject {
  /** Config key, unique among projects. */
  readonly key: string;
  /** The GCP project id. */
  readonly id: string;
  /**
   * Display name.
   * @default - the project id
   */
  readonly name?: string;
  /** Key of the folder the project lives in. */
  readonly folder: string;
  /** Written as the `coupling` label. */
  readonly coupling: Coupling;
  /**
   * Extra labels; `coupling` is reserved.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ResourceHierarchyProps {
  /** Numeric organization id the top-level folders sit under. */
  readonly organizationId: string;
  /** Folders, in any order (parents are created first). */
  readonly folders: readonly HierarchyFolder[];
  /** Projects, each in a declared folder. */
  readonly projects: readonly HierarchyProject[];
  /**
   * Billing account linked to every project.
   * @default - no billing account (projects are created unbilled)
   */
  readonly billingAccount?: string;
}

export class ResourceHierarchy extends Construct {
  /** Folders by config key. */
  readonly folders: ReadonlyMap<string, Folder>;
  /** Projects by config key. */
  readonly projects: ReadonlyMap<string, Project>;

  constructor(scope: Construct, id: string, props: ResourceHierarchyProps) {
    super(scope, id);
    const folders = new Map<string, Folder>();
    for (const folder of parentsFirst(props.folders)) {
      folders.set(
        folder.key,
        new Folder(this, `folder-${folder.key}`, {
          displayName: folder.displayName,
          parent: folder.parent === undefined ? `organizations/${props.organizationId}` : folders.get(folder.parent)!.name,
          deletionProtection: true,
        }),
      );
    }
    const projects = new Map<string, Project>();
    for (const project of props.projects) {
      const folder = folders.get(project.folder);
      if (!folder) throw new Error(`project "${project.key}" names folder "${project.folder}", which is not a declared folder`);
      if (project.labels && 'coupling' in project.labels) {
        throw new Error(`project "${project.key}": the coupling label comes from coupling, got labels.coupling "${project.labels.coupling}"`);
      }
      projects.set(
        project.key,
        new Project(this, `project-${project.key}`, {
          projectId: project.id,
          name: project.name ?? project.id,
          folderId: folder.folderId,
          labels: { ...project.labels, coupling: project.coupling },
          billingAccount: props.billingAccount,
          // The default network has permissive firewall rules; networks are created on purpose or not at all.
          autoCreateNetwork: false,
          // Deleting a project deletes its logs, secrets and keys with it: it takes a deliberate state change.
          deletionPolicy: 'PREVENT',
        }),
      );
    }
    this.folders = folders;
    this.projects = projects;
  }
}
