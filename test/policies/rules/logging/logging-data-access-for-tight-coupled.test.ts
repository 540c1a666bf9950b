import rule from '../../../../policies/rules/logging/logging-data-access-for-tight-coupled';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { ORG_ID } from './fixtures';

const RULE = 'logging-data-access-for-tight-coupled';
const PROJECT = 'google_project.prd';
const ALL_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];

const auditConfig = (types: string[], where: Record<string, unknown> = { org_id: ORG_ID }) => ({
  ...where,
  service: 'allServices',
  audit_log_config: types.map((log_type) => ({ log_type })),
});
/** A tight-coupled project directly under the organization, as a plan shows it. */
const tightProject = (labels: Record<string, string> = { coupling: 'tight' }) => ({ address: PROJECT, values: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: ORG_ID, labels } });
/**
 * A common plain-Terraform shape: the folder declared in one configuration, found by display name
 * (`data.google_active_folder`) in the other, the folder-level config on the lookup.
 */
const lookedUp = (lookupName: string) =>
  synth(
    {
      google_folder: { production: { display_name: 'Production', parent: `organizations/${ORG_ID}` } },
      google_project: { prd: { project_id: 'example-app-prd', name: 'example-app-prd', folder_id: '${google_folder.production.folder_id}', labels: { coupling: 'tight' } } },
      google_organization_iam_audit_config: { all: auditConfig(['ADMIN_READ']) },
      google_folder_iam_audit_config: { production: auditConfig(ALL_TYPES, { folder: '${data.google_active_folder.production.name}' }) },
    },
    { data: { google_active_folder: { production: { display_name: lookupName, parent: `organizations/${ORG_ID}` } } } },
  );
const declaredTight = { organizationId: ORG_ID, projects: [{ id: 'example-app-prd', coupling: 'tight' as const, folder: 'production' }] };

runRuleTests(rule, {
  valid: [
    { name: 'synth: a config-declared tight project under an org config with all three', input: { synth: synth({ google_organization_iam_audit_config: { all: auditConfig(ALL_TYPES) } }) }, params: declaredTight },
    { name: 'plan: a project labelled coupling=tight under an org config with all three', input: { plan: plan([tightProject(), { address: 'google_organization_iam_audit_config.all', values: auditConfig(ALL_TYPES) }]) } },
    {
      name: 'synth: the org keeps ADMIN_READ only, the project adds DATA_READ and DATA_WRITE itself',
      input: {
        synth: synth({
          google_organization_iam_audit_config: { all: auditConfig(['ADMIN_READ']) },
          google_project_iam_audit_config: { prd: auditConfig(['DATA_READ', 'DATA_WRITE'], { project: 'example-app-prd' }) },
        }),
      },
      params: declaredTight,
    },
    { name: 'plan: a loose project without Data Access logs is not judged', notApplicable: 'no tight-coupled projects in the input or config', input: { plan: plan([tightProject({ coupling: 'loose' })]) } },
    { name: 'synth: the folder config sits on a folder lookup that finds the project\'s folder', input: { synth: lookedUp('Production') } },
  ],
  invalid: [
    {
      name: 'fails plan: a tight project under an org config with ADMIN_READ only',
      input: { plan: plan([tightProject(), { address: 'google_organization_iam_audit_config.all', values: auditConfig(['ADMIN_READ']) }]) },
      errors: [
        {
          messageId: 'data-access-off',
          address: PROJECT,
          message: 'Tight-coupled project example-app-prd does not get DATA_READ, DATA_WRITE audit logs from any organization, folder or project audit config for allServices.',
        },
      ],
    },
    {
      name: 'fails synth: a config-declared tight project and no audit config that reaches it',
      input: { synth: synth({ google_project_iam_audit_config: { other: auditConfig(ALL_TYPES, { project: 'example-app-npd' }) } }) },
      params: declaredTight,
      errors: [
        {
          messageId: 'data-access-off',
          address: RULE,
          message: 'Tight-coupled project example-app-prd does not get DATA_READ, DATA_WRITE audit logs from any organization, folder or project audit config for allServices.',
        },
      ],
    },
    {
      name: 'fails plan: config says tight although the label says loose',
      input: { plan: plan([tightProject({ coupling: 'loose' }), { address: 'google_organization_iam_audit_config.all', values: auditConfig(['ADMIN_READ', 'DATA_WRITE']) }]) },
      params: declaredTight,
      errors: [{ messageId: 'data-access-off', address: PROJECT }],
    },
    {
      name: 'fails synth (unknown): the project-level config names its project through a variable',
      input: {
        synth: synth({
          google_project: { prd: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: ORG_ID, labels: { coupling: 'tight' } } },
          google_organization_iam_audit_config: { all: auditConfig(['ADMIN_READ']) },
          google_project_iam_audit_config: { prd: auditConfig(['DATA_READ', 'DATA_WRITE'], { project: '${var.project}' }) },
        }),
      },
      errors: [{ messageId: 'data-access-unknown', address: PROJECT, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a folder lookup that finds no declared folder',
      input: { synth: lookedUp('Staging') },
      errors: [{ messageId: 'data-access-unknown', address: PROJECT, outcome: 'unknown' }],
    },
  ],
});
