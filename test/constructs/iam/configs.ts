/**
 * Configs for construct and stack tests: the shipped example org (loaded through config/load.ts,
 * a fresh copy per call so tests may change it) and a small org built in code.
 */
import { loadConfig, parseConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import type { BaselineConfig, BaselineConfigInput } from '../../../policies/config/org-config';

/** The example org, validated, defaults filled in; a fresh copy each call. */
export function exampleConfig(): BaselineConfig {
  return loadConfig(EXAMPLE_CONFIG);
}

/** A small org: a nested folder, three projects, one contact, two secrets; `change` edits the raw input first. */
export function smallConfig(change: (raw: BaselineConfigInput) => void = () => {}): BaselineConfig {
  const raw: BaselineConfigInput = {
    organization: { id: '111222333444', domain: 'small.example', customerId: 'C0small1', billingAccount: '01ABCD-23EF45-6789AB', quotaProject: 'small-seed-01' },
    folders: [
      { key: 'platform', displayName: 'Platform' },
      { key: 'security', displayName: 'Security', parent: 'platform' },
    ],
    projects: [
      { key: 'logs', id: 'small-logs-01', folder: 'security', coupling: 'loose' },
      { key: 'vault', id: 'small-vault-01', folder: 'security', coupling: 'tight', labels: { team: 'sec' } },
      { key: 'keys', id: 'small-keys-01', folder: 'platform', coupling: 'tight' },
    ],
    groups: {
      platformAdmins: 'admins@small.example',
      security: 'sec@small.example',
      auditors: 'audit@small.example',
      developers: 'dev@small.example',
      breakGlass: 'bg@small.example',
    },
    foundationProjects: { logging: 'logs', secrets: 'vault', kms: 'keys' },
    logging: {},
    iam: {
      customRoles: [
        { id: 'orgAuditLite', title: 'Audit lite', permissions: ['logging.logs.list'], scope: { organization: true } },
        { id: 'vaultLister', title: 'Vault lister', permissions: ['secretmanager.secrets.list'], scope: { project: 'vault' } },
      ],
      bindings: [
        { scope: { organization: true }, role: 'orgAuditLite', members: ['group:audit@small.example'], reason: 'Auditors read log metadata org-wide.' },
        { scope: { folder: 'security' }, role: 'roles/logging.viewer', members: ['group:sec@small.example'], reason: 'Security reads logs.' },
        { scope: { project: 'vault' }, role: 'vaultLister', members: ['serviceAccount:ci@small-keys-01.iam.gserviceaccount.com'], reason: 'CI lists secrets.' },
      ],
    },
    orgPolicies: { enforce: ['iam.disableServiceAccountKeyCreation'], extraAllowedCustomerIds: ['C0partner'] },
    essentialContacts: [{ email: 'sec@small.example', categories: ['ALL'] }],
    secrets: {
      locations: ['us-east1'],
      rotationDays: 60,
      cmek: false,
      items: [
        { id: 'api-token', accessors: ['serviceAccount:api@small-vault-01.iam.gserviceaccount.com'] },
        { id: 'unused-token', rotationDays: 7 },
      ],
      canary: { id: 'canary-small' },
    },
    alerting: { channels: [{ key: 'mail', type: 'email', address: 'sec@small.example' }] },
  };
  change(raw);
  return parseConfig(raw, 'small-config');
}
