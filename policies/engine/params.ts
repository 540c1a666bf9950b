/**
 * RuleParams from the org config, or safe defaults without one. Rules never read the config
 * directly: this is the one place that decides what a config means for the checks.
 */
import { DEFAULT_ENFORCED_CONSTRAINTS, GOOGLE_SIGN_IN_FAILURE_FILTER, type BaselineConfig } from '../config/org-config';
import type { RuleParams } from './rule';

/** CIS GCP 1.17: the essential contact categories an organization must cover (or ALL). */
export const DEFAULT_CONTACT_CATEGORIES: readonly string[] = ['LEGAL', 'SECURITY', 'SUSPENSION', 'TECHNICAL'];

/** The boolean org policy constraints required without a config: the schema's default list. */
export const DEFAULT_REQUIRED_CONSTRAINTS = DEFAULT_ENFORCED_CONSTRAINTS;

/** The failed-login filter looked for without a config: the schema's default. */
export const DEFAULT_FAILED_LOGIN_FILTER = GOOGLE_SIGN_IN_FAILURE_FILTER;

/** CIS GCP 1.11: KMS keys rotate at least every 90 days; secrets are held to the same bar. */
export const DEFAULT_MAX_ROTATION_DAYS = 90;

/** CIS GCP 2.4 and most audit regimes: a year of logs. */
export const DEFAULT_MINIMUM_RETENTION_DAYS = 365;

export function paramsFromConfig(config?: BaselineConfig, now: Date = new Date()): RuleParams {
  if (!config) {
    return {
      allowedMemberDomains: [],
      breakGlassPrincipals: [],
      minimumRetentionDays: DEFAULT_MINIMUM_RETENTION_DAYS,
      maxRotationDays: DEFAULT_MAX_ROTATION_DAYS,
      requiredConstraints: DEFAULT_REQUIRED_CONSTRAINTS,
      requiredContactCategories: DEFAULT_CONTACT_CATEGORIES,
      projects: [],
      failedLoginFilter: DEFAULT_FAILED_LOGIN_FILTER,
      now,
    };
  }
  const { policy } = config;
  return {
    // An empty list in config means "the organization's own domain", never "any domain".
    allowedMemberDomains: policy.allowedMemberDomains.length > 0 ? policy.allowedMemberDomains : [config.organization.domain],
    breakGlassPrincipals: policy.breakGlassPrincipals,
    minimumRetentionDays: policy.minimumRetentionDays,
    // The config may choose shorter periods than the CIS bar, never longer (the schema caps both at 90).
    maxRotationDays: Math.max(config.kms.rotationDays, config.secrets.rotationDays),
    requiredConstraints: config.orgPolicies.enforce,
    requiredContactCategories: DEFAULT_CONTACT_CATEGORIES,
    projects: config.projects.map((p) => ({ id: p.id, coupling: p.coupling, folder: p.folder })),
    auditNarrowing: config.audit.narrowing.map((n) => ({ service: n.service, folder: n.folder, logTypes: n.logTypes, reason: n.reason })),
    organizationId: config.organization.id,
    failedLoginFilter: config.alerting.failedLogins.filter,
    now,
  };
}
