/**
 * Small readings several rules share: which resources survive the change, and whether a parent
 * string names the organization. Three-valued because an unknown value must never pass silently.
 */
import type { Resource, Value } from './model';

/** Decided yes, decided no, or open until apply. */
export type Tri = 'yes' | 'no' | 'unknown';

/** Resources that still exist after the change (a planned delete leaves nothing to rely on). */
export function surviving(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => r.action !== 'delete');
}

/** The text of a value as written: a known string, or a synthesized token string (`organizations/${var.org}`). */
export function writtenText(value: Value<unknown>): string | undefined {
  if (value.state === 'known') return String(value.value);
  return value.state === 'unknown' ? value.raw : undefined;
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

/** Any `yes` decides; failing that, an `unknown` leaves it open; else `no`. */
export function anyYes(items: readonly Tri[]): Tri {
  if (items.includes('yes')) return 'yes';
  return items.includes('unknown') ? 'unknown' : 'no';
}
