/**
 * Where a node sits in the resource hierarchy: the chain of keys above it, the key an attribute names
 * (also through a folder lookup), and whether a parent string names the organization.
 */
import { ancestors, hierarchyKeyOf } from '../engine/hierarchy';
import type { HierarchyNode, Model, Resource, Value } from '../engine/model';
import { knownString, lastSegment, type Tri, writtenText } from '../engine/values';

/** A node and everything above it, from the node up; complete when it ends at the organization. */
export interface HierarchyChain {
  readonly keys: readonly string[];
  readonly complete: boolean;
}

/**
 * The chain above a node. `organizationId`: for a project the config declares, the configured
 * organization is at its top even where the input does not show the folders in between (config
 * declares only its own organization's projects); the chain then stays incomplete.
 */
export function hierarchyChain(model: Model, key: string, organizationId?: string): HierarchyChain {
  const above = ancestors(model, key);
  const nodes = [model.hierarchy.get(key), ...above].filter((n): n is HierarchyNode => n !== undefined);
  const top = nodes[nodes.length - 1];
  const keys = [key, ...above.map((n) => n.key)];
  const reachesOrganization = top !== undefined && top.kind === 'organization';
  const complete = reachesOrganization && nodes.every((n) => !n.parentUnknown);
  if (!reachesOrganization && organizationId !== undefined) keys.push(`organizations/${organizationId}`);
  return { keys, complete };
}

/**
 * The hierarchy key (`organizations/1`, `folders/2`, `projects/p`) an attribute names: from its known
 * value, or from the folder / project / organization resource it refers to (also through a folder
 * lookup). Undefined when only apply can tell.
 */
export function nodeKeyOf(model: Model, resource: Resource, attribute: string, prefix: 'organizations' | 'folders' | 'projects'): string | undefined {
  const text = knownString(model, resource, attribute);
  if (text !== undefined) return /^(organizations|folders|projects)\/[^/]+$/.test(text) ? text : `${prefix}/${lastSegment(text)}`;
  for (const reference of resource.references) {
    if (reference.path !== attribute || reference.target === undefined) continue;
    const target = model.byId(reference.target);
    if (!target) continue;
    const key = target.mode === 'data' && target.type === 'google_active_folder' ? lookedUpFolderKey(model, target) : hierarchyKeyOf(target);
    if (key !== undefined) return key;
  }
  return undefined;
}

/**
 * The declared folder a lookup finds (`data.google_active_folder`, as plain Terraform often finds a
 * folder another configuration declares): same display name, same parent.
 */
function lookedUpFolderKey(model: Model, lookup: Resource): string | undefined {
  const name = knownString(model, lookup, 'display_name');
  const parent = nodeKeyOf(model, lookup, 'parent', 'folders');
  if (name === undefined || parent === undefined) return undefined;
  for (const folder of model.byType('google_folder')) {
    if (folder.mode !== 'managed' || knownString(model, folder, 'display_name') !== name) continue;
    const key = hierarchyKeyOf(folder);
    if (key !== undefined && model.hierarchy.get(key)?.parent === parent) return key;
  }
  return undefined;
}

/**
 * Whether a parent (`organizations/<id>`) is the organization. Without a configured organization id
 * any organization counts; with one, a token hiding the id leaves it open.
 */
export function isOrganizationParent(parent: Value<unknown>, organizationId: string | undefined): Tri {
  const written = writtenText(parent);
  if (written === undefined) return parent.state === 'unknown' ? 'unknown' : 'no';
  if (!written.startsWith('organizations/')) return written.startsWith('${') ? 'unknown' : 'no';
  const id = written.slice('organizations/'.length);
  if (organizationId === undefined) return 'yes';
  if (id.includes('${')) return 'unknown';
  return id === organizationId ? 'yes' : 'no';
}
