/**
 * The JSON type of every attribute the rules and the shared engine helpers read by name, per
 * resource type, as the google provider's schema puts it in plan JSON and synthesized JSON. The
 * loaders check these (check-attribute-types.ts) while building each resource, so a rule that reads
 * `get<string>(r, 'filter')` gets a string or nothing, never an array that makes it crash or judge
 * garbage. Adding a read of a new attribute to a rule or helper means adding it here.
 *
 * Paths are dotted as `get()` takes them, without indexes: `retention_policy.is_locked` covers
 * `retention_policy.0.is_locked` of a plan and `retention_policy.is_locked` of synthesized JSON. Every
 * prefix of a path is listed too (as a `block` or an `object`), so a block of the wrong shape is
 * reported where it is, not where a rule happened to look into it.
 *
 * Reads that do not name an attribute (the attribute a reference points at, the `project` of
 * whatever a grant's target refers to) check `typeof` where they read, and are not listed here.
 */
import { IAM_TYPE } from '../grants';

/**
 * - `string`, `number`, `boolean`: a JSON value of that type (synthesized JSON may also write a number
 *   or a boolean as a string, `"365"`, `"true"`: Terraform converts configuration values, plans hold the result);
 * - `string-array`: a list or set of strings;
 * - `object`: a map (`labels`, `label_extractors`);
 * - `block`: a nested block: an object, or an array of objects (plans always write the array).
 * A `${...}` token string stands for any type and is accepted anywhere; null is absent.
 */
export type AttributeType = 'string' | 'number' | 'boolean' | 'string-array' | 'object' | 'block';

export type AttributeTypes = Readonly<Record<string, AttributeType>>;

const CONDITION: AttributeTypes = { condition: 'block', 'condition.title': 'string', 'condition.expression': 'string' };

/** `google_<target>_iam_member|binding|policy`, for every target type (grants.ts reads these). */
const IAM_KINDS: Readonly<Record<string, AttributeTypes>> = {
  member: { role: 'string', member: 'string', ...CONDITION },
  binding: { role: 'string', members: 'string-array', ...CONDITION },
  policy: { policy_data: 'string' },
};

const SINK: AttributeTypes = {
  name: 'string',
  destination: 'string',
  filter: 'string',
  disabled: 'boolean',
  exclusions: 'block',
  'exclusions.name': 'string',
  'exclusions.filter': 'string',
  'exclusions.disabled': 'boolean',
  writer_identity: 'string',
  custom_writer_identity: 'string',
};

const EXCLUSION: AttributeTypes = { name: 'string', filter: 'string', disabled: 'boolean' };

const LOG_BUCKET: AttributeTypes = {
  bucket_id: 'string',
  location: 'string',
  retention_days: 'number',
  cmek_settings: 'block',
  'cmek_settings.kms_key_name': 'string',
};

const AUDIT_CONFIG: AttributeTypes = {
  service: 'string',
  audit_log_config: 'block',
  'audit_log_config.log_type': 'string',
  'audit_log_config.exempted_members': 'string-array',
};

const SECRET: AttributeTypes = { rotation: 'block', 'rotation.rotation_period': 'string', topics: 'block' };

const SECRET_VERSION: AttributeTypes = { secret_data: 'string', secret_data_wo: 'string' };

const HIERARCHY_PROJECT: AttributeTypes = { project_id: 'string', folder_id: 'string', org_id: 'string' };

export const ATTRIBUTE_TYPES: Readonly<Record<string, AttributeTypes>> = {
  // Hierarchy (hierarchy.ts, logging-helpers.ts)
  google_organization: { org_id: 'string', organization: 'string' },
  google_folder: { folder_id: 'string', name: 'string', parent: 'string', display_name: 'string' },
  google_active_folder: { display_name: 'string', parent: 'string' },
  google_project: { ...HIERARCHY_PROJECT, labels: 'object', 'labels.coupling': 'string' },

  // IAM targets at the hierarchy levels (the id grants.ts reads), custom roles and identities (iam-helpers.ts)
  google_organization_iam_member: { org_id: 'string' },
  google_organization_iam_binding: { org_id: 'string' },
  google_organization_iam_policy: { org_id: 'string' },
  google_folder_iam_member: { folder: 'string' },
  google_folder_iam_binding: { folder: 'string' },
  google_folder_iam_policy: { folder: 'string' },
  google_project_iam_member: { project: 'string' },
  google_project_iam_binding: { project: 'string' },
  google_project_iam_policy: { project: 'string' },
  google_iam_policy: {
    binding: 'block',
    'binding.role': 'string',
    'binding.members': 'string-array',
    'binding.condition': 'block',
    'binding.condition.title': 'string',
    'binding.condition.expression': 'string',
  },
  google_project_iam_custom_role: { role_id: 'string', project: 'string' },
  google_organization_iam_custom_role: { role_id: 'string', org_id: 'string' },
  google_service_account: { email: 'string', account_id: 'string' },
  google_service_account_key: { service_account_id: 'string' },

  // Sinks, exclusions, settings (logging-helpers.ts, logging-no-audit-exclusions)
  google_logging_organization_sink: { ...SINK, org_id: 'string', include_children: 'boolean' },
  google_logging_folder_sink: { ...SINK, folder: 'string', include_children: 'boolean' },
  google_logging_project_sink: { ...SINK, project: 'string' },
  google_logging_billing_account_sink: { ...SINK, billing_account: 'string' },
  google_logging_project_exclusion: EXCLUSION,
  google_logging_folder_exclusion: EXCLUSION,
  google_logging_organization_exclusion: EXCLUSION,
  google_logging_billing_account_exclusion: EXCLUSION,
  google_logging_organization_settings: { disable_default_sink: 'boolean' },
  google_logging_folder_settings: { disable_default_sink: 'boolean' },

  // Sink destinations (logging-helpers.ts, logging-bucket-*)
  google_logging_project_bucket_config: { ...LOG_BUCKET, project: 'string', locked: 'boolean' },
  google_logging_folder_bucket_config: { ...LOG_BUCKET, folder: 'string' },
  google_logging_organization_bucket_config: { ...LOG_BUCKET, organization: 'string' },
  google_logging_billing_account_bucket_config: { ...LOG_BUCKET, billing_account: 'string' },
  google_storage_bucket: {
    name: 'string',
    project: 'string',
    retention_policy: 'block',
    'retention_policy.is_locked': 'boolean',
    'retention_policy.retention_period': 'number',
    encryption: 'block',
    'encryption.default_kms_key_name': 'string',
  },
  google_pubsub_topic: { name: 'string', project: 'string' },
  google_bigquery_dataset: { dataset_id: 'string', project: 'string' },

  // Audit configs (logging-helpers.ts)
  google_organization_iam_audit_config: { ...AUDIT_CONFIG, org_id: 'string' },
  google_folder_iam_audit_config: { ...AUDIT_CONFIG, folder: 'string' },
  google_project_iam_audit_config: { ...AUDIT_CONFIG, project: 'string' },

  // Log metrics and alerts (log-metric-alerts.ts, alerting-*)
  google_logging_metric: { name: 'string', filter: 'string', label_extractors: 'object' },
  google_monitoring_alert_policy: {
    enabled: 'boolean',
    notification_channels: 'string-array',
    conditions: 'block',
    'conditions.condition_threshold': 'block',
    'conditions.condition_threshold.filter': 'string',
    'conditions.condition_threshold.comparison': 'string',
    'conditions.condition_threshold.threshold_value': 'number',
    'conditions.condition_threshold.aggregations': 'block',
    'conditions.condition_threshold.aggregations.group_by_fields': 'string-array',
  },

  // Keys and secrets (kms-key-rotation, secrets-*, iam-helpers.ts)
  google_kms_crypto_key: { purpose: 'string', rotation_period: 'string', key_ring: 'string' },
  google_kms_key_ring: { project: 'string' },
  google_secret_manager_secret: SECRET,
  google_secret_manager_regional_secret: SECRET,
  google_secret_manager_secret_version: SECRET_VERSION,
  google_secret_manager_regional_secret_version: SECRET_VERSION,

  // Organization (org-essential-contacts, orgpolicy-required-constraints)
  google_essential_contacts_contact: { parent: 'string', notification_category_subscriptions: 'string-array' },
  google_org_policy_policy: {
    name: 'string',
    parent: 'string',
    spec: 'block',
    'spec.rules': 'block',
    // A string in the provider schema: "TRUE" or "FALSE".
    'spec.rules.enforce': 'string',
    'spec.rules.condition': 'block',
    'spec.rules.values': 'block',
    'spec.rules.values.allowed_values': 'string-array',
  },
  google_organization_policy: {
    constraint: 'string',
    org_id: 'string',
    boolean_policy: 'block',
    'boolean_policy.enforced': 'boolean',
    list_policy: 'block',
    'list_policy.allow': 'block',
    'list_policy.allow.values': 'string-array',
  },
};

/** The attributes to check for a resource type: its own entry plus, for an IAM resource, its kind's. */
export function attributeTypesOf(type: string): AttributeTypes | undefined {
  const own = Object.prototype.hasOwnProperty.call(ATTRIBUTE_TYPES, type) ? ATTRIBUTE_TYPES[type] : undefined;
  const iamKind = IAM_TYPE.exec(type)?.[2];
  return iamKind === undefined ? own : { ...IAM_KINDS[iamKind], ...own };
}
