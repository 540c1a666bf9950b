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

  it('creates each example project in its folder with its coupling label and no billing account', () => {
    const { doc } = synthHierarchy(exampleConfig());
    expect(projectsOf(doc)).toEqual([
      { id: 'example-app-npd', folder: '[folder "Non-production"]', labels: { coupling: 'loose' }, billing: undefined },
      { id: 'example-app-prd', folder: '[folder "Production"]', labels: { coupling: 'tight' }, billing: undefined },
      { id: 'example-kms-prd', folder: '[folder "Shared"]', labels: { coupling: 'tight' }, billing: undefined },
      { id: 'example-logging-prd', folder: '[folder "Shared"]', labels: { coupling: 'loose' }, billing: undefined },
      { id: 'example-secrets-prd', folder: '[folder "Shared"]', labels: { coupling: 'tight' }, billing: undefined },
    ]);
    expect(resourcesOf(doc, 'google_project').every((p) => p.auto_create_network === false && p.deletion_policy === 'PREVENT')).toBe(true);
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

  it('exposes each config folder by key as the google_folder it creates, for other stacks to reference', () => {
    // GIVEN the example org WHEN the stack is built THEN folders maps config keys to their folder resources
    const stack = new HierarchyStack(Testing.app(), 'hierarchy', { config: exampleConfig() });
    const { doc } = synthStack(stack);
    expect([...stack.folders].map(([key, folder]) => [key, folder.friendlyUniqueId, doc.resource?.google_folder?.[folder.friendlyUniqueId]?.display_name])).toEqual([
      ['production', 'hierarchy_folder-production_9B6142E4', 'Production'],
      ['non-production', 'hierarchy_folder-non-production_9FC8582B', 'Non-production'],
      ['shared', 'hierarchy_folder-shared_2C47EE6F', 'Shared'],
    ]);
    // Read from another stack, `name` is a token cdktf turns into a remote-state reference.
    expect(stack.folders.get('shared')?.name).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  it('makes no IAM grants and nothing but folders and projects', () => {
    const { doc } = synthHierarchy(exampleConfig());
    expect(grantLines(doc)).toEqual([]);
    expect(Object.keys(doc.resource ?? {}).sort()).toEqual(['google_folder', 'google_project']);
  });
});
