/**
 * What the logging-* rules need to know about sinks, exclusions, log destinations and audit configs,
 * in one place so no rule parses a Logging filter, follows a sink's destination or walks the
 * hierarchy itself.
 *
 * Filters are judged per audit log stream with three answers: the filter matches `all` entries of
 * the stream, `none` of them, or only `some` (it depends on the entry). A sink keeps a stream only
 * when its filter matches all of it and no exclusion can match any of it; anything this module cannot
 * prove counts as `some`, so doubt fails a check instead of passing it.
 */
import { sinkDestinationKind, type SinkDestinationKind } from '../catalog/roles';
import { ancestors, hierarchyKeyOf } from './hierarchy';
import { auditStreamsMatched, auditStreamsNotKept, type AuditLogStream } from './logging-filter';
import { get, type Grant, type HierarchyNode, type Model, type Reference, type Resource, type Value } from './model';

// ---------------------------------------------------------------------------------------------
// Values that may be known only after apply
// ---------------------------------------------------------------------------------------------

/**
 * A string value as far as the input tells it: the known value, or a synthesized template whose
 * every `${...}` names a known attribute of another resource (`projects/${google_project.p.project_id}`).
 */
export function resolvedString(model: Model, value: Value<unknown>): string | undefined {
  if (value.state === 'known') return typeof value.value === 'string' ? value.value : undefined;
  if (value.state !== 'unknown' || value.raw === undefined) return undefined;
  let text = value.raw;
  for (const reference of value.references) {
    const target = reference.target === undefined ? undefined : model.byId(reference.target);
    if (!target || reference.attribute === undefined) return undefined;
    const resolved = get<string>(target, reference.attribute);
    if (resolved.state !== 'known' || typeof resolved.value !== 'string') return undefined;
    text = text.split(`\${${reference.expression}}`).join(resolved.value);
  }
  return text.includes('${') ? undefined : text;
}

/** `resolvedString` of a resource's attribute. */
export function knownString(model: Model, resource: Resource, path: string): string | undefined {
  return resolvedString(model, get(resource, path));
}

/** The (target, attribute) pairs a value known only after apply refers to, as `target#attribute`. */
function referenceKeys(references: readonly Reference[]): Set<string> {
  return new Set(references.filter((r) => r.target !== undefined).map((r) => `${r.target}#${r.attribute ?? ''}`));
}

/**
 * Whether two identifiers (project ids, bucket names, members) are the same, compared after `normalize`:
 * true, false, or 'unknown' when the input cannot tell before apply.
 */
export function sameIdentifier(model: Model, a: Value<unknown>, b: Value<unknown>, normalize: (s: string) => string = (s) => s): boolean | 'unknown' {
  const left = resolvedString(model, a);
  const right = resolvedString(model, b);
  if (left !== undefined && right !== undefined) return normalize(left) === normalize(right);
  if (a.state === 'unknown' && b.state === 'unknown') {
    if (a.raw !== undefined && a.raw === b.raw) return true;
    const rightKeys = referenceKeys(b.references);
    if ([...referenceKeys(a.references)].some((k) => rightKeys.has(k))) return true;
  }
  return 'unknown';
}

/** `projects/p` -> `p`, `folders/1` -> `1`, `b/name` -> `name`: the last path segment of a resource name. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------------------------------------
// Sinks
// ---------------------------------------------------------------------------------------------

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

/** True when a boolean attribute is known to be true; 'unknown' when it is known only after apply. */
export function isTrue(resource: Resource, path: string): boolean | 'unknown' {
  const value = get(resource, path);
  if (value.state === 'unknown') return 'unknown';
  return value.state === 'known' && (value.value === true || value.value === 'true');
}

/** One `exclusions` block of a sink, or a `google_logging_*_exclusion` resource. */
export interface ExclusionView {
  readonly resource: Resource;
  /** Attribute path prefix in the resource: `exclusions.0.` for a sink block, `` for an exclusion resource. */
  readonly path: string;
  readonly name: string;
  readonly filter: Value<string>;
  readonly disabled: boolean | 'unknown';
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
  if (exclusion.disabled === true) return { state: 'harmless' };
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
  if (disabled) return { state: 'disabled' };
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

// ---------------------------------------------------------------------------------------------
// Sink destinations
// ---------------------------------------------------------------------------------------------

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
const LOG_BUCKET_PARENTS: Readonly<Record<string, { readonly attribute: string; readonly prefix: string }>> = {
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
  let index = destinationIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const sink of liveSinks(model)) {
      const destination = resolveSinkDestination(model, sink);
      if (destination.state !== 'resource') continue;
      const list = index.get(destination.resource.id);
      if (list) list.push(sink);
      else index.set(destination.resource.id, [sink]);
    }
    destinationIndexes.set(model, index);
  }
  return index.get(resourceId) ?? [];
}

const destinationIndexes = new WeakMap<Model, Map<string, Resource[]>>();

/** Whether a sink's destination will receive what it routes: usable, being deleted, unrecognised, or unknown. */
export function destinationUsable(destination: SinkDestination): 'usable' | 'deleted' | 'unrecognised' | 'unknown' {
  if (destination.state === 'resource') return destination.resource.action === 'delete' ? 'deleted' : 'usable';
  if (destination.state === 'literal') return 'usable';
  return destination.state;
}

// ---------------------------------------------------------------------------------------------
// Sink writer identities and their grants
// ---------------------------------------------------------------------------------------------

/**
 * Whether a grant's member is this sink's writer identity: the member refers to the sink's
 * `writer_identity` (synthesized token or plan configuration reference), equals its known identity,
 * or equals its `custom_writer_identity`. 'unknown' when the member is known only after apply and
 * refers to nothing in the input.
 */
export function grantIsForWriter(model: Model, grant: Grant, sink: Resource): boolean | 'unknown' {
  const member = grant.member;
  if (member.state === 'absent') return false;
  if (member.state === 'unknown') {
    if (member.references.some((r) => r.target === sink.id && (r.attribute === 'writer_identity' || r.attribute === 'custom_writer_identity'))) return true;
    if (member.references.every((r) => r.target === undefined)) return 'unknown';
  }
  for (const path of ['writer_identity', 'custom_writer_identity']) {
    if (get(sink, path).state === 'absent') continue;
    if (sameIdentifier(model, member, get(sink, path)) === true) return true;
  }
  return false;
}

/** How a grant's target relates to a sink destination. */
export type GrantScope = 'destination' | 'wider' | 'elsewhere' | 'unknown';

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
export function grantScope(model: Model, grant: Grant, destination: Extract<SinkDestination, { state: 'resource' | 'literal' }>): GrantScope {
  const wanted = destinationGrantTarget(model, destination);
  const level = grant.target.level;
  if (LEVEL_RANK[level] > LEVEL_RANK[wanted.level]) return 'wider';
  if (level !== wanted.level || !wanted.types.includes(grant.target.type)) return 'elsewhere';
  if (wanted.bucketId !== undefined && grant.condition?.expression !== undefined && !grant.condition.expression.includes(wanted.bucketId)) return 'elsewhere';
  if (wanted.resourceId !== undefined && grant.target.resourceId === wanted.resourceId) return 'destination';
  const same = sameIdentifier(model, grant.target.id, wanted.id, lastSegment);
  return same === true ? 'destination' : same === false ? 'elsewhere' : 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Hierarchy: which sinks and audit configs reach a project
// ---------------------------------------------------------------------------------------------

/** A node and everything above it, from the node up; complete when it ends at the organization. */
export interface HierarchyChain {
  readonly keys: readonly string[];
  readonly complete: boolean;
}

/**
 * The chain above a node. `organizationId`: for a project the config declares, the configured
 * organization is at its top even where the input does not show the folders in between (config
 * declares only its own organization's projects); the chain then stays incomplete.
 */
export function hierarchyChain(model: Model, key: string, organizationId?: string): HierarchyChain {
  const above = ancestors(model, key);
  const nodes = [model.hierarchy.get(key), ...above].filter((n): n is HierarchyNode => n !== undefined);
  const top = nodes[nodes.length - 1];
  const keys = [key, ...above.map((n) => n.key)];
  const reachesOrganization = top !== undefined && top.kind === 'organization';
  const complete = reachesOrganization && nodes.every((n) => !n.parentUnknown);
  if (!reachesOrganization && organizationId !== undefined) keys.push(`organizations/${organizationId}`);
  return { keys, complete };
}

/**
 * The hierarchy key (`organizations/1`, `folders/2`, `projects/p`) an attribute names: from its known
 * value, or from the folder / project / organization resource it refers to (also through a folder
 * lookup). Undefined when only apply can tell.
 */
export function nodeKeyOf(model: Model, resource: Resource, attribute: string, prefix: 'organizations' | 'folders' | 'projects'): string | undefined {
  const text = knownString(model, resource, attribute);
  if (text !== undefined) return /^(organizations|folders|projects)\/[^/]+$/.test(text) ? text : `${prefix}/${lastSegment(text)}`;
  for (const reference of resource.references) {
    if (reference.path !== attribute || reference.target === undefined) continue;
    const target = model.byId(reference.target);
    if (!target) continue;
    const key = target.mode === 'data' && target.type === 'google_active_folder' ? lookedUpFolderKey(model, target) : hierarchyKeyOf(target);
    if (key !== undefined) return key;
  }
  return undefined;
}

/**
 * The declared folder a lookup finds (`data.google_active_folder`, as plain Terraform often finds a
 * folder another configuration declares): same display name, same parent.
 */
function lookedUpFolderKey(model: Model, lookup: Resource): string | undefined {
  const name = knownString(model, lookup, 'display_name');
  const parent = nodeKeyOf(model, lookup, 'parent', 'folders');
  if (name === undefined || parent === undefined) return undefined;
  for (const folder of model.byType('google_folder')) {
    if (folder.mode !== 'managed' || knownString(model, folder, 'display_name') !== name) continue;
    const key = hierarchyKeyOf(folder);
    if (key !== undefined && model.hierarchy.get(key)?.parent === parent) return key;
  }
  return undefined;
}

const PREFIX_OF_LEVEL = { organization: 'organizations', folder: 'folders', project: 'projects' } as const;

/** The hierarchy key a sink sits at; undefined for billing-account sinks or when only apply can tell. */
export function sinkNodeKey(model: Model, sink: Resource): string | undefined {
  const type = SINK_TYPES[sink.type];
  if (!type || type.level === 'billing-account') return undefined;
  return nodeKeyOf(model, sink, type.parent, PREFIX_OF_LEVEL[type.level]);
}

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

// ---------------------------------------------------------------------------------------------
// Audit configs (CIS GCP 2.1)
// ---------------------------------------------------------------------------------------------

export const AUDIT_LOG_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'] as const;

/** Audit config resource types and the attribute naming where they apply. */
export const AUDIT_CONFIG_TYPES: Readonly<Record<string, { readonly attribute: string; readonly prefix: 'organizations' | 'folders' | 'projects' }>> = {
  google_organization_iam_audit_config: { attribute: 'org_id', prefix: 'organizations' },
  google_folder_iam_audit_config: { attribute: 'folder', prefix: 'folders' },
  google_project_iam_audit_config: { attribute: 'project', prefix: 'projects' },
};

export interface AuditConfigView {
  readonly resource: Resource;
  /** Where it applies; undefined when only apply can tell. */
  readonly nodeKey?: string;
  /** True for `allServices`; 'unknown' when the service is known only after apply. */
  readonly allServices: boolean | 'unknown';
  /** Log types it enables; 'unknown' when any is known only after apply. */
  readonly logTypes: ReadonlySet<string> | 'unknown';
  /** Paths of `exempted_members` lists that are not empty (or unknown). */
  readonly exemptions: readonly { readonly path: string; readonly logType: string; readonly unknown: boolean }[];
}

/** Live audit configs (`google_*_iam_audit_config`), read once per call. */
export function auditConfigs(model: Model): AuditConfigView[] {
  const views: AuditConfigView[] = [];
  for (const [type, where] of Object.entries(AUDIT_CONFIG_TYPES)) {
    for (const resource of model.byType(type)) {
      if (resource.mode !== 'managed' || resource.action === 'delete') continue;
      const service = get<string>(resource, 'service');
      const allServices = service.state === 'unknown' ? 'unknown' : service.state === 'known' && service.value === 'allServices';
      const blocks = get<unknown>(resource, 'audit_log_config');
      const list = blocks.state === 'known' ? (Array.isArray(blocks.value) ? blocks.value : [blocks.value]) : [];
      const prefix = blocks.state === 'known' && !Array.isArray(blocks.value) ? 'audit_log_config.' : undefined;
      let logTypes: Set<string> | 'unknown' = blocks.state === 'unknown' ? 'unknown' : new Set();
      const exemptions: { path: string; logType: string; unknown: boolean }[] = [];
      list.forEach((_, i) => {
        const path = prefix ?? `audit_log_config.${i}.`;
        const logType = get<string>(resource, `${path}log_type`);
        if (logType.state === 'unknown') logTypes = 'unknown';
        else if (logType.state === 'known' && logTypes !== 'unknown') logTypes.add(logType.value);
        const exempted = get<unknown[]>(resource, `${path}exempted_members`);
        const shown = logType.state === 'known' ? logType.value : '(known after apply)';
        if (exempted.state === 'unknown') exemptions.push({ path: `${path}exempted_members`, logType: shown, unknown: true });
        else if (exempted.state === 'known' && Array.isArray(exempted.value) && exempted.value.length > 0) {
          exemptions.push({ path: `${path}exempted_members`, logType: shown, unknown: false });
        }
      });
      views.push({ resource, nodeKey: nodeKeyOf(model, resource, where.attribute, where.prefix), allServices, logTypes, exemptions });
    }
  }
  return views;
}

/**
 * The allServices log types in effect at a node: the union of the audit configs on it and every
 * ancestor (IAM audit configs only ever add). `undecidedBy`: a config known only after apply (where
 * it applies, its service or its types) that might add more.
 */
export function effectiveAuditLogTypes(configs: readonly AuditConfigView[], chain: HierarchyChain): { types: Set<string>; undecidedBy?: Resource } {
  const types = new Set<string>();
  let undecidedBy: Resource | undefined;
  for (const config of configs) {
    if (config.allServices === false) continue;
    const applies = config.nodeKey === undefined ? 'unknown' : chain.keys.includes(config.nodeKey);
    if (applies === false) continue;
    if (applies === 'unknown' || config.allServices === 'unknown' || config.logTypes === 'unknown') {
      undecidedBy ??= config.resource;
      continue;
    }
    for (const t of config.logTypes) types.add(t);
  }
  return { types, undecidedBy };
}

// ---------------------------------------------------------------------------------------------
// Coverage: does a sink put every audit log somewhere that will exist?
// ---------------------------------------------------------------------------------------------

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
    if (!include) return { state: 'fails', reason: 'no-include-children', detail: '' };
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
