/**
 * One security-event schema over every log: how a Cloud Logging `LogEntry` maps to a normalized event named
 * after OCSF 1.x attributes. Pure data plus small functions, the one copy: `baseline events` normalizes
 * exported entries with `normalizeEntry`, and the logging stack's BigQuery views are generated from the same
 * table (`securityEventsSql`), so the two cannot drift apart. Request and response bodies are never copied.
 *
 * Where the field paths come from:
 * - LogEntry (logName, timestamp, severity, insertId, resource.labels):
 *   https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry
 * - AuditLog in protoPayload (serviceName, methodName, resourceName, status, authenticationInfo.principalEmail,
 *   requestMetadata.callerIp / callerSuppliedUserAgent) and the four audit log ids (activity, data_access,
 *   system_event, policy): https://cloud.google.com/logging/docs/audit/understanding-audit-logs and
 *   https://cloud.google.com/logging/docs/reference/audit/auditlog/rest/Shared.Types/AuditLog
 * - Google sign-ins (Workspace / Cloud Identity Login Audit shared with Google Cloud): serviceName
 *   `login.googleapis.com`, one methodName per event, e.g. login_failure = `google.login.LoginService.loginFailure`:
 *   https://cloud.google.com/logging/docs/audit/gsuite-login-samples
 * - VPC flow logs (`compute.googleapis.com%2Fvpc_flows`), jsonPayload.connection.src_ip and reporter:
 *   https://cloud.google.com/vpc/docs/about-flow-logs-records
 * - Firewall rules logging (`compute.googleapis.com%2Ffirewall`), jsonPayload.connection and disposition
 *   (ALLOWED / DENIED): https://cloud.google.com/firewall/docs/firewall-rules-logging
 * - Log Analytics column names (`proto_payload.audit_log.*` in snake case, `json_payload` and
 *   `resource.labels` as JSON read with JSON_VALUE, `log_id`, `log_name`, `insert_id`), and the `_AllLogs` view
 *   of a linked dataset: https://cloud.google.com/logging/docs/analyze/examples and the queries of
 *   https://github.com/GoogleCloudPlatform/security-analytics (backends/log_analytics/sql).
 */

/** OCSF class names the mapping produces. */
export const EVENT_CLASSES = ['API Activity', 'Authentication', 'Network Activity', 'Other'] as const;
export type EventClass = (typeof EVENT_CLASSES)[number];

/**
 * A rule of a derived field: the first case whose class matches and whose path's value (as text, '' when
 * absent) matches `pattern` gives the value. Patterns are plain anchors, alternation and escapes, valid both
 * in JavaScript and in BigQuery's RE2 (REGEXP_CONTAINS), because the views evaluate the same cases.
 */
export interface DerivedCase {
  /** The classes this case applies to; omitted: the class itself is being derived. */
  readonly classes?: readonly EventClass[];
  /** A LogEntry JSON path; omitted: the case always matches (within its classes). */
  readonly path?: string;
  readonly pattern?: string;
  readonly value: string;
}

/** One normalized field: copied from the first present of `paths`, or derived by `cases`. */
export interface EventField {
  /** The OCSF attribute path, as the event carries it (`resources[0].name` is an array of one). */
  readonly field: string;
  /** Where the value is read from, first present wins (COALESCE in the views). */
  readonly paths?: readonly string[];
  readonly cases?: readonly DerivedCase[];
  /** Counted by `--coverage`: the context an investigation needs (who, from where, what, on what, outcome). */
  readonly context: boolean;
}

const AUDIT_LOG = '/logs/cloudaudit\\.googleapis\\.com%2F(activity|data_access|system_event|policy)$';
const NETWORK_LOG = '/logs/compute\\.googleapis\\.com%2F(vpc_flows|firewall)$';
const SIGN_IN_SERVICE = '^login\\.googleapis\\.com$';

/** Sign-in events that are a failed or refused sign-in (the rest of login.googleapis.com succeeded). */
const SIGN_IN_FAILURES = '^google\\.login\\.LoginService\\.(loginFailure|suspiciousLogin|suspiciousLoginLessSecureApp|suspiciousProgrammaticLogin)$';

export const CLASS_CASES: readonly DerivedCase[] = [
  // Sign-ins arrive in the organization's data_access audit log: the service decides before the log.
  { path: 'protoPayload.serviceName', pattern: SIGN_IN_SERVICE, value: 'Authentication' },
  { path: 'logName', pattern: AUDIT_LOG, value: 'API Activity' },
  { path: 'logName', pattern: NETWORK_LOG, value: 'Network Activity' },
  { value: 'Other' },
];

export const SECURITY_EVENT_FIELDS: readonly EventField[] = [
  { field: 'time', paths: ['timestamp'], context: false },
  { field: 'class_name', cases: CLASS_CASES, context: false },
  {
    field: 'activity_name',
    context: false,
    cases: [
      { classes: ['Authentication'], path: 'protoPayload.methodName', pattern: '\\.(loginSuccess|loginFailure|loginChallenge|loginVerification|suspiciousLogin)', value: 'Logon' },
      { classes: ['Authentication'], path: 'protoPayload.methodName', pattern: '\\.logout$', value: 'Logoff' },
      // API Activity by the verb the method's last segment starts with: `storage.objects.get`, `CreateServiceAccountKey`.
      { classes: ['API Activity'], path: 'protoPayload.methodName', pattern: '(^|\\.)([Cc]reate|[Ii]nsert)[^.]*$', value: 'Create' },
      { classes: ['API Activity'], path: 'protoPayload.methodName', pattern: '(^|\\.)([Dd]elete|[Rr]emove)[^.]*$', value: 'Delete' },
      { classes: ['API Activity'], path: 'protoPayload.methodName', pattern: '(^|\\.)([Uu]pdate|[Pp]atch|[Ss]et)[^.]*$', value: 'Update' },
      { classes: ['API Activity'], path: 'protoPayload.methodName', pattern: '(^|\\.)([Gg]et|[Ll]ist|[Rr]ead|[Ss]earch|[Qq]uery)[^.]*$', value: 'Read' },
      { classes: ['Network Activity'], path: 'jsonPayload.disposition', pattern: '^DENIED$', value: 'Refuse' },
      { classes: ['Network Activity'], value: 'Traffic' },
      { value: 'Other' },
    ],
  },
  { field: 'actor.user.email_addr', paths: ['protoPayload.authenticationInfo.principalEmail'], context: true },
  { field: 'src_endpoint.ip', paths: ['protoPayload.requestMetadata.callerIp', 'jsonPayload.connection.src_ip'], context: true },
  { field: 'http_request.user_agent', paths: ['protoPayload.requestMetadata.callerSuppliedUserAgent'], context: true },
  { field: 'api.operation', paths: ['protoPayload.methodName'], context: true },
  { field: 'api.service.name', paths: ['protoPayload.serviceName'], context: true },
  { field: 'resources[0].name', paths: ['protoPayload.resourceName'], context: true },
  { field: 'cloud.project_uid', paths: ['resource.labels.project_id'], context: true },
  {
    field: 'status',
    context: true,
    cases: [
      { classes: ['Authentication'], path: 'protoPayload.methodName', pattern: SIGN_IN_FAILURES, value: 'Failure' },
      { classes: ['Authentication'], value: 'Success' },
      // google.rpc.Status: code 0 (OK) or no status at all is success.
      { classes: ['API Activity'], path: 'protoPayload.status.code', pattern: '^0?$', value: 'Success' },
      { classes: ['API Activity'], value: 'Failure' },
      { classes: ['Network Activity'], path: 'jsonPayload.disposition', pattern: '^ALLOWED$', value: 'Success' },
      { classes: ['Network Activity'], path: 'jsonPayload.disposition', pattern: '^DENIED$', value: 'Failure' },
    ],
  },
  { field: 'severity', paths: ['severity'], context: false },
  { field: 'metadata.log_name', paths: ['logName'], context: false },
  { field: 'metadata.uid', paths: ['insertId'], context: false },
];

/**
 * An application's own structured log, as the org config declares it (`logging.applicationLogs`): which of
 * its fields name the actor, the caller's address and the outcome.
 */
export interface ApplicationLogMapping {
  /** The log id (`logName` after `/logs/`, decoded), e.g. `checkout-api` or `run.googleapis.com/stdout`. */
  readonly logId: string;
  readonly className: EventClass;
  readonly actorField?: string;
  readonly ipField?: string;
  readonly userAgentField?: string;
  readonly operationField?: string;
  readonly resourceField?: string;
  readonly outcomeField?: string;
  /** Outcome values that mean success (compared case-insensitively); any other present value is a failure. */
  readonly successValues: readonly string[];
}

/** The paths an application log's declared fields replace, field by field. */
function applicationPaths(app: ApplicationLogMapping): Record<string, readonly string[] | undefined> {
  return {
    'actor.user.email_addr': app.actorField ? [app.actorField] : undefined,
    'src_endpoint.ip': app.ipField ? [app.ipField] : undefined,
    'http_request.user_agent': app.userAgentField ? [app.userAgentField] : undefined,
    'api.operation': app.operationField ? [app.operationField] : undefined,
    'resources[0].name': app.resourceField ? [app.resourceField] : undefined,
  };
}

/** RE2 and JavaScript both read this; `(?i)` is RE2's flag, JavaScript's is the `i` flag. */
function regExpOf(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

/** Escapes a value for an RE2 / JavaScript pattern matched whole. */
function exactly(values: readonly string[]): string {
  return `(?i)^(${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

/** The same table with an application log's declared fields in place of the Google ones. */
export function fieldsFor(app: ApplicationLogMapping | undefined): readonly EventField[] {
  if (app === undefined) return SECURITY_EVENT_FIELDS;
  const replaced = applicationPaths(app);
  return SECURITY_EVENT_FIELDS.map((f) => {
    if (f.field === 'class_name') return { ...f, cases: [{ value: app.className }] };
    if (f.field === 'activity_name') return { ...f, cases: [{ value: 'Other' }] };
    if (f.field === 'status') {
      const cases: DerivedCase[] = app.outcomeField
        ? [
            { path: app.outcomeField, pattern: exactly(app.successValues), value: 'Success' },
            { path: app.outcomeField, pattern: '.', value: 'Failure' },
          ]
        : [];
      return { ...f, cases };
    }
    return f.field in replaced ? { ...f, paths: replaced[f.field] ?? [] } : f;
  });
}

/** The log id of a log name: `projects/p/logs/cloudaudit.googleapis.com%2Factivity` -> `cloudaudit.googleapis.com/activity`. */
export function logIdOf(logName: string): string {
  const at = logName.indexOf('/logs/');
  const id = at < 0 ? logName : logName.slice(at + '/logs/'.length);
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** The value at a dotted LogEntry path; `a.b[0].c` indexes arrays. */
export function valueAt(entry: unknown, path: string): unknown {
  let node: unknown = entry;
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m || node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[m[1]!];
    if (m[2] !== undefined) node = Array.isArray(node) ? node[Number(m[2])] : undefined;
  }
  return node;
}

/** Only scalars are copied: an object or array at a mapped path is a body, not a field. */
function scalarAt(entry: unknown, path: string): string | number | undefined {
  const v = valueAt(entry, path);
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return typeof v === 'number' ? v : String(v);
  return undefined;
}

function textAt(entry: unknown, path: string): string {
  const v = scalarAt(entry, path);
  return v === undefined ? '' : String(v);
}

function derive(entry: unknown, cases: readonly DerivedCase[], className: EventClass | undefined): string | undefined {
  for (const c of cases) {
    if (c.classes && (className === undefined || !c.classes.includes(className))) continue;
    if (c.path === undefined || regExpOf(c.pattern ?? '').test(textAt(entry, c.path))) return c.value;
  }
  return undefined;
}

/** A normalized event: nested objects along the OCSF attribute paths; absent fields are left out. */
export type SecurityEvent = Record<string, unknown>;

function setAt(event: SecurityEvent, field: string, value: unknown): void {
  const parts = field.split('.');
  let node: Record<string, unknown> = event;
  parts.forEach((part, i) => {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(part)!;
    const last = i === parts.length - 1;
    if (m[2] !== undefined) {
      const list = (node[m[1]!] ??= []) as Record<string, unknown>[];
      node = list[Number(m[2])] ??= {};
      if (last) throw new Error(`field ${field} cannot end in an index`);
      return;
    }
    if (last) node[m[1]!] = value;
    else node = (node[m[1]!] ??= {}) as Record<string, unknown>;
  });
}

/** Finds the application-log mapping that applies to an entry, by its log id. */
export function applicationLogOf(logName: string, apps: readonly ApplicationLogMapping[]): ApplicationLogMapping | undefined {
  if (apps.length === 0) return undefined;
  const id = logIdOf(logName);
  return apps.find((a) => a.logId === id);
}

/**
 * Maps one LogEntry to a normalized event, and lists the fields it carries. Reads only the mapped paths:
 * nothing else of the entry (request, response, jsonPayload bodies) reaches the event.
 */
export function normalizeEntry(entry: Record<string, unknown>, apps: readonly ApplicationLogMapping[] = []): { event: SecurityEvent; present: Set<string> } {
  const app = typeof entry.logName === 'string' ? applicationLogOf(entry.logName, apps) : undefined;
  const event: SecurityEvent = {};
  const present = new Set<string>();
  let className: EventClass | undefined;
  for (const f of fieldsFor(app)) {
    let value: string | number | undefined;
    if (f.paths) for (const p of f.paths) if ((value = scalarAt(entry, p)) !== undefined) break;
    if (f.cases) value = derive(entry, f.cases, className);
    if (f.field === 'class_name') className = value as EventClass;
    if (value === undefined) continue;
    setAt(event, f.field, value);
    present.add(f.field);
  }
  return { event, present };
}

// ---- BigQuery views over a Log Analytics linked dataset ----------------------------------------------------

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The Log Analytics expression for a LogEntry path: top-level fields in snake case; protoPayload's AuditLog
 * under `proto_payload.audit_log` in snake case; `jsonPayload` and `resource.labels` are JSON columns, read
 * with JSON_VALUE and their keys kept as written.
 */
export function sqlExpressionOf(path: string): string {
  const [head, ...rest] = path.split('.');
  if (head === 'protoPayload') return ['proto_payload.audit_log', ...rest.map(snake)].join('.');
  if (head === 'jsonPayload') return `JSON_VALUE(json_payload.${rest.join('.')})`;
  if (head === 'resource' && rest[0] === 'labels') return `JSON_VALUE(resource.labels.${rest.slice(1).join('.')})`;
  return [head, ...rest].map((p) => snake(p!)).join('.');
}

/** The flat column a field becomes in the views: `actor.user.email_addr` -> `actor_user_email_addr`. */
export function columnOf(field: string): string {
  return field.replace(/\[\d+\]/g, '').replace(/\./g, '_');
}

const sqlString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A raw string literal for a pattern: RE2 reads backslashes as written. Patterns hold no quote. */
const sqlPattern = (p: string) => `r'${p}'`;

function sqlCases(cases: readonly DerivedCase[], classColumn: string | undefined): string {
  if (cases.length === 0) return 'CAST(NULL AS STRING)';
  const whens = cases.map((c) => {
    const conditions = [
      ...(c.classes && classColumn ? [`${classColumn} IN (${c.classes.map(sqlString).join(', ')})`] : []),
      ...(c.path !== undefined ? [`REGEXP_CONTAINS(COALESCE(CAST(${sqlExpressionOf(c.path)} AS STRING), ''), ${sqlPattern(c.pattern ?? '')})`] : []),
    ];
    return conditions.length === 0 ? `ELSE ${sqlString(c.value)}` : `WHEN ${conditions.join(' AND ')} THEN ${sqlString(c.value)}`;
  });
  return `CASE ${whens.join(' ')} END`;
}

function sqlSelect(fields: readonly EventField[], source: string, where: string): string {
  // class_name is computed first, in an inner query, so the other derived fields can test it.
  const classField = fields.find((f) => f.field === 'class_name')!;
  const columns = fields
    .filter((f) => f.field !== 'class_name')
    .map((f) => {
      const expr = f.paths ? (f.paths.length === 0 ? 'CAST(NULL AS STRING)' : f.paths.length === 1 ? sqlExpressionOf(f.paths[0]!) : `COALESCE(${f.paths.map(sqlExpressionOf).join(', ')})`) : sqlCases(f.cases ?? [], 'class_name');
      return `  ${expr} AS ${columnOf(f.field)}`;
    });
  return [
    'SELECT',
    [...columns.slice(0, 1), '  class_name', ...columns.slice(1)].join(',\n'),
    `FROM (SELECT *, ${sqlCases(classField.cases ?? [], undefined)} AS class_name FROM ${source} WHERE ${where})`,
  ].join('\n');
}

/** The view names: the union and one per class. */
export const SECURITY_EVENTS_VIEW = 'security_events';
export function classViewName(className: EventClass): string {
  return `${SECURITY_EVENTS_VIEW}_${className.toLowerCase().replace(/ /g, '_')}`;
}

/**
 * The union view's query over a linked dataset's `_AllLogs` view (`source`, a backquoted table path): one
 * SELECT for Google's logs and one per declared application log, each with its own field paths.
 */
export function securityEventsSql(source: string, apps: readonly ApplicationLogMapping[] = []): string {
  const appIds = apps.map((a) => sqlString(a.logId));
  const google = sqlSelect(SECURITY_EVENT_FIELDS, source, appIds.length === 0 ? 'TRUE' : `log_id NOT IN (${appIds.join(', ')})`);
  const own = apps.map((a) => sqlSelect(fieldsFor(a), source, `log_id = ${sqlString(a.logId)}`));
  return [google, ...own].join('\nUNION ALL\n');
}

/** One class's view: the union view, filtered. */
export function classViewSql(unionView: string, className: EventClass): string {
  return `SELECT * FROM ${unionView} WHERE class_name = ${sqlString(className)}`;
}
