/**
 * The organization's folders and projects, as config declares them. Each is created, imported (a
 * Terraform `import` block, so the first plan shows an import, not a create) or only referred to
 * (`existing`: no resource at all, so the baseline can never change or delete it). Projects carry their
 * coupling as a label so the audit and policy layers can tell tight-coupled projects from loose ones.
 * Every project the baseline uses gets the APIs it needs enabled here, before any other stack runs.
 */
import { Construct } from 'constructs';
import { Folder } from '@cdktf/provider-google/lib/folder';
import { Project } from '@cdktf/provider-google/lib/project';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { Adoption, Coupling } from '../../policies/config/org-config';
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
  /**
   * Whether the folder is created, imported or only referred to.
   * @default 'create'
   */
  readonly adopt?: Adoption;
  /**
   * Numeric folder id of a folder that exists; required for `import` and `existing`.
   * @default - none: the folder is created and Google assigns its id
   */
  readonly folderId?: string;
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
  /**
   * Whether the project is created, imported or only referred to.
   * @default 'create'
   */
  readonly adopt?: Adoption;
  /**
   * APIs enabled in the project (`logging.googleapis.com`, ...); never disabled when removed from config.
   * @default - none
   */
  readonly services?: readonly string[];
}

export interface ResourceHierarchyProps {
  /** Numeric organization id the top-level folders sit under. */
  readonly organizationId: string;
  /** Folders, in any order (parents are created first). */
  readonly folders: readonly HierarchyFolder[];
  /** Projects, each in a declared folder. */
  readonly projects: readonly HierarchyProject[];
  /**
   * Billing account linked to every project created or imported; required when there is one.
   * @default - none (only valid when every project is `existing`)
   */
  readonly billingAccount?: string;
}

export class ResourceHierarchy extends Construct {
  /** The folder resources (created or imported) by config key; existing folders have none. */
  readonly folders: ReadonlyMap<string, Folder>;
  /** `folders/<id>` of every declared folder by config key: a reference for managed folders, a literal for existing ones. */
  readonly folderNames: ReadonlyMap<string, string>;
  /** The numeric id of every declared folder by config key (what `google_project.folder_id` takes), likewise. */
  readonly folderIds: ReadonlyMap<string, string>;
  /** The project resources (created or imported) by config key; existing projects have none. */
  readonly projects: ReadonlyMap<string, Project>;
  /** The enabled APIs by config key of the project, then by service name. */
  readonly services: ReadonlyMap<string, ReadonlyMap<string, ProjectService>>;

  constructor(scope: Construct, id: string, props: ResourceHierarchyProps) {
    super(scope, id);
    const folders = new Map<string, Folder>();
    const folderNames = new Map<string, string>();
    for (const folder of parentsFirst(props.folders)) {
      const adopt = folder.adopt ?? 'create';
      if (adopt !== 'create' && folder.folderId === undefined) {
        throw new Error(`folder "${folder.key}": adopt ${adopt} needs the folder's numeric folderId, got none`);
      }
      if (adopt === 'existing') {
        folderNames.set(folder.key, `folders/${folder.folderId}`);
        continue;
      }
      const resource = new Folder(this, `Folder-${folder.key}`, {
        displayName: folder.displayName,
        parent: folder.parent === undefined ? `organizations/${props.organizationId}` : folderNames.get(folder.parent)!,
        deletionProtection: true,
      });
      // The folder resource imports by `folders/<id>` (google provider, resource_google_folder.go importer).
      if (adopt === 'import') resource.importFrom(`folders/${folder.folderId}`);
      folders.set(folder.key, resource);
      folderNames.set(folder.key, resource.name);
    }

    const folderIds = new Map<string, string>();
    for (const [key, name] of folderNames) folderIds.set(key, folders.get(key)?.folderId ?? name.replace(/^folders\//, ''));
    const managed = manageProjects(this, props.projects, { folderIds, billingAccount: props.billingAccount });
    this.folders = folders;
    this.folderNames = folderNames;
    this.folderIds = folderIds;
    this.projects = managed.projects;
    this.services = managed.services;
  }
}

/** Where projects go and who pays for them (see manageProjects). */
export interface ProjectPlacement {
  /** Numeric folder id by folder key: a reference for a managed folder (across stacks too), a literal for an existing one. */
  readonly folderIds: ReadonlyMap<string, string>;
  /** Billing account of every created or imported project; see ResourceHierarchyProps.billingAccount. */
  readonly billingAccount?: string;
}

/** The project resources (created or imported) and the enabled APIs, by config key of the project. */
export interface ManagedProjects {
  readonly projects: ReadonlyMap<string, Project>;
  readonly services: ReadonlyMap<string, ReadonlyMap<string, ProjectService>>;
}

/**
 * Creates, imports or only refers to each project, and enables its APIs, as children of `scope` with the
 * construct ids `Project-<key>` and `Service-<key>-<api>`. The hierarchy stack calls it for every project; with
 * `stacks.shardByFolder` a folder's stack calls it for that folder's projects, under a construct of the same id
 * (`Hierarchy`), so a project keeps its Terraform address when it moves between the two stacks' states.
 */
export function manageProjects(scope: Construct, list: readonly HierarchyProject[], placement: ProjectPlacement): ManagedProjects {
  const projects = new Map<string, Project>();
  const services = new Map<string, Map<string, ProjectService>>();
  for (const project of list) {
    const folderId = placement.folderIds.get(project.folder);
    if (folderId === undefined) throw new Error(`project "${project.key}" names folder "${project.folder}", which is not a declared folder`);
    if (project.labels && 'coupling' in project.labels) {
      throw new Error(`project "${project.key}": the coupling label comes from coupling, got labels.coupling "${project.labels.coupling}"`);
    }
    const adopt = project.adopt ?? 'create';
    let projectId = project.id;
    if (adopt !== 'existing') {
      if (placement.billingAccount === undefined) {
        throw new Error(`project "${project.key}": adopt ${adopt} needs billingAccount (a new project cannot enable the Compute API to delete its default network without billing), got none`);
      }
      const resource = new Project(scope, `Project-${project.key}`, {
        projectId: project.id,
        name: project.name ?? project.id,
        folderId,
        labels: { ...project.labels, coupling: project.coupling },
        // billing_account is Optional, not Computed: left unset on an imported project, the next apply would unlink billing.
        billingAccount: placement.billingAccount,
        // The default network has permissive firewall rules; networks are created on purpose or not at all. On
        // import the provider records auto_create_network = true (resource_google_project.go, import state), so an
        // imported project keeps that value instead of showing a diff; remove its default network by hand.
        autoCreateNetwork: adopt === 'create' ? false : undefined,
        // Deleting a project deletes its logs, secrets and keys with it: it takes a deliberate state change.
        deletionPolicy: 'PREVENT',
      });
      // The provider imports projects by project id only, never by number (resource_google_project.go).
      if (adopt === 'import') resource.importFrom(project.id);
      projects.set(project.key, resource);
      projectId = resource.projectId;
    }
    const enabled = new Map<string, ProjectService>();
    for (const service of [...new Set(project.services ?? [])].sort()) {
      enabled.set(
        service,
        new ProjectService(scope, `Service-${project.key}-${service.replace(/\.googleapis\.com$/, '')}`, {
          project: projectId,
          service,
          // Turning an API off breaks whatever else uses it; removing it from config only stops managing it.
          disableOnDestroy: false,
          disableDependentServices: false,
        }),
      );
    }
    services.set(project.key, enabled);
  }
  return { projects, services };
}
