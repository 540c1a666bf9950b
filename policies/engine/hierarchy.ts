/**
 * The resource hierarchy (organization > folders > projects) as the input declares it, plus the
 * config's folders and projects when a config is given. Keys: `organizations/<id>`, `folders/<id>`,
 * `projects/<project id>`; a folder or project whose id is known only after apply is keyed by its
 * model id (`folders/<resource id>`), which is also how references to it resolve.
 */
import { get, type HierarchyNode, type Model, type Resource } from './model';

type Source = Pick<Model, 'resources' | 'byId' | 'byType'>;
type Node = { -readonly [K in keyof HierarchyNode]: HierarchyNode[K] };

function nonEmptyAttribute(resource: Resource, path: string): string | undefined {
  const v = get<unknown>(resource, path);
  return v.state === 'known' && typeof v.value === 'string' && v.value !== '' ? v.value : undefined;
}

function withPrefix(prefix: 'organizations/' | 'folders/', id: string): string {
  return id.startsWith(prefix) ? id : `${prefix}${id}`;
}

/** The node key a declaring resource gets. */
export function hierarchyKeyOf(resource: Resource): string | undefined {
  switch (resource.type) {
    case 'google_organization': {
      const id = nonEmptyAttribute(resource, 'org_id') ?? nonEmptyAttribute(resource, 'organization');
      return withPrefix('organizations/', id ?? resource.id);
    }
    case 'google_folder': {
      const id = nonEmptyAttribute(resource, 'folder_id') ?? nonEmptyAttribute(resource, 'name');
      return withPrefix('folders/', id ?? resource.id);
    }
    case 'google_project':
      return `projects/${nonEmptyAttribute(resource, 'project_id') ?? resource.id}`;
    default:
      return undefined;
  }
}

/** Where a parent attribute points: a known id, or the node of the resource it references. */
function parentFrom(model: Source, resource: Resource, attribute: string, prefix: 'organizations/' | 'folders/'): { key?: string; unknown: boolean } {
  const value = get<unknown>(resource, attribute);
  if (value.state === 'absent') return { unknown: false };
  if (value.state === 'known') {
    const text = String(value.value);
    if (text === '') return { unknown: false };
    if (text.startsWith('organizations/') || text.startsWith('folders/')) return { key: text, unknown: false };
    return { key: withPrefix(prefix, text), unknown: false };
  }
  for (const reference of value.references) {
    const target = reference.target === undefined ? undefined : model.byId(reference.target);
    const key = target && hierarchyKeyOf(target);
    if (key) return { key, unknown: false };
  }
  return { unknown: true };
}

function set(nodes: Map<string, Node>, node: Node): void {
  const existing = nodes.get(node.key);
  // A declaring resource replaces a placeholder made from a mere mention of its id.
  if (!existing || (existing.resourceId === undefined && node.resourceId !== undefined)) {
    nodes.set(node.key, { ...node, coupling: node.coupling ?? existing?.coupling });
    return;
  }
  // Declarations in the input win over config, config fills what the input leaves open.
  existing.resourceId ??= node.resourceId;
  if (existing.parent === undefined && node.parent !== undefined) {
    existing.parent = node.parent;
    existing.parentUnknown = undefined;
  }
  existing.coupling ??= node.coupling;
}

/** A parent named by id but not declared in the input still is a node (a folder's own parent then is unknown). */
function addReferenced(nodes: Map<string, Node>, key: string | undefined): void {
  if (key === undefined || nodes.has(key)) return;
  if (key.startsWith('organizations/')) nodes.set(key, { kind: 'organization', key });
  else if (key.startsWith('folders/')) nodes.set(key, { kind: 'folder', key, parentUnknown: true });
}

/**
 * The hierarchy a config declares beyond the input: the organization, folders by key (parent key or the
 * organization) and projects by id. The engine's own shape; config adapters fill it.
 */
export interface DeclaredHierarchy {
  readonly organizationId: string;
  readonly folders: readonly { readonly key: string; readonly parent?: string }[];
  readonly projects: readonly {
    readonly id: string;
    readonly folder?: string;
    readonly coupling?: 'tight' | 'loose';
    /** The project number, when the config knows it (asset exports name projects by number). */
    readonly number?: string;
  }[];
}

export function buildHierarchy(model: Source, declared?: DeclaredHierarchy, stated: readonly HierarchyNode[] = []): Map<string, HierarchyNode> {
  const nodes = new Map<string, Node>();
  for (const node of stated) set(nodes, { ...node });
  for (const org of model.byType('google_organization')) {
    set(nodes, { kind: 'organization', key: hierarchyKeyOf(org)!, resourceId: org.id });
  }
  for (const folder of model.byType('google_folder')) {
    const parent = parentFrom(model, folder, 'parent', 'folders/');
    addReferenced(nodes, parent.key);
    set(nodes, { kind: 'folder', key: hierarchyKeyOf(folder)!, resourceId: folder.id, parent: parent.key, parentUnknown: parent.unknown || undefined });
  }
  for (const project of model.byType('google_project')) {
    const folder = parentFrom(model, project, 'folder_id', 'folders/');
    const org = folder.key === undefined && !folder.unknown ? parentFrom(model, project, 'org_id', 'organizations/') : { unknown: false };
    const parent = folder.key ?? org.key;
    addReferenced(nodes, parent);
    set(nodes, { kind: 'project', key: hierarchyKeyOf(project)!, resourceId: project.id, parent, parentUnknown: folder.unknown || org.unknown || undefined });
  }
  if (declared) {
    const orgKey = `organizations/${declared.organizationId}`;
    set(nodes, { kind: 'organization', key: orgKey });
    for (const f of declared.folders) set(nodes, { kind: 'folder', key: `folders/${f.key}`, parent: f.parent ? `folders/${f.parent}` : orgKey });
    for (const p of declared.projects) set(nodes, { kind: 'project', key: `projects/${p.id}`, parent: p.folder ? `folders/${p.folder}` : orgKey, coupling: p.coupling });
  }
  return nodes;
}

/** The chain of parents of a node, nearest first, up to the organization (or as far as is known). */
export function ancestors(model: Pick<Model, 'hierarchy'>, key: string): HierarchyNode[] {
  const out: HierarchyNode[] = [];
  const seen = new Set([key]);
  let parent = model.hierarchy.get(key)?.parent;
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const node = model.hierarchy.get(parent);
    if (!node) break;
    out.push(node);
    parent = node.parent;
  }
  return out;
}
