/**
 * Every rule, listed once: the static index the checker ships (no folder discovery at run time, so a
 * compiled or bundled checker finds the same rules). A meta-test keeps it equal to the files in this folder,
 * and each rule id equal to its file name.
 */
import type { Rule } from '../engine/rule';
import accessDeclaredMissing from './iam/access-declared-missing';
import accessUndeclaredGrant from './iam/access-undeclared-grant';
import alertingCisLogMetrics from './alerting/alerting-cis-log-metrics';
import alertingFailedLoginSpike from './alerting/alerting-failed-login-spike';
import alertingPoliciesHaveChannels from './alerting/alerting-policies-have-channels';
import alertingSignInSourcePresent from './alerting/alerting-sign-in-source-present';
import changeNoDestroySecurityResources from './change/change-no-destroy-security-resources';
import changeNoWeakenedLogging from './change/change-no-weakened-logging';
import deployAlertBeforeMetric from './deploy/deploy-alert-before-metric';
import deployDomainRestrictionBlocksGrants from './deploy/deploy-domain-restriction-blocks-grants';
import deployLockedAtCreation from './deploy/deploy-locked-at-creation';
import deployServicesEnabled from './deploy/deploy-services-enabled';
import iamAllowedMemberDomains from './iam/iam-allowed-member-domains';
import iamKmsSeparationOfDuties from './iam/iam-kms-separation-of-duties';
import iamNoBasicRoles from './iam/iam-no-basic-roles';
import iamNoConflictingAuthority from './iam/iam-no-conflicting-authority';
import iamNoDefaultSaGrants from './iam/iam-no-default-sa-grants';
import iamNoProjectSaImpersonation from './iam/iam-no-project-sa-impersonation';
import iamNoPublicPrincipals from './iam/iam-no-public-principals';
import iamNoSaAdminRoles from './iam/iam-no-sa-admin-roles';
import iamNoSaKeys from './iam/iam-no-sa-keys';
import iamNoUserPrincipals from './iam/iam-no-user-principals';
import iamPrivilegedRolesTimeBound from './iam/iam-privileged-roles-time-bound';
import iamSaSeparationOfDuties from './iam/iam-sa-separation-of-duties';
import kmsKeyRotation from './kms/kms-key-rotation';
import loggingAuditConfigComplete from './logging/logging-audit-config-complete';
import loggingBucketCmek from './logging/logging-bucket-cmek';
import loggingBucketLocked from './logging/logging-bucket-locked';
import loggingBucketRetention from './logging/logging-bucket-retention';
import loggingDataAccessForTightCoupled from './logging/logging-data-access-for-tight-coupled';
import loggingEveryProjectCovered from './logging/logging-every-project-covered';
import loggingNoAuditExclusions from './logging/logging-no-audit-exclusions';
import loggingOrgSinkCoversAll from './logging/logging-org-sink-covers-all';
import loggingSinkWriterGranted from './logging/logging-sink-writer-granted';
import orgEssentialContacts from './org/org-essential-contacts';
import orgpolicyRequiredConstraints from './org/orgpolicy-required-constraints';
import secretsAccessorPerSecret from './secrets/secrets-accessor-per-secret';
import secretsInClearChannelLabels from './secrets/secrets-in-clear-channel-labels';
import secretsNoPayloadInConfig from './secrets/secrets-no-payload-in-config';
import secretsRotation from './secrets/secrets-rotation';
import scanningFindingsNotified from './scanning/scanning-findings-notified';
import scanningMuteConfigsReasoned from './scanning/scanning-mute-configs-reasoned';

/** The rule catalogue, by category then id. */
export const RULES: readonly Rule[] = [
  accessDeclaredMissing,
  accessUndeclaredGrant,
  alertingCisLogMetrics,
  alertingFailedLoginSpike,
  alertingPoliciesHaveChannels,
  alertingSignInSourcePresent,
  changeNoDestroySecurityResources,
  changeNoWeakenedLogging,
  deployAlertBeforeMetric,
  deployDomainRestrictionBlocksGrants,
  deployLockedAtCreation,
  deployServicesEnabled,
  iamAllowedMemberDomains,
  iamKmsSeparationOfDuties,
  iamNoBasicRoles,
  iamNoConflictingAuthority,
  iamNoDefaultSaGrants,
  iamNoProjectSaImpersonation,
  iamNoPublicPrincipals,
  iamNoSaAdminRoles,
  iamNoSaKeys,
  iamNoUserPrincipals,
  iamPrivilegedRolesTimeBound,
  iamSaSeparationOfDuties,
  kmsKeyRotation,
  loggingAuditConfigComplete,
  loggingBucketCmek,
  loggingBucketLocked,
  loggingBucketRetention,
  loggingDataAccessForTightCoupled,
  loggingEveryProjectCovered,
  loggingNoAuditExclusions,
  loggingOrgSinkCoversAll,
  loggingSinkWriterGranted,
  orgEssentialContacts,
  orgpolicyRequiredConstraints,
  secretsAccessorPerSecret,
  secretsInClearChannelLabels,
  secretsNoPayloadInConfig,
  secretsRotation,
  scanningFindingsNotified,
  scanningMuteConfigsReasoned,
];

