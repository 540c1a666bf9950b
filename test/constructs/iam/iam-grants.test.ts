import { IamGrants } from '../../../constructs/iam/iam-grants';
import { grantLines, grantsIn, synthScope } from './synth-json';

const ORG = '111222333444';

describe('IamGrants', () => {
  it('grants at organization, folder and project level with additive member resources only', () => {
    // GIVEN one grant at each level
    const { doc } = synthScope((scope) => {
      const grants = new IamGrants(scope, 'grants', { organizationId: ORG });
      grants.onOrganization('roles/iam.securityReviewer', 'group:sec@example.com');
      grants.onFolder('shared', 'folders/987654321', 'roles/logging.viewer', 'serviceAccount:reader@p-123456.iam.gserviceaccount.com');
      grants.onProject('app-project-01', 'roles/run.viewer', 'group:dev@example.com');
    });
    // THEN exactly those three grants exist, each an *_iam_member on its own target
    expect(grantLines(doc)).toEqual([
      'folder folders/987654321 | roles/logging.viewer | serviceAccount:reader@p-123456.iam.gserviceaccount.com',
      'organization 111222333444 | roles/iam.securityReviewer | group:sec@example.com',
      'project app-project-01 | roles/run.viewer | group:dev@example.com',
    ]);
    expect(Object.keys(doc.resource ?? {}).sort()).toEqual([
      'google_folder_iam_member',
      'google_organization_iam_member',
      'google_project_iam_member',
    ]);
  });

  it('keeps a condition exactly as given', () => {
    const condition = { title: 'until review', expression: 'request.time < timestamp("2030-01-01T00:00:00Z")' };
    const { doc } = synthScope((scope) => {
      new IamGrants(scope, 'grants', { organizationId: ORG }).onOrganization('roles/iam.securityReviewer', 'group:sec@example.com', { condition });
    });
    expect(grantsIn(doc)).toEqual([
      { kind: 'member', on: 'organization 111222333444', role: 'roles/iam.securityReviewer', member: 'group:sec@example.com', condition },
    ]);
  });

  it.each(['roles/owner', 'roles/editor', 'roles/viewer'])('fails on the basic role %s', (role) => {
    expect(() =>
      synthScope((scope) => new IamGrants(scope, 'grants', { organizationId: ORG }).onProject('app-project-01', role, 'group:dev@example.com')),
    ).toThrow(`grant on project app-project-01: basic roles are granted to nobody, got "${role}"`);
  });

  it.each(['user:alice@example.com', 'domain:example.com', 'allUsers', 'allAuthenticatedUsers', 'principalSet://iam.googleapis.com/x'])(
    'fails on the member %s, naming it',
    (member) => {
      expect(() =>
        synthScope((scope) => new IamGrants(scope, 'grants', { organizationId: ORG }).onOrganization('roles/iam.securityReviewer', member)),
      ).toThrow(`grant of roles/iam.securityReviewer on organization: member must be a group: or serviceAccount: principal, got "${member}"`);
    },
  );

  it('fails when the same grant is made twice', () => {
    expect(() =>
      synthScope((scope) => {
        const grants = new IamGrants(scope, 'grants', { organizationId: ORG });
        grants.onFolder('shared', 'folders/1', 'roles/logging.viewer', 'group:sec@example.com');
        grants.onFolder('shared', 'folders/1', 'roles/logging.viewer', 'group:sec@example.com');
      }),
    ).toThrow('grant of roles/logging.viewer to group:sec@example.com on folder shared is made twice');
  });
});
