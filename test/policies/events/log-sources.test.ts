/**
 * Declared log sources: the cloud filter and the offline matcher name the same entries, per kind, and --coverage
 * gives each declared source its own row, a silent one first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deliveryFilterProjects,
  entryMatchesSource,
  LOG_FILTER_MAX_CHARS,
  projectDeliveryFilter,
  projectsDeliveryFilter,
  sourceFilter,
  tightProjectGroups,
  TIGHT_PROJECTS_PER_METRIC,
  type DeclaredLogSource,
} from '../../../policies/catalog/log-sources';
import { normalizeEntry } from '../../../policies/catalog/security-events';
import { CoverageCounter } from '../../../policies/events/coverage';
import { fixture } from '../../support/fixtures';

const ENTRIES = JSON.parse(readFileSync(join(fixture('log-entries'), 'gcloud-logging-read.json'), 'utf8')) as Record<string, unknown>[];
const byId = (insertId: string) => ENTRIES.find((e) => e.insertId === insertId)!;

const WORKSPACE: DeclaredLogSource = { name: 'workspace', kind: 'workspace', coupling: 'tight', silenceHours: 12 };
const GITHUB: DeclaredLogSource = { name: 'github-audit', kind: 'github-audit-stream', coupling: 'tight', silenceHours: 6, bucketName: 'gh-landing' };
const APP: DeclaredLogSource = { name: 'checkout', kind: 'logging-api', coupling: 'loose', silenceHours: 4, logId: 'checkout-api' };

/** A Cloud Storage DATA_WRITE entry for an object created in `bucket` (the shape of storage/docs/audit-logging). */
const objectCreated = (bucket: string, method = 'storage.objects.create') => ({
  logName: 'projects/example-logging-prd/logs/cloudaudit.googleapis.com%2Fdata_access',
  resource: { type: 'gcs_bucket', labels: { bucket_name: bucket, project_id: 'example-logging-prd' } },
  protoPayload: { serviceName: 'storage.googleapis.com', methodName: method, resourceName: `projects/_/buckets/${bucket}/objects/2026/11/30/00/a.json.gz` },
});

describe('log sources', () => {
  test('workspace: sign-ins and Admin entries are its own; other audit entries are not', () => {
    expect(sourceFilter(WORKSPACE)).toBe('(protoPayload.serviceName="login.googleapis.com" OR protoPayload.serviceName="admin.googleapis.com")');
    expect(entryMatchesSource(byId('cxlg8ze9z8y7'), WORKSPACE)).toBe(true);
    expect(entryMatchesSource({ logName: 'organizations/1/logs/cloudaudit.googleapis.com%2Factivity', protoPayload: { serviceName: 'admin.googleapis.com' } }, WORKSPACE)).toBe(true);
    expect(entryMatchesSource(byId('-x7k2f1d3b9a'), WORKSPACE)).toBe(false);
  });

  test('github-audit-stream: an object created in its landing bucket, not a read or another bucket', () => {
    expect(sourceFilter(GITHUB)).toBe(
      'protoPayload.serviceName="storage.googleapis.com" AND protoPayload.methodName="storage.objects.create" AND resource.type="gcs_bucket" AND resource.labels.bucket_name="gh-landing"',
    );
    expect(entryMatchesSource(objectCreated('gh-landing'), GITHUB)).toBe(true);
    expect(entryMatchesSource(objectCreated('gh-landing', 'storage.objects.get'), GITHUB)).toBe(false);
    expect(entryMatchesSource(objectCreated('other-bucket'), GITHUB)).toBe(false);
  });

  test('logging-api: the log id it writes, decoded, and nothing else', () => {
    expect(sourceFilter(APP)).toBe('log_id("checkout-api")');
    expect(entryMatchesSource(byId('app-0001'), APP)).toBe(true);
    expect(entryMatchesSource({ logName: 'projects/p/logs/checkout-api-v2' }, APP)).toBe(false);
  });

  test('a filter quotes what it names, and a source without its bucket or log id is refused', () => {
    expect(sourceFilter({ ...APP, logId: 'a"b' })).toBe('log_id("a\\"b")');
    expect(() => sourceFilter({ ...GITHUB, bucketName: undefined })).toThrow('log source "github-audit" (github-audit-stream) needs bucketName, got none');
    expect(projectDeliveryFilter('example-app-prd')).toBe('logName:"projects/example-app-prd/logs/"');
  });

  test('tight-coupled projects: groups of at most 300, sorted by id whatever the config order, duplicates once', () => {
    const ids = Array.from({ length: 601 }, (_, i) => `p-${String(600 - i).padStart(3, '0')}`);
    const groups = tightProjectGroups([...ids, 'p-000']);
    expect(groups.map((g) => g.length)).toEqual([300, 300, 1]);
    expect([groups[0][0], groups[0][299], groups[1][0], groups[2][0]]).toEqual(['p-000', 'p-299', 'p-300', 'p-600']);
    expect(tightProjectGroups([])).toEqual([]);
  });

  test('a group of 300 projects with the longest ids GCP allows (30 characters) stays within the 20,000-character filter limit', () => {
    const longest = Array.from({ length: TIGHT_PROJECTS_PER_METRIC }, (_, i) => `p${String(i).padStart(29, '0')}`);
    expect(longest[0]).toHaveLength(30);
    expect(projectsDeliveryFilter(longest).length).toBeLessThanOrEqual(LOG_FILTER_MAX_CHARS);
  });

  test("a group's filter names each project's logs, and reads back as exactly those projects; other filters do not", () => {
    expect(projectsDeliveryFilter(['a-prd', 'b-prd'])).toBe('(logName:"projects/a-prd/logs/" OR logName:"projects/b-prd/logs/")');
    expect(projectsDeliveryFilter(['a-prd'])).toBe(projectDeliveryFilter('a-prd'));
    expect(deliveryFilterProjects(projectsDeliveryFilter(['a-prd', 'b-prd']))).toEqual(['a-prd', 'b-prd']);
    expect(deliveryFilterProjects(projectDeliveryFilter('a-prd'))).toEqual(['a-prd']);
    expect(deliveryFilterProjects('(logName:"projects/a-prd/logs/" OR severity>=ERROR)')).toBeUndefined();
    expect(deliveryFilterProjects('logName:"projects/a-prd/logs/" AND severity>=ERROR')).toBeUndefined();
    expect(deliveryFilterProjects(sourceFilter(WORKSPACE))).toBeUndefined();
  });

  test('coverage: each declared source is one row with its coupling, a silent one first, the rest by log id', () => {
    const counter = new CoverageCounter([GITHUB, WORKSPACE, APP]);
    for (const entry of ENTRIES) counter.add(entry, normalizeEntry(entry).present);
    const rows = counter.result();
    expect(rows[0]).toMatchObject({ logId: '', source: { name: 'github-audit', kind: 'github-audit-stream', coupling: 'tight' }, entries: 0, mean: 0 });
    expect(rows.filter((r) => r.source).map((r) => [r.source!.name, r.source!.coupling, r.entries])).toEqual([
      ['github-audit', 'tight', 0],
      ['checkout', 'loose', 2],
      ['workspace', 'tight', 2],
    ]);
    // Every entry is counted once: under its source, or under its log id
    expect(rows.reduce((sum, r) => sum + r.entries, 0)).toBe(ENTRIES.length);
  });
});
