/**
 * `baseline audit` as a user runs it: the real process on hand-written exports of one organization in both
 * shapes gcloud writes, against a declared cdk.tf.json; drift both ways, SARIF, exit codes, bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { fixture } from '../support/fixtures';
import { baseline } from './run-baseline';

const DRIFT = fixture('cai-drift');
const EXPORT = join(DRIFT, 'export.ndjson');
const SEARCH = join(DRIFT, 'search-all.json');
const DECLARED = join(DRIFT, 'declared.cdk.tf.json');
const PROJECTS = join(DRIFT, 'projects.json');
const PROJECT_ASSET = '//cloudresourcemanager.googleapis.com/projects/111111111111';

type Row = [rule: string, where: string | undefined, messageId: unknown, level: string | undefined, role: unknown, member: unknown];

function driftOf(stdout: string): Row[] {
  const log = JSON.parse(stdout) as Sarif.Log;
  return log.runs[0]!.results!.filter((r) => r.ruleId!.startsWith('access-')).map((r) => [
    r.ruleId!,
    r.locations![0]!.logicalLocations![0]!.fullyQualifiedName,
    r.properties!.messageId,
    r.level,
    r.properties!.role,
    r.properties!.member,
  ]);
}

/** The drift the fixtures hold on purpose (test/fixtures/cai-drift/README.md). */
const EXPECTED_DRIFT: Row[] = [
  ['access-undeclared-grant', PROJECT_ASSET, 'undeclared', 'error', 'roles/owner', 'user:contractor@example.com'],
  ['access-undeclared-grant', PROJECT_ASSET, 'undeclared', 'error', 'roles/run.admin', 'group:gcp-platform-admins@example.com'],
  ['access-declared-missing', PROJECT_ASSET, 'missing', 'warning', 'roles/run.admin', 'group:gcp-platform-admins@example.com'],
  ['access-declared-missing', PROJECT_ASSET, 'missing', 'warning', 'roles/logging.viewer', 'group:gcp-auditors@example.com'],
  ['access-undeclared-grant', PROJECT_ASSET, 'deleted-member', 'note', 'roles/owner', 'deleted:user:former@example.com?uid=123456789012345678901'],
  ['access-undeclared-grant', PROJECT_ASSET, 'service-agent', 'note', 'roles/run.serviceAgent', 'serviceAccount:service-111111111111@serverless-robot-prod.iam.gserviceaccount.com'],
  ['access-undeclared-grant', '//storage.googleapis.com/example-app-data', 'undeclared', 'note', 'roles/storage.objectViewer', 'allUsers'],
];

function sorted(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^baseline: .+\n$/);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('baseline audit --declared', () => {
  test.each([
    ['newline-delimited export', EXPORT],
    ['search-all-iam-policies list', SEARCH],
  ])('reports drift both ways on a %s, with the asset name and role and member in SARIF', (_shape, input) => {
    const run = baseline(['audit', input, '--declared', DECLARED, '--projects', PROJECTS, '--format', 'sarif']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(sorted(driftOf(run.stdout))).toEqual(sorted(EXPECTED_DRIFT));
  });

  test('without a project mapping, grants on a project number cannot be compared and say so', () => {
    const run = baseline(['audit', EXPORT, '--declared', DECLARED, '--format', 'sarif']);
    expect(run.status).toBe(1);
    const rows = driftOf(run.stdout);
    expect(rows.filter((r) => r[2] === 'project-unmapped').map((r) => r[4])).toEqual(['roles/run.developer', 'roles/run.admin', 'roles/run.invoker', 'roles/owner']);
    // The declared project grants then have no live policy to sit on.
    expect(rows.filter((r) => r[0] === 'access-declared-missing').map((r) => [r[1], r[4]])).toEqual([
      ['access-declared-missing', 'roles/run.developer'],
      ['access-declared-missing', 'roles/run.admin'],
      ['access-declared-missing', 'roles/run.invoker'],
      ['access-declared-missing', 'roles/logging.viewer'],
    ]);
  });

  test('passes (exit 0) when the live organization is what the code declares', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-clean-'));
    const live = join(dir, 'export.ndjson');
    const declared = join(dir, 'cdk.tf.json');
    const organization = {
      name: '//cloudresourcemanager.googleapis.com/organizations/123456789012',
      asset_type: 'cloudresourcemanager.googleapis.com/Organization',
      ancestors: ['organizations/123456789012'],
      iam_policy: { audit_configs: [{ service: 'allServices', audit_log_configs: [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_READ' }, { log_type: 'DATA_WRITE' }] }] },
    };
    writeFileSync(
      live,
      `${JSON.stringify(organization)}\n${JSON.stringify({ name: '//cloudresourcemanager.googleapis.com/projects/example-app-prd', asset_type: 'cloudresourcemanager.googleapis.com/Project', ancestors: ['projects/example-app-prd', 'organizations/123456789012'], iam_policy: { bindings: [{ role: 'roles/run.developer', members: ['group:GCP-Developers@example.com'] }] } })}\n`,
    );
    writeFileSync(declared, JSON.stringify({ resource: { google_project_iam_member: { dev: { project: 'example-app-prd', role: 'roles/run.developer', member: 'group:gcp-developers@example.com' } } } }));
    const run = baseline(['audit', live, '--declared', declared, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { results: unknown[] }).results).toEqual([]);
  });

  test('reads search results from stdin', () => {
    const run = baseline(['audit', '-', '--declared', DECLARED, '--projects', PROJECTS, '--format', 'sarif'], { stdin: readFileSync(SEARCH, 'utf8') });
    expect(run.status).toBe(1);
    expect(sorted(driftOf(run.stdout))).toEqual(sorted(EXPECTED_DRIFT));
  });
});

describe('baseline audit on bad input', () => {
  test('a plan is not an export: exit 2, one line', () => {
    const run = baseline(['audit', DECLARED]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr);
    expect(run.stderr).toBe(`baseline: ${DECLARED}: not a Cloud Asset Inventory export (gcloud asset export --content-type=iam-policy, or gcloud asset search-all-iam-policies --format=json)\n`);
  });

  test('a --projects file that is not a project list: exit 2, one line', () => {
    const run = baseline(['audit', EXPORT, '--projects', DECLARED]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`baseline: ${DECLARED}: expected a JSON list of projects (gcloud projects list --format=json), got an object\n`);
  });

  test('a missing export: exit 2, one line', () => {
    const run = baseline(['audit', join(DRIFT, 'nope.ndjson')]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr);
  });
});
