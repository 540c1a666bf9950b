import rule from '../../../../policies/rules/iam/access-declared-missing';
import { runRule, runRuleTests } from '../../../../policies/testing/rule-tester';
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
      { name: 'nothing to compare without --declared (export)', notApplicable: 'no declared access to compare with (baseline audit --declared)', input: { assets: exported([]) } },
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

describe('access-declared-missing messages', () => {
  const live = { assets: exported([{ role: 'roles/run.viewer', members: [DEVELOPERS] }]) };
  it('names a declared member or target that is known only after apply as such, never as an empty or made-up name', () => {
    const memberLater = declares({ google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: 'serviceAccount:${google_service_account.app.email}' } } });
    const projectLater = declares({ google_project_iam_member: { dev: { project: '${google_project.app.project_id}', role: 'roles/run.developer', member: DEVELOPERS } } });
    expect([memberLater, projectLater].map((params) => runRule(rule, live, params).results.map((r) => [r.address, r.message, r.properties]))).toEqual([
      [[PROJECT_ASSET, `google_project_iam_member.dev declares roles/run.developer for (known after apply) on projects/${PROJECT}, which the live organization does not grant.`, { role: 'roles/run.developer', member: '(known after apply)', declaredBy: 'google_project_iam_member.dev' }]],
      [['access-declared-missing', `google_project_iam_member.dev declares roles/run.developer for ${DEVELOPERS} on a project known after apply, which the live organization does not grant.`, { role: 'roles/run.developer', member: DEVELOPERS, declaredBy: 'google_project_iam_member.dev' }]],
    ]);
  });
});
