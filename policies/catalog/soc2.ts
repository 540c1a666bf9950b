/**
 * SOC 2 trust services criteria (2017, revised points of focus 2022) and the rules whose outcomes evidence
 * them. Pure data: the evidence file lists, per criterion, these rules with their outcomes. A rule's own
 * `controls` name CIS recommendations; SOC 2 criteria are broader, so they are mapped here once.
 */
export interface Soc2Criterion {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly string[];
}

export const SOC2_CRITERIA: readonly Soc2Criterion[] = [
  {
    id: 'SOC 2 CC6.1',
    title: 'Logical access security: access to information assets is restricted to authorized identities',
    rules: [
      'iam-allowed-member-domains',
      'iam-no-public-principals',
      'iam-no-user-principals',
      'iam-no-sa-keys',
      'iam-no-default-sa-grants',
      'secrets-accessor-per-secret',
      'secrets-no-payload-in-config',
      'secrets-in-clear-channel-labels',
      'secrets-rotation',
      'kms-key-rotation',
      'logging-bucket-cmek',
      'orgpolicy-required-constraints',
    ],
  },
  {
    id: 'SOC 2 CC6.3',
    title: 'Role-based access with least privilege and segregation of duties; access is removed when no longer needed',
    rules: [
      'iam-no-basic-roles',
      'iam-no-sa-admin-roles',
      'iam-no-project-sa-impersonation',
      'iam-sa-separation-of-duties',
      'iam-kms-separation-of-duties',
      'iam-privileged-roles-time-bound',
      'iam-no-conflicting-authority',
      'secrets-accessor-per-secret',
    ],
  },
  {
    id: 'SOC 2 CC7.2',
    title: 'System components are monitored for anomalies indicative of malicious acts or errors',
    rules: [
      'logging-org-sink-covers-all',
      'logging-every-project-covered',
      'logging-audit-config-complete',
      'logging-data-access-for-tight-coupled',
      'logging-no-audit-exclusions',
      'logging-bucket-retention',
      'logging-bucket-locked',
      'logging-sink-writer-granted',
      'alerting-cis-log-metrics',
      'alerting-failed-login-spike',
      'alerting-sign-in-source-present',
      'scanning-findings-notified',
      'scanning-mute-configs-reasoned',
    ],
  },
  {
    id: 'SOC 2 CC7.3',
    title: 'Security events are evaluated to determine whether they are incidents, and reach those who respond',
    rules: ['alerting-policies-have-channels', 'alerting-cis-log-metrics', 'alerting-failed-login-spike', 'org-essential-contacts', 'scanning-findings-notified'],
  },
  {
    id: 'SOC 2 CC8.1',
    title: 'Changes to infrastructure are authorized, tested and approved before implementation',
    rules: ['change-no-destroy-security-resources', 'deploy-services-enabled', 'deploy-alert-before-metric', 'deploy-locked-at-creation'],
  },
];
