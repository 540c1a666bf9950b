/**
 * What the checks expect when nobody configured otherwise: CIS GCP's bars and the baseline's defaults.
 * Pure data, read by the org config schema, the policy file and the rules' parameters alike.
 */

/** Boolean org policy constraints enforced at the organization unless a config says otherwise. */
export const DEFAULT_REQUIRED_CONSTRAINTS: readonly string[] = [
  'iam.disableServiceAccountKeyCreation',
  'iam.disableServiceAccountKeyUpload',
  'iam.automaticIamGrantsForDefaultServiceAccounts',
  'iam.disableAuditLoggingExemption',
  'storage.uniformBucketLevelAccess',
  'storage.publicAccessPrevention',
];

/** Every Google sign-in event as Cloud Logging sees it: their silence means the source stopped delivering. */
export const GOOGLE_SIGN_IN_FILTER = 'protoPayload.serviceName="login.googleapis.com"';

/** Google sign-in failures as Cloud Logging sees them (with Workspace / Cloud Identity data sharing on). */
export const GOOGLE_SIGN_IN_FAILURE_FILTER =
  'protoPayload.serviceName="login.googleapis.com" AND protoPayload.methodName="google.login.LoginService.loginFailure"';

/** CIS GCP 1.17: the essential contact categories an organization must cover (or ALL). */
export const DEFAULT_CONTACT_CATEGORIES: readonly string[] = ['LEGAL', 'SECURITY', 'SUSPENSION', 'TECHNICAL'];

/** CIS GCP 1.11: KMS keys rotate at least every 90 days; secrets are held to the same bar. */
export const DEFAULT_MAX_ROTATION_DAYS = 90;

/** CIS GCP 2.4 and most audit regimes: a year of logs. */
export const DEFAULT_MINIMUM_RETENTION_DAYS = 365;

/** Security Command Center finding severities, most severe first (Finding.Severity in the SCC API). */
export const FINDING_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
/** Severities every organization's notification route must carry (config and scanning-findings-notified agree). */
export const ALWAYS_NOTIFIED_SEVERITIES: readonly (typeof FINDING_SEVERITIES)[number][] = ['CRITICAL', 'HIGH'];
