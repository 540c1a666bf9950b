/** Coverage: does a sink put every audit log stream somewhere that will exist after apply? */
import type { Model, Resource } from '../engine/model';
import { isTrue } from '../engine/values';
import { describeDestination, destinationUsable, resolveSinkDestination } from './sink-destinations';
import { sinkAuditVerdict } from './sinks';

export type SinkCoverage =
  | { readonly state: 'covers' }
  | {
      readonly state: 'fails';
      readonly reason: 'no-include-children' | 'disabled' | 'filter' | 'exclusion' | 'destination-deleted' | 'destination-unrecognised';
      /** Audit streams not kept (filter, exclusion), the exclusion's name, the destination: for messages. */
      readonly detail: string;
    }
  | { readonly state: 'unknown'; readonly attribute: string };

/**
 * Whether a live sink keeps every audit log stream (not disabled, filter keeps all, no exclusion drops
 * any) and writes to a destination that will exist; `children`: also require `include_children = true`
 * (organization and folder sinks that are to cover what is below them).
 */
export function sinkCoverage(model: Model, sink: Resource, children: boolean): SinkCoverage {
  if (children) {
    const include = isTrue(sink, 'include_children');
    if (include === 'unknown') return { state: 'unknown', attribute: 'include_children' };
    if (include === 'no') return { state: 'fails', reason: 'no-include-children', detail: '' };
  }
  const audit = sinkAuditVerdict(sink);
  switch (audit.state) {
    case 'unknown':
      return { state: 'unknown', attribute: audit.path };
    case 'disabled':
      return { state: 'fails', reason: 'disabled', detail: '' };
    case 'filter':
      return { state: 'fails', reason: 'filter', detail: audit.streams.join(', ') };
    case 'exclusion':
      return { state: 'fails', reason: 'exclusion', detail: `"${audit.exclusion}" (${audit.streams.join(', ')})` };
    case 'keeps':
      break;
  }
  const destination = resolveSinkDestination(model, sink);
  const usable = destinationUsable(destination);
  if (usable === 'unknown') return { state: 'unknown', attribute: 'destination' };
  if (usable === 'deleted') return { state: 'fails', reason: 'destination-deleted', detail: describeDestination(destination) };
  if (usable === 'unrecognised') return { state: 'fails', reason: 'destination-unrecognised', detail: describeDestination(destination) };
  return { state: 'covers' };
}
