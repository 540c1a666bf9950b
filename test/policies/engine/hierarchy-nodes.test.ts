/** The hierarchy built from what the input declares and what a config adds: every node, its parent and its source. */
import { ancestors, buildHierarchy, hierarchyKeyOf } from '../../../policies/engine/hierarchy';
import type { HierarchyNode } from '../../../policies/engine/model';
import { modelOf, synth } from '../../../policies/testing/rule-tester';

const model = modelOf({
  synth: synth({
    google_organization: { org: { org_id: '111' } },
    google_folder: {
      top: { display_name: 'top', parent: 'organizations/111', folder_id: '200' },
      by_name: { display_name: 'n', parent: 'folders/200', name: 'folders/300' },
      by_ref: { display_name: 'r', parent: '${google_folder.top.name}' },
      bare_parent: { display_name: 'b', parent: '999', folder_id: '400' },
      open_parent: { display_name: 'o', parent: '${var.parent}', folder_id: '500' },
      no_parent: { display_name: 'x', parent: '', folder_id: '600' },
    },
    google_project: {
      in_folder: { project_id: 'p-folder', name: 'p', folder_id: '${google_folder.by_ref.folder_id}' },
      in_org: { project_id: 'p-org', name: 'p', org_id: '111' },
      in_bare_folder: { project_id: 'p-bare', name: 'p', folder_id: '700' },
      open_folder: { project_id: 'p-open', name: 'p', folder_id: '${var.folder}', org_id: '111' },
      open_id: { project_id: '${var.id}', name: 'p', org_id: '111' },
      nowhere: { project_id: 'p-nowhere', name: 'p' },
    },
  }),
});

const row = (n: HierarchyNode) => [n.key, n.kind, n.parent ?? '-', n.parentUnknown ?? false, n.resourceId ?? '-', n.coupling ?? '-'];

describe('buildHierarchy', () => {
  it('keys and parents every organization, folder and project the input declares, and the parents it names', () => {
    expect([...model.hierarchy.values()].map(row).sort()).toEqual(
      [
        ['organizations/111', 'organization', '-', false, 'google_organization.org', '-'],
        ['folders/200', 'folder', 'organizations/111', false, 'google_folder.top', '-'],
        ['folders/300', 'folder', 'folders/200', false, 'google_folder.by_name', '-'],
        ['folders/google_folder.by_ref', 'folder', 'folders/200', false, 'google_folder.by_ref', '-'],
        ['folders/400', 'folder', 'folders/999', false, 'google_folder.bare_parent', '-'],
        ['folders/999', 'folder', '-', true, '-', '-'],
        ['folders/500', 'folder', '-', true, 'google_folder.open_parent', '-'],
        ['folders/600', 'folder', '-', false, 'google_folder.no_parent', '-'],
        ['projects/p-folder', 'project', 'folders/google_folder.by_ref', false, 'google_project.in_folder', '-'],
        ['projects/p-org', 'project', 'organizations/111', false, 'google_project.in_org', '-'],
        ['projects/p-bare', 'project', 'folders/700', false, 'google_project.in_bare_folder', '-'],
        ['folders/700', 'folder', '-', true, '-', '-'],
        ['projects/p-open', 'project', '-', true, 'google_project.open_folder', '-'],
        ['projects/google_project.open_id', 'project', 'organizations/111', false, 'google_project.open_id', '-'],
        ['projects/p-nowhere', 'project', '-', false, 'google_project.nowhere', '-'],
      ].sort(),
    );
  });

  it('adds what a config declares, filling what the input leaves open and never overriding it', () => {
    const nodes = buildHierarchy(model, {
      organizationId: '111',
      folders: [{ key: '500', parent: '200' }, { key: '800' }, { key: '200', parent: '999' }],
      projects: [{ id: 'p-open', folder: '800', coupling: 'tight' }, { id: 'p-config', coupling: 'loose' }, { id: 'p-org', folder: '800' }],
    });
    const pick = (key: string) => row(nodes.get(key)!);
    expect(['folders/500', 'folders/800', 'folders/200', 'projects/p-open', 'projects/p-config', 'projects/p-org'].map(pick)).toEqual([
      ['folders/500', 'folder', 'folders/200', false, 'google_folder.open_parent', '-'],
      ['folders/800', 'folder', 'organizations/111', false, '-', '-'],
      ['folders/200', 'folder', 'organizations/111', false, 'google_folder.top', '-'],
      ['projects/p-open', 'project', 'folders/800', false, 'google_project.open_folder', 'tight'],
      ['projects/p-config', 'project', 'organizations/111', false, '-', 'loose'],
      ['projects/p-org', 'project', 'organizations/111', false, 'google_project.in_org', '-'],
    ]);
  });

  it('lets a declaring resource replace a node stated without one, keeping its coupling', () => {
    const nodes = buildHierarchy(model, undefined, [{ kind: 'project', key: 'projects/p-org', coupling: 'tight' }, { kind: 'folder', key: 'folders/900', parent: 'organizations/111' }]);
    expect([row(nodes.get('projects/p-org')!), row(nodes.get('folders/900')!)]).toEqual([
      ['projects/p-org', 'project', 'organizations/111', false, 'google_project.in_org', 'tight'],
      ['folders/900', 'folder', 'organizations/111', false, '-', '-'],
    ]);
  });
  it('keeps the first of two declarations of one node, taking only what it leaves open from the second', () => {
    // GIVEN two projects with the same project id, the first without a parent, and a stated folder declared again by config
    const twice = modelOf({
      synth: synth({
        google_project: {
          first: { project_id: 'dup', name: 'a' },
          second: { project_id: 'dup', name: 'b', folder_id: '42' },
          third: { project_id: 'dup', name: 'c', folder_id: '43' },
        },
      }),
    });
    expect(row(twice.hierarchy.get('projects/dup')!)).toEqual(['projects/dup', 'project', 'folders/42', false, 'google_project.first', '-']);
    const nodes = buildHierarchy(
      twice,
      { organizationId: '7', folders: [{ key: '1', parent: '2' }, { key: '3', parent: '2' }], projects: [] },
      [
        { kind: 'folder', key: 'folders/1', parent: 'organizations/7' },
        { kind: 'folder', key: 'folders/3', parentUnknown: true },
        { kind: 'folder', key: 'folders/3' },
      ],
    );
    // THEN the stated parent wins over the config's, the config fills a parent left unknown, and the config's organization is a node
    expect(['folders/1', 'folders/3', 'organizations/7'].map((key) => row(nodes.get(key)!))).toEqual([
      ['folders/1', 'folder', 'organizations/7', false, '-', '-'],
      ['folders/3', 'folder', 'folders/2', false, '-', '-'],
      ['organizations/7', 'organization', '-', false, '-', '-'],
    ]);
  });

  it('keeps a parent unknown when a later statement of the node names no parent either', () => {
    const nodes = buildHierarchy(modelOf({ synth: synth({}) }), undefined, [
      { kind: 'folder', key: 'folders/3', parentUnknown: true },
      { kind: 'folder', key: 'folders/3' },
    ]);
    expect(row(nodes.get('folders/3')!)).toEqual(['folders/3', 'folder', '-', true, '-', '-']);
  });
});

describe('hierarchyKeyOf', () => {
  it('keys by the known id, with its prefix once, else by the resource id; other types have no key', () => {
    const org2 = modelOf({ synth: synth({ google_organization: { a: { organization: 'organizations/5' }, b: { org_id: '' } }, google_x: { y: {} } }) });
    expect(['google_organization.a', 'google_organization.b', 'google_x.y'].map((id) => hierarchyKeyOf(org2.byId(id)!))).toEqual([
      'organizations/5',
      'organizations/google_organization.b',
      undefined,
    ]);
  });
});

describe('ancestors', () => {
  it('walks parents nearest first, stopping at an unknown node or a cycle', () => {
    const chain = (key: string) => ancestors(model, key).map((n) => n.key);
    expect([chain('projects/p-folder'), chain('projects/p-bare'), chain('projects/p-nowhere'), chain('nothing')]).toEqual([
      ['folders/google_folder.by_ref', 'folders/200', 'organizations/111'],
      ['folders/700'],
      [],
      [],
    ]);
    const cyclic = { hierarchy: new Map<string, HierarchyNode>([
      ['folders/a', { kind: 'folder', key: 'folders/a', parent: 'folders/b' }],
      ['folders/b', { kind: 'folder', key: 'folders/b', parent: 'folders/a' }],
      ['projects/p', { kind: 'project', key: 'projects/p', parent: 'folders/a' }],
    ]) };
    expect(ancestors(cyclic, 'projects/p').map((n) => n.key)).toEqual(['folders/a', 'folders/b']);
    expect(ancestors(cyclic, 'folders/a').map((n) => n.key)).toEqual(['folders/b']);
  });
});
