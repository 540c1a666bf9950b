/**
 * Members as IAM reads them: the value of `user:`, `group:`, `serviceAccount:` and `domain:` members is
 * case-insensitive (the provider's normalizeIamMemberCasing), and `principal://` / `principalSet://` identifiers
 * are members too: a federated person is a user, every service account of a project is a service account.
 */
import { normalizeMember, parseMember } from '../../../../policies/gcp/principals';
import noBasicRoles from '../../../../policies/rules/iam/iam-no-basic-roles';
import noDefaultSa from '../../../../policies/rules/iam/iam-no-default-sa-grants';
import noPublic from '../../../../policies/rules/iam/iam-no-public-principals';
import noSaAdmin from '../../../../policies/rules/iam/iam-no-sa-admin-roles';
import noUsers from '../../../../policies/rules/iam/iam-no-user-principals';
import allowedDomains from '../../../../policies/rules/iam/iam-allowed-member-domains';
import saSeparation from '../../../../policies/rules/iam/iam-sa-separation-of-duties';
import type { Rule } from '../../../../policies/engine/rule';
import { plan, runRule, synth } from '../../../../policies/testing/rule-tester';

const WORKFORCE_PERSON = 'principal://iam.googleapis.com/locations/global/workforcePools/staff/subject/alice';
const ALL_PROJECT_SAS = 'principalSet://cloudresourcemanager.googleapis.com/projects/123456789012/type/ServiceAccount';

const reports = (rule: Rule, grants: Record<string, { role: string; member: string }>, params = {}) =>
  runRule(rule, { synth: synth({ google_project_iam_member: Object.fromEntries(Object.entries(grants).map(([k, g]) => [k, { project: 'app-prd', ...g }])) }) }, params).results.map(
    (r) => `${r.outcome} ${r.address}`,
  );

describe('normalizeMember', () => {
  it.each([
    ['user:Alice@Example.COM', 'user:alice@example.com'],
    ['serviceAccount:123-COMPUTE@developer.gserviceaccount.com', 'serviceAccount:123-compute@developer.gserviceaccount.com'],
    ['deleted:user:Bob@Example.com?uid=123', 'deleted:user:bob@example.com?uid=123'],
    [WORKFORCE_PERSON.replace('alice', 'Alice'), WORKFORCE_PERSON.replace('alice', 'Alice')],
    ['allUsers', 'allUsers'],
  ])('%s -> %s', (member, normalized) => expect(normalizeMember(member)).toBe(normalized));
});

describe('members written in another case', () => {
  it('a default compute service account in capitals is still the default service account', () => {
    expect(reports(noDefaultSa, { d: { role: 'roles/run.invoker', member: 'serviceAccount:123-COMPUTE@developer.gserviceaccount.com' } })).toEqual(['finding google_project_iam_member.d']);
  });

  it('a foreign domain in capitals is still foreign; the allowed one in capitals still allowed', () => {
    expect(
      reports(allowedDomains, { a: { role: 'roles/viewer', member: 'group:Ops@EXAMPLE.com' }, b: { role: 'roles/viewer', member: 'user:eve@GMAIL.COM' } }, { allowedMemberDomains: ['example.com'] }),
    ).toEqual(['finding google_project_iam_member.b']);
  });

  it('the same member in two cases holds both duties (separation of duties compares as IAM does)', () => {
    const doc = plan([
      { address: 'google_project_iam_member.a', values: { project: 'app-prd', role: 'roles/iam.serviceAccountAdmin', member: 'user:Ops@example.com' } },
      { address: 'google_project_iam_member.b', values: { project: 'app-prd', role: 'roles/iam.serviceAccountUser', member: 'user:ops@EXAMPLE.com' } },
    ]);
    expect(runRule(saSeparation, { plan: doc }).results.map((r) => `${r.outcome} ${r.address}`).sort()).toEqual(['finding google_project_iam_member.a', 'finding google_project_iam_member.b']);
  });
});

describe('principal identifiers', () => {
  it('parses a federated person as a user, every service account of a project as service accounts', () => {
    expect(parseMember(WORKFORCE_PERSON)).toMatchObject({ kind: 'user' });
    expect(parseMember(ALL_PROJECT_SAS)).toMatchObject({ kind: 'serviceAccount', googleServiceAccount: 'yes' });
    expect(parseMember('principal://goog/subject/bob@gmail.com')).toMatchObject({ kind: 'user', domain: 'gmail.com' });
    expect(parseMember('principalSet://goog/public:all')).toMatchObject({ kind: 'public' });
  });

  it('reports a role granted to one federated person as a user grant', () => {
    expect(reports(noUsers, { p: { role: 'roles/viewer', member: WORKFORCE_PERSON } })).toEqual(['finding google_project_iam_member.p']);
  });

  it('reports an admin role granted to every service account of a project', () => {
    expect(reports(noSaAdmin, { s: { role: 'roles/storage.admin', member: ALL_PROJECT_SAS } })).toEqual(['finding google_project_iam_member.s']);
  });

  it('reports the public principal set as public, and basic roles to it as basic roles', () => {
    expect(reports(noPublic, { x: { role: 'roles/viewer', member: 'principalSet://goog/public:all' } })).toEqual(['finding google_project_iam_member.x']);
    expect(reports(noBasicRoles, { x: { role: 'roles/viewer', member: 'principalSet://goog/public:all' } })).toEqual(['finding google_project_iam_member.x']);
  });
});
