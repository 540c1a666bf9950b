import rule from '../../../../policies/rules/iam/iam-no-sa-admin-roles';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const SA = 'serviceAccount:deployer@example-app-prd.iam.gserviceaccount.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'a narrow role to a service account, an admin role to a group (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            deployer: { project: PROJECT, role: 'roles/run.developer', member: SA },
            admins: { project: PROJECT, role: 'roles/run.admin', member: 'group:gcp-platform-admins@example.com' },
          },
        }),
      },
    },
    {
      name: 'a custom role of the input whose id is not admin-like, to a service account token (synth)',
      input: {
        synth: synth({
          google_service_account: { app: { account_id: 'app' } },
          google_project_iam_custom_role: { deploy: { project: PROJECT, role_id: 'deployer', title: 'Deployer', permissions: ['run.services.update'] } },
          google_project_iam_member: { app: { project: PROJECT, role: '${google_project_iam_custom_role.deploy.name}', member: 'serviceAccount:${google_service_account.app.email}' } },
        }),
      },
    },
    {
      name: 'an admin role to a user, and a role known only after apply to a group (plan)',
      input: {
        plan: plan([
          { address: 'google_storage_bucket_iam_member.admin', values: { bucket: 'b', role: 'roles/storage.admin', member: 'user:jane@example.com' } },
          { address: 'google_project_iam_member.grp', values: { project: PROJECT, member: 'group:g@example.com' }, unknown: { role: true } },
        ]),
      },
    },
    {
      name: 'an admin grant to a service account being deleted (plan)',
      notApplicable: 'no IAM grants in the input',
      input: { plan: plan([{ address: 'google_project_iam_member.old', action: 'delete', values: { project: PROJECT, role: 'roles/editor', member: SA } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails on roles/editor and a *Admin role to a service account (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            editor: { project: PROJECT, role: 'roles/editor', member: SA },
            sa_admin: { project: PROJECT, role: 'roles/iam.serviceAccountAdmin', member: SA },
          },
        }),
      },
      errors: [
        { messageId: 'sa-admin-role', address: 'google_project_iam_member.editor', path: 'member', message: 'Grants admin-level role roles/editor to service account serviceAccount:deployer@example-app-prd.iam.gserviceaccount.com.' },
        { messageId: 'sa-admin-role', address: 'google_project_iam_member.sa_admin' },
      ],
    },
    {
      name: 'fails on a .admin role to a service account known only after apply (synth)',
      input: {
        synth: synth({
          google_service_account: { app: { account_id: 'app' } },
          google_storage_bucket_iam_member: { app: { bucket: 'b', role: 'roles/storage.admin', member: '${google_service_account.app.member}' } },
        }),
      },
      errors: [{ messageId: 'sa-admin-role', address: 'google_storage_bucket_iam_member.app' }],
    },
    {
      name: 'fails on a custom role of the input named like an admin role (synth)',
      input: {
        synth: synth({
          google_organization_iam_custom_role: { ops: { org_id: '123456789012', role_id: 'opsAdmin', title: 'Ops', permissions: ['compute.instances.stop'] } },
          google_organization_iam_member: { ops: { org_id: '123456789012', role: '${google_organization_iam_custom_role.ops.name}', member: SA } },
        }),
      },
      errors: [{ messageId: 'sa-admin-role', address: 'google_organization_iam_member.ops' }],
    },
    {
      name: 'fails as unknown on a role known only after apply to a service account (synth)',
      input: { synth: synth({ google_project_iam_member: { sa: { project: PROJECT, role: '${var.role}', member: SA } } }) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.sa', outcome: 'unknown' }],
    },
    {
      name: 'fails as unknown on an admin role to a member known only after apply (synth)',
      input: { synth: synth({ google_project_iam_member: { who: { project: PROJECT, role: 'roles/owner', member: '${var.member}' } } }) },
      errors: [{ messageId: 'member-unknown', address: 'google_project_iam_member.who', outcome: 'unknown' }],
    },
    {
      name: 'fails on cloudkms.admin to a service account inside policy_data (corpus plan)',
      input: corpusPlan('example_kms_crypto_key_iam_policy.tfplan.json'),
      errors: [{ messageId: 'sa-admin-role', address: 'google_kms_crypto_key_iam_policy.crypto_key' }],
    },
    {
      name: 'fails on an admin role to a service account in a module instance, referenced (plan)',
      input: {
        plan: plan([
          { address: 'module.app["api"].google_service_account.sa', values: { account_id: 'api' }, unknown: { email: true, member: true } },
          {
            address: 'module.app["api"].google_project_iam_member.admin[0]',
            values: { project: PROJECT, role: 'roles/resourcemanager.projectIamAdmin' },
            unknown: { member: true },
            references: { member: ['google_service_account.sa.member', 'google_service_account.sa'] },
          },
        ]),
      },
      errors: [{ messageId: 'sa-admin-role', address: 'module.app["api"].google_project_iam_member.admin[0]' }],
    },
    {
      name: 'fails on an admin role to a service account through data.google_iam_policy (plan)',
      input: {
        plan: plan([
          { address: 'data.google_iam_policy.p', values: { binding: [{ role: 'roles/owner', members: [SA], condition: [] }] } },
          { address: 'google_folder_iam_policy.p', values: { folder: 'folders/1' }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.p.policy_data', 'data.google_iam_policy.p'] } },
        ]),
      },
      errors: [{ messageId: 'sa-admin-role', address: 'google_folder_iam_policy.p' }],
    },
    {
      name: 'fails on an org custom role named like an admin role, referenced before apply (plan)',
      input: {
        plan: plan([
          { address: 'google_organization_iam_custom_role.ops', values: { org_id: '123456789012', role_id: 'opsAdmin', title: 'Ops', permissions: ['compute.instances.stop'] }, unknown: { name: true, id: true } },
          { address: 'google_organization_iam_member.ops', values: { org_id: '123456789012', member: SA }, unknown: { role: true }, references: { role: ['google_organization_iam_custom_role.ops.name', 'google_organization_iam_custom_role.ops'] } },
        ]),
      },
      errors: [{ messageId: 'sa-admin-role', address: 'google_organization_iam_member.ops' }],
    },
    {
      name: 'fails as unknown on a role known only after apply to a service account (plan)',
      input: { plan: plan([{ address: 'google_project_iam_member.sa', values: { project: PROJECT, member: SA }, unknown: { role: true } }]) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.sa', outcome: 'unknown' }],
    },
  ],
});
