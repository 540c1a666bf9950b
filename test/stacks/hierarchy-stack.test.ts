import { Testing } from 'cdktf';
import { HierarchyStack } from '../../stacks/hierarchy-stack';
import type { BaselineConfig } from '../../policies/config/org-config';
import { exampleConfig, smallConfig } from '../constructs/iam/configs';
import { grantLines, resolve, resourcesOf, synthStack } from '../constructs/iam/synth-json';

function synthHierarchy(config: BaselineConfig) {
  return synthStack(new HierarchyStack(Testing.app(), 'hierarchy', { config }));
}

const projectsOf = (doc: ReturnType<typeof synthHierarchy>['doc']) =>
  resourcesOf(doc, 'google_project')
    .map((p) => ({ id: p.project_id, folder: resolve(doc, String(p.folder_id)), labels: p.labels, billing: p.billing_account }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('HierarchyStack', () => {
  it('creates the example org folders directly under the organization', () => {
    const { doc } = synthHierarchy(exampleConfig());
    expect(resourcesOf(doc, 'google_folder').map((f) => [f.display_name, f.parent, f.deletion_protection])).toEqual([
      ['Non-production', 'organizations/123456789012', true],
      ['Production', 'organizations/123456789012', true],
      ['Shared', 'organizations/123456789012', true],
    ]);
  });

  it('manages each created or imported example project in its folder, billed, with its coupling label; the existing one not at all', () => {
    const { doc } = synthHierarchy(exampleConfig());
    const billing = '01A2B3-C4D5E6-F7A8B9';
    expect(projectsOf(doc)).toEqual([
      { id: 'example-app-prd', folder: '[folder "Production"]', labels: { coupling: 'tight' }, billing },
      { id: 'example-kms-prd', folder: '[folder "Shared"]', labels: { coupling: 'tight' }, billing },
      { id: 'example-logging-prd', folder: '[folder "Shared"]', labels: { coupling: 'loose' }, billing },
      { id: 'example-secrets-prd', folder: '[folder "Shared"]', labels: { coupling: 'tight' }, billing },
    ]);
    expect(resourcesOf(doc, 'google_project').every((p) => p.deletion_policy === 'PREVENT')).toBe(true);
    // Created projects lose the default network; the imported one keeps what the provider records on import.
    expect(resourcesOf(doc, 'google_project').map((p) => [p.project_id, p.auto_create_network])).toEqual([
      ['example-app-prd', undefined],
      ['example-kms-prd', false],
      ['example-logging-prd', false],
      ['example-secrets-prd', false],
    ]);
  });

  it('imports the example org\'s imported folder and project, so the first plan shows imports, not creates', () => {
    const { doc } = synthHierarchy(exampleConfig());
    const imports = (doc as { import?: { id: string; to: string }[] }).import ?? [];
    expect(imports.map((i) => [i.id, resolve(doc, `\${${i.to}.id}`)])).toEqual([
      ['folders/234567890123', '[folder "Non-production"]'],
      ['example-app-prd', '[google_project]'],
    ]);
    expect(imports[1].to).toBe(`google_project.${Object.entries(doc.resource!.google_project).find(([, p]) => p.project_id === 'example-app-prd')![0]}`);
  });

  it('enables in each project exactly the APIs the stacks use there', () => {
    const { doc } = synthHierarchy(exampleConfig());
    const projectIds = Object.fromEntries(Object.entries(doc.resource!.google_project).map(([k, p]) => [`\${google_project.${k}.project_id}`, p.project_id]));
    const enabled: Record<string, string[]> = {};
    for (const s of resourcesOf(doc, 'google_project_service')) {
      expect([s.disable_on_destroy, s.disable_dependent_services]).toEqual([false, false]);
      const id = projectIds[String(s.project)] ?? String(s.project);
      (enabled[String(id)] ??= []).push(String(s.service));
    }
    expect(enabled).toEqual({
      'example-app-npd': ['logging.googleapis.com'],
      // app-prod hosts container images (scanning.imageProjects): Artifact Analysis scans them.
      'example-app-prd': ['artifactregistry.googleapis.com', 'containerscanning.googleapis.com', 'logging.googleapis.com'],
      'example-kms-prd': ['cloudkms.googleapis.com', 'logging.googleapis.com'],
      'example-logging-prd': [
        'bigquery.googleapis.com',
        'cloudasset.googleapis.com',
        'iam.googleapis.com',
        'logging.googleapis.com',
        'monitoring.googleapis.com',
        'pubsub.googleapis.com',
        'storage.googleapis.com',
      ],
      'example-secrets-prd': ['logging.googleapis.com', 'pubsub.googleapis.com', 'secretmanager.googleapis.com'],
    });
  });

  it('nests folders, bills projects and keeps config labels in a small org', () => {
    const { doc } = synthHierarchy(smallConfig());
    expect(resourcesOf(doc, 'google_folder').map((f) => [f.display_name, resolve(doc, String(f.parent))])).toEqual([
      ['Platform', 'organizations/111222333444'],
      ['Security', '[folder "Platform"]'],
    ]);
    expect(projectsOf(doc)).toEqual([
      { id: 'small-keys-01', folder: '[folder "Platform"]', labels: { coupling: 'tight' }, billing: '01ABCD-23EF45-6789AB' },
      { id: 'small-logs-01', folder: '[folder "Security"]', labels: { coupling: 'loose' }, billing: '01ABCD-23EF45-6789AB' },
      { id: 'small-vault-01', folder: '[folder "Security"]', labels: { team: 'sec', coupling: 'tight' }, billing: '01ABCD-23EF45-6789AB' },
    ]);
  });

  it('exposes each config folder by key as the google_folder it manages, for other stacks to reference', () => {
    // GIVEN the example org WHEN the stack is built THEN the folder resources are keyed by config key
    const stack = new HierarchyStack(Testing.app(), 'hierarchy', { config: exampleConfig() });
    const { doc } = synthStack(stack);
    const folders = stack.hierarchy.folders;
    expect([...folders].map(([key, folder]) => [key, folder.friendlyUniqueId, doc.resource?.google_folder?.[folder.friendlyUniqueId]?.display_name])).toEqual([
      ['production', 'Hierarchy_Folder-production_3B09621A', 'Production'],
      ['non-production', 'Hierarchy_Folder-non-production_66C7B08A', 'Non-production'],
      ['shared', 'Hierarchy_Folder-shared_A073D019', 'Shared'],
    ]);
    // Read from another stack, a folder name is a token cdktf turns into a remote-state reference.
    expect(stack.folderNames.get('shared')).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  it('makes no IAM grants and nothing but folders, projects and their APIs', () => {
    const { doc } = synthHierarchy(exampleConfig());
    expect(grantLines(doc)).toEqual([]);
    expect(Object.keys(doc.resource ?? {}).sort()).toEqual(['google_folder', 'google_project', 'google_project_service']);
  });
});
