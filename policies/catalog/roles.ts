/**
 * Intent -> role tables. Constructs grant from them; policy rules read them to know what
 * "broader than intended" means. Pure data: no cdktf, no engine imports.
 */

/** The one role a log sink's writer identity needs on its destination, by destination kind. */
export const SINK_WRITER_ROLE = {
  'logging-bucket': 'roles/logging.bucketWriter',
  'storage-bucket': 'roles/storage.objectCreator',
  'pubsub-topic': 'roles/pubsub.publisher',
  'bigquery-dataset': 'roles/bigquery.dataEditor',
} as const;
export type SinkDestinationKind = keyof typeof SINK_WRITER_ROLE;

/** Which destination kind a sink destination URI names (`logging.googleapis.com/projects/p/locations/l/buckets/b`). */
export function sinkDestinationKind(destination: string): SinkDestinationKind | undefined {
  if (/^logging\.googleapis\.com\/.*\/buckets\//.test(destination)) return 'logging-bucket';
  if (/^storage\.googleapis\.com\//.test(destination)) return 'storage-bucket';
  if (/^pubsub\.googleapis\.com\//.test(destination)) return 'pubsub-topic';
  if (/^bigquery\.googleapis\.com\//.test(destination)) return 'bigquery-dataset';
  return undefined;
}

/** Granted on a single secret to read its versions; never on a project, folder or org. */
export const SECRET_ACCESS_ROLE = 'roles/secretmanager.secretAccessor';

/** Granted on a single key to use it; the Logging / Secret Manager service agents get this for CMEK. */
export const KEY_USE_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

/** Read access to a log view, for auditors. */
export const LOG_VIEW_ACCESS_ROLE = 'roles/logging.viewAccessor';

/** Publishing rotation notifications for secrets (granted to the Secret Manager service agent on the topic). */
export const TOPIC_PUBLISH_ROLE = 'roles/pubsub.publisher';

/** Pulling from one subscription (the SIEM reading exported audit logs): on the subscription, never the topic or project. */
export const SUBSCRIPTION_PULL_ROLE = 'roles/pubsub.subscriber';

/** Basic (primitive) roles: for nobody. */
export const BASIC_ROLES: readonly string[] = ['roles/owner', 'roles/editor', 'roles/viewer'];

/** Roles that impersonate a service account: only on the service account itself (CIS 1.7). */
export const SA_IMPERSONATION_ROLES: readonly string[] = [
  'roles/iam.serviceAccountUser',
  'roles/iam.serviceAccountTokenCreator',
];

/** CIS 1.9: nobody holds both. */
export const SA_ADMIN_ROLE = 'roles/iam.serviceAccountAdmin';
export const SA_USER_ROLE = 'roles/iam.serviceAccountUser';

/** CIS 1.12: nobody holds the admin role together with any of the key-use roles. */
export const KMS_ADMIN_ROLE = 'roles/cloudkms.admin';
export const KMS_KEY_USE_ROLES: readonly string[] = [
  'roles/cloudkms.cryptoKeyEncrypterDecrypter',
  'roles/cloudkms.cryptoKeyEncrypter',
  'roles/cloudkms.cryptoKeyDecrypter',
];

/**
 * Admin-level roles at the org or a folder that must be time-bound (an expiring IAM condition).
 * A role matches when it is in this list or ends in `Admin` / `.admin` and is granted at org/folder level.
 */
export const PRIVILEGED_ROLES: readonly string[] = [
  'roles/owner',
  'roles/editor',
  'roles/resourcemanager.organizationAdmin',
  'roles/resourcemanager.folderAdmin',
  'roles/resourcemanager.projectIamAdmin',
  'roles/resourcemanager.folderIamAdmin',
  'roles/iam.securityAdmin',
  'roles/iam.organizationRoleAdmin',
  'roles/orgpolicy.policyAdmin',
  'roles/billing.admin',
];

/** True for an admin-level role name (`roles/x.admin`, `roles/x.somethingAdmin`, owner/editor). */
export function isAdminRole(role: string): boolean {
  return role === 'roles/owner' || role === 'roles/editor' || /(?:\.admin|Admin)$/.test(role);
}

/** Default service accounts that must receive no grants (CIS 1.x; automatic editor grant). */
export const DEFAULT_SERVICE_ACCOUNT_PATTERNS: readonly RegExp[] = [
  /^serviceAccount:\d+-compute@developer\.gserviceaccount\.com$/,
  /^serviceAccount:[a-z0-9-]+@appspot\.gserviceaccount\.com$/,
];

/**
 * Google-managed service agents, by email (lower case): the identities Google creates for its services to act
 * in a project, folder or organization (https://cloud.google.com/iam/docs/service-agents): `service-<number>@`
 * (also `service-org-` / `service-folder-`) on a Google-owned `*.iam.gserviceaccount.com` domain, any account
 * on a `gcp-sa-*` domain (log sink writers: `p<n>-<n>@gcp-sa-logging...`), the Google APIs service agent
 * `<number>@cloudservices.gserviceaccount.com`, the legacy Cloud Build account `<number>@cloudbuild...`,
 * `*@system.gserviceaccount.com` (the legacy sink writer `cloud-logs@`), and BigQuery's encryption agent.
 * They belong to no customer's directory.
 */
export const SERVICE_AGENT_EMAIL_PATTERNS: readonly RegExp[] = [
  /^service-(?:org-|folder-)?\d+@[a-z0-9.-]+\.iam\.gserviceaccount\.com$/,
  /^[a-z0-9-]+@gcp-sa-[a-z0-9-]+\.iam\.gserviceaccount\.com$/,
  /^\d+@cloudservices\.gserviceaccount\.com$/,
  /^\d+@cloudbuild\.gserviceaccount\.com$/,
  /^[a-z0-9-]+@system\.gserviceaccount\.com$/,
  /^bq-\d+@bigquery-encryption\.iam\.gserviceaccount\.com$/,
];

/** Principals that mean "anyone". */
export const PUBLIC_PRINCIPALS: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

/** Roles that can read a secret's payload (secretmanager.versions.access): the accessor, the admin, and owner. */
export const SECRET_READER_ROLES: readonly string[] = [SECRET_ACCESS_ROLE, 'roles/secretmanager.admin', 'roles/owner'];
