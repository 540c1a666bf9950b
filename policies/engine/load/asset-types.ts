/**
 * Cloud Asset Inventory facts the asset-export loader needs: which Terraform resource type an asset type
 * is (so grants on it read like grants from `google_<type>_iam_*` resources), and the numbers the IAM API
 * writes for audit log types. Pure data; sources cited where they are not obvious.
 */

/** The asset types of the resource hierarchy and the grant level each is. */
export const HIERARCHY_ASSET_TYPES: Readonly<Record<string, { readonly type: string; readonly level: 'organization' | 'folder' | 'project' }>> = {
  'cloudresourcemanager.googleapis.com/Organization': { type: 'google_organization', level: 'organization' },
  'cloudresourcemanager.googleapis.com/Folder': { type: 'google_folder', level: 'folder' },
  'cloudresourcemanager.googleapis.com/Project': { type: 'google_project', level: 'project' },
};

/**
 * Asset types whose Terraform type is not `google_<service>_<kind in snake case>`; every other asset type
 * follows that pattern (`storage.googleapis.com/Bucket` -> `google_storage_bucket`,
 * `compute.googleapis.com/Disk` -> `google_compute_disk`).
 */
const TERRAFORM_TYPE_EXCEPTIONS: Readonly<Record<string, string>> = {
  'cloudkms.googleapis.com/CryptoKey': 'google_kms_crypto_key',
  'cloudkms.googleapis.com/KeyRing': 'google_kms_key_ring',
  'secretmanager.googleapis.com/Secret': 'google_secret_manager_secret',
  'secretmanager.googleapis.com/SecretVersion': 'google_secret_manager_secret_version',
  'iam.googleapis.com/ServiceAccount': 'google_service_account',
  'run.googleapis.com/Service': 'google_cloud_run_service',
  'cloudfunctions.googleapis.com/CloudFunction': 'google_cloudfunctions_function',
  'artifactregistry.googleapis.com/Repository': 'google_artifact_registry_repository',
  'sqladmin.googleapis.com/Instance': 'google_sql_database_instance',
};

/** The Terraform resource type (without `_iam_*`) of an asset type: `storage.googleapis.com/Bucket` -> `google_storage_bucket`. */
export function terraformTypeOfAsset(assetType: string): string {
  const hierarchy = HIERARCHY_ASSET_TYPES[assetType];
  if (hierarchy) return hierarchy.type;
  const exception = TERRAFORM_TYPE_EXCEPTIONS[assetType];
  if (exception) return exception;
  const [host, kind = 'resource'] = assetType.split('/');
  const service = host.replace(/\.googleapis\.com$/, '').replace(/[^a-z0-9]+/gi, '_').toLowerCase();
  const snake = kind.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^a-zA-Z0-9]+/g, '_').toLowerCase();
  return `google_${service}_${snake}`;
}

/**
 * `google.iam.v1.AuditLogConfig.LogType` by number, as exports write it (`"log_type": 2`):
 * LOG_TYPE_UNSPECIFIED = 0, ADMIN_READ = 1, DATA_WRITE = 2, DATA_READ = 3
 * (googleapis/googleapis google/iam/v1/policy.proto).
 */
export const AUDIT_LOG_TYPE_BY_NUMBER: Readonly<Record<number, string>> = { 1: 'ADMIN_READ', 2: 'DATA_WRITE', 3: 'DATA_READ' };

/** The full resource name prefix of hierarchy assets: `//cloudresourcemanager.googleapis.com/projects/123`. */
export const RESOURCE_MANAGER_PREFIX = '//cloudresourcemanager.googleapis.com/';
