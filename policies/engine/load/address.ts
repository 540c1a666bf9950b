/**
 * Terraform resource addresses: `module.a.module.b["x"].google_foo.bar[0]`, `data.google_iam_policy.p`.
 */
import { indexSuffix } from './expressions';

export interface ParsedAddress {
  /** [`module.a`, `module.b["x"]`]; empty at the root. */
  readonly modulePath: readonly string[];
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
}

interface Step {
  readonly name: string;
  readonly index?: string | number;
}

/** Splits an address into `name[index]` steps; undefined when it is not an address. */
function steps(address: string): Step[] | undefined {
  const out: Step[] = [];
  const step = /([A-Za-z_][\w-]*)(?:\[(?:(\d+)|"((?:[^"\\]|\\.)*)")\])?(\.|$)/y;
  let pos = 0;
  while (pos < address.length) {
    step.lastIndex = pos;
    const m = step.exec(address);
    if (!m) return undefined;
    const index = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? JSON.parse(`"${m[3]}"`) as string : undefined;
    out.push({ name: m[1], index });
    pos = step.lastIndex;
    if (m[4] === '' ) break;
  }
  return pos === address.length ? out : undefined;
}

export function parseAddress(address: string): ParsedAddress | undefined {
  let parts: Step[] | undefined;
  try {
    parts = steps(address);
  } catch {
    return undefined;
  }
  if (!parts) return undefined;
  const modulePath: string[] = [];
  let i = 0;
  while (i + 1 < parts.length && parts[i].name === 'module' && parts[i].index === undefined && parts.length - i > 2) {
    modulePath.push(`module.${parts[i + 1].name}${indexSuffix(parts[i + 1].index)}`);
    i += 2;
  }
  const rest = parts.slice(i);
  if (rest.length === 3 && rest[0].name === 'data' && rest[0].index === undefined && rest[1].index === undefined) {
    return { modulePath, mode: 'data', type: rest[1].name, name: rest[2].name, index: rest[2].index };
  }
  // `data` and `module` name a data source or a module call, never a resource type.
  if (rest.length === 2 && rest[0].index === undefined && rest[0].name !== 'data' && rest[0].name !== 'module') {
    return { modulePath, mode: 'managed', type: rest[0].name, name: rest[1].name, index: rest[1].index };
  }
  return undefined;
}

/** The module path without instance keys, as configuration names it: `module.a["x"]` -> `a`. */
export function configModuleKey(modulePath: readonly string[]): string {
  return modulePath.map((m) => m.replace(/^module\./, '').replace(/\[.*\]$/, '')).join('.');
}

/** The address without its own instance key: `module.a.google_x.y[0]` -> `module.a.google_x.y`. */
export function baseAddress(parsed: ParsedAddress): string {
  const local = parsed.mode === 'data' ? `data.${parsed.type}.${parsed.name}` : `${parsed.type}.${parsed.name}`;
  return parsed.modulePath.length > 0 ? `${parsed.modulePath.join('.')}.${local}` : local;
}
