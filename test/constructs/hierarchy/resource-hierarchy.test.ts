import { Testing } from 'cdktf';
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
  billingAccount: '01ABCD-23EF45-6789AB',
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
          billing_account: '01ABCD-23EF45-6789AB',
          auto_create_network: false,
          deletion_policy: 'PREVENT',
        },
        {
          project_id: 'prod-tools-01',
          name: 'Production tools',
          folder_id: '[folder "Production"]',
          labels: { coupling: 'loose' },
          billing_account: '01ABCD-23EF45-6789AB',
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

  it('imports an adopted folder and project: a Terraform import block each, the same resources as a create', () => {
    // GIVEN a folder and a project that exist, marked import
    const props: ResourceHierarchyProps = {
      ...nested,
      folders: [{ key: 'production', displayName: 'Production', adopt: 'import', folderId: '555666777888' }],
      projects: [{ key: 'tools', id: 'prod-tools-01', folder: 'production', coupling: 'loose', adopt: 'import' }],
    };
    const text = Testing.synthScope((scope) => new ResourceHierarchy(scope, 'h', props));
    const doc = JSON.parse(text);
    const folder = Object.keys(doc.resource.google_folder)[0];
    const project = Object.keys(doc.resource.google_project)[0];
    // THEN the first plan imports them (folders by folders/<id>, projects by project id)
    expect(doc.import).toEqual([
      { id: 'folders/555666777888', to: `google_folder.${folder}` },
      { id: 'prod-tools-01', to: `google_project.${project}` },
    ]);
    // AND they stay protected, billed, and keep the auto_create_network the provider records on import
    expect(doc.resource.google_folder[folder].deletion_protection).toBe(true);
    expect(doc.resource.google_project[project]).toMatchObject({ deletion_policy: 'PREVENT', billing_account: '01ABCD-23EF45-6789AB' });
    expect(doc.resource.google_project[project].auto_create_network).toBeUndefined();
  });

  it('refers to an existing folder and project by id and makes no resource for either', () => {
    // GIVEN an existing folder holding an existing project, and a created project in that folder
    const hierarchy = (scope: import('constructs').Construct) =>
      new ResourceHierarchy(scope, 'h', {
        organizationId: '111222333444',
        folders: [{ key: 'legacy', displayName: 'Legacy', adopt: 'existing', folderId: '999888777666' }],
        projects: [
          { key: 'old', id: 'legacy-app-01', folder: 'legacy', coupling: 'loose', adopt: 'existing', services: ['logging.googleapis.com'] },
          { key: 'new', id: 'legacy-new-01', folder: 'legacy', coupling: 'loose' },
        ],
        billingAccount: '01ABCD-23EF45-6789AB',
      });
    const { doc } = synthScope(hierarchy);
    // THEN no folder, only the created project, placed in the existing folder by its literal id
    expect(doc.resource?.google_folder).toBeUndefined();
    expect(resourcesOf(doc, 'google_project').map((p) => [p.project_id, p.folder_id])).toEqual([['legacy-new-01', '999888777666']]);
    // AND the existing project still gets its APIs, named by its id, never disabled on destroy
    expect(resourcesOf(doc, 'google_project_service')).toEqual([
      { project: 'legacy-app-01', service: 'logging.googleapis.com', disable_on_destroy: false, disable_dependent_services: false },
    ]);
    expect((doc as { import?: unknown }).import).toBeUndefined();
  });

  it('enables each project\'s APIs on the project it manages', () => {
    const { doc } = synthScope(
      (scope) =>
        new ResourceHierarchy(scope, 'h', {
          ...nested,
          projects: [{ key: 'tools', id: 'prod-tools-01', folder: 'production', coupling: 'loose', services: ['pubsub.googleapis.com', 'logging.googleapis.com'] }],
        }),
    );
    const project = `\${google_project.${Object.keys(doc.resource!.google_project)[0]}.project_id}`;
    expect(resourcesOf(doc, 'google_project_service').map((s) => [s.project, s.service, s.disable_on_destroy])).toEqual([
      [project, 'logging.googleapis.com', false],
      [project, 'pubsub.googleapis.com', false],
    ]);
  });

  it('fails to create or import a project without a billing account', () => {
    expect(() => synthScope((scope) => new ResourceHierarchy(scope, 'h', { ...nested, billingAccount: undefined }))).toThrow(
      'project "a-prod": adopt create needs billingAccount (a new project cannot enable the Compute API to delete its default network without billing), got none',
    );
  });

  it('fails to import or refer to a folder without its id', () => {
    const folders = [{ key: 'production', displayName: 'Production', adopt: 'import' as const }];
    expect(() => synthScope((scope) => new ResourceHierarchy(scope, 'h', { ...nested, folders, projects: [] }))).toThrow(
      'folder "production": adopt import needs the folder\'s numeric folderId, got none',
    );
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
