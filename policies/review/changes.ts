/** The change summary of a plan: actions per resource type, and deletes and replaces, security resources first. */
import { SECURITY_RESOURCES } from '../catalog/security-resources';
import type { Action, Model } from '../engine/model';
import type { ChangeCount, ChangeFacts, DestructiveChange } from './facts';

export function changeSummary(model: Model): ChangeFacts {
  const byType = new Map<string, Partial<Record<Action, number>>>();
  const destructive: DestructiveChange[] = [];
  for (const resource of model.resources) {
    if (resource.mode !== 'managed' || resource.action === 'no-op' || resource.action === 'read') continue;
    const counts = byType.get(resource.type) ?? {};
    counts[resource.action] = (counts[resource.action] ?? 0) + 1;
    byType.set(resource.type, counts);
    if (resource.action === 'delete' || resource.action === 'replace') {
      destructive.push({ address: resource.id, type: resource.type, action: resource.action, security: SECURITY_RESOURCES[resource.type] });
    }
  }
  destructive.sort((a, b) => Number(a.security === undefined) - Number(b.security === undefined) || a.address.localeCompare(b.address));
  const counts: ChangeCount[] = [...byType.entries()].map(([type, c]) => ({ type, counts: c })).sort((a, b) => a.type.localeCompare(b.type));
  return { plan: model.kind === 'plan', byType: counts, destructive };
}
