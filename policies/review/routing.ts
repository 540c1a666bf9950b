/**
 * Log routing: from sources (organization, folders, projects) through sinks to destinations, with the
 * destination's retention, lock and CMEK; projects whose logs reach no sink come first.
 */
import { ancestors } from '../engine/hierarchy';
import { get, type Model, type Resource } from '../engine/model';
import type { RuleParams } from '../engine/rule';
import { isTrue, knownString, tri, type Tri } from '../engine/values';
import { parseDurationSeconds, SECONDS_PER_DAY } from '../gcp/durations';
import { grantIsForWriter, writerGrantScope } from '../gcp/sink-writers';
import { describeDestination, resolveSinkDestination, type SinkDestination } from '../gcp/sink-destinations';
import { liveSinks, sinkAuditVerdict, sinkExclusions, sinkNodeKey, SINK_TYPES } from '../gcp/sinks';
import { projectsOf } from '../gcp/projects';
import { liveGrants } from '../gcp/iam-grants';
import { describeRole } from '../gcp/roles';
import type { DestinationFact, RoutingFacts, SinkFact } from './facts';
import { SECRET_TYPES } from './secrets';
import { keyLabel, resourceLabel } from './labels';

/** Longer filters are cut here: a summary, not the filter (the input has it whole). */
const FILTER_SUMMARY_LENGTH = 120;

function summary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > FILTER_SUMMARY_LENGTH ? `${flat.slice(0, FILTER_SUMMARY_LENGTH - 1)}…` : flat;
}

/** Present and known, present but known only after apply, or absent: a CMEK key or lock as configured. */
function configured(resource: Resource, path: string): Tri {
  const value = get(resource, path);
  if (value.state === 'absent') return 'no';
  return value.state === 'known' ? tri(value.value !== '') : 'yes';
}

function days(resource: Resource, path: string, unit: 'days' | 'seconds' | 'duration'): number | undefined {
  const value = get<unknown>(resource, path);
  if (value.state !== 'known') return undefined;
  if (unit === 'duration') {
    const seconds = parseDurationSeconds(String(value.value));
    return seconds === undefined ? undefined : Math.round(seconds / SECONDS_PER_DAY);
  }
  const n = Number(value.value);
  if (!Number.isFinite(n)) return undefined;
  return unit === 'days' ? n : Math.round(n / SECONDS_PER_DAY);
}

function destinationFact(model: Model, destination: SinkDestination): DestinationFact {
  if (destination.state !== 'resource') {
    const kind = destination.state === 'literal' ? destination.kind : 'unknown';
    return { key: describeDestination(destination), label: describeDestination(destination), kind };
  }
  const r = destination.resource;
  const base = { key: r.id, label: resourceLabel(model, r), kind: destination.kind, address: r.address, project: knownString(model, r, 'project') };
  switch (destination.kind) {
    case 'logging-bucket':
      return { ...base, retentionDays: days(r, 'retention_days', 'days'), locked: isTrue(r, 'locked'), cmek: configured(r, 'cmek_settings.kms_key_name') };
    case 'storage-bucket':
      return {
        ...base,
        retentionDays: days(r, 'retention_policy.retention_period', 'seconds'),
        locked: isTrue(r, 'retention_policy.is_locked'),
        cmek: configured(r, 'encryption.default_kms_key_name'),
        storageClass: knownString(model, r, 'storage_class'),
      };
    case 'pubsub-topic':
      return { ...base, retentionDays: days(r, 'message_retention_duration', 'duration'), cmek: configured(r, 'kms_key_name') };
    default:
      return { ...base, cmek: configured(r, 'default_encryption_configuration.kms_key_name') };
  }
}

function auditSummary(sink: Resource): string {
  const verdict = sinkAuditVerdict(sink);
  switch (verdict.state) {
    case 'keeps':
      return 'keeps every audit log';
    case 'disabled':
      return 'disabled';
    case 'filter':
      return `filter drops ${verdict.streams.join(', ')}`;
    case 'exclusion':
      return `exclusion ${verdict.exclusion} drops ${verdict.streams.join(', ')}`;
    default:
      return `known after apply (${verdict.path})`;
  }
}

/** The writer identity, and the role it is granted for its destination. */
function writerSummary(model: Model, sink: Resource, destination: SinkDestination): string {
  const known = knownString(model, sink, 'writer_identity') ?? knownString(model, sink, 'custom_writer_identity');
  const identity = known ?? `writer identity of ${knownString(model, sink, 'name') ?? sink.name} (known after apply)`;
  if (destination.state !== 'resource' && destination.state !== 'literal') return identity;
  const granted = liveGrants(model)
    .filter((g) => grantIsForWriter(model, g, sink) === 'yes')
    .map((g) => `${describeRole(model, g.role).display} on ${writerGrantScope(model, g, destination)}`);
  return granted.length > 0 ? `${identity}; granted ${granted.join(', ')}` : `${identity}; no grant on its destination`;
}

function sinkFact(model: Model, sink: Resource): SinkFact {
  const key = sinkNodeKey(model, sink);
  const filter = get<string>(sink, 'filter');
  const destination = resolveSinkDestination(model, sink);
  const level = SINK_TYPES[sink.type]?.level ?? sink.type;
  return {
    address: sink.address,
    name: knownString(model, sink, 'name') ?? sink.name,
    level,
    source: key === undefined ? `${level} (known after apply)` : keyLabel(model, key),
    includeChildren: level === 'project' ? 'no' : isTrue(sink, 'include_children'),
    filter: filter.state === 'known' ? summary(filter.value) : filter.state === 'absent' ? '(all logs)' : '(known after apply)',
    audit: auditSummary(sink),
    exclusions: sinkExclusions(sink).map((e) => e.name),
    writer: writerSummary(model, sink, destination),
    destination: destinationFact(model, destination).label,
  };
}

export function logRouting(model: Model, params: RuleParams): RoutingFacts {
  const sinks = liveSinks(model);
  const atKey = new Map<string, Resource[]>();
  for (const sink of sinks) {
    const key = sinkNodeKey(model, sink);
    if (key !== undefined) atKey.set(key, [...(atKey.get(key) ?? []), sink]);
  }
  const projects = projectsOf(model, params.projects)
    .map((project) => {
      const own = atKey.get(project.key) ?? [];
      const inherited = ancestors(model, project.key).flatMap((n) => (atKey.get(n.key) ?? []).filter((s) => isTrue(s, 'include_children') === 'yes'));
      return { project: keyLabel(model, project.key), sinks: [...own, ...inherited].map((s) => knownString(model, s, 'name') ?? s.name) };
    })
    .sort((a, b) => a.project.localeCompare(b.project));
  const destinations = new Map<string, DestinationFact>();
  for (const sink of sinks) {
    const fact = destinationFact(model, resolveSinkDestination(model, sink));
    destinations.set(fact.key, fact);
  }
  const destinationProjects = new Set([...destinations.values()].map((d) => d.project));
  const secretProjects = new Set(SECRET_TYPES.flatMap((t) => model.byType(t)).map((s) => knownString(model, s, 'project')));
  const [only] = destinationProjects;
  return {
    dedicatedProject: destinationProjects.size === 1 && only !== undefined && !secretProjects.has(only),
    unrouted: projects.filter((p) => p.sinks.length === 0).map((p) => p.project),
    projects,
    sinks: sinks.map((s) => sinkFact(model, s)).sort((a, b) => a.source.localeCompare(b.source) || a.name.localeCompare(b.name)),
    destinations: [...destinations.values()].sort((a, b) => a.label.localeCompare(b.label)),
  };
}
