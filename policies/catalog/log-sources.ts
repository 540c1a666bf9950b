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

/**
 * Tight-coupled projects are watched in groups, not one metric and one alert policy each: a project holds at most
 * 2,000 alert policies ("Each project can contain up to 2,000 policies",
 * https://cloud.google.com/monitoring/alerts/using-alerting-api) and a log-based metric is one of the project's
 * metric descriptors (a revision of https://cloud.google.com/monitoring/quotas capped log-based and custom metric
 * descriptors together at 500 per project), while an org of thousands of projects has thousands of tight-coupled
 * ones. Each group is one metric whose filter names its projects and whose `log_project` label says which project
 * an entry came from, and one absence policy grouped by that label, so each project is still its own time series
 * and its own incident. A label keeps a metric to about
 * 30,000 active time series (https://cloud.google.com/logging/docs/logs-based-metrics/labels), far above a group.
 *
 * A group's size is bounded by the filter: a log-based metric's filter is at most 20,000 characters
 * (LogMetric.filter, https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.metrics). A project id is
 * at most 30 characters (https://cloud.google.com/resource-manager/docs/creating-managing-projects), so one
 * project's clause with its ` OR ` is at most 60 characters and 300 of them stay under 18,002.
 */
export const TIGHT_PROJECTS_PER_METRIC = 300;
export const LOG_FILTER_MAX_CHARS = 20000;

/** The label a group's metric extracts, and how: the project named in `logName`, as `projectDeliveryFilter` matches it. */
export const LOG_PROJECT_LABEL = 'log_project';
export const LOG_PROJECT_EXTRACTOR = 'REGEXP_EXTRACT(logName, "^projects/([^/]+)/logs/")';

/** The filter counting the entries of several projects: their delivery filters joined with OR. */
export function projectsDeliveryFilter(projectIds: readonly string[]): string {
  const clauses = projectIds.map(projectDeliveryFilter);
  return clauses.length === 1 ? clauses[0] : `(${clauses.join(' OR ')})`;
}

const DELIVERY_CLAUSE = /^logName:"projects\/([^"/\\]+)\/logs\/"$/;

/** The project ids a filter written by `projectsDeliveryFilter` counts; undefined for any other filter. */
export function deliveryFilterProjects(filter: string): string[] | undefined {
  const inner = filter.startsWith('(') && filter.endsWith(')') ? filter.slice(1, -1) : filter;
  const ids: string[] = [];
  for (const clause of inner.split(' OR ')) {
    const match = DELIVERY_CLAUSE.exec(clause);
    if (!match) return undefined;
    ids.push(match[1]);
  }
  return ids;
}

/**
 * Tight-coupled project ids in groups of at most TIGHT_PROJECTS_PER_METRIC, sorted by id so that the groups depend
 * on the set of projects, not on the order the config lists them. A project added or removed shifts the ones after
 * it; a project that moves to another group is a new series there, watched once it has logged into that metric.
 */
export function tightProjectGroups(projectIds: readonly string[]): string[][] {
  const sorted = [...new Set(projectIds)].sort();
  const groups: string[][] = [];
  for (let i = 0; i < sorted.length; i += TIGHT_PROJECTS_PER_METRIC) groups.push(sorted.slice(i, i + TIGHT_PROJECTS_PER_METRIC));
  return groups;
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

/** Alert ids of the absence alerts: one per source, one per group of tight-coupled projects (counted from 1). */
export const sourceAlertId = (name: string) => `source-${name}-silent`;
export const tightProjectsAlertId = (group: number) => `tight-projects-silent-${group + 1}`;
