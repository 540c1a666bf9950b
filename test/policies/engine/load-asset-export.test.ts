/**
 * Cloud Asset Inventory exports as a third input kind: the ten real exports of policy-library load, in both
 * shapes gcloud writes (a JSON array and newline-delimited JSON, read line by line), plus hand-written
 * search results; grants, audit configs and the hierarchy land in the same model as Terraform input.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../../policies/check';
import { DEFAULT_PARAMS } from '../../../policies/config/adapter';
import { loadModel, loadProjectIds } from '../../../policies/engine/load';
import { MAX_LINE_BYTES } from '../../../policies/engine/load/read-text';
import type { Model } from '../../../policies/engine/model';
import { CAI_EXPORTS, fixture } from '../../support/fixtures';
import { inputErrorOf } from '../../support/input-error';

const DRIFT = fixture('cai-drift');
const NOW = new Date('2026-12-01T00:00:00Z');

/** The same assets as `gcloud asset export` writes them: one per line. */
function asNdjson(file: string): string {
  const assets = JSON.parse(readFileSync(file, 'utf8')) as object[];
  const out = join(mkdtempSync(join(tmpdir(), 'cai-')), 'export.ndjson');
  writeFileSync(out, assets.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return out;
}

function grantsOf(model: Model): string[] {
  return model.grants.map((g) => `${g.resourceId} ${g.target.level}:${g.target.id.state === 'known' ? g.target.id.value : '?'} ${g.role.state === 'known' ? g.role.value : '?'} ${g.member.state === 'known' ? g.member.value : '?'}`);
}

/** Results of the audit pack on one real export, as `rule address path`. */
function findings(name: string, allowedMemberDomains: string[] = ['google.com']): string[] {
  const run = audit(join(CAI_EXPORTS, `${name}.json`), { policy: { params: { ...DEFAULT_PARAMS, allowedMemberDomains }, suppressions: [] }, now: NOW });
  return run.evaluation.results.map((r) => `${r.ruleId} ${r.address} ${r.path ?? ''}`.trim()).sort();
}

const PROJECT_12345 = '//cloudresourcemanager.googleapis.com/projects/12345';

describe('the ten policy-library exports', () => {
  const files = readdirSync(CAI_EXPORTS).filter((f) => f.endsWith('.json')).sort();

  test('are ten', () => {
    expect(files).toHaveLength(10);
  });

  test.each(files)('%s loads as an asset export, as a JSON array and as newline-delimited JSON alike', (file) => {
    const array = loadModel(join(CAI_EXPORTS, file));
    const lines = loadModel(asNdjson(join(CAI_EXPORTS, file)));
    expect(array.kind).toBe('asset-export');
    expect(lines.kind).toBe('asset-export');
    expect(lines.resources.map((r) => [r.address, r.type, r.values])).toEqual(array.resources.map((r) => [r.address, r.type, r.values]));
    expect(grantsOf(lines)).toEqual(grantsOf(array));
  });

  test('each asset with an IAM policy becomes one authoritative policy resource named by the asset', () => {
    const policies = Object.fromEntries(files.map((f) => [f, loadModel(join(CAI_EXPORTS, f)).resources.map((r) => `${r.type} ${r.address}`)]));
    expect(policies).toEqual({
      'cmek_rotation.json': [],
      'gcp_iam_restrict_service_account_creation.json': [],
      'gcp_iam_restrict_service_account_key_age.json': [],
      'gcp_iam_restrict_service_account_key_type.json': [],
      'iam_allow_ban_roles.json': [`google_project_iam_policy ${PROJECT_12345}`],
      'iam_allowed_bindings.json': [
        `google_project_iam_policy ${PROJECT_12345}`,
        'google_storage_bucket_iam_policy //storage.googleapis.com/forseti-cai-export-23775711',
        'google_bigquery_dataset_iam_policy //bigquery.googleapis.com/projects/12345/datasets/testdataset1',
        'google_bigquery_dataset_iam_policy //bigquery.googleapis.com/projects/12345/datasets/testdataset2',
        'google_bigquery_dataset_iam_policy //bigquery.googleapis.com/projects/12345/datasets/testdataset3',
        'google_bigquery_dataset_iam_policy //bigquery.googleapis.com/projects/12345/datasets/testdataset4',
      ],
      'iam_allowed_policy_member_domains.json': ['google_project_iam_policy //cloudresourcemanager.googleapis.com/projects/186783260185', `google_project_iam_policy ${PROJECT_12345}`],
      'iam_audit_log.json': [
        'google_project_iam_policy //cloudresourcemanager.googleapis.com/projects/good',
        'google_project_iam_policy //cloudresourcemanager.googleapis.com/projects/wrong-service',
        'google_project_iam_policy //cloudresourcemanager.googleapis.com/projects/unexpected-exemption',
        'google_project_iam_policy //cloudresourcemanager.googleapis.com/projects/wrong-log-type',
        'google_storage_bucket_iam_policy //cloudresourcemanager.googleapis.com/projects/ignore-asset-type',
      ],
      'iam_custom_role_permissions.json': [],
      'iam_required_bindings.json': [
        `google_project_iam_policy ${PROJECT_12345}`,
        'google_storage_bucket_iam_policy //storage.googleapis.com/forseti-cai-export-23775711',
        'google_project_iam_policy //cloudresourcemanager.googleapis.com/projects/12345-2',
      ],
    });
  });

  test('grants keep their member, role and kind: policy, on the project or resource of the asset', () => {
    const model = loadModel(join(CAI_EXPORTS, 'iam_allowed_bindings.json'));
    expect(model.grants.every((g) => g.kind === 'policy' && g.action === 'no-op')).toBe(true);
    expect(grantsOf(model).filter((g) => g.includes('testdataset1') || g.includes('forseti'))).toEqual([
      '//storage.googleapis.com/forseti-cai-export-23775711 resource:forseti-cai-export-23775711 roles/owner user:powerful@google.com',
      '//storage.googleapis.com/forseti-cai-export-23775711 resource:forseti-cai-export-23775711 roles/owner group:admins@google.com',
      '//storage.googleapis.com/forseti-cai-export-23775711 resource:forseti-cai-export-23775711 roles/viewer user:okay@google.com',
      '//bigquery.googleapis.com/projects/12345/datasets/testdataset1 resource:projects/12345/datasets/testdataset1 roles/bigquery.dataViewer user:user@gmail.com',
      '//bigquery.googleapis.com/projects/12345/datasets/testdataset1 resource:projects/12345/datasets/testdataset1 roles/bigquery.dataOwner user:admin@gmail.com',
    ]);
  });

  test('basic roles, public principals and non-corporate members are reported at their asset names', () => {
    expect(findings('iam_allow_ban_roles')).toEqual(
      [
        ...[0, 1, 2].map((m) => `iam-no-basic-roles ${PROJECT_12345} policy_data.bindings.1.members.${m}`),
        ...[0, 1, 2].map((m) => `iam-no-basic-roles ${PROJECT_12345} policy_data.bindings.2.members.${m}`),
        `iam-no-public-principals ${PROJECT_12345} policy_data.bindings.2.members.0`,
        `iam-no-public-principals ${PROJECT_12345} policy_data.bindings.2.members.1`,
        // user:bad@notgoogle.com and user:evil@notgoogle.com
        `iam-allowed-member-domains ${PROJECT_12345} policy_data.bindings.0.members.0`,
        `iam-allowed-member-domains ${PROJECT_12345} policy_data.bindings.1.members.2`,
        ...['0.members.0', '1.members.0', '1.members.2', '2.members.2'].map((m) => `iam-no-user-principals ${PROJECT_12345} policy_data.bindings.${m}`),
        `iam-no-project-sa-impersonation ${PROJECT_12345} policy_data.bindings.0.members.0`,
        `iam-no-project-sa-impersonation ${PROJECT_12345} policy_data.bindings.0.members.1`,
        // The export holds no organization policy, so no organization audit config either.
        'logging-audit-config-complete logging-audit-config-complete',
      ].sort(),
    );
  });

  test('gmail and googlegroups members of the datasets are foreign to google.com', () => {
    const foreign = findings('iam_allowed_bindings').filter((f) => f.startsWith('iam-allowed-member-domains //bigquery'));
    expect(foreign).toEqual(
      [1, 2, 3, 4].flatMap((d) => [0, 1].map((b) => `iam-allowed-member-domains //bigquery.googleapis.com/projects/12345/datasets/testdataset${d} policy_data.bindings.${b}.members.0`)),
    );
  });

  test('a domain: member and Google service accounts are allowed, a subdomain user is not', () => {
    expect(findings('iam_allowed_policy_member_domains').filter((f) => f.startsWith('iam-allowed-member-domains'))).toEqual([
      `iam-allowed-member-domains ${PROJECT_12345} policy_data.bindings.0.members.0`,
      `iam-allowed-member-domains ${PROJECT_12345} policy_data.bindings.1.members.0`,
      `iam-allowed-member-domains ${PROJECT_12345} policy_data.bindings.2.members.0`,
    ]);
  });

  test('audit exemptions are reported at the projects that make them, numeric log types by name', () => {
    const run = audit(join(CAI_EXPORTS, 'iam_audit_log.json'), { now: NOW });
    const audits = run.evaluation.results.filter((r) => r.ruleId === 'logging-audit-config-complete').map((r) => [r.address, r.messageId, r.path, r.message]);
    expect(audits).toEqual([
      [
        '//cloudresourcemanager.googleapis.com/projects/good',
        'exempted-members',
        'policy_data.auditConfigs.0.auditLogConfigs.1.exemptedMembers',
        'Audit config exempts members from DATA_READ audit logs: their actions leave no trace.',
      ],
      [
        '//cloudresourcemanager.googleapis.com/projects/unexpected-exemption',
        'exempted-members',
        'policy_data.auditConfigs.0.auditLogConfigs.0.exemptedMembers',
        'Audit config exempts members from DATA_WRITE audit logs: their actions leave no trace.',
      ],
      ['logging-audit-config-complete', 'missing', undefined, 'No organization-level audit config (google_organization_iam_audit_config) for allServices.'],
    ]);
  });
});

describe('hand-written exports of one organization', () => {
  test('newline-delimited, search results: the same grants; projects by number until mapped', () => {
    const exported = loadModel(join(DRIFT, 'export.ndjson'));
    const searched = loadModel(join(DRIFT, 'search-all.json'));
    expect(grantsOf(searched)).toEqual(grantsOf(exported));
    expect(exported.grants.filter((g) => g.target.level === 'project').map((g) => g.target.id)).toContainEqual({ state: 'known', value: '111111111111' });
  });

  test('ancestors place every asset in the hierarchy', () => {
    const model = loadModel(join(DRIFT, 'export.ndjson'), { projectIds: new Map([['111111111111', 'example-app-prd']]) });
    expect([...model.hierarchy.values()].map((n) => [n.key, n.kind, n.parent ?? null, n.resourceId ?? null])).toEqual([
      ['organizations/123456789012', 'organization', null, '//cloudresourcemanager.googleapis.com/organizations/123456789012'],
      ['folders/345678901234', 'folder', 'organizations/123456789012', '//cloudresourcemanager.googleapis.com/folders/345678901234'],
      ['projects/example-app-prd', 'project', 'folders/345678901234', '//cloudresourcemanager.googleapis.com/projects/111111111111'],
    ]);
  });

  test('audit configs of an organization policy reach the audit-config rule: all three types, one exemption', () => {
    const run = audit(join(DRIFT, 'export.ndjson'), { now: NOW });
    expect(run.evaluation.results.filter((r) => r.ruleId === 'logging-audit-config-complete').map((r) => [r.address, r.messageId, r.path])).toEqual([
      ['//cloudresourcemanager.googleapis.com/organizations/123456789012', 'exempted-members', 'policy_data.auditConfigs.0.auditLogConfigs.2.exemptedMembers'],
    ]);
  });

  test.each([
    ['gcloud projects list --format=json', 'projects.json'],
    ['a --content-type=resource export', 'resources.ndjson'],
  ])('project numbers map to ids through %s', (_what, file) => {
    const ids = loadProjectIds(join(DRIFT, file));
    expect([...ids]).toEqual([['111111111111', 'example-app-prd']]);
    const model = loadModel(join(DRIFT, 'export.ndjson'), { projectIds: ids });
    expect(model.grants.filter((g) => g.target.level === 'project').map((g) => g.target.id.state === 'known' && g.target.id.value)).toEqual(Array(6).fill('example-app-prd'));
  });

  test('project numbers map to ids through the config', () => {
    const declared = { organizationId: '123456789012', folders: [], projects: [{ id: 'example-app-prd', folder: 'apps', number: '111111111111' }] };
    const model = loadModel(join(DRIFT, 'search-all.json'), { declared });
    expect(model.hierarchy.get('projects/example-app-prd')?.resourceId).toBe('//cloudresourcemanager.googleapis.com/projects/111111111111');
  });

  test('project numbers map through Project assets of a resource export in the same input', () => {
    const text = readFileSync(join(DRIFT, 'resources.ndjson'), 'utf8') + readFileSync(join(DRIFT, 'export.ndjson'), 'utf8');
    const model = loadModel({ text, name: 'both.ndjson' });
    expect(model.hierarchy.has('projects/example-app-prd')).toBe(true);
  });
});

describe('bad exports: one line, where, never a pass', () => {
  function write(text: string, name = 'export.ndjson'): string {
    const file = join(mkdtempSync(join(tmpdir(), 'cai-bad-')), name);
    writeFileSync(file, text);
    return file;
  }
  const asset = JSON.stringify({ name: '//cloudresourcemanager.googleapis.com/projects/p1', asset_type: 'cloudresourcemanager.googleapis.com/Project', iam_policy: { bindings: [] } });

  test('a line that is not JSON names its line', () => {
    const file = write(`${asset}\n{"name": broken\n`);
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: line 2: not valid JSON`);
  });

  test('a line that is not an asset names its line', () => {
    const file = write(`${asset}\n{"name":"x"}\n`);
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: line 2: not a Cloud Asset Inventory asset (expected an object with name and asset_type)`);
  });

  test('members that are not strings', () => {
    const file = write(`${JSON.stringify({ name: '//x/y', asset_type: 'storage.googleapis.com/Bucket', iam_policy: { bindings: [{ role: 'roles/x', members: [1] }] } })}\n`);
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: line 1: bindings.0.members holds a number, expected strings only`);
  });

  test('an unknown log type', () => {
    const file = write(`${JSON.stringify({ name: '//x/y', asset_type: 'cloudresourcemanager.googleapis.com/Project', iam_policy: { audit_configs: [{ service: 'allServices', audit_log_configs: [{ log_type: 7 }] }] } })}\n`);
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: line 1: audit_configs.0.audit_log_configs.0.log_type is "7", expected ADMIN_READ, DATA_WRITE, DATA_READ or 1, 2, 3`);
  });

  // Every field the loader reads from an IAM policy, wrong in one way each: the error names the line and the field.
  const bucket = (iamPolicy: unknown, extra: object = {}) => JSON.stringify({ name: '//storage.googleapis.com/b', asset_type: 'storage.googleapis.com/Bucket', iam_policy: iamPolicy, ...extra });
  const audited = (logs: unknown) => bucket({ audit_configs: [{ service: 'allServices', audit_log_configs: logs }] });
  const bound = (condition: unknown) => bucket({ bindings: [{ role: 'roles/x', members: ['group:a@example.com'], condition }] });
  test.each([
    ['iam_policy of another type', bucket(7), 'iam_policy is a number, expected an object'],
    ['bindings that are not a list', bucket({ bindings: { role: 'roles/x' } }), 'bindings is an object, expected a list'],
    ['a binding that is not an object', bucket({ bindings: [7] }), 'bindings.0 has no role string'],
    ['a binding whose role is not a string', bucket({ bindings: [{ role: 5, members: [] }] }), 'bindings.0 has no role string'],
    ['members that are not a list', bucket({ bindings: [{ role: 'roles/x', members: 'group:a@example.com' }] }), 'bindings.0.members is a string, expected a list of strings'],
    ['a condition that is not an object', bound('request.time < timestamp("2027-01-01T00:00:00Z")'), 'bindings.0.condition is a string, expected an object'],
    ['a condition title that is not a string', bound({ title: 5 }), 'bindings.0.condition.title is a number, expected a string'],
    ['a condition expression that is not a string', bound({ expression: ['true'] }), 'bindings.0.condition.expression is an array, expected a string'],
    ['a condition description that is not a string', bound({ description: true }), 'bindings.0.condition.description is a boolean, expected a string'],
    ['audit configs that are not a list', bucket({ audit_configs: { service: 'allServices' } }), 'audit_configs is an object, expected a list'],
    ['an audit config without a service', bucket({ audit_configs: [{ audit_log_configs: [] }] }), 'audit_configs.0 has no service string'],
    ['an audit config that is not an object', bucket({ auditConfigs: ['allServices'] }), 'audit_configs.0 has no service string'],
    ['audit log configs that are not a list', audited({ log_type: 1 }), 'audit_configs.0.audit_log_configs is an object, expected a list'],
    ['an audit log config that is not an object', audited([1]), 'audit_configs.0.audit_log_configs.0 is a number, expected an object'],
    ['a log type by a name the API does not write', audited([{ log_type: 'admin_read' }]), 'audit_configs.0.audit_log_configs.0.log_type is "admin_read", expected ADMIN_READ, DATA_WRITE, DATA_READ or 1, 2, 3'],
    ['a log type by a number the API does not write', audited([{ log_type: 0 }]), 'audit_configs.0.audit_log_configs.0.log_type is "0", expected ADMIN_READ, DATA_WRITE, DATA_READ or 1, 2, 3'],
    ['exempted members that are not a list', audited([{ log_type: 'DATA_READ', exempted_members: 'user:a@example.com' }]), 'audit_configs.0.audit_log_configs.0.exempted_members is a string, expected a list of strings'],
    ['ancestors that are not a list', bucket({}, { ancestors: 'projects/1' }), 'ancestors is a string, expected a list of strings'],
  ])('%s', (_case, line, error) => {
    expect(inputErrorOf(() => loadModel({ text: `${line}\n`, name: 'export.ndjson' }))).toBe(`export.ndjson: line 1: ${error}`);
  });

  test.each([
    ['a project that is not a string', { project: 7 }, 'project is a number, expected a string'],
    ['folders that are not a list', { folders: 'folders/1' }, 'folders is a string, expected a list of strings'],
    ['an organization that is not a string', { organization: ['organizations/1'] }, 'organization is an array, expected a string'],
  ])('a search result with %s', (_case, extra, error) => {
    const result = { resource: '//storage.googleapis.com/b', policy: { bindings: [] }, ...extra };
    expect(inputErrorOf(() => loadModel({ text: JSON.stringify([result]), name: 'search.json' }))).toBe(`search.json: item 0: ${error}`);
  });

  test('what a well-formed policy holds: conditions, audit configs by either spelling, log types by name or number, null fields read as none', () => {
    const model = loadModel({
      text: [
        bucket({ bindings: [{ role: 'roles/x', members: ['group:a@example.com'], condition: { title: 't', expression: 'true', description: 'd' } }, { role: 'roles/y', members: null }], audit_configs: null }),
        JSON.stringify({ name: '//cloudresourcemanager.googleapis.com/projects/1', asset_type: 'cloudresourcemanager.googleapis.com/Project', iam_policy: { bindings: null, auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: ['user:a@example.com'] }, { log_type: 2 }, { log_type: 1, exempted_members: null }] }] } }),
        JSON.stringify({ name: '//cloudresourcemanager.googleapis.com/projects/2', asset_type: 'cloudresourcemanager.googleapis.com/Project', iam_policy: null }),
      ].join('\n'),
      name: 'export.ndjson',
    });
    expect(model.grants.map((g) => [g.role, g.member, g.condition])).toEqual([[{ state: 'known', value: 'roles/x' }, { state: 'known', value: 'group:a@example.com' }, { title: 't', expression: 'true', expiry: 'none' }]]);
    // The policy as the IAM API's JSON writes it, which is what policy_data holds for Terraform input.
    const policies = Object.fromEntries(model.byType('google_project_iam_policy').concat(model.byType('google_storage_bucket_iam_policy')).map((r) => [r.address, JSON.parse(r.values.policy_data as string)]));
    expect(policies).toEqual({
      '//storage.googleapis.com/b': {
        bindings: [
          { role: 'roles/x', members: ['group:a@example.com'], condition: { title: 't', expression: 'true', description: 'd' } },
          { role: 'roles/y', members: [] },
        ],
      },
      '//cloudresourcemanager.googleapis.com/projects/1': {
        bindings: [],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: ['user:a@example.com'] }, { logType: 'DATA_WRITE' }, { logType: 'ADMIN_READ' }] }],
      },
    });
  });

  test('a JSON list of something else', () => {
    const file = write('[{"projectId": "p"}]', 'list.json');
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: a JSON list that is neither Cloud Asset Inventory assets nor IAM policy search results`);
  });

  test('an empty list', () => {
    const file = write('[]', 'list.json');
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: an empty list, expected Cloud Asset Inventory assets or IAM policy search results`);
  });

  test('a line longer than MAX_LINE_BYTES fails instead of filling memory', () => {
    const file = write(`{"name":"//x/y","asset_type":"storage.googleapis.com/Bucket","pad":"${'x'.repeat(MAX_LINE_BYTES)}"}\n`);
    expect(inputErrorOf(() => loadModel(file))).toBe(`${file}: line 1 is longer than 64 MiB`);
  });

  test('a FIFO fails at once instead of waiting for a writer', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'cai-fifo-')), 'export.ndjson');
    execFileSync('mkfifo', [fifo]);
    expect(inputErrorOf(() => loadModel(fifo))).toBe(`${fifo}: cannot read input: not a regular file`);
  });

  test('audit refuses Terraform input as the export, and an export as the declaration', () => {
    const plan = write(JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, resource_changes: [] }), 'plan.json');
    expect(inputErrorOf(() => audit(plan))).toBe(`${plan}: not a Cloud Asset Inventory export (gcloud asset export --content-type=iam-policy, or gcloud asset search-all-iam-policies --format=json)`);
    const exported = join(DRIFT, 'export.ndjson');
    expect(inputErrorOf(() => audit(exported, { declared: exported }))).toBe(`${exported}: --declared takes what the code declares (cdktf.out, cdk.tf.json or a plan), not an asset export`);
  });

  test('a --projects file that names no project', () => {
    const file = write('[]', 'projects.json');
    expect(inputErrorOf(() => loadProjectIds(file))).toBe(`${file}: no project ids and numbers found (expected gcloud projects list --format=json or a --content-type=resource export)`);
  });

  test('a --projects file: which items it reads, and where a bad one is', () => {
    const project = (id: string, number: string) => JSON.stringify({ name: `//cloudresourcemanager.googleapis.com/projects/${number}`, asset_type: 'cloudresourcemanager.googleapis.com/Project', resource: { data: { projectId: id, projectNumber: number } } });
    const bucket = JSON.stringify({ name: '//storage.googleapis.com/b', asset_type: 'storage.googleapis.com/Bucket', resource: { data: { name: 'b' } } });
    // newline-delimited: blank lines and other assets skipped
    const lines = write(`\uFEFF${project('p-one', '111')}\n\n   \n${bucket}\n${project('p-two', '222')}\n`, 'resources.ndjson');
    expect([...loadProjectIds(lines)]).toEqual([['111', 'p-one'], ['222', 'p-two']]);
    const badLine = write(`${project('p-one', '111')}\n{"asset_type":"cloudresourcemanager.googleapis.com/Project","name":7\n`, 'resources.ndjson');
    expect(inputErrorOf(() => loadProjectIds(badLine))).toBe(`${badLine}: line 2: not valid JSON at position 68`);
    const list = write(JSON.stringify([{ projectId: 'p-one', projectNumber: '111' }, 7]), 'projects.json');
    expect(inputErrorOf(() => loadProjectIds(list))).toBe(`${list}: item 1: expected a project object, got a number`);
    const notList = write(JSON.stringify({ projectId: 'p' }), 'projects.json');
    expect(inputErrorOf(() => loadProjectIds(notList))).toBe(`${notList}: expected a JSON list of projects (gcloud projects list --format=json), got an object`);
  });

  test('asset lines are recognised with white space, CRLF line ends and (in a file) a byte order mark, and errors name the line', () => {
    const spaced = `{ "name" : "//storage.googleapis.com/b", "asset_type" : "storage.googleapis.com/Bucket", "iam_policy": { "bindings": [{ "role": "roles/storage.admin", "members": ["group:a@example.com"] }] } }`;
    const model = loadModel({ text: `${spaced}\r\n\r\n${asset}\r\n`, name: 'export.ndjson' });
    expect(model.grants.map((g) => [g.role, g.member])).toEqual([[{ state: 'known', value: 'roles/storage.admin' }, { state: 'known', value: 'group:a@example.com' }]]);
    const withMark = write(`\uFEFF${spaced}\n`);
    expect(loadModel(withMark).grants).toHaveLength(1);
    expect(inputErrorOf(() => loadModel({ text: `${asset}\n\n{"name": broken\n`, name: 'export.ndjson' }))).toBe('export.ndjson: line 3: not valid JSON');
    expect(inputErrorOf(() => loadModel({ text: JSON.stringify([JSON.parse(asset), 7]), name: 'list.json' }))).toBe('list.json: item 1: not a Cloud Asset Inventory asset (expected an object with name and asset_type)');
  });
});
