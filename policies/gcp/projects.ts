/** The projects to judge: google_project resources, declared projects and hierarchy nodes, by key. */
import { hierarchyKeyOf } from '../engine/hierarchy';
import type { Model, Resource } from '../engine/model';
import { knownString, lastSegment } from '../engine/values';

/** Projects to judge: google_project resources and config-declared projects, by hierarchy key. */
export interface ProjectView {
  readonly key: string;
  readonly id: string;
  /** The declaring resource, when the input has one (findings go there; else they are reported as missing). */
  readonly resource?: Resource;
  readonly coupling?: 'tight' | 'loose';
  /** True when the config declares the project (then it belongs to the configured organization). */
  readonly declared: boolean;
}

export function projectsOf(model: Model, declared: readonly { readonly id: string; readonly coupling: 'tight' | 'loose' }[]): ProjectView[] {
  const byKey = new Map<string, ProjectView>();
  for (const resource of model.byType('google_project')) {
    if (resource.mode !== 'managed' || resource.action === 'delete') continue;
    const id = knownString(model, resource, 'project_id');
    const key = hierarchyKeyOf(resource)!;
    const label = knownString(model, resource, 'labels.coupling');
    const coupling = label === 'tight' || label === 'loose' ? label : model.hierarchy.get(key)?.coupling;
    byKey.set(key, { key, id: id ?? lastSegment(key), resource, coupling, declared: false });
  }
  for (const project of declared) {
    const key = `projects/${project.id}`;
    const existing = byKey.get(key);
    // Config says how tightly a project is coupled; a label never loosens it.
    const coupling = existing?.coupling === 'tight' ? 'tight' : project.coupling;
    byKey.set(key, { key, id: project.id, resource: existing?.resource, coupling, declared: true });
  }
  for (const node of model.hierarchy.values()) {
    if (node.kind === 'project' && !byKey.has(node.key)) {
      const resource = node.resourceId === undefined ? undefined : model.byId(node.resourceId);
      if (resource?.action === 'delete') continue;
      byKey.set(node.key, { key: node.key, id: lastSegment(node.key), resource, coupling: node.coupling, declared: false });
    }
  }
  return [...byKey.values()];
}
