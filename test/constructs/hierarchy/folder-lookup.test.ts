import { FolderLookup } from '../../../constructs/hierarchy/folder-lookup';
import { resolve, synthScope } from '../iam/synth-json';

const folders = [
  { key: 'production', displayName: 'Production' },
  { key: 'team-a', displayName: 'Team A', parent: 'production' },
  { key: 'sandbox', displayName: 'Sandbox' },
];

describe('FolderLookup', () => {
  it('looks up only the folders asked for, and their ancestors, by display name under the parent', () => {
    // GIVEN a lookup over three folders WHEN one nested folder is asked for
    let name = '';
    const { doc } = synthScope((scope) => {
      name = new FolderLookup(scope, 'folders', { organizationId: '111222333444', folders }).nameOf('team-a');
    });
    // THEN only it and its parent are looked up, the child under the parent's name
    const lookups = Object.values(doc.data?.google_active_folder ?? {}).map((f) => ({ ...f, parent: resolve(doc, String(f.parent)) }));
    expect(lookups).toEqual([
      { display_name: 'Production', parent: 'organizations/111222333444' },
      { display_name: 'Team A', parent: '[folder "Production" under organizations/111222333444]' },
    ]);
    expect(name).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  it('fails on a key that is not declared, listing the declared ones', () => {
    expect(() =>
      synthScope((scope) => new FolderLookup(scope, 'folders', { organizationId: '111222333444', folders }).nameOf('prod')),
    ).toThrow('no folder with key "prod"; declared: production, team-a, sandbox');
  });
});
