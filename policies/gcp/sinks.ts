/**
 * Log sinks: where they sit, their exclusions, and what their filter and exclusions do to the audit log
 * streams. Filters are judged per stream (all / none / some entries); anything not provable counts as
 * `some`, so doubt fails a check instead of passing it.
 */
import { get, type Model, type Resource, type Value } from '../engine/model';
import { isTrue, type Tri } from '../engine/values';
import { nodeKeyOf } from './ancestry';
import { type AuditLogStream, auditStreamsMatched, auditStreamsNotKept } from './logging-filter';

export type SinkLevel = 'organization' | 'folder' | 'project' | 'billing-account';

/** Sink resource types, their level and the attribute naming where they sit. */
export const SINK_TYPES: Readonly<Record<string, { readonly level: SinkLevel; readonly parent: string }>> = {
  google_logging_organization_sink: { level: 'organization', parent: 'org_id' },
  google_logging_folder_sink: { level: 'folder', parent: 'folder' },
  google_logging_project_sink: { level: 'project', parent: 'project' },
  google_logging_billing_account_sink: { level: 'billing-account', parent: 'billing_account' },
};

/** Managed sinks that will exist after apply (a sink being deleted routes nothing). */
export function liveSinks(model: Model, types: readonly string[] = Object.keys(SINK_TYPES)): Resource[] {
  return types.flatMap((t) => model.byType(t)).filter((r) => r.mode === 'managed' && r.action !== 'delete');
}

/** One `exclusions` block of a sink, or a `google_logging_*_exclusion` resource. */
export interface ExclusionView {
  readonly resource: Resource;
  /** Attribute path prefix in the resource: `exclusions.0.` for a sink block, `` for an exclusion resource. */
  readonly path: string;
  readonly name: string;
  readonly filter: Value<string>;
  readonly disabled: Tri;
}

/** The exclusions blocks of a sink, in order. */
export function sinkExclusions(sink: Resource): ExclusionView[] {
  const blocks = get<unknown>(sink, 'exclusions');
  if (blocks.state !== 'known') return [];
  const list = Array.isArray(blocks.value) ? blocks.value : [blocks.value];
  return list.map((block, i) => {
    const path = Array.isArray(blocks.value) ? `exclusions.${i}.` : 'exclusions.';
    const name = typeof (block as { name?: unknown })?.name === 'string' ? (block as { name: string }).name : `#${i}`;
    return { resource: sink, path, name, filter: get<string>(sink, `${path}filter`), disabled: isTrue(sink, `${path}disabled`) };
  });
}

/** What an exclusion does to audit logs: drops some (which streams), provably none, or unknown. */
export type ExclusionVerdict =
  | { readonly state: 'harmless' }
  | { readonly state: 'drops'; readonly streams: readonly AuditLogStream[] }
  | { readonly state: 'unknown'; readonly path: string };

export function exclusionVerdict(exclusion: ExclusionView): ExclusionVerdict {
  if (exclusion.disabled === 'yes') return { state: 'harmless' };
  if (exclusion.disabled === 'unknown') return { state: 'unknown', path: `${exclusion.path}disabled` };
  const filter = exclusion.filter;
  if (filter.state === 'unknown') return { state: 'unknown', path: `${exclusion.path}filter` };
  // An exclusion without a filter matches every entry.
  const streams = auditStreamsMatched(filter.state === 'known' ? filter.value : '');
  return streams.length === 0 ? { state: 'harmless' } : { state: 'drops', streams };
}

/** Whether a sink routes every audit log stream: the reason it does not, or the attribute that decides after apply. */
export type SinkAuditVerdict =
  | { readonly state: 'keeps' }
  | { readonly state: 'disabled' }
  | { readonly state: 'filter'; readonly streams: readonly AuditLogStream[] }
  | { readonly state: 'exclusion'; readonly exclusion: string; readonly streams: readonly AuditLogStream[] }
  | { readonly state: 'unknown'; readonly path: string };

export function sinkAuditVerdict(sink: Resource): SinkAuditVerdict {
  const disabled = isTrue(sink, 'disabled');
  if (disabled === 'unknown') return { state: 'unknown', path: 'disabled' };
  if (disabled === 'yes') return { state: 'disabled' };
  const filter = get<string>(sink, 'filter');
  if (filter.state === 'unknown') return { state: 'unknown', path: 'filter' };
  const notKept = filter.state === 'known' ? auditStreamsNotKept(filter.value) : [];
  if (notKept.length > 0) return { state: 'filter', streams: notKept };
  for (const exclusion of sinkExclusions(sink)) {
    const verdict = exclusionVerdict(exclusion);
    if (verdict.state === 'unknown') return verdict;
    if (verdict.state === 'drops') return { state: 'exclusion', exclusion: exclusion.name, streams: verdict.streams };
  }
  return { state: 'keeps' };
}

const PREFIX_OF_LEVEL = { organization: 'organizations', folder: 'folders', project: 'projects' } as const;

/** The hierarchy key a sink sits at; undefined for billing-account sinks or when only apply can tell. */
export function sinkNodeKey(model: Model, sink: Resource): string | undefined {
  const type = SINK_TYPES[sink.type];
  if (!type || type.level === 'billing-account') return undefined;
  return nodeKeyOf(model, sink, type.parent, PREFIX_OF_LEVEL[type.level]);
}
