/**
 * The baseline's security alerts as one data table: what each counts (a Cloud Logging filter), which
 * labels it extracts, when it fires, and what the responder should do. LogAlert turns each row into a
 * log-based metric and an alert policy, the dashboard draws one tile per row, and policy rules and
 * reviewers read the same rows. Pure data: no cdktf import, so the policy engine may read it too.
 */
import { cisFilter } from '../../policies/catalog/cis-log-metrics';
import {
  LOG_PROJECT_EXTRACTOR,
  SOURCE_KIND_TITLES,
  projectsDeliveryFilter,
  sourceAlertId,
  sourceFilter,
  tightProjectGroups,
  tightProjectsAlertId,
  type DeclaredLogSource,
} from '../../policies/catalog/log-sources';

/** A label a metric extracts from each matching log entry, so an incident says who did what where. */
export type AlertLabel = 'principal' | 'method' | 'project' | 'resource' | 'account' | 'log_project';

export type AlertSeverity = 'CRITICAL' | 'ERROR' | 'WARNING';

/** Dashboard section the alert's tile sits in. */
export type AlertGroup = 'changes' | 'identity' | 'secrets' | 'logging-integrity' | 'log-sources';

export interface AlertSpec {
  /** kebab-case; the metric is named `metricNameOf(id)`. */
  readonly id: string;
  readonly title: string;
  /** CIS GCP Foundation Benchmark v5.0 control number (e.g. `2.5`); undefined when no control asks for it. */
  readonly cis?: string;
  /** Cloud Logging query the metric counts. */
  readonly filter: string;
  /** Labels the metric extracts (each declared in its metric descriptor). */
  readonly labels: readonly AlertLabel[];
  /** Labels the alert keeps apart: one incident per distinct combination. Empty means one count for everything. */
  readonly groupBy: readonly AlertLabel[];
  /** The alert fires when more than this many entries match within the window. */
  readonly threshold: number;
  /**
   * Seconds without a single matching entry after which the alert fires instead (a metric-absence
   * condition): for logs that must keep arriving. Threshold is then not used; groupBy keeps the series apart, each
   * noticed on its own (one incident per project when the metric counts several projects).
   */
  readonly absentSeconds?: number;
  readonly windowSeconds: number;
  readonly severity: AlertSeverity;
  readonly group: AlertGroup;
  /** What the incident means, one or two sentences. */
  readonly happened: string;
  /** What the responder does first. */
  readonly response: string;
}

/** Section titles of the dashboard, in display order. */
export const ALERT_GROUP_TITLES: Readonly<Record<AlertGroup, string>> = {
  changes: 'Configuration changes (CIS 2.5-2.12, org policies)',
  identity: 'Identity: sign-ins, keys, break-glass',
  secrets: 'Secrets',
  'logging-integrity': 'Logging integrity',
  'log-sources': 'Log sources delivering (entries per hour; an alert fires on silence)',
};

/**
 * Log fields the fixed labels come from; `account` comes from config (`failedLogins.accountField`), `log_project`
 * from the entry's `logName` (LOG_PROJECT_EXTRACTOR).
 */
export const LABEL_FIELDS: Readonly<Record<Exclude<AlertLabel, 'account' | 'log_project'>, string>> = {
  principal: 'protoPayload.authenticationInfo.principalEmail',
  method: 'protoPayload.methodName',
  project: 'resource.labels.project_id',
  resource: 'protoPayload.resourceName',
};

export const LABEL_DESCRIPTIONS: Readonly<Record<AlertLabel, string>> = {
  principal: 'Who made the call',
  method: 'The API method called',
  project: 'The project the log entry came from',
  resource: 'The resource the call named',
  account: 'The account whose sign-in failed',
  log_project: 'The project whose log the entry is (from logName)',
};

/** The label extractor expression for a label. */
export function labelExtractor(label: AlertLabel, accountField: string): string {
  if (label === 'log_project') return LOG_PROJECT_EXTRACTOR;
  return `EXTRACT(${label === 'account' ? accountField : LABEL_FIELDS[label]})`;
}

/** Metric names are unique per project; the prefix keeps ours apart from anyone else's. */
export function metricNameOf(alertId: string): string {
  return `baseline-${alertId}`;
}

/** `(field="a" OR field="b")`: exact matches, so a method name never matches by substring. */
function anyOf(field: string, values: readonly string[]): string {
  return `(${values.map((v) => `${field}="${v}"`).join(' OR ')})`;
}

/** Change alerts fire on the first matching entry, counted per minute. */
const ON_ANY_CHANGE = { threshold: 0, windowSeconds: 60 } as const;
const WHO_WHAT_WHERE: readonly AlertLabel[] = ['principal', 'method', 'project', 'resource'];

function changeAlert(
  row: Pick<AlertSpec, 'id' | 'title' | 'cis' | 'filter' | 'severity' | 'group' | 'happened' | 'response'>,
): AlertSpec {
  return { ...row, ...ON_ANY_CHANGE, labels: WHO_WHAT_WHERE, groupBy: WHO_WHAT_WHERE };
}

/**
 * CIS GCP 2.5-2.12 [v4.0: 2.4-2.11]: the benchmark's filters, verbatim, from the one catalog the rules read too.
 */
export const CIS_ALERTS: readonly AlertSpec[] = [
  changeAlert({
    id: 'project-ownership-changes',
    title: 'Project ownership assigned or changed',
    cis: '2.5',
    filter: cisFilter('2.5'),
    severity: 'CRITICAL',
    group: 'changes',
    happened: 'Someone added or removed roles/owner, or invited a project owner.',
    response:
      'Confirm the change with the principal and a linked change request. If nobody can vouch for it, remove the binding and treat the principal as compromised.',
  }),
  changeAlert({
    id: 'audit-config-changes',
    title: 'Audit logging configuration changed',
    cis: '2.6',
    filter: cisFilter('2.6'),
    severity: 'CRITICAL',
    group: 'changes',
    happened: 'An IAM policy change altered which audit logs are written (audit config delta).',
    response:
      'Check that ADMIN_READ, DATA_READ and DATA_WRITE are still on for allServices with no exempted members; re-apply the audit stack if not, and find out why it changed.',
  }),
  changeAlert({
    id: 'custom-role-changes',
    title: 'Custom IAM role created, changed or deleted',
    cis: '2.7',
    filter: cisFilter('2.7'),
    severity: 'WARNING',
    group: 'changes',
    happened: 'A custom role was created, updated, deleted or undeleted.',
    response:
      'Compare the role with iam.customRoles in the baseline config; a permission added outside the config is drift to revert or to add to the config with a reason.',
  }),
  changeAlert({
    id: 'firewall-rule-changes',
    title: 'VPC firewall rule changed',
    cis: '2.8',
    filter: cisFilter('2.8'),
    severity: 'WARNING',
    group: 'changes',
    happened: 'A VPC firewall rule was created, patched or deleted.',
    response:
      'Check the rule for 0.0.0.0/0 sources and admin ports (22, 3389); revert changes that have no change request.',
  }),
  changeAlert({
    id: 'route-changes',
    title: 'VPC route changed',
    cis: '2.9',
    filter: cisFilter('2.9'),
    severity: 'WARNING',
    group: 'changes',
    happened: 'A VPC route was inserted or deleted.',
    response: 'Check the route does not send traffic through an unexpected next hop; revert it if nobody owns it.',
  }),
  changeAlert({
    id: 'network-changes',
    title: 'VPC network changed',
    cis: '2.10',
    filter: cisFilter('2.10'),
    severity: 'WARNING',
    group: 'changes',
    happened: 'A VPC network was created, patched or deleted, or a peering was added or removed.',
    response: 'Confirm the change with its owner; an unknown peering connects your network to someone else\'s.',
  }),
  changeAlert({
    id: 'storage-iam-changes',
    title: 'Cloud Storage bucket IAM changed',
    cis: '2.11',
    filter: cisFilter('2.11'),
    severity: 'WARNING',
    group: 'changes',
    happened: 'The IAM policy of a Cloud Storage bucket changed.',
    response: 'Check the new members, above all allUsers and allAuthenticatedUsers; revert public or unexplained grants.',
  }),
  changeAlert({
    id: 'sql-instance-config-changes',
    title: 'Cloud SQL instance configuration changed',
    cis: '2.12',
    filter: cisFilter('2.12'),
    severity: 'WARNING',
    group: 'changes',
    happened: 'A Cloud SQL instance configuration was updated.',
    response: 'Check authorized networks, public IP, SSL enforcement and backups on the instance; revert unexplained changes.',
  }),
];

/** How failed sign-ins are counted and when they alert. */
export interface FailedLoginInputs {
  /** Failed sign-ins to one account within the window above which an alert is raised. */
  readonly perAccountThreshold: number;
  /** Failed sign-ins across the organization within the window above which an alert is raised. */
  readonly organizationThreshold: number;
  readonly windowSeconds: number;
  /** The failed sign-in log filter. */
  readonly filter: string;
  /** Logs that show any sign-in (success or failure); their absence means the logs stopped arriving. */
  readonly signInFilter: string;
  /** Seconds without any sign-in log after which the silence alert fires. */
  readonly silenceSeconds: number;
}

/** The organization-specific inputs of the non-CIS alerts. */
export interface AlertInputs {
  readonly failedLogins: FailedLoginInputs;
  /** Break-glass group emails (no `group:` prefix). */
  readonly breakGlassGroups: readonly string[];
  /** The accounts in the break-glass group(s) (emails): they act as themselves, so their calls show use. */
  readonly breakGlassAccounts: readonly string[];
  /** Further break-glass principals in IAM member form (`user:a@b`, `serviceAccount:...`). */
  readonly breakGlassPrincipals: readonly string[];
  /** The canary secret's id (may be a cross-stack token); any call naming it alerts. */
  readonly canarySecretId: string;
  /** The project holding the CMEK keys (the org's logging key among them). */
  readonly kmsProjectId: string;
  /**
   * The identity deployments run as (`protoPayload.authenticationInfo.principalEmail`); IAM policy changes by
   * anyone else raise an alert. @default - no such alert
   */
  readonly deployer?: string;
  /** Log sources beyond the org's projects (`logging.sources`): one absence alert each. @default - none */
  readonly logSources?: readonly DeclaredLogSource[];
  /** Ids of the tight-coupled projects: one absence alert per group of them (tightProjectGroups). @default - none */
  readonly tightProjectIds?: readonly string[];
  /** Hours of silence after which a tight-coupled project's alert fires. @default 12 */
  readonly tightProjectSilenceHours?: number;
}

/** Break-glass accounts whose own calls show up as principalEmail: users and service accounts. */
function breakGlassEmails(principals: readonly string[]): string[] {
  return principals.filter((p) => /^(user|serviceAccount):/.test(p)).map((p) => p.slice(p.indexOf(':') + 1));
}

const SECRET_LABELS: readonly AlertLabel[] = ['principal', 'method', 'resource'];

/** Workspace Admin audit events that change who is in a group. */
const GROUP_MEMBERSHIP_EVENTS: readonly string[] = ['ADD_GROUP_MEMBER', 'REMOVE_GROUP_MEMBER', 'UPDATE_GROUP_MEMBER'];

/**
 * Cloud KMS calls that change whether a key can still decrypt or encrypt: a disabled or destroyed
 * version, a new primary, a changed key or its IAM policy. Audit logs name them short or fully qualified.
 */
const KEY_STATE_METHODS: readonly string[] = [
  'DestroyCryptoKeyVersion',
  'UpdateCryptoKeyVersion',
  'UpdateCryptoKeyPrimaryVersion',
  'UpdateCryptoKey',
  'SetIamPolicy',
].flatMap((m) => [m, `google.cloud.kms.v1.KeyManagementService.${m}`]);

/** Every alert the baseline raises: the eight CIS alerts, then the ones this organization adds. */
export function baselineAlerts(inputs: AlertInputs): AlertSpec[] {
  const { failedLogins } = inputs;
  const breakGlassGroups = [...new Set(inputs.breakGlassGroups)];
  const breakGlassUsers = [...new Set([...inputs.breakGlassAccounts, ...breakGlassEmails(inputs.breakGlassPrincipals)])];
  if (breakGlassGroups.length === 0) throw new Error('breakGlassGroups must name at least one break-glass group, got none');
  if (breakGlassUsers.length === 0) {
    throw new Error('breakGlassAccounts must name the accounts in the break-glass group (their own calls are what shows use), got none');
  }
  const breakGlassClauses = [
    // The group granted or revoked anywhere (IAM policy deltas).
    ...breakGlassGroups.map((g) => `protoPayload.serviceData.policyDelta.bindingDeltas.member="group:${g}"`),
    // A break-glass account acting: members of a group act as themselves, never as the group.
    ...breakGlassUsers.map((e) => `protoPayload.authenticationInfo.principalEmail="${e}"`),
    // Membership of the group changed in the Admin console (Workspace Admin audit log, shared with Google Cloud;
    // events ADD_GROUP_MEMBER / REMOVE_GROUP_MEMBER / UPDATE_GROUP_MEMBER with parameter GROUP_EMAIL, as in the
    // Admin SDK Reports API's admin activity events).
    `protoPayload.serviceName="admin.googleapis.com" AND ${anyOf('protoPayload.metadata.event.eventName', GROUP_MEMBERSHIP_EVENTS)} AND ${anyOf('protoPayload.metadata.event.parameter.value', breakGlassGroups)}`,
  ];
  return [
    ...CIS_ALERTS,
    {
      id: 'failed-sign-ins-per-account',
      title: 'Failed sign-in spike on one account',
      filter: failedLogins.filter,
      labels: ['account'],
      groupBy: ['account'],
      threshold: failedLogins.perAccountThreshold,
      windowSeconds: failedLogins.windowSeconds,
      severity: 'ERROR',
      group: 'identity',
      happened: `More than ${failedLogins.perAccountThreshold} failed sign-ins to one account within ${failedLogins.windowSeconds} seconds: password guessing against that account.`,
      response:
        'Ask the account holder whether it was them; if not, reset the password, check that 2-step verification is enforced and look for a successful sign-in from the same source.',
    },
    {
      id: 'failed-sign-ins-organization',
      title: 'Failed sign-in spike across the organization',
      filter: failedLogins.filter,
      labels: ['account'],
      // Summed over every account: a spray touches many accounts a few times each.
      groupBy: [],
      threshold: failedLogins.organizationThreshold,
      windowSeconds: failedLogins.windowSeconds,
      severity: 'ERROR',
      group: 'identity',
      happened: `More than ${failedLogins.organizationThreshold} failed sign-ins across the organization within ${failedLogins.windowSeconds} seconds: a password spray or a broken integration.`,
      response:
        'Open the metric on the dashboard by account and source; block the source, and look for successful sign-ins from it.',
    },
    {
      id: 'sign-in-logs-silent',
      title: 'No sign-in logs arriving',
      filter: failedLogins.signInFilter,
      labels: [],
      groupBy: [],
      threshold: 0,
      windowSeconds: 3600,
      absentSeconds: failedLogins.silenceSeconds,
      severity: 'ERROR',
      group: 'identity',
      happened: `No sign-in log at all for ${failedLogins.silenceSeconds} seconds: Workspace / Cloud Identity data sharing with Google Cloud is off or broken, so the failed sign-in alerts see nothing.`,
      response:
        'In the Admin console check Account settings > Legal and compliance > Sharing options (data sharing with Google Cloud services) is on, and that the org sink still routes audit logs to the central bucket.',
    },
    {
      id: 'canary-secret-access',
      title: 'Canary secret touched',
      // Any Secret Manager call naming the canary or one of its versions, except GetSecret: reading the
      // secret's metadata is what every `terraform plan` of the secrets stack does, and an alert that
      // fires on each plan gets muted. Versions, payloads, IAM and changes stay covered.
      filter: `protoPayload.serviceName="secretmanager.googleapis.com" AND protoPayload.resourceName=~"/secrets/${inputs.canarySecretId}(/|$)" AND NOT protoPayload.methodName="google.cloud.secretmanager.v1.SecretManagerService.GetSecret"`,
      labels: SECRET_LABELS,
      groupBy: SECRET_LABELS,
      ...ON_ANY_CHANGE,
      severity: 'CRITICAL',
      group: 'secrets',
      happened: 'Someone read, listed or changed the canary secret or its versions, which no workload or person uses.',
      response:
        'Treat the principal as compromised until shown otherwise: disable its credentials, then find what else it read in the same session.',
    },
    {
      id: 'service-account-key-creation',
      title: 'Service account key created or uploaded',
      filter: `protoPayload.serviceName="iam.googleapis.com" AND ${anyOf('protoPayload.methodName', [
        'google.iam.admin.v1.CreateServiceAccountKey',
        'google.iam.admin.v1.UploadServiceAccountKey',
      ])}`,
      labels: ['principal', 'project', 'resource'],
      groupBy: ['principal', 'project', 'resource'],
      ...ON_ANY_CHANGE,
      severity: 'ERROR',
      group: 'identity',
      happened: 'A user-managed service account key was created or uploaded, although org policy forbids keys (CIS 1.5, 1.8).',
      response:
        'Find out who needs the key and why the org policy did not stop it; delete the key and move the workload to workload identity or impersonation.',
    },
    {
      id: 'break-glass-use',
      title: 'Break-glass access granted, revoked or used',
      filter: breakGlassClauses.map((c) => `(${c})`).join(' OR '),
      labels: WHO_WHAT_WHERE,
      groupBy: WHO_WHAT_WHERE,
      ...ON_ANY_CHANGE,
      severity: 'CRITICAL',
      group: 'identity',
      happened: 'The break-glass group was added to or removed from an IAM policy, its membership changed, or a break-glass account made a call.',
      response:
        'Confirm an incident declared the emergency; record who used break-glass and why, and remove the access when the incident closes.',
    },
    {
      id: 'logging-tampering',
      title: 'Log routing, storage or audit configuration changed',
      filter: `(protoPayload.serviceName="logging.googleapis.com" AND ${anyOf('protoPayload.methodName', [
        'google.logging.v2.ConfigServiceV2.CreateSink',
        'google.logging.v2.ConfigServiceV2.UpdateSink',
        'google.logging.v2.ConfigServiceV2.DeleteSink',
        'google.logging.v2.ConfigServiceV2.UpdateBucket',
        'google.logging.v2.ConfigServiceV2.UpdateBucketAsync',
        'google.logging.v2.ConfigServiceV2.DeleteBucket',
        'google.logging.v2.ConfigServiceV2.UpdateView',
        'google.logging.v2.ConfigServiceV2.DeleteView',
        'google.logging.v2.ConfigServiceV2.CreateExclusion',
        'google.logging.v2.ConfigServiceV2.UpdateExclusion',
        'google.logging.v2.ConfigServiceV2.DeleteExclusion',
        'google.logging.v2.ConfigServiceV2.UpdateSettings',
        'google.logging.v2.ConfigServiceV2.UpdateCmekSettings',
        'google.logging.v2.LoggingServiceV2.DeleteLog',
      ])}) OR protoPayload.serviceData.policyDelta.auditConfigDeltas:*`,
      labels: WHO_WHAT_WHERE,
      groupBy: WHO_WHAT_WHERE,
      ...ON_ANY_CHANGE,
      severity: 'CRITICAL',
      group: 'logging-integrity',
      happened: 'A log sink, bucket, view, exclusion or log was changed or deleted, or audit logging was reconfigured: the trail this baseline relies on may have a gap.',
      response:
        'Compare the sink, bucket and audit config with the logging and audit stacks (terraform plan shows drift); restore them, and search the central bucket for what happened while logs were not flowing.',
    },
    {
      id: 'kms-key-state-changes',
      title: 'CMEK key disabled, destroyed or changed',
      filter: `protoPayload.serviceName="cloudkms.googleapis.com" AND ${anyOf('protoPayload.methodName', KEY_STATE_METHODS)} AND protoPayload.resourceName:"projects/${inputs.kmsProjectId}/"`,
      labels: WHO_WHAT_WHERE,
      groupBy: WHO_WHAT_WHERE,
      ...ON_ANY_CHANGE,
      severity: 'CRITICAL',
      group: 'logging-integrity',
      happened:
        'A key in the KMS project was disabled, destroyed, re-pointed or had its IAM policy changed. The org logging key encrypts every new project\'s _Required and _Default buckets: without it logging stops org-wide.',
      response:
        'If the key is the org logging key or a log bucket key, restore it at once (re-enable the version, or restore it within the scheduled-destruction period) and re-apply the logging stack; then find out who changed it.',
    },
    {
      id: 'org-policy-changes',
      title: 'Organization policy changed',
      filter: anyOf('protoPayload.methodName', [
        'google.cloud.orgpolicy.v2.OrgPolicy.CreatePolicy',
        'google.cloud.orgpolicy.v2.OrgPolicy.UpdatePolicy',
        'google.cloud.orgpolicy.v2.OrgPolicy.DeletePolicy',
        'google.cloud.orgpolicy.v2.OrgPolicy.CreateCustomConstraint',
        'google.cloud.orgpolicy.v2.OrgPolicy.UpdateCustomConstraint',
        'google.cloud.orgpolicy.v2.OrgPolicy.DeleteCustomConstraint',
        // The v1 API lives in Resource Manager and logs short method names.
        'SetOrgPolicy',
        'ClearOrgPolicy',
      ]),
      labels: WHO_WHAT_WHERE,
      groupBy: WHO_WHAT_WHERE,
      ...ON_ANY_CHANGE,
      severity: 'ERROR',
      group: 'changes',
      happened: 'An organization policy or custom constraint was created, changed or removed somewhere in the hierarchy.',
      response:
        'Check whether a guardrail from orgPolicies.enforce was weakened or overridden lower down; revert changes that have no change request.',
    },
    ...(inputs.deployer === undefined ? [] : [iamChangeOutsideCode(inputs.deployer)]),
    ...deliveryAlerts(inputs),
  ];
}

/** Counted per hour: the absence window is whole hours, and an hourly bar is what the dashboard shows. */
const DELIVERY_WINDOW_SECONDS = 3600;

function silenceAlert(row: Pick<AlertSpec, 'id' | 'title' | 'filter' | 'happened' | 'response'>, hours: number, tight: boolean): AlertSpec {
  return {
    ...row,
    labels: [],
    groupBy: [],
    threshold: 0,
    windowSeconds: DELIVERY_WINDOW_SECONDS,
    absentSeconds: hours * 3600,
    // A silent tight-coupled source hides exactly what an attacker on production would do.
    severity: tight ? 'ERROR' : 'WARNING',
    group: 'log-sources',
  };
}

/**
 * One absence alert per declared log source, and one per group of tight-coupled projects whose metric tells the
 * projects apart (`log_project`) and whose condition keeps them apart: a source or a project that stops is noticed.
 * An absence condition fires for a time series that stops arriving; a project that never wrote an entry has no
 * series, so it is noticed only once it has logged (MetricAbsence, "the absence of data for a time series",
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies#MetricAbsence).
 */
export function deliveryAlerts(inputs: Pick<AlertInputs, 'logSources' | 'tightProjectIds' | 'tightProjectSilenceHours'>): AlertSpec[] {
  const sources = (inputs.logSources ?? []).map((source) =>
    silenceAlert(
      {
        id: sourceAlertId(source.name),
        title: `Log source silent: ${source.name} (${source.coupling})`,
        filter: sourceFilter(source),
        happened: `No entry from log source "${source.name}" (${SOURCE_KIND_TITLES[source.kind]}, ${source.coupling}-coupled) for ${source.silenceHours} hours: its events are no longer being recorded.`,
        response: SOURCE_RESPONSES[source.kind],
      },
      source.silenceHours,
      source.coupling === 'tight',
    ),
  );
  const hours = inputs.tightProjectSilenceHours ?? 12;
  const groups = tightProjectGroups(inputs.tightProjectIds ?? []);
  const projects = groups.map((ids, i): AlertSpec => ({
    ...silenceAlert(
      {
        id: tightProjectsAlertId(i),
        title: groups.length === 1 ? 'Tight-coupled project silent' : `Tight-coupled project silent (group ${i + 1} of ${groups.length})`,
        filter: projectsDeliveryFilter(ids),
        happened: `No log entry from the tight-coupled project named below (log_project; one of the ${ids.length} this alert watches, ${ids[0]} to ${ids[ids.length - 1]}) has reached the central bucket for ${hours} hours.`,
        response:
          'Check the project still exists and sits under the organization, that the org sink routes its audit logs (review.md, log routing), and that nobody added a project sink or exclusion that drops them.',
      },
      hours,
      true,
    ),
    labels: ['log_project'],
    groupBy: ['log_project'],
  }));
  return [...sources, ...projects];
}

const SOURCE_RESPONSES: Readonly<Record<DeclaredLogSource['kind'], string>> = {
  workspace:
    'In the Admin console check Account settings > Legal and compliance > Sharing options (data sharing with Google Cloud services) is on, and that the org sink still routes audit logs to the central bucket.',
  'github-audit-stream':
    'In GitHub (enterprise settings > Audit log > Log streaming) check the stream is not paused or failing; a failing stream usually means the writer key was revoked or expired. GitHub buffers a paused stream for seven days.',
  'logging-api':
    'Check the service is running and still holds roles/logging.logWriter on its project, and that its log id has not changed (the central sink routes that log id only).',
};

/**
 * An IAM policy set by anyone but the deployment identity: access changed outside the code. Resource Manager and
 * most services log `SetIamPolicy` (some with their service's prefix); Cloud Storage logs `storage.setIamPermissions`.
 */
function iamChangeOutsideCode(deployer: string): AlertSpec {
  return changeAlert({
    id: 'iam-changes-outside-code',
    title: 'IAM policy changed outside the deployment',
    filter: `(protoPayload.methodName:"SetIamPolicy" OR protoPayload.methodName="storage.setIamPermissions") AND protoPayload.authenticationInfo.principalEmail!="${deployer}"`,
    severity: 'ERROR',
    group: 'changes',
    happened: `An IAM policy was changed by a principal other than the deployment identity (${deployer}): access changed outside the code.`,
    response:
      'Run `baseline audit --declared` on a fresh Cloud Asset Inventory export to see the drift; declare the grant in code with a reason, or remove it, and ask who made it why.',
  });
}
