/**
 * Where a grant applies: its target's key, then the keys of what contains it, nearest first, so access
 * and duties compare through the hierarchy (org > folder > project > key ring > key).
 */
import { ancestors, hierarchyKeyOf } from '../engine/hierarchy';
import { get, type Grant, type GrantLevel, type Model, type Resource } from '../engine/model';
import type { Tri } from '../engine/values';
import { LEVEL_PREFIX, normalizeTargetId, targetIdentity } from './iam-grants';

/**
 * Where a grant applies: its target's key, then the keys of what contains it, nearest first: hierarchy
 * keys (`projects/p`, `folders/f`, `organizations/o`, as policies/engine/hierarchy.ts makes them),
 * `res:<id path>` for resources named by id, `ref:<model id>` for resources referenced in the input.
 */
export interface GrantScope {
  readonly level: GrantLevel;
  readonly chain: readonly string[];
  /** True when where the target sits is known only after apply (its id, or a parent on the way up). */
  readonly unplaced: boolean;
}

interface Chain {
  readonly chain: string[];
  readonly unplaced: boolean;
}

const NO_CHAIN: Chain = { chain: [], unplaced: false };

function chainAbove(model: Model, key: string): Chain {
  const up = ancestors(model, key);
  const unplaced = [model.hierarchy.get(key), ...up].some((n) => n?.parentUnknown === true);
  return { chain: [key, ...up.map((n) => n.key)], unplaced };
}

/** The parents an id path names: `projects/p/locations/l/keyRings/r/cryptoKeys/k` -> the key ring's path, ..., `projects/p` and up. */
function pathParents(model: Model, id: string): Chain {
  const parts = id.split('/');
  const chain: string[] = [];
  for (let n = parts.length - 1; n >= 2; n--) {
    const prefix = parts.slice(0, n).join('/');
    // `projects/-/...` (an account whose email names no project): which project it sits in is not in the id.
    if (n === 2 && parts[0] === 'projects' && parts[1] === '-') return { chain, unplaced: true };
    if (n === 2 && parts[0] === 'projects') {
      const up = chainAbove(model, prefix);
      return { chain: [...chain, ...up.chain], unplaced: up.unplaced };
    }
    chain.push(`res:${prefix}`);
  }
  return { chain, unplaced: false };
}

/** Attributes through which a resource names what contains it (a key's key ring, anything's project). */
const PARENT_ATTRIBUTES = ['key_ring', 'project'] as const;

/** What contains a resource of the input, from its parent attributes, following references up. */
function resourceParents(model: Model, resource: Resource, depth = 0): Chain {
  if (depth > 8) return NO_CHAIN;
  for (const attribute of PARENT_ATTRIBUTES) {
    const value = get<string>(resource, attribute);
    if (value.state === 'known' && typeof value.value === 'string') {
      if (attribute === 'project') return chainAbove(model, `projects/${normalizeTargetId('project', value.value)}`);
      const own = pathParents(model, value.value);
      return { chain: [`res:${value.value}`, ...own.chain], unplaced: own.unplaced };
    }
    if (value.state === 'unknown') {
      const target = value.references.map((r) => (r.target ? model.byId(r.target) : undefined)).find((r) => r !== undefined);
      if (!target) return { chain: [], unplaced: true };
      const key = hierarchyKeyOf(target);
      if (key) return chainAbove(model, key);
      const up = resourceParents(model, target, depth + 1);
      return { chain: [`ref:${target.id}`, ...up.chain], unplaced: up.unplaced };
    }
  }
  return NO_CHAIN;
}

export function grantScope(model: Model, grant: Grant): GrantScope {
  const { level } = grant.target;
  const identity = targetIdentity(model, grant);
  if (identity.state === 'unknown' || identity.state === 'expression') {
    return { level, chain: [identity.state === 'expression' ? `expr:${identity.key}` : `unknown:${grant.resourceId}`], unplaced: true };
  }
  const referenced = grant.target.resourceId === undefined ? undefined : model.byId(grant.target.resourceId);
  if (level !== 'resource') {
    const key = identity.state === 'known' ? `${LEVEL_PREFIX[level]}${identity.key}` : referenced && hierarchyKeyOf(referenced);
    return { level, ...chainAbove(model, key ?? `ref:${identity.key}`) };
  }
  if (identity.state === 'known') {
    const up = pathParents(model, identity.key);
    return { level, chain: [`res:${identity.key}`, ...up.chain], unplaced: up.unplaced };
  }
  const up = referenced ? resourceParents(model, referenced) : NO_CHAIN;
  return { level, chain: [`ref:${identity.key}`, ...up.chain], unplaced: up.unplaced };
}

export const reachesOrganization = (scope: GrantScope) => scope.chain.some((k) => k.startsWith('organizations/'));

/**
 * Whether one scope contains the other (or they are the same); 'unknown' when only apply can tell. The input is taken to cover one organization, so an organization-level grant contains every
 * scope that is not shown to sit in another organization.
 */
export function scopesOverlap(a: GrantScope, b: GrantScope): Tri {
  if (a.chain.includes(b.chain[0]) || b.chain.includes(a.chain[0])) return 'yes';
  if ((a.level === 'organization' && !reachesOrganization(b)) || (b.level === 'organization' && !reachesOrganization(a))) return 'yes';
  return a.unplaced || b.unplaced ? 'unknown' : 'no';
}
