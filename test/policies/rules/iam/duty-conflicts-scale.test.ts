/**
 * Separation of duties stays linear in the number of grants: pairing every grant with every other one
 * took over a minute on 32k grants (issue 8). Grants are paired through indexes of member and scope, so
 * the work per grant is bounded by the depth of its scope chain, not by the size of the input.
 */
import { loadModel } from '../../../../policies/engine/load';
import { dutyConflicts } from '../../../../policies/gcp/duty-conflicts';
import { plan } from '../../../../policies/testing/rule-tester';

const ADMIN = 'roles/iam.serviceAccountAdmin';
const USER = 'roles/iam.serviceAccountUser';

/** `n` grants of each duty to one group, each in a project of its own, except both duties in project a-0. */
function manyGrants(n: number) {
  const resources = [];
  for (let i = 0; i < n; i++) {
    resources.push({ address: `google_project_iam_member.admin[${i}]`, values: { project: `a-${i}`, role: ADMIN, member: 'group:platform@example.com' } });
    resources.push({ address: `google_service_account_iam_member.user[${i}]`, values: { service_account_id: `projects/${i === 0 ? 'a-0' : `u-${i}`}/serviceAccounts/sa@example.com`, role: USER, member: 'group:platform@example.com' } });
  }
  return loadModel({ text: JSON.stringify(plan(resources)), name: 'many.tfplan.json' });
}

test('32k grants are paired in well under the time of a quadratic pairing', () => {
  const model = manyGrants(16_000);
  expect(model.grants).toHaveLength(32_000);
  const started = Date.now();
  const conflicts = dutyConflicts(model, (r) => r === ADMIN, (r) => r === USER);
  // Generous for a loaded 2-core machine; the pairing of every grant with every other one took over 60 s.
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(conflicts.map((c) => [c.resource.address, c.kind]).sort()).toEqual([
    ['google_project_iam_member.admin[0]', 'holds-both'],
    ['google_service_account_iam_member.user[0]', 'holds-both'],
  ]);
});
