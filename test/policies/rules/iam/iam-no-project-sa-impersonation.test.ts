import rule from '../../../../policies/rules/iam/iam-no-project-sa-impersonation';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const CI = 'serviceAccount:ci@example-ci.iam.gserviceaccount.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'serviceAccountUser on the service account itself (synth)',
      input: {
        synth: synth({
          google_service_account: { runtime: { account_id: 'runtime' } },
          google_service_account_iam_member: { act_as: { service_account_id: '${google_service_account.runtime.name}', role: 'roles/iam.serviceAccountUser', member: CI } },
        }),
      },
    },
    {
      name: 'a role known only after apply on a service account (synth)',
      input: { synth: synth({ google_service_account_iam_member: { x: { service_account_id: 'projects/p/serviceAccounts/a@p.iam.gserviceaccount.com', role: '${var.role}', member: CI } } }) },
    },
    {
      name: 'other roles at project level (corpus plan)',
      input: corpusPlan('example_project_iam_binding.tfplan.json'),
    },
    {
      name: 'tokenCreator on a service account in a module, and a deleted project-level grant (plan)',
      input: {
        plan: plan([
          { address: 'module.ci.google_service_account_iam_member.tokens', values: { service_account_id: 'projects/p/serviceAccounts/a@p.iam.gserviceaccount.com', role: 'roles/iam.serviceAccountTokenCreator', member: CI } },
          { address: 'google_project_iam_member.old', action: 'delete', values: { project: PROJECT, role: 'roles/iam.serviceAccountUser', member: CI } },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'fails on serviceAccountUser at project level (synth)',
      input: { synth: synth({ google_project_iam_member: { act_as: { project: PROJECT, role: 'roles/iam.serviceAccountUser', member: CI } } }) },
      errors: [{ messageId: 'impersonation-above-sa', address: 'google_project_iam_member.act_as', path: 'member', message: 'Grants roles/iam.serviceAccountUser to serviceAccount:ci@example-ci.iam.gserviceaccount.com at project level, so it can act as every service account there.' }],
    },
    {
      name: 'fails on tokenCreator at folder and organization level, in a binding and a policy (synth)',
      input: {
        synth: synth({
          google_folder_iam_binding: { tokens: { folder: 'folders/123', role: 'roles/iam.serviceAccountTokenCreator', members: [CI] } },
          google_organization_iam_policy: {
            org: { org_id: '123456789012', policy_data: JSON.stringify({ bindings: [{ role: 'roles/iam.serviceAccountUser', members: ['group:gcp-platform-admins@example.com'] }] }) },
          },
        }),
      },
      errors: [
        { messageId: 'impersonation-above-sa', address: 'google_folder_iam_binding.tokens' },
        { messageId: 'impersonation-above-sa', address: 'google_organization_iam_policy.org' },
      ],
    },
    {
      name: 'fails as unknown on a role known only after apply at project level (synth)',
      input: { synth: synth({ google_project_iam_member: { x: { project: PROJECT, role: '${var.role}', member: CI } } }) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.x', outcome: 'unknown' }],
    },
    {
      name: 'fails on serviceAccountUser at project level in a module with count (plan)',
      input: { plan: plan([{ address: 'module.app.google_project_iam_member.act_as[0]', values: { project: PROJECT, role: 'roles/iam.serviceAccountUser', member: CI } }]) },
      errors: [{ messageId: 'impersonation-above-sa', address: 'module.app.google_project_iam_member.act_as[0]' }],
    },
    {
      name: 'fails on tokenCreator through data.google_iam_policy at project level (plan)',
      input: {
        plan: plan([
          { address: 'data.google_iam_policy.p', values: { binding: [{ role: 'roles/iam.serviceAccountTokenCreator', members: [CI], condition: [] }] } },
          { address: 'google_project_iam_policy.p', values: { project: PROJECT }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.p.policy_data', 'data.google_iam_policy.p'] } },
        ]),
      },
      errors: [{ messageId: 'impersonation-above-sa', address: 'google_project_iam_policy.p' }],
    },
    {
      name: 'fails as unknown on a role known only after apply at folder level (plan)',
      input: { plan: plan([{ address: 'google_folder_iam_member.x', values: { folder: 'folders/1', member: CI }, unknown: { role: true } }]) },
      errors: [{ messageId: 'role-unknown', address: 'google_folder_iam_member.x', outcome: 'unknown' }],
    },
  ],
});
