/**
 * Keeps values found at sensitive paths out of every message: report data that equals (or contains)
 * such a value is replaced by `(sensitive)` before a message is rendered.
 */
import type { Model, Resource, UnknownTree } from './model';

export const REDACTED = '(sensitive)';

/** Shorter strings (`true`, `1`, `us`) are too common to be recognisably secret inside longer text. */
const MIN_CONTAINED_LENGTH = 8;

function collectAll(value: unknown, out: Set<string>, depth: number): void {
  if (value === null || value === undefined || depth > 600) return;
  if (typeof value !== 'object') {
    out.add(String(value));
    return;
  }
  // The whole subtree is secret: its JSON form and every scalar in it.
  out.add(JSON.stringify(value));
  for (const item of Object.values(value)) collectAll(item, out, depth + 1);
}

function collectSensitive(value: unknown, tree: UnknownTree | undefined, out: Set<string>, depth: number): void {
  if (tree === undefined || tree === false || value === null || value === undefined || depth > 600) return;
  if (tree === true) {
    collectAll(value, out, depth);
    return;
  }
  if (typeof value !== 'object') return;
  for (const key of Object.keys(tree)) {
    let sub = (value as Record<string, unknown>)[key];
    // Synthesized JSON writes single blocks as objects where plans (and so sensitive marks) use arrays.
    if (sub === undefined && key === '0' && !Array.isArray(value)) sub = value;
    collectSensitive(sub, (tree as Record<string, UnknownTree>)[key], out, depth + 1);
  }
}

/** Every scalar (as text) and subtree (as JSON) at a sensitive path of the resource, after and before. */
export function sensitiveValuesOf(resource: Resource): Set<string> {
  const out = new Set<string>();
  collectSensitive(resource.values, resource.sensitive, out, 0);
  if (resource.before) collectSensitive(resource.before, resource.sensitive, out, 0);
  return out;
}

/** Sensitive values across the model, for findings that belong to no one resource. Built lazily, once. */
export function modelSensitiveValues(model: Model): Set<string> {
  const out = new Set<string>();
  for (const resource of model.resources) {
    if (resource.sensitive === true || (typeof resource.sensitive === 'object' && Object.keys(resource.sensitive).length > 0)) {
      for (const v of sensitiveValuesOf(resource)) out.add(v);
    }
  }
  return out;
}

export function redactValue(value: string | number, secrets: ReadonlySet<string>): string | number {
  if (secrets.size === 0) return value;
  const text = String(value);
  if (secrets.has(text)) return REDACTED;
  for (const secret of secrets) {
    if (secret.length >= MIN_CONTAINED_LENGTH && text.includes(secret)) return REDACTED;
  }
  return value;
}

/** Replaces `{{name}}` with report data; unknown names stay visible so a broken template is noticed. */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>> | undefined, secrets: ReadonlySet<string>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const value = data && Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    return value === undefined ? whole : String(redactValue(value, secrets));
  });
}
