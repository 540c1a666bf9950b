/**
 * Sharding per folder (`stacks.shardByFolder`): which projects, and which grants on them, leave the hierarchy
 * and iam stacks for a stack of their folder's own, `projects-<folder>`. Pure functions of the config; the
 * stacks are wired in stacks/index.ts.
 *
 * A folder's stack holds its projects (created, imported or existing), their APIs and the grants on them with
 * predefined roles. What the shared stacks build on stays in the hierarchy stack: the foundation projects and the
 * scanning project hold their buckets, keys, secrets and topics, so those stacks still need only the hierarchy.
 * Grants of custom roles stay in the iam stack, beside the roles they wait for.
 */
import type { BaselineConfig, ProjectConfig } from '../policies/config/org-config';
import type { GrantBinding } from '../constructs/iam/config-grants';

/** The stack id of a folder's projects. Folder keys are lower-case words with hyphens, as stack ids are. */
export function shardStackId(folderKey: string): string {
  return `projects-${folderKey}`;
}

/** The projects the shared stacks put resources in: they stay in the hierarchy stack. */
export function foundationProjectKeys(config: BaselineConfig): ReadonlySet<string> {
  const { logging, secrets, kms } = config.foundationProjects;
  return new Set([logging, secrets, kms, ...(config.scanning?.project === undefined ? [] : [config.scanning.project])]);
}

export interface ProjectShard {
  /** `projects-<folder>`. */
  readonly stackId: string;
  readonly folder: string;
  /** The folder's projects other than the foundation projects, in config order. */
  readonly projects: readonly ProjectConfig[];
}

/** One shard per folder that directly holds a project other than a foundation project, in folder order; none unless sharding. */
export function projectShards(config: BaselineConfig): ProjectShard[] {
  if (!config.stacks.shardByFolder) return [];
  const foundation = foundationProjectKeys(config);
  const byFolder = new Map<string, ProjectConfig[]>(config.folders.map((f) => [f.key, []]));
  for (const project of config.projects) if (!foundation.has(project.key)) byFolder.get(project.folder)?.push(project);
  return [...byFolder].filter(([, projects]) => projects.length > 0).map(([folder, projects]) => ({ stackId: shardStackId(folder), folder, projects }));
}

/** Config bindings with their position in `iam.bindings`, as the stacks that make them receive them. */
export type IndexedBinding = GrantBinding & { readonly index: number };

/** `iam.bindings` split between the iam stack and the folders' stacks (by stack id). */
export interface BindingPartition {
  readonly iam: readonly IndexedBinding[];
  readonly byShard: ReadonlyMap<string, readonly IndexedBinding[]>;
}

/**
 * Which stack makes each binding: the stack of the project's folder for a predefined role on a sharded project,
 * else the iam stack (organization and folder grants, foundation projects, custom roles).
 */
export function partitionBindings(config: BaselineConfig, shards: readonly ProjectShard[]): BindingPartition {
  const stackOf = new Map(shards.flatMap((s) => s.projects.map((p) => [p.key, s.stackId] as const)));
  const iam: IndexedBinding[] = [];
  const byShard = new Map<string, IndexedBinding[]>();
  config.iam.bindings.forEach((b, index) => {
    const binding: IndexedBinding = { scope: b.scope, role: b.role, members: b.members, index };
    const shard = 'project' in b.scope && b.role.startsWith('roles/') ? stackOf.get(b.scope.project) : undefined;
    if (shard === undefined) iam.push(binding);
    else if (byShard.has(shard)) byShard.get(shard)!.push(binding);
    else byShard.set(shard, [binding]);
  });
  return { iam, byShard };
}
