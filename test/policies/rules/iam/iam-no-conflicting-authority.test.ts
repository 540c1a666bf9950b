import rule from '../../../../policies/rules/iam/iam-no-conflicting-authority';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const DEVS = 'group:gcp-developers@example.com';
const SRE = 'group:gcp-sre@example.com';
const UNTIL = { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' };

runRuleTests(rule, {
  valid: [
    {
      name: 'additive members only, even for one role (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            devs: { project: PROJECT, role: 'roles/logging.viewer', member: DEVS },
            sre: { project: `projects/${PROJECT}`, role: 'roles/logging.viewer', member: SRE },
          },
        }),
      },
    },
    {
      name: 'a binding and a member for different roles, and two bindings with different conditions (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: {
            viewers: { project: PROJECT, role: 'roles/logging.viewer', members: [DEVS] },
            admins: { project: PROJECT, role: 'roles/logging.admin', members: [SRE] },
            admins_until: { project: PROJECT, role: 'roles/logging.admin', members: [DEVS], condition: UNTIL },
          },
          google_project_iam_member: { writer: { project: PROJECT, role: 'roles/logging.logWriter', member: SRE } },
        }),
      },
    },
    {
      // The provider keys a binding by role and condition, the condition by title, description and expression
      // (conditionKey in google/tpgiamresource/iam.go): a title alone or an expression alone makes another binding.
      name: 'two bindings of one role whose conditions differ only in title, or only in expression (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: {
            a: { project: PROJECT, role: 'roles/logging.admin', members: [DEVS], condition: UNTIL },
            b: { project: PROJECT, role: 'roles/logging.admin', members: [SRE], condition: { ...UNTIL, title: 'until-2027-sre' } },
            c: { project: PROJECT, role: 'roles/logging.admin', members: [SRE], condition: { ...UNTIL, expression: 'request.time < timestamp("2026-06-01T00:00:00Z")' } },
          },
        }),
      },
    },
    {
      name: 'bindings of one role with different conditions, one on a project known only after apply (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: {
            a: { project: '${var.project}', role: 'roles/logging.admin', members: [DEVS] },
            b: { project: PROJECT, role: 'roles/logging.admin', members: [SRE], condition: UNTIL },
          },
        }),
      },
    },
    {
      name: 'no IAM resource at all (synth)',
      notApplicable: 'no IAM grants in the input',
      input: { synth: synth({ google_project: { app: { project_id: PROJECT, name: 'app', folder_id: 'folders/123' } } }) },
    },
    {
      name: 'one binding per role per project, in several projects (corpus plan)',
      input: corpusPlan('example_project_iam.tfplan.json'),
    },
    {
      name: 'a policy on one project and members on another, and a policy being deleted (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_policy.other', values: { project: 'example-app-npd', policy_data: JSON.stringify({ bindings: [{ role: 'roles/browser', members: [DEVS] }] }) } },
          { address: 'google_project_iam_policy.old', action: 'delete', values: { project: PROJECT, policy_data: JSON.stringify({ bindings: [{ role: 'roles/browser', members: [DEVS] }] }) } },
          { address: 'google_project_iam_member.devs', values: { project: PROJECT, role: 'roles/browser', member: DEVS } },
        ]),
      },
    },
    {
      name: 'a binding whose project is known only after apply and a member of another role cannot conflict (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: { viewers: { project: '${var.project}', role: 'roles/logging.viewer', members: [DEVS] } },
          google_project_iam_member: { sre: { project: PROJECT, role: 'roles/logging.admin', member: SRE } },
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'fails once per resource on a binding listed before a policy on one project (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_binding.viewers', values: { project: PROJECT, role: 'roles/logging.viewer', members: [DEVS], condition: [] } },
          { address: 'google_project_iam_policy.p', values: { project: PROJECT, policy_data: JSON.stringify({ bindings: [{ role: 'roles/browser', members: [DEVS] }] }) } },
        ]),
      },
      errors: [
        {
          messageId: 'policy-conflict',
          address: 'google_project_iam_policy.p',
          message: 'The authoritative IAM policy of google_project example-app-prd is also managed by google_project_iam_binding.viewers; each apply undoes the other.',
        },
        { messageId: 'policy-conflict', address: 'google_project_iam_binding.viewers' },
      ],
    },
    {
      name: 'fails as unknown once per resource on two bindings of one role, one on a project known only after apply (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: {
            a: { project: '${var.project}', role: 'roles/logging.viewer', members: [DEVS] },
            b: { project: PROJECT, role: 'roles/logging.viewer', members: [SRE] },
          },
        }),
      },
      errors: [
        { messageId: 'target-unknown', address: 'google_project_iam_binding.a', outcome: 'unknown' },
        { messageId: 'target-unknown', address: 'google_project_iam_binding.b', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails on a policy and a member on one project written two ways (synth)',
      input: {
        synth: synth({
          google_project_iam_policy: { p: { project: PROJECT, policy_data: JSON.stringify({ bindings: [{ role: 'roles/browser', members: [DEVS] }] }) } },
          google_project_iam_member: { sre: { project: `projects/${PROJECT}`, role: 'roles/logging.viewer', member: SRE } },
        }),
      },
      errors: [
        { messageId: 'policy-conflict', address: 'google_project_iam_policy.p' },
        { messageId: 'policy-conflict', address: 'google_project_iam_member.sre' },
      ],
    },
    {
      name: 'fails on a binding and a member for one role on one bucket (synth)',
      input: {
        synth: synth({
          google_storage_bucket_iam_binding: { readers: { bucket: 'example-com-audit-archive', role: 'roles/storage.objectViewer', members: [DEVS] } },
          google_storage_bucket_iam_member: { sre: { bucket: 'example-com-audit-archive', role: 'roles/storage.objectViewer', member: SRE } },
        }),
      },
      errors: [
        { messageId: 'binding-member-conflict', address: 'google_storage_bucket_iam_binding.readers' },
        { messageId: 'binding-member-conflict', address: 'google_storage_bucket_iam_member.sre' },
      ],
    },
    {
      name: 'fails on two bindings for one role, one by reference to the project (synth)',
      input: {
        synth: synth({
          google_project: { app: { project_id: PROJECT, name: 'app', folder_id: 'folders/123' } },
          google_project_iam_binding: {
            a: { project: '${google_project.app.project_id}', role: 'roles/logging.viewer', members: [DEVS] },
            b: { project: PROJECT, role: 'roles/logging.viewer', members: [SRE] },
          },
        }),
      },
      errors: [
        { messageId: 'duplicate-binding', address: 'google_project_iam_binding.a' },
        { messageId: 'duplicate-binding', address: 'google_project_iam_binding.b' },
      ],
    },
    {
      name: 'fails on two policies on one folder, one from data.google_iam_policy (synth)',
      input: {
        synth: synth(
          {
            google_folder_iam_policy: {
              a: { folder: 'folders/123', policy_data: '${data.google_iam_policy.a.policy_data}' },
              b: { folder: '123', policy_data: JSON.stringify({ bindings: [{ role: 'roles/browser', members: [SRE] }] }) },
            },
          },
          { data: { google_iam_policy: { a: { binding: [{ role: 'roles/browser', members: [DEVS] }] } } } },
        ),
      },
      errors: [
        { messageId: 'policy-conflict', address: 'google_folder_iam_policy.a' },
        { messageId: 'policy-conflict', address: 'google_folder_iam_policy.b' },
      ],
    },
    {
      name: 'fails as unknown when a binding\'s project is known only after apply (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: { viewers: { project: '${var.project}', role: 'roles/logging.viewer', members: [DEVS] } },
          google_project_iam_member: { sre: { project: PROJECT, role: 'roles/logging.viewer', member: SRE } },
        }),
      },
      errors: [
        { messageId: 'target-unknown', address: 'google_project_iam_binding.viewers', outcome: 'unknown' },
        { messageId: 'target-unknown', address: 'google_project_iam_member.sre', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails on a module binding and a root member on one secret (plan)',
      input: {
        plan: plan([
          { address: 'google_secret_manager_secret.db', values: { secret_id: 'db-password', project: PROJECT } },
          { address: 'module.access[0].google_secret_manager_secret_iam_binding.readers', values: { secret_id: 'projects/example-app-prd/secrets/db-password', role: 'roles/secretmanager.secretAccessor', members: [DEVS] } },
          {
            address: 'google_secret_manager_secret_iam_member.sre',
            values: { role: 'roles/secretmanager.secretAccessor', member: SRE, secret_id: 'projects/example-app-prd/secrets/db-password' },
            references: { secret_id: ['google_secret_manager_secret.db.id', 'google_secret_manager_secret.db'] },
          },
        ]),
      },
      errors: [
        { messageId: 'binding-member-conflict', address: 'module.access[0].google_secret_manager_secret_iam_binding.readers' },
        { messageId: 'binding-member-conflict', address: 'google_secret_manager_secret_iam_member.sre' },
      ],
    },
    {
      name: 'fails as unknown when a binding\'s role is known only after apply (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_binding.x', values: { project: PROJECT, members: [DEVS] }, unknown: { role: true } },
          { address: 'google_project_iam_member.sre', values: { project: PROJECT, role: 'roles/logging.viewer', member: SRE } },
        ]),
      },
      errors: [
        {
          messageId: 'role-unknown',
          address: 'google_project_iam_binding.x',
          outcome: 'unknown',
          message: 'This resource and google_project_iam_member.sre manage google_project example-app-prd and a role known only after apply; if the roles match, they conflict.',
        },
        { messageId: 'role-unknown', address: 'google_project_iam_member.sre', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails on a policy through data.google_iam_policy and a binding on one dataset (plan)',
      input: {
        plan: plan([
          { address: 'data.google_iam_policy.ds', values: { binding: [{ role: 'roles/bigquery.dataViewer', members: [DEVS], condition: [] }] } },
          { address: 'google_bigquery_dataset_iam_policy.ds', values: { dataset_id: 'central_audit_logs', project: PROJECT }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.ds.policy_data', 'data.google_iam_policy.ds'] } },
          { address: 'google_bigquery_dataset_iam_binding.editors', values: { dataset_id: 'central_audit_logs', project: PROJECT, role: 'roles/bigquery.dataEditor', members: [SRE] } },
        ]),
      },
      errors: [
        { messageId: 'policy-conflict', address: 'google_bigquery_dataset_iam_policy.ds' },
        { messageId: 'policy-conflict', address: 'google_bigquery_dataset_iam_binding.editors' },
      ],
    },
  ],
});
