import { ResourceHierarchy, type ResourceHierarchyProps } from '../../../constructs/hierarchy/resource-hierarchy';
import { parentsFirst } from '../../../constructs/hierarchy/folder-order';
import { resolve, resourcesOf, synthScope } from '../iam/synth-json';

const nested: ResourceHierarchyProps = {
  organizationId: '111222333444',
  folders: [
    // Child declared before its parent on purpose: construction must order them.
    { key: 'team-a', displayName: 'Team A', parent: 'production' },
    { key: 'production', displayName: 'Production' },
  ],
  projects: [
    { key: 'a-prod', id: 'team-a-prod-01', folder: 'team-a', coupling: 'tight', labels: { 'cost-center': 'cc-42' } },
    { key: 'tools', id: 'prod-tools-01', name: 'Production tools', folder: 'production', coupling: 'loose' },
  ],
};

describe('ResourceHierarchy', () => {
  it('creates folders under the org or their parent folder', () => {
    // GIVEN a nested hierarchy WHEN synthesized
    const { doc } = synthScope((scope) => new ResourceHierarchy(scope, 'h', nested));
    // THEN the top folder sits under the org and the child under the top folder's name
    const folders = resourcesOf(doc, 'google_folder').map((f) => ({ ...f, parent: resolve(doc, String(f.parent)) }));
    expect(folders).toEqual(
      expect.arrayContaining([
        { display_name: 'Production', parent: 'organizations/111222333444', deletion_protection: true },
        { display_name: 'Team A', parent: '[folder "Production"]', deletion_protection: true },
      ]),
    );
    expect(folders).toHaveLength(2);
  });

  it('creates projects in their folder with coupling label, no default network and deletion prevented', () => {
    const { doc } = synthScope((scope) => new ResourceHierarchy(scope, 'h', nested));
    const projects = resourcesOf(doc, 'google_project').map((p) => ({ ...p, folder_id: resolve(doc, String(p.folder_id)) }));
    expect(projects).toEqual(
      expect.arrayContaining([
        {
          project_id: 'team-a-prod-01',
          name: 'team-a-prod-01',
          folder_id: '[folder "Team A"]',
          labels: { 'cost-center': 'cc-42', coupling: 'tight' },
          auto_create_network: false,
          deletion_policy: 'PREVENT',
        },
        {
          project_id: 'prod-tools-01',
          name: 'Production tools',
          folder_id: '[folder "Production"]',
          labels: { coupling: 'loose' },
          auto_create_network: false,
          deletion_policy: 'PREVENT',
        },
      ]),
    );
    expect(projects).toHaveLength(2);
  });

  it('links every project to the billing account when one is configured', () => {
    const { doc } = synthScope((scope) => new ResourceHierarchy(scope, 'h', { ...nested, billingAccount: '01ABCD-23EF45-6789AB' }));
    expect(resourcesOf(doc, 'google_project').map((p) => p.billing_account)).toEqual(['01ABCD-23EF45-6789AB', '01ABCD-23EF45-6789AB']);
  });

  it('fails on a folder cycle, naming the path', () => {
    const cyclic = [
      { key: 'a', displayName: 'A', parent: 'b' },
      { key: 'b', displayName: 'B', parent: 'a' },
    ];
    expect(() => synthScope((scope) => new ResourceHierarchy(scope, 'h', { ...nested, folders: cyclic, projects: [] }))).toThrow(
      'folder parents form a cycle: a -> b -> a',
    );
  });

  it('fails on a parent that is not declared', () => {
    expect(() => parentsFirst([{ key: 'a', parent: 'missing' }])).toThrow('folder "a" names parent "missing", which is not a declared folder');
  });

  it('fails on a project in an undeclared folder', () => {
    const projects = [{ key: 'p', id: 'some-project-01', folder: 'nowhere', coupling: 'loose' as const }];
    expect(() => synthScope((scope) => new ResourceHierarchy(scope, 'h', { ...nested, projects }))).toThrow(
      'project "p" names folder "nowhere", which is not a declared folder',
    );
  });

  it('fails when labels try to set coupling themselves', () => {
    const projects = [{ key: 'p', id: 'some-project-01', folder: 'production', coupling: 'loose' as const, labels: { coupling: 'tight' } }];
    expect(() => synthScope((scope) => new ResourceHierarchy(scope, 'h', { ...nested, projects }))).toThrow(
      'project "p": the coupling label comes from coupling, got labels.coupling "tight"',
    );
  });
});
