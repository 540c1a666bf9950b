import rule from '../../../../policies/rules/iam/iam-privileged-roles-time-bound';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const ORG = '123456789012';
const BREAK_GLASS = 'group:gcp-break-glass@example.com';
// RULE_TEST_NOW is 2026-11-27T12:00:00Z.
const FUTURE = { title: 'break-glass', expression: 'request.time < timestamp("2027-01-31T00:00:00Z")' };
const PAST = { title: 'break-glass', expression: 'request.time < timestamp("2026-01-31T00:00:00Z")' };

runRuleTests(rule, {
  valid: [
    {
      name: 'an org admin role with a condition that expires after now (synth)',
      input: { synth: synth({ google_organization_iam_member: { bg: { org_id: ORG, role: 'roles/resourcemanager.organizationAdmin', member: BREAK_GLASS, condition: FUTURE } } }) },
    },
    {
      name: 'a non-admin role at the org, and an admin role at a project (synth)',
      input: {
        synth: synth({
          google_organization_iam_member: { viewers: { org_id: ORG, role: 'roles/browser', member: 'group:gcp-auditors@example.com' } },
          google_project_iam_member: { admin: { project: 'example-app-prd', role: 'roles/run.admin', member: 'group:gcp-platform-admins@example.com' } },
        }),
      },
    },
    {
      name: 'read-only roles whose names merely contain "admin" at the org and a folder (synth)',
      input: {
        synth: synth({
          google_organization_iam_member: { scc: { org_id: ORG, role: 'roles/securitycenter.adminViewer', member: 'group:gcp-security@example.com' } },
          google_folder_iam_member: { viewer: { folder: 'folders/123', role: 'roles/iam.securityReviewer', member: 'group:gcp-auditors@example.com' } },
        }),
      },
    },
    {
      name: 'a role known only after apply with a future expiry is time-bound whatever it is (synth)',
      input: { synth: synth({ google_folder_iam_member: { x: { folder: 'folders/123', role: '${var.role}', member: BREAK_GLASS, condition: FUTURE } } }) },
    },
    {
      name: 'a non-admin role at the org (corpus plan)',
      input: corpusPlan('example_organization_iam_binding.tfplan.json'),
    },
    {
      name: 'the org custom role of the example config, referenced before apply, is not admin-level (plan)',
      input: {
        plan: plan([
          { address: 'google_organization_iam_custom_role.log_viewer', values: { org_id: ORG, role_id: 'logViewerNoData', title: 'Log viewer without payloads', permissions: ['logging.logs.list'] }, unknown: { name: true, id: true } },
          {
            address: 'google_organization_iam_member.auditors',
            values: { org_id: ORG, member: 'group:gcp-auditors@example.com' },
            unknown: { role: true },
            references: { role: ['google_organization_iam_custom_role.log_viewer.name', 'google_organization_iam_custom_role.log_viewer'] },
          },
        ]),
      },
    },
    {
      name: 'an expiring folder admin grant in a binding, and a deleted standing one (plan)',
      input: {
        plan: plan([
          { address: 'google_folder_iam_binding.admins', values: { folder: 'folders/123', role: 'roles/resourcemanager.folderAdmin', members: [BREAK_GLASS], condition: [FUTURE] } },
          { address: 'google_organization_iam_member.old', action: 'delete', values: { org_id: ORG, role: 'roles/owner', member: BREAK_GLASS } },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'fails (unknown) on an expiry that does not bound the whole condition: || true, a negation (synth)',
      input: {
        synth: synth({
          google_organization_iam_member: {
            orTrue: { org_id: ORG, role: 'roles/resourcemanager.organizationAdmin', member: BREAK_GLASS, condition: { title: 'bg', expression: `${FUTURE.expression} || true` } },
            negated: { org_id: ORG, role: 'roles/iam.securityAdmin', member: BREAK_GLASS, condition: { title: 'bg', expression: `!(${FUTURE.expression})` } },
          },
        }),
      },
      errors: [
        { messageId: 'condition-unclear', address: 'google_organization_iam_member.orTrue', outcome: 'unknown' },
        { messageId: 'condition-unclear', address: 'google_organization_iam_member.negated', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails on an expiry written inside a string literal: no expiry at all (plan)',
      input: {
        plan: plan([
          {
            address: 'google_folder_iam_member.quoted',
            values: { folder: 'folders/123', role: 'roles/iam.securityAdmin', member: BREAK_GLASS, condition: [{ title: 'bg', expression: `resource.name != '${FUTURE.expression}'`, description: '' }] },
          },
        ]),
      },
      errors: [{ messageId: 'not-time-bound', address: 'google_folder_iam_member.quoted' }],
    },
    {
      name: 'fails on standing admin roles outside the privileged list, at the org and at a folder (synth)',
      input: {
        synth: synth({
          google_organization_iam_member: { compute: { org_id: ORG, role: 'roles/compute.admin', member: 'group:gcp-platform-admins@example.com' } },
          google_folder_iam_member: { sa: { folder: 'folders/123', role: 'roles/iam.serviceAccountAdmin', member: 'group:gcp-platform-admins@example.com' } },
        }),
      },
      errors: [
        { messageId: 'not-time-bound', address: 'google_organization_iam_member.compute' },
        { messageId: 'not-time-bound', address: 'google_folder_iam_member.sa' },
      ],
    },
    {
      name: 'fails on a condition that expires at this very moment: expired, not time-bound (synth)',
      input: { synth: synth({ google_organization_iam_member: { bg: { org_id: ORG, role: 'roles/owner', member: BREAK_GLASS, condition: { title: 'now', expression: 'request.time < timestamp("2026-11-27T12:00:00Z")' } } } }) },
      errors: [{ messageId: 'expired', address: 'google_organization_iam_member.bg' }],
    },
    {
      name: 'fails on a standing org admin grant (synth)',
      input: { synth: synth({ google_organization_iam_member: { admins: { org_id: ORG, role: 'roles/resourcemanager.organizationAdmin', member: 'group:gcp-platform-admins@example.com' } } }) },
      errors: [
        {
          messageId: 'not-time-bound',
          address: 'google_organization_iam_member.admins',
          path: 'member',
          message: 'Grants privileged role roles/resourcemanager.organizationAdmin to group:gcp-platform-admins@example.com at organization level without an expiring IAM condition.',
        },
      ],
    },
    {
      name: 'fails on a condition that does not expire, and on one that has expired (synth)',
      input: {
        synth: synth({
          google_folder_iam_member: {
            office_hours: { folder: 'folders/123', role: 'roles/iam.securityAdmin', member: BREAK_GLASS, condition: { title: 'office', expression: 'request.time.getHours("Europe/Berlin") < 18' } },
            stale: { folder: 'folders/123', role: 'roles/billing.admin', member: BREAK_GLASS, condition: PAST },
          },
        }),
      },
      errors: [
        { messageId: 'not-time-bound', address: 'google_folder_iam_member.office_hours' },
        { messageId: 'expired', address: 'google_folder_iam_member.stale' },
      ],
    },
    {
      name: 'fails on a privileged role in a data.google_iam_policy at the org, expired and standing (synth)',
      input: {
        synth: synth(
          { google_organization_iam_policy: { org: { org_id: ORG, policy_data: '${data.google_iam_policy.org.policy_data}' } } },
          {
            data: {
              google_iam_policy: {
                org: {
                  binding: [
                    { role: 'roles/owner', members: [BREAK_GLASS], condition: PAST },
                    { role: 'roles/orgpolicy.policyAdmin', members: ['group:gcp-security@example.com'] },
                    { role: 'roles/browser', members: ['group:gcp-developers@example.com'] },
                  ],
                },
              },
            },
          },
        ),
      },
      errors: [
        { messageId: 'expired', address: 'google_organization_iam_policy.org' },
        { messageId: 'not-time-bound', address: 'google_organization_iam_policy.org' },
      ],
    },
    {
      name: 'fails as unknown on a role known only after apply, and on a condition known only after apply (synth)',
      input: {
        synth: synth({
          google_organization_iam_member: {
            role: { org_id: ORG, role: '${var.role}', member: BREAK_GLASS },
            cond: { org_id: ORG, role: 'roles/owner', member: BREAK_GLASS, condition: { title: 'until', expression: '${var.expiry_expression}' } },
          },
        }),
      },
      errors: [
        { messageId: 'role-unknown', address: 'google_organization_iam_member.role', outcome: 'unknown' },
        { messageId: 'condition-unknown', address: 'google_organization_iam_member.cond', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails on roles/editor at the org (corpus plan)',
      input: corpusPlan('example_organization_iam_member.tfplan.json'),
      errors: [{ messageId: 'not-time-bound', address: 'google_organization_iam_member.binding' }],
    },
    {
      name: 'fails on roles/editor at a folder inside policy_data (corpus plan)',
      input: corpusPlan('example_folder_iam_policy.tfplan.json'),
      errors: [{ messageId: 'not-time-bound', address: 'google_folder_iam_policy.folder' }],
    },
    {
      name: 'fails on an expired folder grant in a module instance (plan)',
      input: { plan: plan([{ address: 'module.f["prod"].google_folder_iam_member.admin[0]', values: { folder: 'folders/9', role: 'roles/resourcemanager.folderIamAdmin', member: BREAK_GLASS, condition: [PAST] } }]) },
      errors: [{ messageId: 'expired', address: 'module.f["prod"].google_folder_iam_member.admin[0]' }],
    },
    {
      name: 'fails as unknown on a condition expression known only after apply (plan)',
      input: {
        plan: plan([
          {
            address: 'google_organization_iam_member.bg',
            values: { org_id: ORG, role: 'roles/resourcemanager.organizationAdmin', member: BREAK_GLASS, condition: [{ title: 'until' }] },
            unknown: { condition: [{ expression: true }] },
          },
        ]),
      },
      errors: [{ messageId: 'condition-unknown', address: 'google_organization_iam_member.bg', outcome: 'unknown' }],
    },
  ],
});
