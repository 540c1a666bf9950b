import rule from '../../../../policies/rules/iam/iam-no-sa-keys';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const SA_NAME = 'projects/example-app-prd/serviceAccounts/ci@example-app-prd.iam.gserviceaccount.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'a service account without keys (synth)',
      notApplicable: 'no resources of the types this rule checks',
      input: { synth: synth({ google_service_account: { ci: { account_id: 'ci', display_name: 'CI' } } }) },
    },
    {
      name: 'a service account without keys (corpus plan)',
      notApplicable: 'no resources of the types this rule checks',
      input: corpusPlan('example_service_account.tfplan.json'),
    },
    {
      name: 'a key being deleted removes a credential (plan)',
      input: { plan: plan([{ address: 'google_service_account_key.old', action: 'delete', values: { service_account_id: SA_NAME } }]) },
    },
    {
      name: 'reading a key\'s public part through the data source (plan)',
      input: { plan: plan([{ address: 'data.google_service_account_key.pub', values: { name: `${SA_NAME}/keys/abc` } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails on a key of a service account known only after apply: the key itself is the finding (synth)',
      input: {
        synth: synth({
          google_service_account: { ci: { account_id: 'ci' } },
          google_service_account_key: { ci: { service_account_id: '${google_service_account.ci.name}' } },
        }),
      },
      errors: [{ messageId: 'user-managed-key', address: 'google_service_account_key.ci' }],
    },
    {
      name: 'fails on an uploaded key (synth)',
      input: { synth: synth({ google_service_account_key: { uploaded: { service_account_id: SA_NAME, public_key_data: 'LS0tLS1CRUdJTi' } } }) },
      errors: [{ messageId: 'user-managed-key', address: 'google_service_account_key.uploaded', message: 'Creates a user-managed key for service account projects/example-app-prd/serviceAccounts/ci@example-app-prd.iam.gserviceaccount.com.' }],
    },
    {
      name: 'fails on a key in a module with for_each (plan)',
      input: { plan: plan([{ address: 'module.ci["gh"].google_service_account_key.key', values: { service_account_id: SA_NAME }, unknown: { private_key: true } }]) },
      errors: [{ messageId: 'user-managed-key', address: 'module.ci["gh"].google_service_account_key.key' }],
    },
    {
      name: 'fails on an unchanged key: it still exists (plan)',
      input: { plan: plan([{ address: 'google_service_account_key.ci[0]', action: 'no-op', values: { service_account_id: SA_NAME } }]) },
      errors: [{ messageId: 'user-managed-key', address: 'google_service_account_key.ci[0]' }],
    },
  ],
});
