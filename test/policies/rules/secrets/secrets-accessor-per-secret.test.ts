import rule from '../../../../policies/rules/secrets/secrets-accessor-per-secret';
import { SECRET_ACCESS_ROLE } from '../../../../policies/catalog/roles';
import { planFiles } from '../../engine/corpus';
import { modelOf, plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusInput } from './corpus-input';

const APP_SA = 'serviceAccount:app-runtime@example-app-prd.iam.gserviceaccount.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: the accessor role on one secret',
      input: {
        synth: synth({
          google_secret_manager_secret: { db: { project: 'example-secrets-prd', secret_id: 'db-password', replication: { auto: {} } } },
          google_secret_manager_secret_iam_member: { app: { secret_id: '${google_secret_manager_secret.db.id}', role: SECRET_ACCESS_ROLE, member: APP_SA } },
        }),
      },
    },
    {
      name: 'synth: a custom role defined in the input at project level is not the accessor role',
      input: {
        synth: synth({
          google_project_iam_custom_role: { reader: { project: 'example-app-prd', role_id: 'secretLister', title: 'Lists secrets', permissions: ['secretmanager.secrets.list'] } },
          google_project_iam_member: { lister: { project: 'example-app-prd', role: '${google_project_iam_custom_role.reader.name}', member: APP_SA } },
        }),
      },
    },
    {
      name: 'plan: other Secret Manager roles at project level',
      input: { plan: plan([{ address: 'google_project_iam_member.viewer', values: { project: 'example-app-prd', role: 'roles/secretmanager.viewer', member: APP_SA, condition: [] } }]) },
    },
    {
      name: 'plan: a project-level accessor grant being deleted gives no access',
      notApplicable: 'no IAM grants in the input',
      input: { plan: plan([{ address: 'google_project_iam_member.old', values: { project: 'example-app-prd', role: SECRET_ACCESS_ROLE, member: APP_SA, condition: [] }, action: 'delete' }]) },
    },
    { name: 'plan (corpus): secret IAM member from terraform-validator', input: corpusInput('example_secret_manager_secret_iam_member.tfplan.json') },
    { name: 'plan (corpus): secret IAM policy from terraform-validator', input: corpusInput('example_secret_manager_secret_iam_policy.tfplan.json') },
  ],
  invalid: [
    {
      name: 'fails synth: accessor granted on the project',
      input: { synth: synth({ google_project_iam_member: { app: { project: 'example-app-prd', role: SECRET_ACCESS_ROLE, member: APP_SA } } }) },
      errors: [{ messageId: 'accessor-above-secret', address: 'google_project_iam_member.app', path: 'member' }],
    },
    {
      name: 'fails plan: accessor bound on a folder to two members',
      input: {
        plan: plan([{ address: 'google_folder_iam_binding.readers', values: { folder: 'folders/123', role: SECRET_ACCESS_ROLE, members: [APP_SA, 'group:gcp-developers@example.com'], condition: [] } }]),
      },
      errors: [
        { messageId: 'accessor-above-secret', address: 'google_folder_iam_binding.readers', path: 'members.0' },
        { messageId: 'accessor-above-secret', address: 'google_folder_iam_binding.readers', path: 'members.1' },
      ],
    },
    {
      name: 'fails plan: accessor in an organization IAM policy document',
      input: {
        plan: plan([
          {
            address: 'google_organization_iam_policy.org',
            values: { org_id: '123456789012', policy_data: JSON.stringify({ bindings: [{ role: SECRET_ACCESS_ROLE, members: [APP_SA] }, { role: 'roles/browser', members: [APP_SA] }] }) },
          },
        ]),
      },
      errors: [{ messageId: 'accessor-above-secret', address: 'google_organization_iam_policy.org', path: 'policy_data.bindings.0.members.0' }],
    },
    {
      name: 'fails synth (unknown): a project-level role from a variable',
      input: { synth: synth({ google_project_iam_member: { app: { project: 'example-app-prd', role: '${var.role}', member: APP_SA } } }) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.app', outcome: 'unknown', path: 'member' }],
    },
    {
      name: 'fails plan (unknown): a project-level role known only after apply',
      input: { plan: plan([{ address: 'google_project_iam_member.app', values: { project: 'example-app-prd', role: null, member: APP_SA, condition: [] }, unknown: { role: true } }]) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.app', outcome: 'unknown' }],
    },
  ],
});

describe('secrets-accessor-per-secret on the terraform-validator corpus', () => {
  it('finds the accessor grants in the secret IAM plans, all of them on a secret', () => {
    for (const file of ['example_secret_manager_secret_iam_binding.tfplan.json', 'example_secret_manager_secret_iam_member.tfplan.json', 'example_secret_manager_secret_iam_policy.tfplan.json']) {
      const accessorGrants = modelOf(corpusInput(file)).grants.filter((g) => g.role.state === 'known' && g.role.value === SECRET_ACCESS_ROLE);
      expect({ file, levels: [...new Set(accessorGrants.map((g) => g.target.level))] }).toEqual({ file, levels: ['resource'] });
    }
  });

  it('reports nothing on any of the 104 plans (none grants the accessor role above a secret)', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    const reported = files.flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.messageId} ${r.address}`));
    expect(reported).toEqual([]);
  });
});
