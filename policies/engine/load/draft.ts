/** A resource while a loader is still filling it in (references are resolved once every resource is known). */
import type { Reference, Resource } from '../model';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type ResourceDraft = Mutable<Resource> & { references: Reference[] };

/** Model id: `<stack>/<address>` when the input has stacks. */
export function resourceId(stack: string | undefined, address: string): string {
  return stack === undefined ? address : `${stack}/${address}`;
}

/**
 * Every loader builds resources here, so all of them share one object shape: rules read the same
 * fields of hundreds of thousands of resources, and one shape keeps those reads fast.
 */
export function newResource(
  r: Omit<ResourceDraft, 'stack' | 'index' | 'before' | 'constructPath' | 'dependsOn' | 'importing'> & Partial<Pick<ResourceDraft, 'stack' | 'index' | 'before' | 'constructPath' | 'dependsOn' | 'importing'>>,
): ResourceDraft {
  return {
    id: r.id,
    stack: r.stack,
    address: r.address,
    mode: r.mode,
    type: r.type,
    name: r.name,
    index: r.index,
    modulePath: r.modulePath,
    values: r.values,
    before: r.before,
    unknown: r.unknown,
    sensitive: r.sensitive,
    action: r.action,
    importing: r.importing ?? false,
    references: r.references,
    dependsOn: r.dependsOn ?? [],
    constructPath: r.constructPath,
    inlineSuppressions: r.inlineSuppressions,
    sourceFile: r.sourceFile,
  };
}
