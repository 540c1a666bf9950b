/**
 * Access that is not IAM: Cloud Storage ACLs and BigQuery dataset access entries, read as grants of a member,
 * so the rules that judge members (public, individual accounts, foreign domains) judge them too.
 *
 * They are kept out of `model.grants` on purpose: an ACL and an IAM policy on one bucket are not two managers
 * of one policy (iam-no-conflicting-authority), ACL roles are not IAM roles (the access matrix, separation of
 * duties), and the live-access audit compares IAM only. Rules that judge members read `eachLiveMemberGrant`.
 *
 * Entities (https://cloud.google.com/storage/docs/json_api/v1/bucketAccessControls, `entity`): `allUsers`,
 * `allAuthenticatedUsers`, `user-EMAIL` (or user id), `group-EMAIL` (or group id), `domain-DOMAIN`,
 * `project-TEAM-NUMBER` (owners, editors, viewers). Predefined ACLs
 * (https://cloud.google.com/storage/docs/access-control/lists#predefined-acl): `publicRead` gives allUsers
 * READER, `publicReadWrite` allUsers WRITER, `authenticatedRead` allAuthenticatedUsers READER.
 * Dataset access (https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access):
 * `userByEmail`, `groupByEmail`, `domain`, `specialGroup` (projectOwners, projectReaders, projectWriters,
 * allAuthenticatedUsers), `iamMember` (any IAM member, allUsers included); `view`, `dataset` and `routine`
 * authorize a resource, not a member.
 */
import { get, perModel, type Grant, type GrantTarget, type Model, type Resource, type Value } from '../engine/model';

/** ACL resource type -> the type of what it grants on. */
const STORAGE_ACL_TARGETS: Readonly<Record<string, string>> = {
  google_storage_bucket_access_control: 'google_storage_bucket',
  google_storage_bucket_acl: 'google_storage_bucket',
  google_storage_default_object_access_control: 'google_storage_bucket',
  google_storage_default_object_acl: 'google_storage_bucket',
  google_storage_object_access_control: 'google_storage_bucket_object',
  google_storage_object_acl: 'google_storage_bucket_object',
};

/** Predefined ACLs that give access beyond the project, with the entry each one adds. */
const PUBLIC_PREDEFINED_ACLS: Readonly<Record<string, { readonly member: string; readonly role: string }>> = {
  publicread: { member: 'allUsers', role: 'READER' },
  publicreadwrite: { member: 'allUsers', role: 'WRITER' },
  authenticatedread: { member: 'allAuthenticatedUsers', role: 'READER' },
};

const PROJECT_TEAMS: Readonly<Record<string, string>> = { owners: 'projectOwner', editors: 'projectEditor', viewers: 'projectViewer' };

const isServiceAccountEmail = (email: string) => /\.gserviceaccount\.com$/i.test(email);

/** An ACL entity as an IAM member: `user-a@x` -> `user:a@x`, `project-owners-123` -> `projectOwner:123`. */
export function memberOfEntity(entity: string): string {
  const lower = entity.toLowerCase();
  if (lower === 'allusers') return 'allUsers';
  if (lower === 'allauthenticatedusers') return 'allAuthenticatedUsers';
  const team = /^project-(owners|editors|viewers)-(.+)$/i.exec(entity);
  if (team) return `${PROJECT_TEAMS[team[1].toLowerCase()]}:${team[2]}`;
  const entry = /^(user|group|domain)-(.+)$/i.exec(entity);
  if (!entry) return `acl:${entity}`;
  const kind = entry[1].toLowerCase();
  return kind === 'user' && isServiceAccountEmail(entry[2]) ? `serviceAccount:${entry[2]}` : `${kind}:${entry[2]}`;
}

/** A member value from an entity value: the known one mapped, an unknown one with its expression mapped alike. */
function memberValue(value: Value<unknown>, toMember: (text: string) => string): Value<string> | undefined {
  if (value.state === 'absent') return undefined;
  if (value.state === 'unknown') return value.raw === undefined ? value : { ...value, raw: toMember(value.raw) };
  // A value of another type than the schema's string: not understood, so not judged as safe.
  return typeof value.value === 'string' ? { state: 'known', value: toMember(value.value) } : { state: 'unknown', references: [] };
}

function targetOf(resource: Resource, type: string, attribute: string): GrantTarget {
  const id = get<string>(resource, attribute);
  const reference = resource.references.find((r) => r.path === attribute && r.target !== undefined);
  return { level: 'resource', type, id, attribute, resourceId: reference?.target };
}

function aclGrant(resource: Resource, target: GrantTarget, role: Value<string>, member: Value<string>, path: string): Grant {
  return { resourceId: resource.id, kind: 'acl', target, role, member, path, action: resource.action };
}

const known = (value: string): Value<string> => ({ state: 'known', value });

function storageRole(role: Value<unknown>): Value<string> {
  return role.state === 'known' && typeof role.value === 'string' ? known(`acl:${role.value}`) : role.state === 'absent' ? known('acl:(absent)') : { state: 'unknown', references: [] };
}

/**
 * Whether the configuration writes a computed attribute from other values: `role_entity` and a dataset's
 * `access` are Optional+Computed, so a plan shows them known only after apply also when they are left out
 * (the API fills them from `predefined_acl`, or with BigQuery's default project teams and creator).
 */
function writtenFromValues(resource: Resource, attribute: string): boolean {
  return resource.references.some((r) => r.path === attribute || r.path.startsWith(`${attribute}.`));
}

/** Entries of a `role_entity` list (`READER:group-a@example.com`), each at its index. */
function roleEntityGrants(resource: Resource, target: GrantTarget): Grant[] {
  const list = get<unknown[]>(resource, 'role_entity');
  if (list.state === 'absent' || (list.state === 'unknown' && !writtenFromValues(resource, 'role_entity'))) return [];
  if (list.state === 'unknown' || !Array.isArray(list.value)) return [aclGrant(resource, target, { state: 'unknown', references: [] }, { state: 'unknown', references: [] }, 'role_entity')];
  return list.value.map((_, i) => {
    const path = `role_entity.${i}`;
    const item = get<string>(resource, path);
    if (item.state !== 'known' || typeof item.value !== 'string' || !item.value.includes(':')) {
      const unknown: Value<string> = item.state === 'unknown' ? item : { state: 'unknown', references: [] };
      return aclGrant(resource, target, unknown, unknown, path);
    }
    const at = item.value.indexOf(':');
    return aclGrant(resource, target, known(`acl:${item.value.slice(0, at)}`), known(memberOfEntity(item.value.slice(at + 1))), path);
  });
}

/** The entry a predefined ACL (or a bucket ACL's default object ACL) adds beyond the project, if any. */
function predefinedGrant(resource: Resource, target: GrantTarget, attribute: 'predefined_acl' | 'default_acl'): Grant[] {
  const value = get<string>(resource, attribute);
  if (value.state === 'absent') return [];
  if (value.state === 'unknown') return [aclGrant(resource, target, value, value, attribute)];
  const entry = typeof value.value === 'string' ? PUBLIC_PREDEFINED_ACLS[value.value.toLowerCase()] : undefined;
  return entry ? [aclGrant(resource, target, known(`acl:${entry.role}`), known(entry.member), attribute)] : [];
}

function storageGrants(resource: Resource, targetType: string): Grant[] {
  const target = targetOf(resource, targetType, 'bucket');
  if (resource.type.endsWith('_access_control')) {
    const member = memberValue(get(resource, 'entity'), memberOfEntity);
    return member ? [aclGrant(resource, target, storageRole(get(resource, 'role')), member, 'entity')] : [];
  }
  const grants = roleEntityGrants(resource, target);
  for (const attribute of ['predefined_acl', 'default_acl'] as const) grants.push(...predefinedGrant(resource, target, attribute));
  return grants;
}

/** Dataset access fields that name a member, with how each reads as an IAM member. */
const DATASET_MEMBER_FIELDS: readonly [string, (text: string) => string][] = [
  ['user_by_email', (e) => (isServiceAccountEmail(e) ? `serviceAccount:${e}` : `user:${e}`)],
  ['group_by_email', (e) => `group:${e}`],
  ['domain', (d) => `domain:${d}`],
  ['special_group', (g) => (/^all(authenticated)?users$/i.test(g) ? memberOfEntity(g) : `specialGroup:${g}`)],
  ['iam_member', (m) => m],
];

/** The member of one dataset access entry (`prefix` is `` for google_bigquery_dataset_access, `access.N.` for a block). */
function datasetEntryGrants(resource: Resource, target: GrantTarget, prefix: string): Grant[] {
  const role = get<string>(resource, `${prefix}role`);
  const grants: Grant[] = [];
  for (const [field, toMember] of DATASET_MEMBER_FIELDS) {
    const value = get(resource, `${prefix}${field}`);
    // An unknown user_by_email may be a service account: its kind stays open.
    const member = memberValue(value, field === 'user_by_email' && value.state === 'unknown' ? (t) => t : toMember);
    if (member) grants.push(aclGrant(resource, target, role.state === 'absent' ? known('(absent)') : role, member, `${prefix}${field}`));
  }
  return grants;
}

function datasetGrants(resource: Resource): Grant[] {
  const target = targetOf(resource, 'google_bigquery_dataset', 'dataset_id');
  if (resource.type === 'google_bigquery_dataset_access') return datasetEntryGrants(resource, target, '');
  const blocks = get<unknown>(resource, 'access');
  if (blocks.state === 'absent') return [];
  if (blocks.state === 'unknown') {
    return writtenFromValues(resource, 'access') ? [aclGrant(resource, target, blocks as Value<string>, blocks as Value<string>, 'access')] : [];
  }
  // Synthesized JSON writes a single block as an object; plans always use arrays.
  if (!Array.isArray(blocks.value)) return datasetEntryGrants(resource, target, 'access.');
  return blocks.value.flatMap((_, i) => datasetEntryGrants(resource, target, `access.${i}.`));
}

function aclGrantsOf(resource: Resource): Grant[] {
  if (resource.mode !== 'managed') return [];
  const storageTarget = STORAGE_ACL_TARGETS[resource.type];
  if (storageTarget !== undefined) return storageGrants(resource, storageTarget);
  if (resource.type === 'google_bigquery_dataset_access' || resource.type === 'google_bigquery_dataset') return datasetGrants(resource);
  return [];
}

/** Every ACL entry of the input as a grant (`kind: 'acl'`), including those of resources being deleted. */
export const aclGrants: (model: Model) => readonly Grant[] = perModel((model) => model.resources.flatMap(aclGrantsOf));
