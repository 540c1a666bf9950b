/** Names for people: a hierarchy key, a scope chain's head or a resource, as a reviewer reads them. */
import type { Model, Resource, Value } from '../engine/model';
import { displayValue } from '../gcp/principals';
import { knownString, lastSegment } from '../engine/values';

/** Attributes that name a resource, most telling first. */
const NAME_ATTRIBUTES = ['secret_id', 'bucket_id', 'account_id', 'display_name', 'name', 'dataset_id', 'role_id', 'view_id'];

/** `google_secret_manager_secret` -> `secret_manager_secret`: the type without the provider's prefix. */
export function shortType(type: string): string {
  return type.replace(/^google_/, '');
}

/** A resource by its name attribute when known (`pubsub_topic audit-to-siem`), else its address. */
export function resourceLabel(model: Model, resource: Resource): string {
  for (const attribute of NAME_ATTRIBUTES) {
    const name = knownString(model, resource, attribute);
    if (name !== undefined && name !== '') return `${shortType(resource.type)} ${lastSegment(name)}`;
  }
  return resource.address;
}

/**
 * A hierarchy key or scope-chain key (policies/gcp/scopes.ts) for people: `organization 123`,
 * `folder Shared` (a declared folder's display name), `project p`, a resource's name.
 */
export function keyLabel(model: Model, key: string): string {
  const [head, ...rest] = key.split('/');
  const id = rest.join('/');
  if (head === 'organizations') return `organization ${id}`;
  if (head === 'projects' && rest.length === 1) return `project ${id}`;
  if (head === 'folders') {
    const node = model.hierarchy.get(key);
    const folder = node?.resourceId === undefined ? undefined : model.byId(node.resourceId);
    const name = folder ? knownString(model, folder, 'display_name') : undefined;
    return `folder ${name ?? lastSegment(id)}`;
  }
  if (key.startsWith('ref:')) {
    const resource = model.byId(key.slice('ref:'.length));
    return resource ? resourceLabel(model, resource) : key.slice('ref:'.length);
  }
  if (key.startsWith('res:')) return key.slice('res:'.length);
  if (key.startsWith('expr:')) return key.slice('expr:'.length);
  return '(known after apply)';
}

/**
 * A member known only after apply, named by what it refers to: `${google_logging_organization_sink.x.writer_identity}`
 * reads `writer_identity of logging_organization_sink baseline-central-logs`. Known members stay as written.
 */
export function memberLabel(model: Model, member: Value<string>): string {
  const display = displayValue(member);
  if (member.state !== 'unknown') return display;
  return display.replace(/\$\{([^}]+)\}/g, (whole, expression: string) => {
    const reference = member.references.find((r) => r.expression === expression.trim() && r.target !== undefined);
    const target = reference?.target === undefined ? undefined : model.byId(reference.target);
    if (!target) return whole;
    const what = resourceLabel(model, target);
    return `{${reference!.attribute ? `${reference!.attribute} of ` : ''}${what}}`;
  });
}
