import { OrgAuditConfig, type OrgAuditConfigProps } from '../../../constructs/audit/org-audit-config';
import { loadConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import { only, synthScope, type SynthDoc } from '../logging/synth-lookup';

const ALL_THREE = [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_READ' }, { log_type: 'DATA_WRITE' }];
const REASON = 'Data Access logs here cost more than they are worth.';

/** Folder names as the hierarchy stack would give them once applied (on its own, the construct takes any `folders/<id>`). */
const FOLDER_NAMES = new Map([
  ['production', 'folders/1001'],
  ['non-production', 'folders/1002'],
  ['shared', 'folders/1003'],
]);

function exampleProps(narrowing: OrgAuditConfigProps['narrowing'] = []): OrgAuditConfigProps {
  const config = loadConfig(EXAMPLE_CONFIG);
  return { organizationId: config.organization.id, folders: config.folders, folderNames: FOLDER_NAMES, projects: config.projects, narrowing };
}

/** Every audit config resource in the document, by type. */
function auditConfigs(doc: SynthDoc): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    Object.entries(doc.resource ?? {})
      .filter(([type]) => type.endsWith('_iam_audit_config'))
      .map(([type, byName]) => [type, Object.values(byName)]),
  );
}

describe('OrgAuditConfig', () => {
  it('writes allServices with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members at the org, and nothing else (CIS 2.1)', () => {
    // GIVEN the example org (no narrowing) WHEN synthesized
    const { doc, text } = synthScope((scope) => new OrgAuditConfig(scope, 'Audit', exampleProps()));
    // THEN exactly one audit config exists
    expect(auditConfigs(doc)).toEqual({
      google_organization_iam_audit_config: [{ org_id: '123456789012', service: 'allServices', audit_log_config: ALL_THREE }],
    });
    expect(text).not.toContain('exempted_members');
    expect(doc.data).toBeUndefined();
  });

  it('narrows a folder with org, folder and project configs whose union is what config says', () => {
    // GIVEN non-production narrowed to ADMIN_READ, with a tight project added to it
    const props = exampleProps([{ folder: 'non-production', logTypes: ['ADMIN_READ'], reason: REASON }]);
    const withTight = { ...props, projects: [...props.projects, { key: 'np-data', id: 'example-np-data', folder: 'non-production', coupling: 'tight' as const }] };
    // WHEN
    const { doc, text } = synthScope((scope) => new OrgAuditConfig(scope, 'Audit', withTight));
    // THEN the org keeps ADMIN_READ, the other two folders (named as given) get all three,
    // and the tight project in the narrowed folder keeps all three
    expect(auditConfigs(doc)).toEqual({
      google_organization_iam_audit_config: [{ org_id: '123456789012', service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }] }],
      google_folder_iam_audit_config: [
        { folder: 'folders/1001', service: 'allServices', audit_log_config: ALL_THREE },
        { folder: 'folders/1003', service: 'allServices', audit_log_config: ALL_THREE },
      ],
      google_project_iam_audit_config: [{ project: 'example-np-data', service: 'allServices', audit_log_config: ALL_THREE }],
    });
    // Folders are never looked up by display name.
    expect(doc.data).toBeUndefined();
    expect(text).not.toContain('exempted_members');
  });

  it('exposes the org config as its main resource', () => {
    let audit: OrgAuditConfig | undefined;
    const { doc } = synthScope((scope) => {
      audit = new OrgAuditConfig(scope, 'Audit', exampleProps());
    });
    expect(only(doc, 'google_organization_iam_audit_config')).toBeDefined();
    expect(Object.keys(doc.resource?.google_organization_iam_audit_config ?? {})).toEqual([audit!.orgConfig.friendlyUniqueId]);
  });

  it('writes no folder config and needs no folder names when no folder is narrowed', () => {
    const { doc } = synthScope((scope) => new OrgAuditConfig(scope, 'Audit', { ...exampleProps(), folderNames: undefined }));
    expect(Object.keys(auditConfigs(doc))).toEqual(['google_organization_iam_audit_config']);
  });

  it('fails when a folder needs a config but folderNames does not name it, listing the names given', () => {
    const props = exampleProps([{ folder: 'non-production', logTypes: ['ADMIN_READ'], reason: REASON }]);
    const withoutShared = new Map([...FOLDER_NAMES].filter(([key]) => key !== 'shared'));
    expect(() => synthScope((scope) => new OrgAuditConfig(scope, 'Audit', { ...props, folderNames: withoutShared }))).toThrow(
      'folder "shared" needs an audit config but folderNames has no entry for it; given: production, non-production',
    );
    expect(() => synthScope((scope) => new OrgAuditConfig(scope, 'Audit', { ...props, folderNames: undefined }))).toThrow(
      'folder "production" needs an audit config but folderNames has no entry for it; given: none',
    );
  });

  it('fails at synth on a per-service narrowing allServices would override, naming the config path', () => {
    const props = exampleProps([{ service: 'storage.googleapis.com', logTypes: ['ADMIN_READ', 'DATA_WRITE'], reason: REASON }]);
    expect(() => synthScope((scope) => new OrgAuditConfig(scope, 'Audit', props))).toThrow(
      'audit.narrowing[0].service: cannot narrow "storage.googleapis.com" to ADMIN_READ, DATA_WRITE',
    );
  });
});
