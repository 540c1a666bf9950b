import { Testing } from 'cdktf';
import { IamStack } from '../../stacks/iam-stack';
import { HierarchyStack } from '../../stacks/hierarchy-stack';
import type { BaselineConfig } from '../../policies/config/org-config';
import { exampleConfig, smallConfig } from '../constructs/iam/configs';
import { byAddress, grantLines, grantsIn, resourcesOf } from '../constructs/iam/synth-json';
import { HIERARCHY_REMOTE_STATE, remoteFolderName, synthWithHierarchy } from './hierarchy-references';

function synthIam(config: BaselineConfig) {
  return synthWithHierarchy(config, (app, hierarchy) => new IamStack(app, 'iam', { config, folderNames: hierarchy.folderNames }));
}

const BREAK_GLASS_EXPRESSION = 'request.time < timestamp("2027-06-30T00:00:00Z")';

describe('IamStack (example org)', () => {
  const { doc, text, hierarchyDoc } = synthIam(exampleConfig());
  const EXAMPLE_SHARED = remoteFolderName(hierarchyDoc, 'Shared');

  it('makes exactly the configured grants plus break-glass, and nothing else', () => {
    expect(grantLines(doc)).toEqual([
      `${EXAMPLE_SHARED} | roles/logging.viewer | group:gcp-security@example.com`,
      'organization 123456789012 | organizations/123456789012/roles/logViewerNoData | group:gcp-auditors@example.com',
      'organization 123456789012 | roles/cloudasset.viewer | group:gcp-auditors@example.com',
      'organization 123456789012 | roles/cloudasset.viewer | group:gcp-security@example.com',
      'organization 123456789012 | roles/iam.securityReviewer | group:gcp-auditors@example.com',
      'organization 123456789012 | roles/iam.securityReviewer | group:gcp-security@example.com',
      `organization 123456789012 | roles/resourcemanager.organizationAdmin | group:gcp-break-glass@example.com | if ${BREAK_GLASS_EXPRESSION}`,
      'organization 123456789012 | roles/resourcemanager.organizationViewer | group:gcp-auditors@example.com',
      'organization 123456789012 | roles/resourcemanager.organizationViewer | group:gcp-platform-admins@example.com',
      'organization 123456789012 | roles/resourcemanager.organizationViewer | group:gcp-security@example.com',
      'project example-app-npd | roles/run.developer | group:gcp-developers@example.com',
      'project example-app-prd | roles/run.viewer | group:gcp-developers@example.com',
    ]);
  });

  it('uses additive member resources only, never authoritative bindings or policies', () => {
    const iamTypes = Object.keys(doc.resource ?? {}).filter((t) => /_iam_/.test(t) && !/custom_role$/.test(t));
    expect(iamTypes.sort()).toEqual(['google_folder_iam_member', 'google_organization_iam_member', 'google_project_iam_member']);
  });

  it('gives the break-glass group its role only through a titled, expiring condition, and nothing else', () => {
    const breakGlass = grantsIn(doc).filter((g) => g.member === 'group:gcp-break-glass@example.com');
    expect(breakGlass).toEqual([
      {
        kind: 'member',
        on: 'organization 123456789012',
        role: 'roles/resourcemanager.organizationAdmin',
        member: 'group:gcp-break-glass@example.com',
        condition: { title: 'break-glass until 2027-06-30T00:00:00Z', expression: BREAK_GLASS_EXPRESSION },
      },
    ]);
  });

  it('defines the example custom role at the org', () => {
    expect(resourcesOf(doc, 'google_organization_iam_custom_role')).toEqual([
      {
        org_id: '123456789012',
        role_id: 'logViewerNoData',
        title: 'Log viewer without payloads',
        description: 'Lists logs and non-private log entries; Data Access entries only through a log view.',
        permissions: ['logging.logEntries.list', 'logging.logs.list', 'logging.views.list'],
        stage: 'GA',
      },
    ]);
  });

  it('enforces each configured boolean constraint at the org', () => {
    const enforced = resourcesOf(doc, 'google_org_policy_policy').filter((p) => JSON.stringify(p.spec).includes('"enforce"'));
    expect(enforced.map((p) => [p.name, p.parent, p.spec])).toEqual(
      [
        'iam.automaticIamGrantsForDefaultServiceAccounts',
        'iam.disableAuditLoggingExemption',
        'iam.disableServiceAccountKeyCreation',
        'iam.disableServiceAccountKeyUpload',
        'storage.publicAccessPrevention',
        'storage.uniformBucketLevelAccess',
      ].map((c) => [`organizations/123456789012/policies/${c}`, 'organizations/123456789012', { rules: [{ enforce: 'TRUE' }] }]),
    );
  });

  it('allows only the org customer id in IAM policies', () => {
    const domains = resourcesOf(doc, 'google_org_policy_policy').filter((p) => String(p.name).endsWith('iam.allowedPolicyMemberDomains'));
    expect(domains).toEqual([
      {
        name: 'organizations/123456789012/policies/iam.allowedPolicyMemberDomains',
        parent: 'organizations/123456789012',
        spec: { rules: [{ values: { allowed_values: ['C01ex4mpl'] } }] },
      },
    ]);
  });

  it('registers the security group as essential contact for the four required categories', () => {
    expect(resourcesOf(doc, 'google_essential_contacts_contact')).toEqual([
      {
        parent: 'organizations/123456789012',
        email: 'gcp-security@example.com',
        language_tag: 'en',
        notification_category_subscriptions: ['SECURITY', 'TECHNICAL', 'LEGAL', 'SUSPENSION'],
      },
    ]);
  });

  it('names the folder it grants on by reference to the hierarchy stack, never by display name', () => {
    // The one data source is the hierarchy stack's remote state; the grant reads the folder's name from it.
    expect(Object.keys(doc.data ?? {})).toEqual(['terraform_remote_state']);
    expect(Object.keys(doc.data?.terraform_remote_state ?? {})).toEqual([HIERARCHY_REMOTE_STATE]);
    expect(resourcesOf(doc, 'google_folder_iam_member').map((g) => g.folder)).toEqual([
      '${data.terraform_remote_state.cross-stack-reference-input-hierarchy.outputs.cross-stack-output-google_folderHierarchy_Folder-shared_A073D019name}',
    ]);
    // ...which the hierarchy stack exports as its Shared folder's `folders/<id>` name.
    expect(Object.values(hierarchyDoc.output ?? {})).toEqual([{ value: '${google_folder.Hierarchy_Folder-shared_A073D019.name}', sensitive: true }]);
    expect(text).not.toContain('secret_data');
  });

  it('fails on a folder binding whose folder is not among the given folders, naming the ones given', () => {
    const config = exampleConfig();
    const app = Testing.app();
    const { folderNames } = new HierarchyStack(app, 'hierarchy', { config });
    const withoutShared = new Map([...folderNames].filter(([key]) => key !== 'shared'));
    expect(() => new IamStack(app, 'iam', { config, folderNames: withoutShared })).toThrow(
      'no folder with key "shared" among the hierarchy\'s folders: production, non-production',
    );
  });
});

describe('IamStack (small org)', () => {
  it('grants custom roles by their full names, on a nested folder, with no break-glass when none is configured', () => {
    const { doc, hierarchyDoc } = synthIam(smallConfig());
    expect(grantLines(doc)).toEqual([
      `${remoteFolderName(hierarchyDoc, 'Security')} | roles/logging.viewer | group:sec@small.example`,
      'organization 111222333444 | organizations/111222333444/roles/orgAuditLite | group:audit@small.example',
      'project small-vault-01 | projects/small-vault-01/roles/vaultLister | serviceAccount:ci@small-keys-01.iam.gserviceaccount.com',
    ]);
    expect(resourcesOf(doc, 'google_project_iam_custom_role').map((r) => [r.project, r.role_id])).toEqual([['small-vault-01', 'vaultLister']]);
  });

  it('makes a grant of a custom role wait for the role', () => {
    const { doc } = synthIam(smallConfig());
    const [orgGrant] = resourcesOf(doc, 'google_organization_iam_member');
    const [dependency] = orgGrant.depends_on as string[];
    expect(byAddress(doc, dependency)).toMatchObject({ role_id: 'orgAuditLite', org_id: '111222333444' });
  });

  it('allows the extra customer ids and accepts ALL as contact coverage', () => {
    const { doc } = synthIam(smallConfig());
    const domains = resourcesOf(doc, 'google_org_policy_policy').find((p) => String(p.name).endsWith('iam.allowedPolicyMemberDomains'));
    expect(domains?.spec).toEqual({ rules: [{ values: { allowed_values: ['C0small1', 'C0partner'] } }] });
    expect(resourcesOf(doc, 'google_essential_contacts_contact').map((c) => c.notification_category_subscriptions)).toEqual([['ALL']]);
  });

  // The schema rejects these too; the stack must not rely on it (configs can be built in code).
  it('fails on a basic role in a binding', () => {
    const config = smallConfig();
    config.iam.bindings[1].role = 'roles/editor';
    expect(() => synthIam(config)).toThrow('basic roles are granted to nobody, got "roles/editor"');
  });

  it('fails on a user: member in a binding, naming it', () => {
    const config = smallConfig();
    config.iam.bindings[1].members = ['user:alice@small.example'];
    expect(() => synthIam(config)).toThrow('member must be a group: or serviceAccount: principal, got "user:alice@small.example"');
  });

  it('fails when the break-glass group appears in a binding', () => {
    const config = smallConfig((raw) => {
      raw.iam!.breakGlass = { group: 'bg@small.example', expires: '2026-12-31T00:00:00Z', accounts: ['bg-1@small.example'] };
      raw.iam!.bindings![1].members.push('group:bg@small.example');
    });
    expect(() => synthIam(config)).toThrow('iam.bindings[1]: group:bg@small.example is the break-glass group and holds nothing except its expiring grant');
  });

  it('fails when the essential contacts leave a required category uncovered', () => {
    const config = smallConfig((raw) => {
      raw.essentialContacts = [{ email: 'sec@small.example', categories: ['SECURITY', 'TECHNICAL', 'SUSPENSION'] }];
    });
    expect(() => synthIam(config)).toThrow('essential contacts must cover LEGAL (or ALL), got SECURITY, TECHNICAL, SUSPENSION');
  });
});
