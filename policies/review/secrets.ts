/**
 * Secrets: each secret's replication, CMEK and rotation, and exactly who may read its payload: grants
 * on the secret itself, and grants of a reader role on its project, folder or organization (inherited).
 */
import { SECRET_READER_ROLES } from '../catalog/roles';
import { get, type Model, type Resource } from '../engine/model';
import type { RuleParams } from '../engine/rule';
import { knownString, surviving, tri, type Tri } from '../engine/values';
import { hierarchyChain } from '../gcp/ancestry';
import { parseDurationSeconds, SECONDS_PER_DAY } from '../gcp/durations';
import { liveGrants } from '../gcp/iam-grants';
import { CUSTOM_ROLE_TYPES, customRoleNameOf, describeRole, roleSatisfies } from '../gcp/roles';
import { grantScope } from '../gcp/scopes';
import type { SecretFact, SecretReader } from './facts';
import { keyLabel, memberLabel } from './labels';

export const SECRET_TYPES = ['google_secret_manager_secret', 'google_secret_manager_regional_secret'];

interface Replication {
  readonly text: string;
  readonly cmek: Tri;
}

function replicationOf(secret: Resource): Replication {
  if (secret.type === 'google_secret_manager_regional_secret') {
    const location = get<string>(secret, 'location');
    const cmek = tri(get(secret, 'customer_managed_encryption.kms_key_name').state !== 'absent');
    return { text: `regional ${location.state === 'known' ? location.value : '(known after apply)'}`, cmek };
  }
  if (get(secret, 'replication.auto').state !== 'absent') {
    return { text: 'automatic', cmek: tri(get(secret, 'replication.auto.customer_managed_encryption.kms_key_name').state !== 'absent') };
  }
  const replicas = get<unknown>(secret, 'replication.user_managed.replicas');
  if (replicas.state !== 'known') return { text: replicas.state === 'unknown' ? '(known after apply)' : '(not set)', cmek: 'unknown' };
  const count = Array.isArray(replicas.value) ? replicas.value.length : 1;
  const locations: string[] = [];
  let keyed = 0;
  for (let i = 0; i < count; i++) {
    const at = Array.isArray(replicas.value) ? `replication.user_managed.replicas.${i}` : 'replication.user_managed.replicas';
    const location = get<string>(secret, `${at}.location`);
    locations.push(location.state === 'known' ? location.value : '(known after apply)');
    if (get(secret, `${at}.customer_managed_encryption.kms_key_name`).state !== 'absent') keyed++;
  }
  return { text: `user-managed: ${locations.join(', ')}`, cmek: keyed === count && count > 0 ? 'yes' : keyed === 0 ? 'no' : 'unknown' };
}

function rotationDays(secret: Resource): number | undefined {
  const period = get<string>(secret, 'rotation.rotation_period');
  const seconds = period.state === 'known' ? parseDurationSeconds(String(period.value)) : undefined;
  return seconds === undefined ? undefined : Math.round((seconds / SECONDS_PER_DAY) * 100) / 100;
}

/** Keys a grant on this very secret has as the head of its scope chain. */
function ownKeys(model: Model, secret: Resource): Set<string> {
  const id = knownString(model, secret, 'secret_id');
  const project = knownString(model, secret, 'project');
  const keys = new Set([`ref:${secret.id}`]);
  if (id !== undefined) {
    keys.add(`res:${id}`);
    if (project !== undefined) keys.add(`res:projects/${project}/secrets/${id}`);
  }
  return keys;
}

/** The permission that reads a secret's payload. */
const ACCESS_PERMISSION = 'secretmanager.versions.access';

/** Names (`organizations/1/roles/x`) of the input's custom roles whose permissions read secret payloads. */
function customReaderRoles(model: Model): Set<string> {
  const names = new Set<string>();
  for (const role of surviving(CUSTOM_ROLE_TYPES.flatMap((t) => model.byType(t)))) {
    const permissions = get<unknown>(role, 'permissions');
    const name = customRoleNameOf(role);
    if (name !== undefined && permissions.state === 'known' && Array.isArray(permissions.value) && permissions.value.includes(ACCESS_PERMISSION)) names.add(name);
  }
  return names;
}

export function secretFacts(model: Model, params: RuleParams): SecretFact[] {
  const grants = liveGrants(model).map((grant) => ({ grant, scope: grantScope(model, grant), role: describeRole(model, grant.role) }));
  const custom = customReaderRoles(model);
  const readerGrants = grants.filter((g) => roleSatisfies(g.role, (name) => SECRET_READER_ROLES.includes(name) || custom.has(name)) !== 'no');
  const secrets = surviving(SECRET_TYPES.flatMap((t) => model.byType(t))).filter((s) => s.mode === 'managed');
  return secrets
    .map((secret) => {
      const project = knownString(model, secret, 'project');
      const own = ownKeys(model, secret);
      const above = project === undefined ? [] : hierarchyChain(model, `projects/${project}`, params.organizationId).keys;
      const readers: SecretReader[] = [];
      for (const { grant, scope, role } of readerGrants) {
        const head = scope.chain[0];
        const via = own.has(head) ? 'direct' : above.includes(head) ? `inherited from ${keyLabel(model, head)}` : undefined;
        if (via === undefined) continue;
        const condition = grant.condition?.expiresAt ? `expires ${grant.condition.expiresAt.toISOString()}` : grant.condition?.title;
        readers.push({ principal: memberLabel(model, grant.member), role: role.display, via, condition });
      }
      readers.sort((a, b) => a.principal.localeCompare(b.principal) || a.role.localeCompare(b.role) || a.via.localeCompare(b.via));
      const replication = replicationOf(secret);
      return {
        secret: knownString(model, secret, 'secret_id') ?? secret.address,
        address: secret.address,
        project,
        replication: replication.text,
        cmek: replication.cmek,
        rotationDays: rotationDays(secret),
        readers,
      };
    })
    .sort((a, b) => a.secret.localeCompare(b.secret));
}
