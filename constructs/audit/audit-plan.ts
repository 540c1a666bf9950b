/**
 * Where `allServices` audit configs go so that the effective audit logging is what config says
 * (CIS GCP 2.1: allServices with ADMIN_READ, DATA_READ and DATA_WRITE, no exempted members).
 *
 * IAM unions audit configs down the hierarchy (org -> folders -> project) and across the
 * `allServices` entry and per-service entries. A narrower set can therefore only be had where
 * nothing above already enables more. So:
 * - every project gets exactly its desired set: tight-coupled projects all three, projects under
 *   a narrowed folder what the nearest narrowed folder keeps, all others all three;
 * - the org and each folder get the intersection of what everything beneath them wants (the
 *   most they can hold without widening a descendant), written only where it adds to what is
 *   inherited. With no narrowing that is one org-level entry with all three.
 * A per-service narrowing cannot take effect while allServices keeps more for a non-tight part
 * of the org; that fails here, naming the config path.
 *
 * Pure: no cdktf, so the plan is testable on its own and readable by anything.
 */
import { parentsFirst } from '../hierarchy/folder-order';

/** The three audit log types an audit config can keep. */
export type AuditLogType = 'ADMIN_READ' | 'DATA_READ' | 'DATA_WRITE';

export const ALL_AUDIT_LOG_TYPES: readonly AuditLogType[] = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];

/** A folder or a service that keeps fewer log types than all three (exactly one of the two is set). */
export interface AuditNarrowing {
  /** The service narrowed org-wide, e.g. `storage.googleapis.com`. */
  readonly service?: string;
  /** The config key of the folder narrowed. */
  readonly folder?: string;
  /** The log types kept. */
  readonly logTypes: readonly AuditLogType[];
  /** Why; shown to reviewers. */
  readonly reason: string;
}

export interface AuditPlanInput {
  /** Numeric organization id. */
  readonly organizationId: string;
  /** Folders as declared in config (any order). */
  readonly folders: readonly { readonly key: string; readonly parent?: string }[];
  /** Projects as declared in config; tight-coupled ones always keep all three log types. */
  readonly projects: readonly { readonly key: string; readonly id: string; readonly folder: string; readonly coupling: 'tight' | 'loose' }[];
  /** `audit.narrowing` from config; error messages name entries by their index here. */
  readonly narrowing: readonly AuditNarrowing[];
}

/** One `allServices` audit config to write: on the org, a folder (by key) or a project (by key). */
export interface AuditPlacement {
  readonly level: 'organization' | 'folder' | 'project';
  /** The org id, or the folder / project config key. */
  readonly key: string;
  readonly logTypes: readonly AuditLogType[];
}

export interface AuditPlan {
  /** The configs to write, org first, then folders parents-first, then projects in config order. */
  readonly placements: readonly AuditPlacement[];
  /** The effective log types at every node, keyed `organizations/<id>`, `folder:<key>`, `project:<key>`. */
  readonly effective: ReadonlyMap<string, readonly AuditLogType[]>;
}

type Types = ReadonlySet<AuditLogType>;

const sorted = (types: Types): AuditLogType[] => ALL_AUDIT_LOG_TYPES.filter((t) => types.has(t));
const intersect = (a: Types, b: Types): Types => new Set([...a].filter((t) => b.has(t)));
const sameTypes = (a: Types, b: Types): boolean => a.size === b.size && [...a].every((t) => b.has(t));
const subset = (a: Types, b: Types): boolean => [...a].every((t) => b.has(t));
const ALL: Types = new Set(ALL_AUDIT_LOG_TYPES);

export function planAuditConfigs(input: AuditPlanInput): AuditPlan {
  const folders = parentsFirst(input.folders);
  const folderNarrowing = folderNarrowings(input);

  // What config asks for at each folder: the nearest narrowed ancestor-or-self wins.
  const wantedAtFolder = new Map<string, Types>();
  for (const f of folders) {
    const own = folderNarrowing.get(f.key);
    wantedAtFolder.set(f.key, own ?? (f.parent !== undefined ? wantedAtFolder.get(f.parent)! : ALL));
  }
  const wantedAtProject = new Map(
    input.projects.map((p) => [p.key, p.coupling === 'tight' ? ALL : wantedAtFolder.get(p.folder)!] as const),
  );

  // The most a container can hold: the intersection of what it and everything beneath it want.
  const most = new Map<string, Types>(folders.map((f) => [f.key, wantedAtFolder.get(f.key)!]));
  for (const p of input.projects) most.set(p.folder, intersect(most.get(p.folder)!, wantedAtProject.get(p.key)!));
  for (const f of [...folders].reverse()) {
    if (f.parent !== undefined) most.set(f.parent, intersect(most.get(f.parent)!, most.get(f.key)!));
  }
  const topLevel = folders.filter((f) => f.parent === undefined);
  const atOrg = topLevel.reduce<Types>((acc, f) => intersect(acc, most.get(f.key)!), ALL);

  const orgKey = `organizations/${input.organizationId}`;
  const placements: AuditPlacement[] = [{ level: 'organization', key: input.organizationId, logTypes: sorted(atOrg) }];
  const effective = new Map<string, Types>([[orgKey, atOrg]]);
  const inheritedOf = (parent: string | undefined): Types => effective.get(parent === undefined ? orgKey : `folder:${parent}`)!;
  for (const f of folders) {
    const inherited = inheritedOf(f.parent);
    const here = most.get(f.key)!;
    if (!sameTypes(here, inherited)) placements.push({ level: 'folder', key: f.key, logTypes: sorted(here) });
    effective.set(`folder:${f.key}`, here);
  }
  for (const p of input.projects) {
    const inherited = inheritedOf(p.folder);
    const wanted = wantedAtProject.get(p.key)!;
    if (!sameTypes(wanted, inherited)) placements.push({ level: 'project', key: p.key, logTypes: sorted(wanted) });
    effective.set(`project:${p.key}`, wanted);
  }

  checkServiceNarrowings(input, effective, new Set(input.projects.filter((p) => p.coupling === 'tight').map((p) => `project:${p.key}`)));
  return { placements, effective: new Map([...effective].map(([k, v]) => [k, sorted(v)])) };
}

/** Folder narrowings by folder key; throws on entries that name both/neither, unknown or repeated folders. */
function folderNarrowings(input: AuditPlanInput): Map<string, Types> {
  const folderKeys = new Set(input.folders.map((f) => f.key));
  const byFolder = new Map<string, Types>();
  const firstIndex = new Map<string, number>();
  input.narrowing.forEach((n, i) => {
    const path = `audit.narrowing[${i}]`;
    if ((n.service === undefined) === (n.folder === undefined)) {
      throw new Error(`${path}: expected exactly one of service or folder, got ${n.service === undefined ? 'neither' : 'both'}`);
    }
    const key = n.service === undefined ? `folder:${n.folder}` : `service:${n.service}`;
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      throw new Error(`${path}: ${key.replace(':', ' "')}" is already narrowed by audit.narrowing[${earlier}]; keep one entry`);
    }
    firstIndex.set(key, i);
    if (n.folder === undefined) return;
    if (!folderKeys.has(n.folder)) {
      throw new Error(`${path}.folder: expected a declared folder key (${[...folderKeys].join(', ')}), got "${n.folder}"`);
    }
    byFolder.set(n.folder, new Set(n.logTypes));
  });
  return byFolder;
}

/**
 * A per-service narrowing takes effect only where allServices keeps no more than it; tight-coupled
 * projects are exempt (they keep all three by design). Anywhere else it would be silently overridden,
 * so it fails instead of deploying something other than what config says.
 */
function checkServiceNarrowings(input: AuditPlanInput, effective: ReadonlyMap<string, Types>, tight: ReadonlySet<string>): void {
  input.narrowing.forEach((n, i) => {
    if (n.service === undefined) return;
    const keeps: Types = new Set(n.logTypes);
    for (const [node, types] of effective) {
      if (tight.has(node) || subset(types, keeps)) continue;
      throw new Error(
        `audit.narrowing[${i}].service: cannot narrow "${n.service}" to ${sorted(keeps).join(', ')}: audit configs are ` +
          `unioned across allServices and per-service entries down the hierarchy, and allServices keeps ` +
          `${sorted(types).join(', ')} at ${describeNode(node)} (CIS GCP 2.1); narrow a folder instead, or remove the entry`,
      );
    }
  });
}

/** `folder:shared` -> `folder "shared"`; the org key reads as is. */
function describeNode(node: string): string {
  const [kind, key] = node.split(':');
  return key === undefined ? node : `${kind} "${key}"`;
}
