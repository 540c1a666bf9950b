/**
 * Reading values that may be known only after apply, with one three-valued answer (Tri) wherever a
 * question may stay open until apply: an unknown value must never pass silently.
 */
import { get, type Model, type Reference, type Resource, type Value } from './model';

/** Decided yes, decided no, or open until apply: the one answer to every yes/no question about the input. */
export type Tri = 'yes' | 'no' | 'unknown';

/** A decided boolean as a Tri. */
export function tri(decided: boolean): Tri {
  return decided ? 'yes' : 'no';
}

/**
 * A string value as far as the input tells it: the known value, or a synthesized template whose
 * every `${...}` names a known attribute of another resource (`projects/${google_project.p.project_id}`).
 */
export function resolvedString(model: Model, value: Value<unknown>): string | undefined {
  if (value.state === 'known') return typeof value.value === 'string' ? value.value : undefined;
  if (value.state !== 'unknown' || value.raw === undefined) return undefined;
  let text = value.raw;
  for (const reference of value.references) {
    const target = reference.target === undefined ? undefined : model.byId(reference.target);
    if (!target || reference.attribute === undefined) return undefined;
    const resolved = get<string>(target, reference.attribute);
    if (resolved.state !== 'known' || typeof resolved.value !== 'string') return undefined;
    text = text.split(`\${${reference.expression}}`).join(resolved.value);
  }
  return text.includes('${') ? undefined : text;
}

/** `resolvedString` of a resource's attribute. */
export function knownString(model: Model, resource: Resource, path: string): string | undefined {
  return resolvedString(model, get(resource, path));
}

/** The (target, attribute) pairs a value known only after apply refers to, as `target#attribute`. */
function referenceKeys(references: readonly Reference[]): Set<string> {
  return new Set(references.filter((r) => r.target !== undefined).map((r) => `${r.target}#${r.attribute ?? ''}`));
}

/**
 * Whether two identifiers (project ids, bucket names, members) are the same, compared after `normalize`:
 * 'yes', 'no', or 'unknown' when the input cannot tell before apply.
 */
export function sameIdentifier(model: Model, a: Value<unknown>, b: Value<unknown>, normalize: (s: string) => string = (s) => s): Tri {
  const left = resolvedString(model, a);
  const right = resolvedString(model, b);
  if (left !== undefined && right !== undefined) return tri(normalize(left) === normalize(right));
  if (a.state === 'unknown' && b.state === 'unknown') {
    if (a.raw !== undefined && a.raw === b.raw) return 'yes';
    const rightKeys = referenceKeys(b.references);
    if ([...referenceKeys(a.references)].some((k) => rightKeys.has(k))) return 'yes';
  }
  return 'unknown';
}

/** `projects/p` -> `p`, `folders/1` -> `1`, `b/name` -> `name`: the last path segment of a resource name. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Whether a boolean attribute is true: 'yes', 'no' (false or absent), or 'unknown' when it is known only after apply. */
export function isTrue(resource: Resource, path: string): Tri {
  const value = get(resource, path);
  if (value.state === 'unknown') return 'unknown';
  return tri(value.state === 'known' && (value.value === true || value.value === 'true'));
}

/** Resources that still exist after the change (a planned delete leaves nothing to rely on). */
export function surviving(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => r.action !== 'delete');
}

/** The text of a value as written: a known string, or a synthesized token string (`organizations/${var.org}`). */
export function writtenText(value: Value<unknown>): string | undefined {
  if (value.state === 'known') return String(value.value);
  return value.state === 'unknown' ? value.raw : undefined;
}

/** Any `yes` decides; failing that, an `unknown` leaves it open; else `no`. */
export function anyYes(items: readonly Tri[]): Tri {
  if (items.includes('yes')) return 'yes';
  return items.includes('unknown') ? 'unknown' : 'no';
}
