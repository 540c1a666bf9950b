/**
 * The hierarchy as the input declares it (organization data source, folders, projects and their
 * parents, known or referenced) and as the config adds to it; ancestors() walks it upwards.
 */
import { policyFromOrgConfig } from '../../../policies/config/adapter';
import { loadConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import { ancestors } from '../../../policies/engine/hierarchy';
import { loadModel } from '../../../policies/engine/load';
import { modelOf, plan, synth } from '../../../policies/testing/rule-tester';

describe('hierarchy from synthesized resources', () => {
  const model = modelOf({
    synth: synth(
      {
        google_folder: {
          prod: { display_name: 'Production', parent: 'organizations/123456789012' },
          team: { display_name: 'Team', parent: '${google_folder.prod.name}' },
          elsewhere: { display_name: 'Elsewhere', parent: '${var.parent}' },
        },
        google_project: {
          app: { project_id: 'example-app-prd', name: 'app', folder_id: '${google_folder.team.name}' },
          direct: { project_id: 'example-direct', name: 'direct', org_id: '${data.google_organization.org.org_id}' },
          known: { project_id: 'example-known', name: 'known', folder_id: '987' },
        },
      },
      { data: { google_organization: { org: { domain: 'example.com' } } } },
    ),
  });

  it('keys each node and finds its parent, through references where ids are known only after apply', () => {
    expect(Object.fromEntries([...model.hierarchy].map(([k, n]) => [k, [n.kind, n.resourceId, n.parent, n.parentUnknown]]))).toEqual({
      'organizations/data.google_organization.org': ['organization', 'data.google_organization.org', undefined, undefined],
      'organizations/123456789012': ['organization', undefined, undefined, undefined],
      'folders/google_folder.prod': ['folder', 'google_folder.prod', 'organizations/123456789012', undefined],
      'folders/google_folder.team': ['folder', 'google_folder.team', 'folders/google_folder.prod', undefined],
      'folders/google_folder.elsewhere': ['folder', 'google_folder.elsewhere', undefined, true],
      'projects/example-app-prd': ['project', 'google_project.app', 'folders/google_folder.team', undefined],
      'projects/example-direct': ['project', 'google_project.direct', 'organizations/data.google_organization.org', undefined],
      'folders/987': ['folder', undefined, undefined, true],
      'projects/example-known': ['project', 'google_project.known', 'folders/987', undefined],
    });
  });

  it('lists ancestors nearest first, up to the organization', () => {
    expect(ancestors(model, 'projects/example-app-prd').map((n) => n.key)).toEqual(['folders/google_folder.team', 'folders/google_folder.prod', 'organizations/123456789012']);
    expect(ancestors(model, 'projects/example-known').map((n) => n.key)).toEqual(['folders/987']);
    expect(ancestors(model, 'projects/nowhere')).toEqual([]);
  });
});

describe('hierarchy with a config', () => {
  const config = loadConfig(EXAMPLE_CONFIG);

  it('adds config folders under the org and config projects with their coupling', () => {
    const model = loadModel({ text: JSON.stringify(synth({ google_project: { app: { project_id: 'example-app-prd', name: 'app', folder_id: '${var.folder}' } } })), name: 'cdk.tf.json' }, { declared: policyFromOrgConfig(config).declared });
    expect(model.hierarchy.get('projects/example-app-prd')).toEqual({
      kind: 'project',
      key: 'projects/example-app-prd',
      resourceId: 'google_project.app',
      // The input could not say; the config can.
      parent: 'folders/production',
      parentUnknown: undefined,
      coupling: 'tight',
    });
    expect(model.hierarchy.get('projects/example-logging-prd')).toEqual({ kind: 'project', key: 'projects/example-logging-prd', parent: 'folders/shared', coupling: 'loose' });
    expect(ancestors(model, 'projects/example-logging-prd').map((n) => n.key)).toEqual(['folders/shared', 'organizations/123456789012']);
  });
});

describe('hierarchy from a plan', () => {
  it('reads known ids, and stops at cycles', () => {
    const model = modelOf({
      plan: plan([
        { address: 'google_folder.a', values: { display_name: 'a', parent: 'folders/2', folder_id: '1' } },
        { address: 'google_folder.b', values: { display_name: 'b', parent: 'folders/1', folder_id: '2' } },
      ]),
    });
    expect(ancestors(model, 'folders/1').map((n) => n.key)).toEqual(['folders/2']);
  });
});
