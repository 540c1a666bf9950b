/**
 * Log sources beyond the organization's own projects, and how the baseline notices one falling silent. Pure data
 * plus small functions, the one copy: the alerting stack counts each source with a log-based metric on the central
 * bucket (`sourceFilter`) and alerts on its absence, and `baseline events --coverage` sorts exported entries into
 * the same sources (`entryMatchesSource`), so the two name a source the same way.
 *
 * Coupling says how far a source reaches into production: `tight` can act on the production deployment or
 * authenticate to it (the identity provider, the code host that deploys, a deploy bot); `loose` reaches it only
 * indirectly. A silent tight-coupled source is an attacker's best hiding place.
 *
 * Where the log shapes come from:
 * - Workspace / Cloud Identity audit logs shared with Google Cloud (Admin console > Account settings > Legal and
 *   compliance > Sharing options): the Admin log under serviceName `admin.googleapis.com`, sign-ins under
 *   `login.googleapis.com`, in the organization's audit logs
 *   (https://cloud.google.com/logging/docs/audit/gsuite-audit-logging, and the sign-in samples in
 *   https://cloud.google.com/logging/docs/audit/gsuite-login-samples).
 * - An object written to a bucket is a Cloud Storage DATA_WRITE Data Access audit entry, methodName
 *   `storage.objects.create`, on monitored resource `gcs_bucket` with label `bucket_name`
 *   (https://cloud.google.com/storage/docs/audit-logging). The baseline's audit stack keeps DATA_WRITE for
 *   allServices at the organization, and the central sink routes every audit log, so the central bucket sees them.
 * - An entry written through the Logging API keeps the log id its writer chose (`logName` ends in `/logs/<id>`,
 *   https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry); the entry does not name the writer.
 */
import { logIdOf, valueAt } from './security-events';

export const LOG_SOURCE_KINDS = ['workspace', 'github-audit-stream', 'logging-api'] as const;
export type LogSourceKind = (typeof LOG_SOURCE_KINDS)[number];

/** A source as the org config declares it (`logging.sources`), reduced to what detection needs. */
export interface DeclaredLogSource {
  readonly name: string;
  readonly kind: LogSourceKind;
  readonly coupling: 'tight' | 'loose';
  /** Hours without a single entry after which the source counts as silent. */
  readonly silenceHours: number;
  /** github-audit-stream: the landing bucket GitHub writes to. */
  readonly bucketName?: string;
  /** logging-api: the log id the writer writes under (`deploy-bot`, `run.googleapis.com/stdout`). */
  readonly logId?: string;
}

/** The Workspace / Cloud Identity services whose audit logs data sharing delivers. */
export const WORKSPACE_SERVICES: readonly string[] = ['login.googleapis.com', 'admin.googleapis.com'];

/** What each kind of source is, for people (review, coverage). */
export const SOURCE_KIND_TITLES: Readonly<Record<LogSourceKind, string>> = {
  workspace: 'Workspace / Cloud Identity sign-in and Admin logs (data sharing)',
  'github-audit-stream': 'GitHub audit log stream into a Cloud Storage landing bucket',
  'logging-api': 'A service writing through the Logging API',
};

const quoted = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The Cloud Logging query counting a source's entries in the central bucket. Workspace counts sign-ins and Admin
 * entries together: Admin console activity alone can be quiet for days in a small organization, sign-ins are not.
 */
export function sourceFilter(source: DeclaredLogSource): string {
  switch (source.kind) {
    case 'workspace':
      return `(${WORKSPACE_SERVICES.map((s) => `protoPayload.serviceName=${quoted(s)}`).join(' OR ')})`;
    case 'github-audit-stream':
      return `protoPayload.serviceName="storage.googleapis.com" AND protoPayload.methodName="storage.objects.create" AND resource.type="gcs_bucket" AND resource.labels.bucket_name=${quoted(required(source, 'bucketName'))}`;
    case 'logging-api':
      return `log_id(${quoted(required(source, 'logId'))})`;
  }
}

/**
 * Every entry a project's own resources write carries `logName` `projects/<id>/logs/...`; the trailing slash keeps
 * `app-prd` from matching `app-prd2`.
 */
export function projectDeliveryFilter(projectId: string): string {
  return `logName:${quoted(`projects/${projectId}/logs/`)}`;
}

function required(source: DeclaredLogSource, field: 'bucketName' | 'logId'): string {
  const value = source[field];
  if (value === undefined || value === '') throw new Error(`log source "${source.name}" (${source.kind}) needs ${field}, got none`);
  return value;
}

const textAt = (entry: unknown, path: string) => {
  const v = valueAt(entry, path);
  return typeof v === 'string' ? v : undefined;
};

/** Whether an exported LogEntry belongs to a declared source: the same test `sourceFilter` makes in the cloud. */
export function entryMatchesSource(entry: Record<string, unknown>, source: DeclaredLogSource): boolean {
  switch (source.kind) {
    case 'workspace':
      return WORKSPACE_SERVICES.includes(textAt(entry, 'protoPayload.serviceName') ?? '');
    case 'github-audit-stream':
      return (
        textAt(entry, 'protoPayload.serviceName') === 'storage.googleapis.com' &&
        textAt(entry, 'protoPayload.methodName') === 'storage.objects.create' &&
        textAt(entry, 'resource.type') === 'gcs_bucket' &&
        textAt(entry, 'resource.labels.bucket_name') === source.bucketName
      );
    case 'logging-api':
      return typeof entry.logName === 'string' && logIdOf(entry.logName) === source.logId;
  }
}

/** Alert ids of the absence alerts, one per source and one per tight-coupled project. */
export const sourceAlertId = (name: string) => `source-${name}-silent`;
export const projectAlertId = (projectKey: string) => `project-${projectKey}-silent`;
