/**
 * The one place that decides what a config means for the checks. The engine owns the shapes
 * (RuleParams, DeclaredHierarchy, SuppressionSpec); this turns an org config or a policy file into them,
 * once, so rules never read a config.
 */
import {
  DEFAULT_CONTACT_CATEGORIES,
  DEFAULT_MAX_ROTATION_DAYS,
  DEFAULT_MINIMUM_RETENTION_DAYS,
  DEFAULT_REQUIRED_CONSTRAINTS,
  GOOGLE_SIGN_IN_FAILURE_FILTER,
} from '../catalog/defaults';
import { sourceFilter } from '../catalog/log-sources';
import type { DeclaredHierarchy } from '../engine/hierarchy';
import type { RuleParams } from '../engine/rule';
import type { SuppressionSpec } from '../engine/suppressions';
import type { BaselineConfig } from './org-config';
import type { PolicyFile } from './policy-file';

/** Rule parameters without the evaluation time (which belongs to a run, not to a config). */
export type PolicyParams = Omit<RuleParams, 'now'>;

/** Everything a check takes from configuration: parameters, the declared hierarchy, suppressions. */
export interface CheckPolicy {
  readonly params: PolicyParams;
  /** Folders and projects declared beyond the input. @default - none */
  readonly declared?: DeclaredHierarchy;
  readonly suppressions: readonly SuppressionSpec[];
}

/** Safe defaults: CIS bars, no allowed domains, no declared hierarchy, no suppressions. */
export const DEFAULT_PARAMS: PolicyParams = {
  allowedMemberDomains: [],
  breakGlassPrincipals: [],
  minimumRetentionDays: DEFAULT_MINIMUM_RETENTION_DAYS,
  maxRotationDays: DEFAULT_MAX_ROTATION_DAYS,
  requiredConstraints: DEFAULT_REQUIRED_CONSTRAINTS,
  requiredContactCategories: DEFAULT_CONTACT_CATEGORIES,
  projects: [],
  failedLoginFilter: GOOGLE_SIGN_IN_FAILURE_FILTER,
};

export const DEFAULT_POLICY: CheckPolicy = { params: DEFAULT_PARAMS, suppressions: [] };

/** What the baseline's org config means for the checks. */
export function policyFromOrgConfig(config: BaselineConfig): CheckPolicy {
  const { policy } = config;
  return {
    params: {
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
      logSources: config.logging.sources.map((s) => ({
        name: s.name,
        kind: s.kind,
        coupling: s.coupling,
        silenceHours: s.silenceHours,
        filter: sourceFilter(s),
        landing: s.kind === 'github-audit-stream' ? `gs://${s.bucketName}` : s.kind === 'logging-api' ? `project ${config.projects.find((p) => p.key === s.project)?.id ?? s.project}` : undefined,
      })),
      tightProjectSilenceHours: config.logging.tightProjectSilenceHours,
    },
    declared: {
      organizationId: config.organization.id,
      folders: config.folders.map((f) => ({ key: f.key, parent: f.parent })),
      projects: config.projects.map((p) => ({ id: p.id, folder: p.folder, coupling: p.coupling, number: p.number })),
    },
    suppressions: policy.suppressions,
  };
}

/** What a team's own policy file (`.baseline.yaml`) means for the checks: its parameters over the defaults. */
export function policyFromFile(file: PolicyFile): CheckPolicy {
  const { suppressions, ...params } = file;
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  return { params: { ...DEFAULT_PARAMS, ...defined }, suppressions };
}

/** RuleParams for one run: a policy's parameters at an evaluation time. */
export function paramsOf(policy: CheckPolicy, now: Date = new Date()): RuleParams {
  return { ...policy.params, now };
}

/** RuleParams from the org config, or safe defaults without one. */
export function paramsFromConfig(config?: BaselineConfig, now: Date = new Date()): RuleParams {
  return paramsOf(config ? policyFromOrgConfig(config) : DEFAULT_POLICY, now);
}
