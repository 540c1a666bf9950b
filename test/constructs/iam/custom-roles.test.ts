import { CustomRoles } from '../../../constructs/iam/custom-roles';
import { resourcesOf, synthScope } from './synth-json';

const ORG = '111222333444';
const orgRole = { id: 'logViewerNoData', title: 'Log viewer', permissions: ['logging.logs.list'] };
const projectRole = { id: 'runInvokerLite', title: 'Run invoker', description: 'Invokes.', permissions: ['run.routes.invoke'], projectId: 'app-project-01' };

describe('CustomRoles', () => {
  it('defines org and project custom roles from their specs', () => {
    const { doc } = synthScope((scope) => new CustomRoles(scope, 'roles', { organizationId: ORG, roles: [orgRole, projectRole] }));
    expect(resourcesOf(doc, 'google_organization_iam_custom_role')).toEqual([
      { org_id: ORG, role_id: 'logViewerNoData', title: 'Log viewer', description: '', permissions: ['logging.logs.list'], stage: 'GA' },
    ]);
    expect(resourcesOf(doc, 'google_project_iam_custom_role')).toEqual([
      { project: 'app-project-01', role_id: 'runInvokerLite', title: 'Run invoker', description: 'Invokes.', permissions: ['run.routes.invoke'], stage: 'GA' },
    ]);
  });

  it('resolves role ids to full names and passes predefined roles through', () => {
    synthScope((scope) => {
      const roles = new CustomRoles(scope, 'roles', { organizationId: ORG, roles: [orgRole, projectRole] });
      expect(roles.resolve('logViewerNoData', { where: 'b' }).name).toBe('organizations/111222333444/roles/logViewerNoData');
      expect(roles.resolve('runInvokerLite', { projectId: 'app-project-01', where: 'b' }).name).toBe('projects/app-project-01/roles/runInvokerLite');
      expect(roles.resolve('roles/run.viewer', { where: 'b' })).toEqual({ name: 'roles/run.viewer' });
      expect(roles.resolve('logViewerNoData', { where: 'b' }).definedBy).toBeDefined();
    });
  });

  it('fails on a role id that is not declared', () => {
    synthScope((scope) => {
      const roles = new CustomRoles(scope, 'roles', { organizationId: ORG, roles: [orgRole] });
      expect(() => roles.resolve('logViewer', { where: 'iam.bindings[3]' })).toThrow(
        'iam.bindings[3]: role must be roles/... or a declared custom role id (logViewerNoData), got "logViewer"',
      );
    });
  });

  it('fails to grant a project custom role outside its project', () => {
    synthScope((scope) => {
      const roles = new CustomRoles(scope, 'roles', { organizationId: ORG, roles: [projectRole] });
      expect(() => roles.resolve('runInvokerLite', { projectId: 'other-project-01', where: 'iam.bindings[0]' })).toThrow(
        'iam.bindings[0]: custom role "runInvokerLite" is defined in project app-project-01 and can only be granted there',
      );
    });
  });

  it('fails on a role declared twice', () => {
    expect(() => synthScope((scope) => new CustomRoles(scope, 'roles', { organizationId: ORG, roles: [orgRole, orgRole] }))).toThrow(
      'custom role "logViewerNoData" is declared twice',
    );
  });
});
