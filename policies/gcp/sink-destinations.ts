/** Where a sink writes: the destination resource or URI, its kind, and whether it will exist after apply. */
import { type SinkDestinationKind, sinkDestinationKind } from '../catalog/roles';
import { get, perModel, type Model, type Resource } from '../engine/model';
import { knownString, lastSegment } from '../engine/values';
import { liveSinks } from './sinks';

/** Resource types a sink can write to, by destination kind. */
export const DESTINATION_TYPES: Readonly<Record<SinkDestinationKind, readonly string[]>> = {
  'logging-bucket': [
    'google_logging_project_bucket_config',
    'google_logging_folder_bucket_config',
    'google_logging_organization_bucket_config',
    'google_logging_billing_account_bucket_config',
  ],
  'storage-bucket': ['google_storage_bucket'],
  'pubsub-topic': ['google_pubsub_topic'],
  'bigquery-dataset': ['google_bigquery_dataset'],
};

export const LOG_BUCKET_TYPES = DESTINATION_TYPES['logging-bucket'];

/** The parent attribute of each log bucket config type and the resource-name prefix it stands for. */
export const LOG_BUCKET_PARENTS: Readonly<Record<string, { readonly attribute: string; readonly prefix: string }>> = {
  google_logging_project_bucket_config: { attribute: 'project', prefix: 'projects' },
  google_logging_folder_bucket_config: { attribute: 'folder', prefix: 'folders' },
  google_logging_organization_bucket_config: { attribute: 'organization', prefix: 'organizations' },
  google_logging_billing_account_bucket_config: { attribute: 'billing_account', prefix: 'billingaccounts' },
};

function kindOfType(type: string): SinkDestinationKind | undefined {
  return (Object.keys(DESTINATION_TYPES) as SinkDestinationKind[]).find((k) => DESTINATION_TYPES[k].includes(type));
}

export type SinkDestination =
  /** A resource in the input (check its action: one being deleted receives nothing). */
  | { readonly state: 'resource'; readonly kind: SinkDestinationKind; readonly resource: Resource }
  /** A well-formed destination of a known kind that the input does not manage (it exists elsewhere). */
  | { readonly state: 'literal'; readonly kind: SinkDestinationKind; readonly uri: string }
  /** Known only after apply and not traceable to a resource in the input. */
  | { readonly state: 'unknown'; readonly display: string }
  /** Known, but not a destination kind this baseline knows (or absent). */
  | { readonly state: 'unrecognised'; readonly display: string };

/** Whether a destination URI names this resource; 'unknown' parts of the resource are given the benefit of the doubt. */
function uriNames(model: Model, uri: string, resource: Resource): boolean {
  const rest = uri.replace(/^[a-z]+\.googleapis\.com\//, '');
  const equalOrUnknown = (path: string, expected: string | undefined) => {
    const actual = knownString(model, resource, path);
    return expected !== undefined && (actual === undefined ? get(resource, path).state === 'unknown' : lastSegment(actual) === expected);
  };
  const parent = LOG_BUCKET_PARENTS[resource.type];
  if (parent) {
    const m = /^([A-Za-z]+)\/([^/]+)\/locations\/([^/]+)\/buckets\/([^/]+)$/.exec(rest);
    if (!m || m[1].toLowerCase() !== parent.prefix) return false;
    return knownString(model, resource, 'bucket_id') === m[4] && equalOrUnknown(parent.attribute, m[2]) && equalOrUnknown('location', m[3]);
  }
  if (resource.type === 'google_storage_bucket') return knownString(model, resource, 'name') === rest;
  if (resource.type === 'google_pubsub_topic') {
    const m = /^projects\/([^/]+)\/topics\/([^/]+)$/.exec(rest);
    return m !== null && knownString(model, resource, 'name') === m[2] && (get(resource, 'project').state === 'absent' || equalOrUnknown('project', m[1]));
  }
  if (resource.type === 'google_bigquery_dataset') {
    const m = /^projects\/([^/]+)\/datasets\/([^/]+)$/.exec(rest);
    return m !== null && knownString(model, resource, 'dataset_id') === m[2] && (get(resource, 'project').state === 'absent' || equalOrUnknown('project', m[1]));
  }
  return false;
}

/**
 * Where a sink writes: the destination resource when the `destination` refers to one or names one
 * in the input, a literal URI of a known kind, unknown (decided at apply), or unrecognised.
 */
export function resolveSinkDestination(model: Model, sink: Resource): SinkDestination {
  const value = get<string>(sink, 'destination');
  for (const reference of sink.references) {
    if (reference.path !== 'destination' || reference.target === undefined) continue;
    const target = model.byId(reference.target);
    const kind = target && target.mode === 'managed' ? kindOfType(target.type) : undefined;
    if (target && kind) return { state: 'resource', kind, resource: target };
  }
  const uri = knownString(model, sink, 'destination');
  if (uri === undefined) {
    if (value.state === 'unknown') return { state: 'unknown', display: value.raw ?? '(known after apply)' };
    return { state: 'unrecognised', display: '(absent)' };
  }
  const kind = sinkDestinationKind(uri);
  if (!kind) return { state: 'unrecognised', display: uri };
  const resource = DESTINATION_TYPES[kind].flatMap((t) => model.byType(t)).find((r) => r.mode === 'managed' && uriNames(model, uri, r));
  return resource ? { state: 'resource', kind, resource } : { state: 'literal', kind, uri };
}

/** A short name for a destination in messages. */
export function describeDestination(destination: SinkDestination): string {
  switch (destination.state) {
    case 'resource':
      return destination.resource.address;
    case 'literal':
      return destination.uri;
    default:
      return destination.display;
  }
}

/** Live sinks whose destination is this resource (a bucket, topic or dataset), memoised per model. */
export function sinksWritingTo(model: Model, resourceId: string): readonly Resource[] {
  return destinationIndexOf(model).get(resourceId) ?? [];
}

const destinationIndexOf = perModel((model) => {
  const index = new Map<string, Resource[]>();
  for (const sink of liveSinks(model)) {
    const destination = resolveSinkDestination(model, sink);
    if (destination.state !== 'resource') continue;
    const list = index.get(destination.resource.id);
    if (list) list.push(sink);
    else index.set(destination.resource.id, [sink]);
  }
  return index;
});

/** Whether a sink's destination will receive what it routes: usable, being deleted, unrecognised, or unknown. */
export function destinationUsable(destination: SinkDestination): 'usable' | 'deleted' | 'unrecognised' | 'unknown' {
  if (destination.state === 'resource') return destination.resource.action === 'delete' ? 'deleted' : 'usable';
  if (destination.state === 'literal') return 'usable';
  return destination.state;
}
