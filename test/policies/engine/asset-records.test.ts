/**
 * The asset-export loader's middle: search results and exported assets read into records, records of one
 * resource merged, and records turned into hierarchy nodes and policy resources (with project numbers mapped).
 */
import { AssetCollector, assetModelParts, isExportedAsset, isSearchResult, projectIdsFromItems, projectOfResourceAsset, readExportedAsset, readSearchResult, type AssetRecord } from '../../../policies/engine/load/asset-export';
import { inputErrorOf } from '../../support/input-error';

const CRM = '//cloudresourcemanager.googleapis.com';
const NO_POLICY = { bindings: [], auditConfigs: [], hasPolicy: false };
const EMPTY_POLICY = { bindings: [], auditConfigs: [], hasPolicy: true };

describe('readSearchResult', () => {
  it('names a hierarchy resource by its own name, and places it through project, folders and organization', () => {
    const read = (resource: string, extra: object = {}) => readSearchResult({ resource, policy: { bindings: [] }, ...extra }, 'item 0');
    expect(read(`${CRM}/organizations/1`)).toEqual({ name: `${CRM}/organizations/1`, assetType: 'cloudresourcemanager.googleapis.com/Organization', ancestors: ['organizations/1'], ordered: true, ...EMPTY_POLICY });
    expect(read(`${CRM}/folders/7`, { organization: 'organizations/1' })).toEqual({
      name: `${CRM}/folders/7`,
      assetType: 'cloudresourcemanager.googleapis.com/Folder',
      ancestors: ['folders/7', 'organizations/1'],
      ordered: true,
      ...EMPTY_POLICY,
    });
    // The project names itself and is its own project: listed once.
    expect(read(`${CRM}/projects/123`, { project: 'projects/123', folders: ['folders/7'], organization: 'organizations/1' })).toEqual({
      name: `${CRM}/projects/123`,
      assetType: 'cloudresourcemanager.googleapis.com/Project',
      ancestors: ['projects/123', 'folders/7', 'organizations/1'],
      ordered: true,
      ...EMPTY_POLICY,
    });
  });

  it('types another resource by its asset_type or as unknown; a set of two folders is not a chain', () => {
    const bucket = readSearchResult({ resource: '//storage.googleapis.com/b', assetType: 'storage.googleapis.com/Bucket', project: 'projects/123', folders: ['folders/8', 'folders/7'], policy: { bindings: [] } }, 'item 1');
    expect([bucket.assetType, bucket.ancestors, bucket.ordered]).toEqual(['storage.googleapis.com/Bucket', ['projects/123', 'folders/8', 'folders/7'], false]);
    const other = readSearchResult({ resource: '//example.googleapis.com/projectsX/1', policy: { bindings: [] } }, 'item 2');
    expect([other.assetType, other.ancestors, other.ordered]).toEqual(['unknown.googleapis.com/Resource', [], true]);
    expect(() => readSearchResult({ resource: 7, policy: {} }, 'item 3')).toThrow('item 3: not an IAM policy search result (expected an object with resource and policy)');
  });

  it('reads an exported asset without a policy as having none', () => {
    expect(readExportedAsset({ name: `${CRM}/projects/123`, asset_type: 'cloudresourcemanager.googleapis.com/Project', ancestors: ['projects/123', 'organizations/1'] }, 'line 1')).toEqual({
      name: `${CRM}/projects/123`,
      assetType: 'cloudresourcemanager.googleapis.com/Project',
      ancestors: ['projects/123', 'organizations/1'],
      ordered: true,
      ...NO_POLICY,
    });
  });
});

describe('AssetCollector', () => {
  const record = (ancestors: string[], role: string | undefined, hasPolicy = role !== undefined): AssetRecord => ({
    name: '//storage.googleapis.com/b',
    assetType: 'storage.googleapis.com/Bucket',
    ancestors,
    ordered: true,
    bindings: role ? [{ role, members: ['group:a@example.com'] }] : [],
    auditConfigs: [],
    hasPolicy,
  });

  it('merges the records of one resource: the longer chain, every binding, a policy if either has one', () => {
    for (const [first, second] of [
      [record(['projects/1', 'organizations/9'], undefined), record(['projects/1'], 'roles/a')],
      [record(['projects/1'], 'roles/a'), record(['projects/1', 'organizations/9'], undefined)],
    ]) {
      const collector = new AssetCollector();
      collector.add(first);
      collector.add(second);
      collector.add(record(['projects/1'], 'roles/b'));
      const [merged, ...rest] = collector.takeAssets();
      expect(rest).toEqual([]);
      expect([merged.ancestors, merged.bindings.map((b) => b.role).sort(), merged.hasPolicy]).toEqual([['projects/1', 'organizations/9'], ['roles/a', 'roles/b'], true]);
    }
    const none = new AssetCollector();
    none.add(record(['projects/1'], undefined));
    none.add(record(['projects/1'], undefined));
    expect(none.takeAssets().map((r) => r.hasPolicy)).toEqual([false]);
  });

  it('learns project numbers from Project assets of a resource export, and only from those', () => {
    const collector = new AssetCollector();
    collector.addItem({ name: `${CRM}/projects/123`, asset_type: 'cloudresourcemanager.googleapis.com/Project', resource: { data: { projectId: 'app-prd', projectNumber: '123' } } }, 'line 1');
    collector.addItem({ resource: `${CRM}/projects/456`, policy: { bindings: [] }, project: 'projects/456' }, 'item 0');
    expect([...collector.projectIds]).toEqual([['123', 'app-prd']]);
    expect(collector.takeAssets().map((r) => r.name)).toEqual([`${CRM}/projects/123`, `${CRM}/projects/456`]);
    expect(collector.takeAssets()).toEqual([]);
  });
});

describe('assetModelParts', () => {
  const asset = (name: string, assetType: string, ancestors: string[], ordered = true, hasPolicy = true): AssetRecord => ({ name, assetType, ancestors, ordered, bindings: [], auditConfigs: [], hasPolicy });

  it('builds each node once, with its parent from an ordered chain, unknown from a set of folders, and the project id for its number', () => {
    const { nodes } = assetModelParts(
      [
        asset('//storage.googleapis.com/b', 'storage.googleapis.com/Bucket', ['projects/123', 'folders/8', 'folders/7'], false),
        asset(`${CRM}/projects/123`, 'cloudresourcemanager.googleapis.com/Project', ['projects/123', 'folders/8', 'folders/7', 'organizations/1']),
        asset(`${CRM}/projects/456`, 'cloudresourcemanager.googleapis.com/Project', ['projects/456'], false),
        asset('//bigquery.googleapis.com/projects/789/datasets/d', 'bigquery.googleapis.com/Dataset', ['billingAccounts/X', 'projects/789']),
        asset(`${CRM}/folders/9`, 'cloudresourcemanager.googleapis.com/Folder', [], true, false),
      ],
      new Map([['123', 'app-prd']]),
      'export.ndjson',
    );
    expect(nodes.map(({ resourceId: _, ...n }) => n)).toEqual([
      // An ordered chain later fills the parents the unordered one could not tell.
      { kind: 'project', key: 'projects/app-prd', parent: 'folders/8', parentUnknown: undefined },
      { kind: 'folder', key: 'folders/8', parent: 'folders/7', parentUnknown: undefined },
      { kind: 'folder', key: 'folders/7', parent: 'organizations/1', parentUnknown: undefined },
      { kind: 'organization', key: 'organizations/1', parent: undefined, parentUnknown: undefined },
      { kind: 'project', key: 'projects/456', parent: undefined, parentUnknown: true },
      { kind: 'project', key: 'projects/789', parent: undefined, parentUnknown: true },
      { kind: 'folder', key: 'folders/9', parentUnknown: true },
    ]);
    expect(nodes.filter((n) => n.resourceId !== undefined).map((n) => [n.key, n.resourceId])).toEqual([
      ['projects/app-prd', `${CRM}/projects/123`],
      ['projects/456', `${CRM}/projects/456`],
    ]);
  });

  it('writes one policy resource per asset with a policy, at its level, its project id mapped from the number', () => {
    const { resources } = assetModelParts(
      [
        asset(`${CRM}/organizations/1`, 'cloudresourcemanager.googleapis.com/Organization', ['organizations/1']),
        asset(`${CRM}/folders/7`, 'cloudresourcemanager.googleapis.com/Folder', ['folders/7', 'organizations/1']),
        asset(`${CRM}/projects/123`, 'cloudresourcemanager.googleapis.com/Project', ['projects/123', 'folders/7']),
        asset('//bigquery.googleapis.com/projects/123/datasets/d', 'bigquery.googleapis.com/Dataset', ['projects/123', 'folders/7']),
        asset('//bigquery.googleapis.com/projects/1234/datasets/e', 'bigquery.googleapis.com/Dataset', ['projects/1234']),
        asset('//storage.googleapis.com/b', 'storage.googleapis.com/Bucket', ['folders/7'], true, true),
        asset('//storage.googleapis.com/c', 'storage.googleapis.com/Bucket', ['projects/123'], true, false),
      ],
      new Map([['123', 'app-prd']]),
      'export.ndjson',
    );
    expect(resources.map((r) => [r.address, r.type, r.action, r.sourceFile, Object.fromEntries(Object.entries(r.values).filter(([k]) => k !== 'policy_data'))])).toEqual([
      [`${CRM}/organizations/1`, 'google_organization_iam_policy', 'no-op', 'export.ndjson', { org_id: '1' }],
      [`${CRM}/folders/7`, 'google_folder_iam_policy', 'no-op', 'export.ndjson', { folder: 'folders/7' }],
      [`${CRM}/projects/123`, 'google_project_iam_policy', 'no-op', 'export.ndjson', { project: 'app-prd' }],
      ['//bigquery.googleapis.com/projects/123/datasets/d', 'google_bigquery_dataset_iam_policy', 'no-op', 'export.ndjson', { name: 'projects/app-prd/datasets/d', project: 'app-prd' }],
      ['//bigquery.googleapis.com/projects/1234/datasets/e', 'google_bigquery_dataset_iam_policy', 'no-op', 'export.ndjson', { name: 'projects/1234/datasets/e', project: '1234' }],
      ['//storage.googleapis.com/b', 'google_storage_bucket_iam_policy', 'no-op', 'export.ndjson', { name: 'b' }],
    ]);
  });
});

describe('what an item is', () => {
  it.each([
    [{ name: 'n', asset_type: 't' }, true, false],
    [{ name: 'n', assetType: 't' }, true, false],
    [{ name: 'n', asset_type: 't', resource: { data: {} } }, true, false],
    [{ name: 'n', asset_type: 't', resource: '//x/y' }, false, true],
    [{ name: 'n' }, false, false],
    [{ name: 5, asset_type: 't' }, false, false],
    [{ name: 'n', asset_type: 5 }, false, false],
    [{ resource: '//x/y', policy: {} }, false, true],
    [{ resource: '//x/y', assetType: 't' }, false, true],
    [{ resource: '//x/y', asset_type: 't' }, false, true],
    [{ resource: '//x/y' }, false, false],
    [{ resource: '//x/y', policy: 'p' }, false, false],
    [{ resource: 7, policy: {} }, false, false],
    [7, false, false],
  ])('%j: an exported asset %p, a search result %p', (item, exported, searched) => {
    expect([isExportedAsset(item), isSearchResult(item)]).toEqual([exported, searched]);
  });
});

describe('project ids and numbers', () => {
  const projectAsset = (data: unknown, assetType = 'cloudresourcemanager.googleapis.com/Project') => ({ name: `${CRM}/projects/1`, assetType, resource: { data } });

  it('reads a Project asset of a resource export, its number a string or a number', () => {
    expect(projectOfResourceAsset(projectAsset({ projectId: 'app-prd', projectNumber: '123' }))).toEqual({ id: 'app-prd', number: '123' });
    expect(projectOfResourceAsset(projectAsset({ projectId: 'app-prd', projectNumber: 123 }))).toEqual({ id: 'app-prd', number: '123' });
    expect(projectOfResourceAsset({ ...projectAsset({ projectId: 'a', projectNumber: '1' }), asset_type: 'cloudresourcemanager.googleapis.com/Project' })).toEqual({ id: 'a', number: '1' });
    for (const other of [
      projectAsset({ projectId: 'app-prd', projectNumber: '123' }, 'storage.googleapis.com/Bucket'),
      projectAsset({ projectNumber: '123' }),
      projectAsset({ projectId: 5, projectNumber: '123' }),
      projectAsset({ projectId: 'app-prd' }),
      projectAsset({ projectId: 'app-prd', projectNumber: true }),
      projectAsset('data'),
      { name: `${CRM}/projects/1`, assetType: 'cloudresourcemanager.googleapis.com/Project', resource: 'r' },
    ]) {
      expect(projectOfResourceAsset(other)).toBeUndefined();
    }
  });

  it('reads gcloud projects list items in either spelling, skips other assets, and names an item it cannot read', () => {
    const items = (...list: unknown[]) => list.map((item, i) => ({ item, where: `p.json: item ${i}` }));
    expect([
      ...projectIdsFromItems(
        items({ projectId: 'a', projectNumber: 1 }, { project_id: 'b', project_number: '2' }, projectAsset({ projectId: 'c', projectNumber: '3' }), { name: '//storage.googleapis.com/b', asset_type: 'storage.googleapis.com/Bucket' }),
        'p.json',
      ),
    ]).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    const expected = 'expected projectId and projectNumber (gcloud projects list --format=json) or a Project asset';
    expect(inputErrorOf(() => projectIdsFromItems(items({ projectId: 'a', projectNumber: 1 }, { projectId: 'b' }), 'p.json'))).toBe(`p.json: item 1: ${expected}`);
    expect(inputErrorOf(() => projectIdsFromItems(items({ projectId: 5, projectNumber: '1' }), 'p.json'))).toBe(`p.json: item 0: ${expected}`);
    expect(inputErrorOf(() => projectIdsFromItems(items({ projectId: 'a', projectNumber: null }), 'p.json'))).toBe(`p.json: item 0: ${expected}`);
  });
});

describe('log types and conditions as exports write them', () => {
  const policy = (iamPolicy: object) => readExportedAsset({ name: '//storage.googleapis.com/b', asset_type: 'storage.googleapis.com/Bucket', iam_policy: iamPolicy }, 'line 1');
  const logTypes = (...types: unknown[]) => policy({ audit_configs: [{ service: 'allServices', audit_log_configs: types.map((t) => ({ log_type: t })) }] }).auditConfigs[0].auditLogConfigs.map((c) => c.logType);

  it('reads log types by number or by their whole upper-case name', () => {
    expect(logTypes(1, 2, 3, 'ADMIN_READ', 'DATA_READ', 'LOG_TYPE_UNSPECIFIED')).toEqual(['ADMIN_READ', 'DATA_WRITE', 'DATA_READ', 'ADMIN_READ', 'DATA_READ', 'LOG_TYPE_UNSPECIFIED']);
    for (const bad of [' DATA_READ', 'DATA_READ ', 'data_read', 4, '2', null]) expect(() => logTypes(bad)).toThrow(/log_type is .*, expected ADMIN_READ, DATA_WRITE, DATA_READ or 1, 2, 3/);
  });

  it('reads a null condition as none, and null condition fields as absent', () => {
    const bindings = policy({ bindings: [{ role: 'roles/a', members: [], condition: null }, { role: 'roles/b', members: [], condition: { title: null, expression: 'true', description: null } }] }).bindings;
    expect(bindings).toEqual([
      { role: 'roles/a', members: [] },
      { role: 'roles/b', members: [], condition: { title: undefined, expression: 'true', description: undefined } },
    ]);
  });
});
