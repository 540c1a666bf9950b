/**
 * Apply order: what Terraform (and `cdktf deploy`) is bound to finish before it starts a resource. Terraform
 * walks a graph whose edges are references and `depends_on`; cdktf deploys a stack only after the stacks it
 * depends on. Anything not ordered by one of those may be applied in parallel, in either order.
 */
import { perModel, type Model, type Resource } from './model';

/** The stacks a stack waits for, directly or through others. */
function stacksBefore(model: Model, stack: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(model.stackDependencies.get(stack) ?? [])];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(model.stackDependencies.get(next) ?? []));
  }
  return seen;
}

const closuresOf = perModel(() => new Map<string, Set<string>>());

/** Ids of the resources `later` waits for through references and depends_on, directly or transitively. */
function resourcesBefore(model: Model, later: Resource): Set<string> {
  const byResource = closuresOf(model);
  const cached = byResource.get(later.id);
  if (cached) return cached;
  const seen = new Set<string>();
  const queue = [later];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const ids = [...next.references.map((r) => r.target), ...next.dependsOn];
    for (const id of ids) {
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const target = model.byId(id);
      if (target) queue.push(target);
    }
  }
  byResource.set(later.id, seen);
  return seen;
}

/**
 * Whether `earlier` is certainly applied before `later` starts: `later` refers to it or depends on it
 * (directly or through other resources), or `later`'s stack depends on `earlier`'s stack.
 */
export function appliedBefore(model: Model, earlier: Resource, later: Resource): boolean {
  if (earlier.stack !== undefined && later.stack !== undefined && earlier.stack !== later.stack && stacksBefore(model, later.stack).has(earlier.stack)) return true;
  return resourcesBefore(model, later).has(earlier.id);
}
