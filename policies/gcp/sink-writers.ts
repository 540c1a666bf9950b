/**
 * A sink's writer identity and its grants: whether a grant is for this sink's writer, and whether it
 * applies exactly to the destination or to something wider.
 */
import { get, type Grant, type Model, type Resource, type Value } from '../engine/model';
import { knownString, lastSegment, sameIdentifier, type Tri } from '../engine/values';
import { normalizeMember } from './principals';
import { DESTINATION_TYPES, LOG_BUCKET_PARENTS, type SinkDestination } from './sink-destinations';

/**
 * Whether a grant's member is this sink's writer identity: the member refers to the sink's
 * `writer_identity` (synthesized token or plan configuration reference), equals its known identity,
 * or equals its `custom_writer_identity`. 'unknown' when the member is known only after apply and
 * refers to nothing in the input.
 */
export function grantIsForWriter(model: Model, grant: Grant, sink: Resource): Tri {
  const member = grant.member;
  if (member.state === 'absent') return 'no';
  if (member.state === 'unknown') {
    if (member.references.some((r) => r.target === sink.id && (r.attribute === 'writer_identity' || r.attribute === 'custom_writer_identity'))) return 'yes';
    if (member.references.every((r) => r.target === undefined)) return 'unknown';
  }
  for (const path of ['writer_identity', 'custom_writer_identity']) {
    if (get(sink, path).state === 'absent') continue;
    if (sameIdentifier(model, member, get(sink, path), normalizeMember) === 'yes') return 'yes';
  }
  return 'no';
}

/** How a grant's target relates to a sink destination. */
export type WriterGrantScope = 'destination' | 'wider' | 'elsewhere' | 'unknown';

const LEVEL_RANK = { resource: 0, project: 1, folder: 2, organization: 3 } as const;

/** A log bucket has no IAM policy of its own: its writer is granted on the bucket's parent. */
const LOG_BUCKET_GRANT_TARGET: Readonly<Record<string, { readonly level: keyof typeof LEVEL_RANK; readonly type: string }>> = {
  projects: { level: 'project', type: 'google_project' },
  folders: { level: 'folder', type: 'google_folder' },
  organizations: { level: 'organization', type: 'google_organization' },
  billingaccounts: { level: 'resource', type: 'google_billing_account' },
};

/** The identifier an IAM grant on this destination names, and the level it sits at. */
function destinationGrantTarget(model: Model, destination: Extract<SinkDestination, { state: 'resource' | 'literal' }>): {
  level: keyof typeof LEVEL_RANK;
  types: readonly string[];
  id: Value<unknown>;
  resourceId?: string;
  /** For log buckets: the bucket id an IAM condition may name. */
  bucketId?: string;
} {
  if (destination.state === 'literal') {
    const rest = destination.uri.replace(/^[a-z]+\.googleapis\.com\//, '');
    const parts = rest.split('/');
    const known = (value: string | undefined): Value<string> => (value === undefined ? { state: 'absent' } : { state: 'known', value });
    if (destination.kind === 'logging-bucket') {
      const grantOn = LOG_BUCKET_GRANT_TARGET[parts[0].toLowerCase()] ?? LOG_BUCKET_GRANT_TARGET.projects;
      return { level: grantOn.level, types: [grantOn.type], id: known(parts[1]), bucketId: parts[parts.length - 1] };
    }
    return { level: 'resource', types: DESTINATION_TYPES[destination.kind], id: known(parts[parts.length - 1]) };
  }
  const resource = destination.resource;
  const parent = LOG_BUCKET_PARENTS[resource.type];
  if (parent) {
    const grantOn = LOG_BUCKET_GRANT_TARGET[parent.prefix];
    return { level: grantOn.level, types: [grantOn.type], id: get(resource, parent.attribute), bucketId: knownString(model, resource, 'bucket_id') };
  }
  const nameAttribute = resource.type === 'google_bigquery_dataset' ? 'dataset_id' : 'name';
  return { level: 'resource', types: [resource.type], id: get(resource, nameAttribute), resourceId: resource.id };
}

/**
 * Whether a grant applies exactly to the sink's destination (for a log bucket: its project, with no
 * condition or one naming the bucket), to a wider scope that contains it (a project, folder or
 * organization above it), to something else, or 'unknown' before apply.
 */
export function writerGrantScope(model: Model, grant: Grant, destination: Extract<SinkDestination, { state: 'resource' | 'literal' }>): WriterGrantScope {
  const wanted = destinationGrantTarget(model, destination);
  const level = grant.target.level;
  if (LEVEL_RANK[level] > LEVEL_RANK[wanted.level]) return 'wider';
  if (level !== wanted.level || !wanted.types.includes(grant.target.type)) return 'elsewhere';
  if (wanted.bucketId !== undefined && grant.condition?.expression !== undefined && !grant.condition.expression.includes(wanted.bucketId)) return 'elsewhere';
  if (wanted.resourceId !== undefined && grant.target.resourceId === wanted.resourceId) return 'destination';
  const same = sameIdentifier(model, grant.target.id, wanted.id, lastSegment);
  return same === 'yes' ? 'destination' : same === 'no' ? 'elsewhere' : 'unknown';
}
