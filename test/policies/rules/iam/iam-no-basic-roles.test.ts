import rule from '../../../../policies/rules/iam/iam-no-basic-roles';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const GROUP = 'group:gcp-developers@example.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'a predefined role to a group (synth)',
      input: { synth: synth({ google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: GROUP } } }) },
    },
    {
      name: 'a custom role defined in the input, referenced before apply (synth)',
      input: {
        synth: synth({
          google_project_iam_custom_role: { viewer: { project: PROJECT, role_id: 'logViewerNoData', title: 'Log viewer', permissions: ['logging.logs.list'] } },
          google_project_iam_member: { dev: { project: PROJECT, role: '${google_project_iam_custom_role.viewer.name}', member: GROUP } },
        }),
      },
    },
    {
      name: 'a predefined role through data.google_iam_policy (synth)',
      input: {
        synth: synth(
          { google_project_iam_policy: { p: { project: PROJECT, policy_data: '${data.google_iam_policy.p.policy_data}' } } },
          { data: { google_iam_policy: { p: { binding: [{ role: 'roles/logging.viewer', members: [GROUP] }] } } } },
        ),
      },
    },
    {
      name: 'a secret accessor grant (corpus plan)',
      input: corpusPlan('example_secret_manager_secret_iam_member.tfplan.json'),
    },
    {
      name: 'a basic role being deleted grants nothing (plan)',
      notApplicable: 'no IAM grants in the input',
      input: { plan: plan([{ address: 'google_project_iam_member.old_owner', action: 'delete', values: { project: PROJECT, role: 'roles/owner', member: GROUP } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails on roles/owner to a member (synth)',
      input: { synth: synth({ google_project_iam_member: { owner: { project: PROJECT, role: 'roles/owner', member: GROUP } } }) },
      errors: [{ messageId: 'basic-role', address: 'google_project_iam_member.owner', path: 'member', message: 'Grants basic role roles/owner to group:gcp-developers@example.com.' }],
    },
    {
      name: 'fails on each basic-role member inside policy_data (synth)',
      input: {
        synth: synth({
          google_project_iam_policy: {
            p: {
              project: PROJECT,
              policy_data: JSON.stringify({
                bindings: [
                  { role: 'roles/editor', members: [GROUP, 'group:gcp-security@example.com'] },
                  { role: 'roles/logging.viewer', members: [GROUP] },
                ],
              }),
            },
          },
        }),
      },
      errors: [
        { messageId: 'basic-role', address: 'google_project_iam_policy.p' },
        { messageId: 'basic-role', address: 'google_project_iam_policy.p' },
      ],
    },
    {
      name: 'fails on a basic role in a data.google_iam_policy, on the policy resource that uses it (synth)',
      input: {
        synth: synth(
          { google_folder_iam_policy: { f: { folder: 'folders/123', policy_data: '${data.google_iam_policy.f.policy_data}' } } },
          { data: { google_iam_policy: { f: { binding: [{ role: 'roles/viewer', members: [GROUP] }] } } } },
        ),
      },
      errors: [{ messageId: 'basic-role', address: 'google_folder_iam_policy.f' }],
    },
    {
      name: 'fails as unknown on a role known only after apply (synth)',
      input: { synth: synth({ google_project_iam_member: { dev: { project: PROJECT, role: '${var.role}', member: GROUP } } }) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.dev', outcome: 'unknown' }],
    },
    {
      name: 'fails on every basic-role grant of a real project plan (corpus plan)',
      input: corpusPlan('example_project_iam.tfplan.json'),
      errors: [
        { messageId: 'basic-role', address: 'google_project_iam_binding.editors' },
        { messageId: 'basic-role', address: 'google_project_iam_binding.editors' },
        { messageId: 'basic-role', address: 'google_project_iam_member.owner-a' },
        { messageId: 'basic-role', address: 'google_project_iam_member.viewer-a' },
        { messageId: 'basic-role', address: 'google_project_iam_member.viewer-b' },
      ],
    },
    {
      name: 'fails on a basic role inside a real policy_data (corpus plan)',
      input: corpusPlan('example_cloud_run_service_iam_policy.tfplan.json'),
      errors: [{ messageId: 'basic-role', address: 'google_cloud_run_service_iam_policy.policy' }],
    },
    {
      name: 'fails on a basic role in a module instance with count (plan)',
      input: { plan: plan([{ address: 'module.team["a"].google_folder_iam_binding.viewers[0]', values: { folder: 'folders/123', role: 'roles/viewer', members: [GROUP] } }]) },
      errors: [{ messageId: 'basic-role', address: 'module.team["a"].google_folder_iam_binding.viewers[0]' }],
    },
    {
      name: 'fails on a basic role through data.google_iam_policy (plan)',
      input: {
        plan: plan([
          { address: 'data.google_iam_policy.p', values: { binding: [{ role: 'roles/editor', members: [GROUP], condition: [] }] } },
          {
            address: 'google_project_iam_policy.p',
            values: { project: PROJECT },
            unknown: { policy_data: true },
            references: { policy_data: ['data.google_iam_policy.p.policy_data', 'data.google_iam_policy.p'] },
          },
        ]),
      },
      errors: [{ messageId: 'basic-role', address: 'google_project_iam_policy.p' }],
    },
    {
      name: 'fails on an unchanged (no-op) basic-role grant: the access still exists (plan)',
      input: { plan: plan([{ address: 'google_project_iam_member.owner', action: 'no-op', values: { project: PROJECT, role: 'roles/owner', member: GROUP } }]) },
      errors: [{ messageId: 'basic-role', address: 'google_project_iam_member.owner' }],
    },
    {
      name: 'fails as unknown on a role known only after apply (plan)',
      input: { plan: plan([{ address: 'google_project_iam_member.dev', values: { project: PROJECT, member: GROUP }, unknown: { role: true } }]) },
      errors: [{ messageId: 'role-unknown', address: 'google_project_iam_member.dev', outcome: 'unknown' }],
    },
  ],
});
