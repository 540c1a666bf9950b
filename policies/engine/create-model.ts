/**
 * The Model implementation: resources plus the indexes every rule needs (by id, by type, grants by
 * granting resource, referrers), each built once in one pass; grants and hierarchy are derived once here.
 */
import { extractGrants } from './grants';
import { buildHierarchy, type DeclaredHierarchy } from './hierarchy';
import type { Grant, HierarchyNode, InputKind, Model, Resource, UnreadInput } from './model';

export interface ModelParts {
  readonly kind: InputKind;
  readonly sources: readonly string[];
  readonly stacks: readonly string[];
  /** cdktf.out only: each stack's dependencies, from manifest.json. */
  readonly stackDependencies?: ReadonlyMap<string, readonly string[]>;
  readonly resources: readonly Resource[];
  /** Parts of the input not read into resources. @default none */
  readonly unread?: readonly UnreadInput[];
  /** Folders and projects a config declares, added to the hierarchy. */
  readonly declared?: DeclaredHierarchy;
  /** Hierarchy nodes the input states directly (an asset export's ancestors), beside those its resources declare. */
  readonly nodes?: readonly HierarchyNode[];
}

const NONE: readonly never[] = Object.freeze([]);

/** Appends to a list in a map, creating it on first use. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class IndexedModel implements Model {
  readonly kind: InputKind;
  readonly sources: readonly string[];
  readonly stacks: readonly string[];
  readonly stackDependencies: ReadonlyMap<string, readonly string[]>;
  readonly resources: readonly Resource[];
  readonly unread: readonly UnreadInput[];
  readonly grants: readonly Grant[];
  readonly hierarchy: ReadonlyMap<string, HierarchyNode>;
  private readonly ids = new Map<string, Resource>();
  private readonly types = new Map<string, Resource[]>();
  private readonly grantsByResource = new Map<string, Grant[]>();
  private readonly referrersById = new Map<string, Resource[]>();

  constructor(parts: ModelParts) {
    this.kind = parts.kind;
    this.sources = parts.sources;
    this.stacks = parts.stacks;
    this.stackDependencies = parts.stackDependencies ?? new Map();
    this.resources = parts.resources;
    this.unread = parts.unread ?? NONE;
    for (const resource of parts.resources) {
      this.ids.set(resource.id, resource);
      push(this.types, resource.type, resource);
      let previous: string | undefined;
      for (const reference of resource.references) {
        // One entry per referring resource, however many of its attributes point at the target.
        if (reference.target === undefined || reference.target === previous) continue;
        const list = this.referrersById.get(reference.target);
        if (!list || list[list.length - 1] !== resource) push(this.referrersById, reference.target, resource);
        previous = reference.target;
      }
    }
    this.grants = extractGrants(this);
    for (const grant of this.grants) push(this.grantsByResource, grant.resourceId, grant);
    this.hierarchy = buildHierarchy(this, parts.declared, parts.nodes);
  }

  byId(id: string): Resource | undefined {
    return this.ids.get(id);
  }

  byType(type: string): readonly Resource[] {
    return this.types.get(type) ?? NONE;
  }

  grantsOf(resourceId: string): readonly Grant[] {
    return this.grantsByResource.get(resourceId) ?? NONE;
  }

  referrers(resourceId: string): readonly Resource[] {
    return this.referrersById.get(resourceId) ?? NONE;
  }
}

export function createModel(parts: ModelParts): Model {
  return new IndexedModel(parts);
}
