import rule from '../../../../policies/rules/iam/iam-no-user-principals';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const BREAK_GLASS = 'user:breakglass-1@example.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'a service account named in a dataset\'s user_by_email and a group ACL entry (synth)',
      input: {
        synth: synth({
          google_bigquery_dataset_access: { runtime: { dataset_id: 'audit', role: 'READER', user_by_email: 'runtime@example-app-prd.iam.gserviceaccount.com' } },
          google_storage_bucket_access_control: { auditors: { bucket: 'b', entity: 'group-gcp-auditors@example.com', role: 'READER' } },
        }),
      },
    },
    {
      name: 'a group (synth)',
      input: { synth: synth({ google_project_iam_member: { sre: { project: PROJECT, role: 'roles/logging.viewer', member: 'group:gcp-sre@example.com' } } }) },
    },
    {
      name: 'a configured break-glass account, compared case-insensitively (synth)',
      input: { synth: synth({ google_organization_iam_member: { bg: { org_id: '123456789012', role: 'roles/resourcemanager.organizationAdmin', member: 'user:BreakGlass-1@example.com' } } }) },
      params: { breakGlassPrincipals: [BREAK_GLASS] },
    },
    {
      name: 'a group known only after apply, shown by its prefix (synth)',
      input: { synth: synth({ google_project_iam_member: { team: { project: PROJECT, role: 'roles/logging.viewer', member: 'group:${var.team}@example.com' } } }) },
    },
    {
      name: 'a service account and a domain (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_member.sa', values: { project: PROJECT, role: 'roles/logging.logWriter', member: 'serviceAccount:app@example-app-prd.iam.gserviceaccount.com' } },
          { address: 'google_project_iam_member.domain', values: { project: PROJECT, role: 'roles/browser', member: 'domain:example.com' } },
        ]),
      },
    },
    {
      name: 'a user grant being deleted (plan)',
      notApplicable: 'no IAM grants or ACL entries in the input',
      input: { plan: plan([{ address: 'google_project_iam_member.alice', action: 'delete', values: { project: PROJECT, role: 'roles/logging.viewer', member: 'user:alice@example.com' } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails on an individual account in a bucket ACL entry and in dataset access (synth)',
      input: {
        synth: synth({
          google_storage_bucket_access_control: { alice: { bucket: 'b', entity: 'user-alice@example.com', role: 'OWNER' } },
          google_bigquery_dataset_access: { bob: { dataset_id: 'audit', role: 'READER', user_by_email: 'bob@example.com' } },
        }),
      },
      errors: [
        { messageId: 'user-principal', address: 'google_storage_bucket_access_control.alice', path: 'entity', message: 'Grants acl:OWNER to the individual account user:alice@example.com; grant it to a group.' },
        { messageId: 'user-principal', address: 'google_bigquery_dataset_access.bob' },
      ],
    },
    {
      name: 'fails on an individual account in an object ACL list (plan)',
      input: { plan: plan([{ address: 'google_storage_object_acl.report', values: { bucket: 'b', object: 'r.csv', role_entity: ['READER:user-carol@example.com'] } }]) },
      errors: [{ messageId: 'user-principal', address: 'google_storage_object_acl.report' }],
    },
    {
      name: 'fails on a user member (synth)',
      input: { synth: synth({ google_project_iam_member: { alice: { project: PROJECT, role: 'roles/logging.viewer', member: 'user:alice@example.com' } } }) },
      errors: [{ messageId: 'user-principal', address: 'google_project_iam_member.alice' }],
    },
    {
      name: 'fails on the user that is not break-glass in a binding (synth)',
      input: { synth: synth({ google_organization_iam_binding: { admins: { org_id: '123456789012', role: 'roles/resourcemanager.organizationAdmin', members: [BREAK_GLASS, 'user:bob@example.com'] } } }) },
      params: { breakGlassPrincipals: [BREAK_GLASS] },
      errors: [{ messageId: 'user-principal', address: 'google_organization_iam_binding.admins' }],
    },
    {
      name: 'fails on a user token when no break-glass accounts exist (synth)',
      input: { synth: synth({ google_project_iam_member: { person: { project: PROJECT, role: 'roles/logging.viewer', member: 'user:${var.name}@example.com' } } }) },
      errors: [{ messageId: 'user-principal', address: 'google_project_iam_member.person' }],
    },
    {
      name: 'fails as unknown on a user token that may be a break-glass account (synth)',
      input: { synth: synth({ google_project_iam_member: { person: { project: PROJECT, role: 'roles/logging.viewer', member: 'user:${var.name}@example.com' } } }) },
      params: { breakGlassPrincipals: [BREAK_GLASS] },
      errors: [{ messageId: 'member-unknown', address: 'google_project_iam_member.person', outcome: 'unknown' }],
    },
    {
      name: 'fails on every user of a real plan, members and bindings (corpus plan)',
      input: corpusPlan('example_project_iam.tfplan.json'),
      errors: [
        { messageId: 'user-principal', address: 'google_project_iam_binding.editors' },
        { messageId: 'user-principal', address: 'google_project_iam_binding.editors' },
        { messageId: 'user-principal', address: 'google_project_iam_binding.storage' },
        { messageId: 'user-principal', address: 'google_project_iam_binding.storage' },
        { messageId: 'user-principal', address: 'google_project_iam_member.owner-a' },
        { messageId: 'user-principal', address: 'google_project_iam_member.viewer-a' },
        { messageId: 'user-principal', address: 'google_project_iam_member.viewer-b' },
      ],
    },
    {
      name: 'fails on a user inside policy_data (corpus plan)',
      input: corpusPlan('example_storage_bucket_iam_policy.tfplan.json'),
      errors: [{ messageId: 'user-principal', address: 'google_storage_bucket_iam_policy.policy' }],
    },
    {
      name: 'fails on a user in a data.google_iam_policy of a module instance (plan)',
      input: {
        plan: plan([
          { address: 'module.proj[0].data.google_iam_policy.p', values: { binding: [{ role: 'roles/logging.viewer', members: ['user:carol@example.com'], condition: [] }] } },
          {
            address: 'module.proj[0].google_project_iam_policy.p',
            values: { project: PROJECT },
            unknown: { policy_data: true },
            references: { policy_data: ['data.google_iam_policy.p.policy_data', 'data.google_iam_policy.p'] },
          },
        ]),
      },
      errors: [{ messageId: 'user-principal', address: 'module.proj[0].google_project_iam_policy.p' }],
    },
    {
      name: 'fails as unknown on a member known only after apply (plan)',
      input: { plan: plan([{ address: 'google_project_iam_member.who', values: { project: PROJECT, role: 'roles/logging.viewer' }, unknown: { member: true } }]) },
      errors: [{ messageId: 'member-unknown', address: 'google_project_iam_member.who', outcome: 'unknown' }],
    },
  ],
});
