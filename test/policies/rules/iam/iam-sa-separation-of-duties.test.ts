import rule from '../../../../policies/rules/iam/iam-sa-separation-of-duties';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';

const ADMIN = 'roles/iam.serviceAccountAdmin';
const USER = 'roles/iam.serviceAccountUser';
const PLATFORM = 'group:gcp-platform-admins@example.com';
const DEVS = 'group:gcp-developers@example.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'serviceAccountUser beside a role that is not serviceAccountAdmin, for one group (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            user: { project: 'example-app-prd', role: USER, member: DEVS },
            viewer: { project: 'example-app-prd', role: 'roles/iam.serviceAccountViewer', member: DEVS },
          },
        }),
      },
    },
    {
      name: 'admin and user held by different groups at one project (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            admin: { project: 'example-app-prd', role: ADMIN, member: PLATFORM },
            user: { project: 'example-app-prd', role: USER, member: DEVS },
          },
        }),
      },
    },
    {
      name: 'one member holds them in two unrelated projects (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            admin: { project: 'example-app-prd', role: ADMIN, member: PLATFORM },
            user: { project: 'projects/example-app-npd', role: USER, member: PLATFORM },
          },
        }),
      },
    },
    {
      name: 'admin in one project, user on a service account of another (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_member.admin', values: { project: 'example-app-prd', role: ADMIN, member: PLATFORM } },
          { address: 'google_service_account_iam_member.user', values: { service_account_id: 'projects/example-app-npd/serviceAccounts/ci@example-app-npd.iam.gserviceaccount.com', role: USER, member: PLATFORM } },
        ]),
      },
    },
    {
      name: 'admin in one project, user on a referenced service account of another project (synth)',
      input: {
        synth: synth({
          google_service_account: { runtime: { account_id: 'runtime', project: 'example-app-prd' } },
          google_project_iam_member: { admin: { project: 'example-app-npd', role: ADMIN, member: PLATFORM } },
          google_service_account_iam_member: { user: { service_account_id: '${google_service_account.runtime.name}', role: USER, member: PLATFORM } },
        }),
      },
    },
    {
      name: 'the admin grant is being deleted (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_member.admin', action: 'delete', values: { project: 'example-app-prd', role: ADMIN, member: PLATFORM } },
          { address: 'google_project_iam_member.user', values: { project: 'example-app-prd', role: USER, member: PLATFORM } },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'fails on both grants when one group holds both at one project (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            admin: { project: 'example-app-prd', role: ADMIN, member: PLATFORM },
            user: { project: 'projects/example-app-prd', role: USER, member: PLATFORM },
          },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_project_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_project_iam_member.user' },
      ],
    },
    {
      name: 'fails when admin at the org meets user on one service account (synth)',
      input: {
        synth: synth({
          google_service_account: { runtime: { account_id: 'runtime', project: 'example-app-prd' } },
          google_organization_iam_member: { admin: { org_id: '123456789012', role: ADMIN, member: PLATFORM } },
          google_service_account_iam_member: { user: { service_account_id: '${google_service_account.runtime.name}', role: USER, member: PLATFORM } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_organization_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_service_account_iam_member.user' },
      ],
    },
    {
      name: 'fails when admin at a project meets user on a referenced service account of that project (synth)',
      input: {
        synth: synth({
          google_service_account: { runtime: { account_id: 'runtime', project: 'example-app-prd' } },
          google_project_iam_member: { admin: { project: 'example-app-prd', role: ADMIN, member: PLATFORM } },
          google_service_account_iam_member: { user: { service_account_id: '${google_service_account.runtime.name}', role: USER, member: PLATFORM } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_project_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_service_account_iam_member.user' },
      ],
    },
    {
      name: 'fails when admin at a folder meets user at a project declared in that folder (synth)',
      input: {
        synth: synth({
          google_folder: { prod: { display_name: 'Production', parent: 'organizations/123456789012' } },
          google_project: { app: { project_id: 'example-app-prd', name: 'app', folder_id: '${google_folder.prod.name}' } },
          google_folder_iam_member: { admin: { folder: '${google_folder.prod.name}', role: ADMIN, member: PLATFORM } },
          google_project_iam_member: { user: { project: '${google_project.app.project_id}', role: USER, member: PLATFORM } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_folder_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_project_iam_member.user' },
      ],
    },
    {
      name: 'fails on a data.google_iam_policy admin binding meeting a user member (synth)',
      input: {
        synth: synth(
          {
            google_project_iam_policy: { p: { project: 'example-app-prd', policy_data: '${data.google_iam_policy.p.policy_data}' } },
            google_service_account_iam_member: { user: { service_account_id: 'projects/example-app-prd/serviceAccounts/ci@example-app-prd.iam.gserviceaccount.com', role: USER, member: PLATFORM } },
          },
          { data: { google_iam_policy: { p: { binding: [{ role: ADMIN, members: [DEVS, PLATFORM] }] } } } },
        ),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_project_iam_policy.p' },
        { messageId: 'holds-both', address: 'google_service_account_iam_member.user' },
      ],
    },
    {
      name: 'fails as unknown when a member known only after apply may be the other duty holder (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            admin: { project: 'example-app-prd', role: ADMIN, member: '${var.admin_member}' },
            user: { project: 'example-app-prd', role: USER, member: PLATFORM },
          },
        }),
      },
      errors: [
        { messageId: 'member-unknown', address: 'google_project_iam_member.admin', outcome: 'unknown' },
        { messageId: 'member-unknown', address: 'google_project_iam_member.user', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails as unknown when one project is known only after apply (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            admin: { project: '${var.project}', role: ADMIN, member: PLATFORM },
            user: { project: 'example-app-prd', role: USER, member: PLATFORM },
          },
        }),
      },
      errors: [
        { messageId: 'scope-unknown', address: 'google_project_iam_member.admin', outcome: 'unknown' },
        { messageId: 'scope-unknown', address: 'google_project_iam_member.user', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails when admin at a project meets user on a service account named with the projects/- wildcard (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_member.admin', values: { project: 'example-app-prd', role: ADMIN, member: DEVS } },
          { address: 'google_service_account_iam_member.user', values: { service_account_id: 'projects/-/serviceAccounts/ci@example-app-prd.iam.gserviceaccount.com', role: USER, member: DEVS } },
        ]),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_project_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_service_account_iam_member.user' },
      ],
    },
    {
      name: 'fails when user at a folder meets admin on a service account of a project two folders down (synth)',
      input: {
        synth: synth({
          google_folder: { prod: { display_name: 'Production', parent: 'organizations/123456789012' }, apps: { display_name: 'Apps', parent: '${google_folder.prod.name}' } },
          google_project: { app: { project_id: 'example-app-prd', name: 'app', folder_id: '${google_folder.apps.name}' } },
          google_folder_iam_member: { user: { folder: '${google_folder.prod.name}', role: USER, member: DEVS } },
          google_service_account_iam_member: { admin: { service_account_id: 'projects/example-app-prd/serviceAccounts/ci@example-app-prd.iam.gserviceaccount.com', role: ADMIN, member: DEVS } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_folder_iam_member.user' },
        { messageId: 'holds-both', address: 'google_service_account_iam_member.admin' },
      ],
    },
    {
      name: 'fails on a binding member and a member resource in a module with count (plan)',
      input: {
        plan: plan([
          { address: 'module.iam.google_project_iam_binding.admins[0]', values: { project: 'example-app-prd', role: ADMIN, members: [DEVS, PLATFORM] } },
          { address: 'module.iam.google_project_iam_member.user["platform"]', values: { project: 'example-app-prd', role: USER, member: PLATFORM } },
        ]),
      },
      errors: [
        { messageId: 'holds-both', address: 'module.iam.google_project_iam_binding.admins[0]' },
        { messageId: 'holds-both', address: 'module.iam.google_project_iam_member.user["platform"]' },
      ],
    },
    {
      name: 'fails on one service account, known only after apply, holding both (plan)',
      input: {
        plan: plan([
          { address: 'google_service_account.ci', values: { account_id: 'ci' }, unknown: { email: true, member: true } },
          { address: 'google_project_iam_member.admin', values: { project: 'example-app-prd', role: ADMIN }, unknown: { member: true }, references: { member: ['google_service_account.ci.member', 'google_service_account.ci'] } },
          { address: 'google_project_iam_member.user', values: { project: 'example-app-prd', role: USER }, unknown: { member: true }, references: { member: ['google_service_account.ci.email', 'google_service_account.ci'] } },
        ]),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_project_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_project_iam_member.user' },
      ],
    },
    {
      name: 'fails as unknown when a role known only after apply may complete the pair (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_member.admin', values: { project: 'example-app-prd', role: ADMIN, member: PLATFORM } },
          { address: 'google_project_iam_member.other', values: { project: 'example-app-prd', member: PLATFORM }, unknown: { role: true } },
        ]),
      },
      errors: [
        { messageId: 'role-unknown', address: 'google_project_iam_member.admin', outcome: 'unknown' },
        { messageId: 'role-unknown', address: 'google_project_iam_member.other', outcome: 'unknown' },
      ],
    },
  ],
});
