/**
 * Packs say which rules run and at which level; the rules themselves stay pack-agnostic.
 * - guardrails: rules that judge each resource or change on its own: fit for any team's plan.
 * - foundation: whole-organization invariants: coverage, audit config, CIS alerts, org policies, contacts.
 * - audit: what a live IAM export can show (`baseline audit`): the IAM rules, audit configs, and drift.
 */
import type { Pack as EnginePack } from '../engine/rule';

export type PackName = 'guardrails' | 'foundation' | 'all' | 'audit';
export type Pack = EnginePack<PackName>;

const guardrails: Pack = {
  name: 'guardrails',
  description: 'Rules that judge each resource or change on its own; fit for any team\'s plan.',
  rules: [
    'iam-no-basic-roles',
    'iam-no-public-principals',
    'iam-no-user-principals',
    'iam-allowed-member-domains',
    'iam-no-sa-admin-roles',
    'iam-no-project-sa-impersonation',
    'iam-sa-separation-of-duties',
    'iam-kms-separation-of-duties',
    'iam-no-sa-keys',
    'iam-no-default-sa-grants',
    'iam-privileged-roles-time-bound',
    'iam-no-conflicting-authority',
    'logging-bucket-retention',
    'logging-bucket-locked',
    'logging-bucket-cmek',
    'logging-no-audit-exclusions',
    'alerting-policies-have-channels',
    'secrets-accessor-per-secret',
    'secrets-no-payload-in-config',
    'secrets-rotation',
    'kms-key-rotation',
    'change-no-destroy-security-resources',
    'change-no-weakened-logging',
    'deploy-services-enabled',
    'deploy-alert-before-metric',
    'deploy-locked-at-creation',
    'deploy-domain-restriction-blocks-grants',
    'secrets-in-clear-channel-labels',
  ].map((rule) => ({ rule })),
};

const foundation: Pack = {
  name: 'foundation',
  description: 'Whole-organization invariants: logging coverage, audit config, CIS alerts, org policies, contacts, findings routing.',
  rules: [
    'logging-org-sink-covers-all',
    'logging-every-project-covered',
    'logging-sink-writer-granted',
    'logging-audit-config-complete',
    'logging-data-access-for-tight-coupled',
    'alerting-cis-log-metrics',
    'alerting-failed-login-spike',
    'alerting-sign-in-source-present',
    'orgpolicy-required-constraints',
    'org-essential-contacts',
    'scanning-findings-notified',
    'scanning-mute-configs-reasoned',
  ].map((rule) => ({ rule })),
};

const all: Pack = {
  name: 'all',
  description: 'guardrails and foundation together.',
  rules: [...guardrails.rules, ...foundation.rules],
};

/**
 * A Cloud Asset Inventory IAM export holds IAM policies and audit configs, nothing else: the rules that judge
 * those, plus the drift between the live organization and the code.
 */
const audit: Pack = {
  name: 'audit',
  description: 'The live organization (a Cloud Asset Inventory IAM export): least privilege, audit configs, and drift from the code.',
  rules: [
    ...guardrails.rules.filter((e) => e.rule.startsWith('iam-') && e.rule !== 'iam-no-sa-keys'),
    { rule: 'logging-audit-config-complete' },
    { rule: 'access-undeclared-grant' },
    { rule: 'access-declared-missing' },
  ],
};

export const PACKS: Readonly<Record<PackName, Pack>> = { guardrails, foundation, all, audit };

export function isPackName(name: string): name is PackName {
  return name in PACKS;
}
