import rule from '../../../../policies/rules/logging/logging-audit-config-complete';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { ORG_ID } from './fixtures';

const RULE = 'logging-audit-config-complete';
const ORG_CONFIG = 'google_organization_iam_audit_config.all';
const ALL_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];
const REASON = 'Data Access logs in non-production cost more than they tell.';

const logConfigs = (types: string[]) => types.map((log_type) => ({ log_type }));
const orgConfig = (types: string[], extra: Record<string, unknown> = {}) => ({ org_id: ORG_ID, service: 'allServices', audit_log_config: logConfigs(types), ...extra });
const planConfig = (types: string[], extra: Record<string, unknown> = {}) =>
  plan([{ address: ORG_CONFIG, values: { org_id: ORG_ID, service: 'allServices', audit_log_config: types.map((t) => ({ log_type: t, exempted_members: [] })), ...extra } }]);

/** The example org narrowing non-production to ADMIN_READ (as audit.narrowing would declare it). */
const narrowed = {
  organizationId: ORG_ID,
  projects: [
    { id: 'example-app-npd', coupling: 'loose' as const, folder: 'non-production' },
    { id: 'example-app-prd', coupling: 'tight' as const, folder: 'production' },
  ],
  auditNarrowing: [{ folder: 'non-production', logTypes: ['ADMIN_READ'], reason: REASON }],
};

runRuleTests(rule, {
  valid: [
    { name: 'synth: allServices with all three log types at the organization', input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(ALL_TYPES) } }) } },
    { name: 'plan: the same, exempted_members empty', input: { plan: planConfig(ALL_TYPES) }, params: { organizationId: ORG_ID } },
    {
      name: 'synth: a narrowed folder with a reason, the other folder\'s project gets all three at project level',
      input: {
        synth: synth({
          google_organization_iam_audit_config: { all: orgConfig(['ADMIN_READ']) },
          google_project_iam_audit_config: { prd: { project: 'example-app-prd', service: 'allServices', audit_log_config: logConfigs(ALL_TYPES) } },
        }),
      },
      params: narrowed,
    },
    {
      name: 'plan: a project in a sub-folder of the narrowed folder needs only what the narrowed folder keeps',
      input: {
        plan: plan([
          { address: ORG_CONFIG, values: orgConfig(['ADMIN_READ']) },
          { address: 'google_folder.dev', values: { display_name: 'dev', parent: 'folders/non-production', folder_id: 'dev' }, action: 'no-op' },
          { address: 'google_project_iam_audit_config.prd', values: { project: 'example-app-prd', service: 'allServices', audit_log_config: logConfigs(ALL_TYPES) } },
        ]),
      },
      params: { ...narrowed, projects: [{ ...narrowed.projects[0], folder: 'dev' }, narrowed.projects[1]] },
    },
    {
      name: 'plan: a complete organization default, and a project whose folder is known only after apply needs nothing more',
      input: {
        plan: plan([
          { address: ORG_CONFIG, values: orgConfig(ALL_TYPES) },
          { address: 'google_project.prd', values: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: null, folder_id: null }, unknown: { folder_id: true } },
        ]),
      },
      params: narrowed,
    },
    {
      name: 'plan: a service-specific config with fewer types next to a complete allServices one',
      input: {
        plan: plan([
          { address: ORG_CONFIG, values: orgConfig(ALL_TYPES) },
          { address: 'google_organization_iam_audit_config.storage', values: orgConfig(['ADMIN_READ'], { service: 'storage.googleapis.com' }) },
        ]),
      },
    },
  ],
  invalid: [
    { name: 'fails synth: no audit config at all', input: { synth: synth({}) }, errors: [{ messageId: 'missing', address: RULE }] },
    {
      name: 'fails plan: only a project-level config, none at the organization',
      input: { plan: plan([{ address: 'google_project_iam_audit_config.app', values: { project: 'example-app-prd', service: 'allServices', audit_log_config: logConfigs(ALL_TYPES) } }]) },
      errors: [{ messageId: 'missing', address: RULE }],
    },
    {
      name: 'fails plan: DATA_READ missing',
      input: { plan: planConfig(['ADMIN_READ', 'DATA_WRITE']) },
      errors: [{ messageId: 'missing-log-types', address: ORG_CONFIG, path: 'audit_log_config', message: 'Organization audit config for allServices does not enable DATA_READ.' }],
    },
    {
      name: 'fails synth: a complete allServices config on a folder is not the organization\'s',
      input: { synth: synth({ google_folder_iam_audit_config: { f: { folder: 'folders/123', service: 'allServices', audit_log_config: logConfigs(ALL_TYPES) } } }) },
      errors: [{ messageId: 'missing', address: RULE }],
    },
    {
      name: 'fails synth: a complete organization config for one service is not the allServices default',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(ALL_TYPES, { service: 'storage.googleapis.com' }) } }) },
      errors: [{ messageId: 'missing', address: RULE }],
    },
    {
      name: 'fails synth: a complete config of another organization than the configured one',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(ALL_TYPES, { org_id: '999999999999' }) } }) },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'missing', address: RULE }],
    },
    {
      name: 'fails synth: a service-level narrowing, even with a reason, does not excuse the organization default',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(['ADMIN_READ']) } }) },
      params: { organizationId: ORG_ID, auditNarrowing: [{ service: 'storage.googleapis.com', logTypes: ['ADMIN_READ'], reason: REASON }] },
      errors: [{ messageId: 'missing-log-types', address: ORG_CONFIG, path: 'audit_log_config', message: 'Organization audit config for allServices does not enable DATA_READ, DATA_WRITE.' }],
    },
    {
      name: 'fails synth: a folder narrowing excuses only the types it leaves out (it keeps DATA_WRITE, the default lacks it)',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(['ADMIN_READ', 'DATA_READ']) } }) },
      params: { ...narrowed, auditNarrowing: [{ folder: 'non-production', logTypes: ['ADMIN_READ', 'DATA_WRITE'], reason: REASON }] },
      errors: [{ messageId: 'missing-log-types', address: ORG_CONFIG, path: 'audit_log_config', message: 'Organization audit config for allServices does not enable DATA_WRITE.' }],
    },
    {
      name: 'fails plan: an organization IAM policy document whose allServices audit config keeps ADMIN_READ only',
      input: {
        plan: plan([
          { address: 'google_organization_iam_policy.org', values: { org_id: ORG_ID, policy_data: JSON.stringify({ auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }] }] }) } },
        ]),
      },
      errors: [{ messageId: 'missing-log-types', address: 'google_organization_iam_policy.org', path: 'policy_data.auditConfigs.0', message: 'Organization audit config for allServices does not enable DATA_READ, DATA_WRITE.' }],
    },
    {
      name: 'fails plan: exempted members on DATA_READ, and DATA_WRITE not enabled',
      input: {
        plan: plan([
          { address: ORG_CONFIG, values: { org_id: ORG_ID, service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ', exempted_members: [] }, { log_type: 'DATA_READ', exempted_members: ['user:batch@example.com'] }] } },
        ]),
      },
      errors: [
        { messageId: 'exempted-members', address: ORG_CONFIG, path: 'audit_log_config.1.exempted_members', message: 'Audit config exempts members from DATA_READ audit logs: their actions leave no trace.' },
        { messageId: 'missing-log-types', address: ORG_CONFIG, path: 'audit_log_config', message: 'Organization audit config for allServices does not enable DATA_WRITE.' },
      ],
    },
    {
      name: 'fails synth (unknown): the organization of the config comes from a variable',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(ALL_TYPES, { org_id: '${var.org_id}' }) } }) },
      errors: [{ messageId: 'audit-config-unknown', address: ORG_CONFIG, outcome: 'unknown', path: 'org_id', message: 'Whether audit logging is complete depends on org_id of this audit config, known only after apply.' }],
    },
    {
      name: 'fails synth (unknown): the service of the config comes from a variable',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(ALL_TYPES, { service: '${var.service}' }) } }) },
      errors: [{ messageId: 'audit-config-unknown', address: ORG_CONFIG, outcome: 'unknown', path: 'service' }],
    },
    {
      name: 'fails synth: exempted members on DATA_READ',
      input: {
        synth: synth({
          google_organization_iam_audit_config: {
            all: { org_id: ORG_ID, service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_READ', exempted_members: ['user:batch@example.com'] }, { log_type: 'DATA_WRITE' }] },
          },
        }),
      },
      errors: [{ messageId: 'exempted-members', address: ORG_CONFIG }],
    },
    {
      name: 'fails synth: a narrowing without a reason does not excuse the organization default',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(['ADMIN_READ']) } }) },
      params: { ...narrowed, auditNarrowing: [{ folder: 'non-production', logTypes: ['ADMIN_READ'], reason: '' }] },
      errors: [{ messageId: 'missing-log-types', address: ORG_CONFIG }],
    },
    {
      name: 'fails synth: narrowed default, and the project outside the narrowed folder gets nothing more',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig(['ADMIN_READ']) } }) },
      params: narrowed,
      errors: [
        {
          messageId: 'project-missing-log-types',
          address: RULE,
          message: 'Project example-app-prd does not get DATA_READ, DATA_WRITE audit logs from any organization, folder or project audit config, and its folder is not narrowed.',
        },
      ],
    },
    {
      name: 'fails plan: narrowed default, project resource in the organization without its own config',
      input: {
        plan: plan([
          { address: ORG_CONFIG, values: orgConfig(['ADMIN_READ']) },
          { address: 'google_project.prd', values: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: ORG_ID } },
        ]),
      },
      params: narrowed,
      errors: [{ messageId: 'project-missing-log-types', address: 'google_project.prd' }],
    },
    {
      name: 'fails synth (unknown): narrowed default, and the project\'s own config takes its log types from a variable',
      input: {
        synth: synth({
          google_organization_iam_audit_config: { all: orgConfig(['ADMIN_READ']) },
          google_project_iam_audit_config: { prd: { project: 'example-app-prd', service: 'allServices', audit_log_config: '${var.prd_audit_log_config}' } },
        }),
      },
      params: narrowed,
      errors: [{ messageId: 'project-log-types-unknown', address: 'google_project_iam_audit_config.prd', outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): narrowed default, and the project\'s folder is known only after apply',
      input: {
        plan: plan([
          { address: ORG_CONFIG, values: orgConfig(['ADMIN_READ']) },
          { address: 'google_project.prd', values: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: null, folder_id: null }, unknown: { folder_id: true } },
        ]),
      },
      params: narrowed,
      errors: [{ messageId: 'project-log-types-unknown', address: 'google_project.prd', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the log types come from a variable',
      input: { synth: synth({ google_organization_iam_audit_config: { all: orgConfig([], { audit_log_config: '${var.audit_log_config}' }) } }) },
      errors: [{ messageId: 'audit-config-unknown', address: ORG_CONFIG, outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): exempted members known only after apply',
      input: {
        plan: plan([
          {
            address: ORG_CONFIG,
            values: orgConfig([], { audit_log_config: [{ log_type: 'ADMIN_READ', exempted_members: [] }, { log_type: 'DATA_READ' }, { log_type: 'DATA_WRITE', exempted_members: [] }] }),
            unknown: { audit_log_config: [{}, { exempted_members: true }, {}] },
          },
        ]),
      },
      errors: [{ messageId: 'audit-config-unknown', address: ORG_CONFIG, outcome: 'unknown' }],
    },
  ],
});
