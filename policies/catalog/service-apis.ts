/**
 * Which Google API a resource type needs enabled in its project, by type prefix: the service name
 * is the API host the provider calls for that product (magic-modules `mmv1/products/<product>/product.yaml`
 * `base_url`, e.g. `https://cloudkms.googleapis.com/v1/`). Pure data.
 *
 * `enabledByDefault`: Google's "Enabled services" page lists the services a new project starts with
 * (https://cloud.google.com/service-usage/docs/enabled-service#default): among them Cloud Logging API,
 * Cloud Monitoring API, BigQuery API, Cloud Storage and Cloud Storage API. A resource of those
 * products needs no `google_project_service` in a new project, so no rule requires one.
 */
export interface ServiceApi {
  /** Resource types this row covers: an exact type, or a prefix ending in `_`. */
  readonly types: readonly string[];
  readonly service: string;
  /** The attribute naming the resource's project: `project`, or `parent` (`projects/<id>`) where the type can also sit on a folder or the organization. */
  readonly projectAttribute: 'project' | 'parent';
  readonly enabledByDefault: boolean;
}

export const SERVICE_APIS: readonly ServiceApi[] = [
  { types: ['google_kms_'], service: 'cloudkms.googleapis.com', projectAttribute: 'project', enabledByDefault: false },
  { types: ['google_secret_manager_'], service: 'secretmanager.googleapis.com', projectAttribute: 'project', enabledByDefault: false },
  { types: ['google_pubsub_'], service: 'pubsub.googleapis.com', projectAttribute: 'project', enabledByDefault: false },
  { types: ['google_compute_'], service: 'compute.googleapis.com', projectAttribute: 'project', enabledByDefault: false },
  { types: ['google_essential_contacts_contact'], service: 'essentialcontacts.googleapis.com', projectAttribute: 'parent', enabledByDefault: false },
  { types: ['google_org_policy_policy'], service: 'orgpolicy.googleapis.com', projectAttribute: 'parent', enabledByDefault: false },
  {
    types: ['google_logging_project_bucket_config', 'google_logging_project_sink', 'google_logging_project_exclusion', 'google_logging_metric', 'google_logging_log_view'],
    service: 'logging.googleapis.com',
    projectAttribute: 'project',
    enabledByDefault: true,
  },
  { types: ['google_monitoring_'], service: 'monitoring.googleapis.com', projectAttribute: 'project', enabledByDefault: true },
  { types: ['google_bigquery_'], service: 'bigquery.googleapis.com', projectAttribute: 'project', enabledByDefault: true },
  { types: ['google_storage_bucket'], service: 'storage.googleapis.com', projectAttribute: 'project', enabledByDefault: true },
];

/** Rows found so far, by type: a rule asks for every resource of a large plan, and types are few. */
const rowOfType = new Map<string, ServiceApi | undefined>();

/** The row for a resource type, if any: exact types before prefixes. */
export function serviceApiOf(type: string): ServiceApi | undefined {
  if (!rowOfType.has(type)) {
    rowOfType.set(
      type,
      SERVICE_APIS.find((row) => row.types.includes(type)) ?? SERVICE_APIS.find((row) => row.types.some((t) => t.endsWith('_') && type.startsWith(t))),
    );
  }
  return rowOfType.get(type);
}
