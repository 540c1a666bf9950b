import rule from '../../../../policies/rules/iam/iam-allowed-member-domains';
import { evaluate } from '../../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../../policies/config/adapter';
import { modelOf, plan, RULE_TEST_NOW, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const ORG = { allowedMemberDomains: ['example.com'] };

runRuleTests(rule, {
  valid: [
    {
      name: 'groups, domain and users of the allowed domain, case-insensitively (synth)',
      input: {
        synth: synth({
          google_project_iam_binding: { viewers: { project: PROJECT, role: 'roles/browser', members: ['group:gcp-developers@example.com', 'domain:Example.com', 'user:breakglass-1@EXAMPLE.com'] } },
        }),
      },
      params: ORG,
    },
    {
      name: 'Google service accounts and service agents (synth)',
      input: {
        synth: synth({
          google_service_account: { app: { account_id: 'app' } },
          google_project_iam_binding: {
            writers: { project: PROJECT, role: 'roles/logging.logWriter', members: ['serviceAccount:service-123@gcp-sa-logging.iam.gserviceaccount.com', 'serviceAccount:${google_service_account.app.email}'] },
          },
        }),
      },
      params: ORG,
    },
    {
      name: 'the Logging service agent from the organization settings, known only after apply (synth)',
      input: {
        synth: synth(
          { google_kms_crypto_key_iam_member: { org_cmek: { crypto_key_id: 'projects/example-kms-prd/locations/europe-west1/keyRings/baseline/cryptoKeys/org', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: 'serviceAccount:${data.google_logging_organization_settings.current.kms_service_account_id}' } } },
          { data: { google_logging_organization_settings: { current: { organization: '123456789012' } } } },
        ),
      },
      params: ORG,
    },
    {
      name: 'public and federated principals are other rules\' business (plan)',
      input: {
        plan: plan([
          { address: 'google_storage_bucket_iam_member.public', values: { bucket: 'site', role: 'roles/storage.objectViewer', member: 'allUsers' } },
          { address: 'google_service_account_iam_member.wif', values: { service_account_id: 'projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com', role: 'roles/iam.workloadIdentityUser', member: 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/*' } },
        ]),
      },
      params: ORG,
    },
    {
      name: 'a user token whose domain is written out (synth)',
      input: { synth: synth({ google_project_iam_member: { person: { project: PROJECT, role: 'roles/browser', member: 'user:${var.name}@example.com' } } }) },
      params: ORG,
    },
    {
      name: 'not applicable without allowed domains, even for a gmail account (corpus plan)',
      notApplicable: 'no allowed member domains configured',
      input: corpusPlan('example_organization_iam_binding.tfplan.json'),
    },
  ],
  invalid: [
    {
      name: 'fails on a foreign domain in a bucket ACL list and in dataset access (plan)',
      input: {
        plan: plan([
          { address: 'google_storage_bucket_acl.acl', values: { bucket: 'b', role_entity: ['READER:domain-partner.example.org', 'OWNER:group-gcp-admins@example.com'] } },
          { address: 'google_bigquery_dataset_access.partner', values: { dataset_id: 'audit', role: 'READER', group_by_email: 'analysts@partner.example.org' } },
        ]),
      },
      params: ORG,
      errors: [
        {
          messageId: 'foreign-domain',
          address: 'google_storage_bucket_acl.acl',
          path: 'role_entity.0',
          message: 'Grants acl:READER to domain:partner.example.org, whose domain partner.example.org is not an allowed member domain (example.com).',
        },
        { messageId: 'foreign-domain', address: 'google_bigquery_dataset_access.partner', path: 'group_by_email' },
      ],
    },
    {
      name: 'fails on a consumer account (synth)',
      input: { synth: synth({ google_project_iam_member: { gmail: { project: PROJECT, role: 'roles/browser', member: 'user:alice@gmail.com' } } }) },
      params: ORG,
      errors: [{ messageId: 'foreign-domain', address: 'google_project_iam_member.gmail', path: 'member' }],
    },
    {
      name: 'fails on a consumer account, naming every allowed domain (synth)',
      input: { synth: synth({ google_project_iam_member: { gmail: { project: PROJECT, role: 'roles/browser', member: 'user:alice@gmail.com' } } }) },
      params: { allowedMemberDomains: ['example.com', 'Example.ORG'] },
      errors: [
        {
          messageId: 'foreign-domain',
          address: 'google_project_iam_member.gmail',
          message: 'Grants roles/browser to user:alice@gmail.com, whose domain gmail.com is not an allowed member domain (example.com, example.org).',
        },
      ],
    },
    {
      name: 'fails on a subdomain that is not listed, and on a foreign domain: member (synth)',
      input: { synth: synth({ google_project_iam_binding: { b: { project: PROJECT, role: 'roles/browser', members: ['group:team@eu.example.com', 'domain:partner.io', 'group:ok@example.com'] } } }) },
      params: ORG,
      errors: [
        { messageId: 'foreign-domain', address: 'google_project_iam_binding.b', path: 'members.0' },
        { messageId: 'foreign-domain', address: 'google_project_iam_binding.b', path: 'members.1' },
      ],
    },
    {
      name: 'fails as unknown on a member token without a domain (synth)',
      input: { synth: synth({ google_project_iam_member: { m: { project: PROJECT, role: 'roles/browser', member: 'group:${var.group}' } } }) },
      params: ORG,
      errors: [
        {
          messageId: 'member-unknown',
          address: 'google_project_iam_member.m',
          outcome: 'unknown',
          path: 'member',
          message: 'Grants roles/browser to a member known only after apply (group:${var.group}); its domain cannot be checked.',
        },
      ],
    },
    {
      name: 'fails on a gmail account at the organization (corpus plan)',
      input: corpusPlan('example_organization_iam_binding.tfplan.json'),
      params: ORG,
      errors: [{ messageId: 'foreign-domain', address: 'google_organization_iam_binding.binding' }],
    },
    {
      name: 'fails on a foreign user inside policy_data (corpus plan)',
      input: corpusPlan('example_folder_iam_policy.tfplan.json'),
      params: { allowedMemberDomains: ['example.org'] },
      errors: [{ messageId: 'foreign-domain', address: 'google_folder_iam_policy.folder', path: 'policy_data.bindings.0.members.0' }],
    },
    {
      name: 'fails on a foreign group through data.google_iam_policy in a module (plan)',
      input: {
        plan: plan([
          { address: 'module.iam.data.google_iam_policy.p', values: { binding: [{ role: 'roles/browser', members: ['group:contractors@partner.io'], condition: [] }] } },
          {
            address: 'module.iam.google_project_iam_policy.p',
            values: { project: PROJECT },
            unknown: { policy_data: true },
            references: { policy_data: ['data.google_iam_policy.p.policy_data', 'data.google_iam_policy.p'] },
          },
        ]),
      },
      params: ORG,
      errors: [{ messageId: 'foreign-domain', address: 'module.iam.google_project_iam_policy.p' }],
    },
    {
      name: 'fails as unknown on a member known only after apply (plan)',
      input: { plan: plan([{ address: 'google_project_iam_member.m[1]', values: { project: PROJECT, role: 'roles/browser' }, unknown: { member: true } }]) },
      params: ORG,
      errors: [{ messageId: 'member-unknown', address: 'google_project_iam_member.m[1]', outcome: 'unknown' }],
    },
  ],
});

describe('iam-allowed-member-domains without allowed domains', () => {
  it('is not-applicable, not a pass, so evidence does not claim the domains were checked', () => {
    const evaluation = evaluate(modelOf(corpusPlan('example_organization_iam_binding.tfplan.json')), {
      rules: [rule],
      pack: { name: 'all', description: 'one rule', rules: [{ rule: rule.meta.id }] },
      params: paramsFromConfig(undefined, RULE_TEST_NOW),
    });
    expect(evaluation.rules).toEqual([expect.objectContaining({ ruleId: 'iam-allowed-member-domains', outcome: 'not-applicable', reason: 'no allowed member domains configured' })]);
  });
});
