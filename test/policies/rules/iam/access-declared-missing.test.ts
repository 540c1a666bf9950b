import rule from '../../../../policies/rules/iam/access-declared-missing';
import { runRuleTests } from '../../../../policies/testing/rule-tester';
import { DECLARED_DEVELOPERS, declares, DEVELOPERS, EXPIRY, exported, PROJECT, PROJECT_ASSET, searched } from './drift-cases';

const RUN_DEVELOPER = { role: 'roles/run.developer', members: [DEVELOPERS] };
const CONDITIONAL = declares({
  google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: DEVELOPERS, condition: { title: 'until 2027', expression: EXPIRY } } },
});

runRuleTests(
  rule,
  {
    valid: [
      { name: 'the declared grant is live (export)', input: { assets: exported([RUN_DEVELOPER]) }, params: DECLARED_DEVELOPERS },
      {
        name: 'the declared grant is live, its member in other case (search results)',
        input: { assets: searched([{ role: 'roles/run.developer', members: ['group:GCP-DEVELOPERS@example.com'] }]) },
        params: DECLARED_DEVELOPERS,
      },
      { name: 'the declared condition is live (search results)', input: { assets: searched([{ ...RUN_DEVELOPER, condition: { expression: EXPIRY } }]) }, params: CONDITIONAL },
      { name: 'nothing to compare without --declared (export)', input: { assets: exported([]) } },
    ],
    invalid: [
      {
        name: 'fails when the declared grant is not live (export)',
        input: { assets: exported([{ role: 'roles/run.viewer', members: [DEVELOPERS] }]) },
        params: DECLARED_DEVELOPERS,
        errors: [{ messageId: 'missing', address: PROJECT_ASSET }],
      },
      {
        name: 'fails when the live grant lacks the declared condition (search results)',
        input: { assets: searched([RUN_DEVELOPER]) },
        params: CONDITIONAL,
        errors: [{ messageId: 'missing', address: PROJECT_ASSET }],
      },
      {
        name: 'fails, at no live resource, when the declared target has no live policy at all (export)',
        input: { assets: exported([RUN_DEVELOPER]) },
        params: declares({ google_storage_bucket_iam_member: { reader: { bucket: 'example-app-data', role: 'roles/storage.objectViewer', member: DEVELOPERS } } }),
        errors: [{ messageId: 'missing', address: 'access-declared-missing' }],
      },
    ],
  },
  { input: 'assets', reason: 'drift compares the live organization, which only an asset export shows' },
);
