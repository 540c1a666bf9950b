/**
 * `--against OLD`: the access, routing, secrets and detection rows of two reviews compared as lines, so a
 * reviewer sees what a change adds and removes. A row is one fact in words; the same fact reads the same.
 */
import type { Review, ReviewDiff, SectionDiff } from './facts';

export function accessLines(review: Review): string[] {
  return review.access.flatMap((p) =>
    p.grants.map((g) => `${p.principal} has ${g.role} on ${g.scope.label}${g.condition?.expires ? ` until ${g.condition.expires}` : ''}`),
  );
}

export function routingLines(review: Review): string[] {
  return [
    ...review.routing.sinks.map((s) => `sink ${s.name} on ${s.source}${s.includeChildren === 'yes' ? ' (with children)' : ''} -> ${s.destination} (${s.audit})`),
    ...review.routing.unrouted.map((p) => `${p} reaches no sink`),
  ];
}

export function secretLines(review: Review): string[] {
  return review.secrets.flatMap((s) => [
    `secret ${s.secret} (${s.replication}${s.rotationDays === undefined ? ', no rotation' : `, rotates every ${s.rotationDays} days`})`,
    ...s.readers.map((r) => `${r.principal} may read secret ${s.secret} (${r.role}, ${r.via})`),
  ]);
}

export function detectionLines(review: Review): string[] {
  return [
    ...review.detection.map((d) => `${d.title}: ${d.status}${d.alert ? ` (alert ${d.alert})` : ''}`),
    // A source whose absence alert goes away is a silence nobody will notice.
    ...review.logSources.map((s) => `log source ${s.name} (${s.coupling}): ${s.status}${s.alert ? ` (alert ${s.alert})` : ''}`),
  ];
}

function compare(now: readonly string[], before: readonly string[]): SectionDiff {
  const old = new Set(before);
  const current = new Set(now);
  return { added: [...current].filter((l) => !old.has(l)).sort(), removed: [...old].filter((l) => !current.has(l)).sort() };
}

export function diffReviews(now: Review, before: Review, against: string): ReviewDiff {
  return {
    against,
    access: compare(accessLines(now), accessLines(before)),
    routing: compare(routingLines(now), routingLines(before)),
    secrets: compare(secretLines(now), secretLines(before)),
    detection: compare(detectionLines(now), detectionLines(before)),
  };
}
