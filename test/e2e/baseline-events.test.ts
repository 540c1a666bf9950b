/**
 * `baseline events` as a user runs it: the real process on the sample entries in both shapes gcloud and
 * Cloud Storage write, from a file and from stdin; --coverage; bad input (one line naming the line, exit 2)
 * and --skip-invalid.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_CONFIG } from '../../config/example';
import { fixture } from '../support/fixtures';
import { baseline } from './run-baseline';

const ARRAY = fixture('log-entries', 'gcloud-logging-read.json');
const NDJSON = fixture('log-entries', 'cloud-storage-export.ndjson');
const SAMPLES = 12;

const lines = (stdout: string) => stdout.trimEnd().split('\n');
const events = (stdout: string) => lines(stdout).map((l) => JSON.parse(l) as Record<string, any>);

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'events-')), name);
  writeFileSync(file, text);
  return file;
}

function expectOneLineError(stderr: string, line: RegExp): void {
  expect(stderr).toMatch(/^baseline: .+\n$/);
  expect(stderr).toMatch(line);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('baseline events', () => {
  const fromArray = baseline(['events', ARRAY, '--config', EXAMPLE_CONFIG]);

  test('maps every sample entry of a gcloud JSON array, one event per line, in order', () => {
    expect(fromArray.stderr).toBe('');
    expect(fromArray.status).toBe(0);
    expect(events(fromArray.stdout).map((e) => [e.metadata.uid, e.class_name, e.status])).toEqual([
      ['-x7k2f1d3b9a', 'API Activity', 'Success'],
      ['1d9ffe2c0a11', 'API Activity', 'Failure'],
      ['1x0aq3de4f5g', 'API Activity', 'Success'],
      ['-4kfx8wd2nmq', 'API Activity', 'Success'],
      ['b6a1c2d3e4f5', 'API Activity', 'Failure'],
      ['cxlg8ze1a2b3', 'Authentication', 'Success'],
      ['cxlg8ze9z8y7', 'Authentication', 'Failure'],
      ['1pq0m7rg3h4j5k', 'Network Activity', undefined],
      ['9sx1d2f3g4h5', 'Network Activity', 'Failure'],
      ['app-0001', 'Authentication', 'Failure'],
      ['app-0002', 'Authentication', 'Success'],
      ['sys-77aa', 'Other', undefined],
    ]);
  });

  test('the newline-delimited export and stdin give the same events as the array', () => {
    const fromLines = baseline(['events', NDJSON, '--config', EXAMPLE_CONFIG]);
    const fromStdin = baseline(['events', '-', '--config', EXAMPLE_CONFIG], { stdin: readFileSync(ARRAY, 'utf8') });
    expect([fromLines.status, fromStdin.status]).toEqual([0, 0]);
    expect(fromLines.stdout).toBe(fromArray.stdout);
    expect(fromStdin.stdout).toBe(fromArray.stdout);
  });

  test('--format json writes one JSON array of the same events', () => {
    const run = baseline(['events', NDJSON, '--format', 'json', '--config', EXAMPLE_CONFIG]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(events(fromArray.stdout));
  });

  test('no payload body or secret of the samples reaches the output', () => {
    for (const secret of ['must-never-appear-in-output', 'BwYbQm9yV2E=', 'policyDelta', 'login_failure_invalid_password']) expect(fromArray.stdout).not.toContain(secret);
  });

  test('--coverage lists each log source with the share of entries carrying each context field, the shortest first', () => {
    const run = baseline(['events', NDJSON, '--coverage', '--format', 'json']);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { logId: string; entries: number; shares: Record<string, number> }[];
    expect(rows.map((r) => [r.logId, r.entries])).toEqual([
      ['checkout-api', 2],
      ['syslog', 1],
      ['compute.googleapis.com/vpc_flows', 1],
      ['compute.googleapis.com/firewall', 1],
      ['cloudaudit.googleapis.com/system_event', 1],
      ['cloudaudit.googleapis.com/data_access', 3],
      ['cloudaudit.googleapis.com/activity', 2],
      ['cloudaudit.googleapis.com/policy', 1],
    ]);
    const dataAccess = rows.find((r) => r.logId === 'cloudaudit.googleapis.com/data_access')!;
    expect(dataAccess.shares).toEqual({
      'actor.user.email_addr': 1,
      'src_endpoint.ip': 1,
      'http_request.user_agent': 1 / 3,
      'api.operation': 1,
      'api.service.name': 1,
      'resources[0].name': 1,
      'cloud.project_uid': 1 / 3,
      status: 1,
    });
  });

  test('--coverage as text: a header, then one row per source; a declared source without entries first, as silent', () => {
    const run = baseline(['events', ARRAY, '--coverage', '--config', EXAMPLE_CONFIG]);
    expect(run.status).toBe(0);
    const table = lines(run.stdout);
    expect(table[0]).toMatch(/^source +coupling +entries +actor\.user\.email_addr +src_endpoint\.ip /);
    // 3 declared sources (workspace, github-audit, checkout-api) and the 7 log ids the rest came under
    expect(table).toHaveLength(1 + 10);
    // GIVEN no sample is a GitHub stream write THEN the GitHub source leads, silent
    expect(table[1]).toMatch(/^github-audit +tight +0( +silent){8}$/);
    expect(table[2]).toMatch(/^syslog +- +1 +0% +0%/);
    // With its mapping the application log carries its context, under the source that declares it.
    expect(table.find((l) => l.startsWith('checkout-api'))).toMatch(/^checkout-api +tight +2 +100% +100% +50% +100% +0% +0% +100% +100%$/);
    // The two Google sign-ins are the workspace source's, no longer rows of the data_access log.
    expect(table.find((l) => l.startsWith('workspace'))).toMatch(/^workspace +tight +2 /);
    expect(table.find((l) => l.startsWith('cloudaudit.googleapis.com/data_access'))).toMatch(/^cloudaudit\.googleapis\.com\/data_access +- +1 /);
  });

  test('--coverage --format json: declared sources carry their name, kind, coupling and the log ids their entries came under', () => {
    const run = baseline(['events', NDJSON, '--coverage', '--format', 'json', '--config', EXAMPLE_CONFIG]);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { logId: string; source?: Record<string, string>; entries: number }[];
    expect(rows.filter((r) => r.source).map((r) => [r.source, r.logId, r.entries])).toEqual([
      [{ name: 'github-audit', kind: 'github-audit-stream', coupling: 'tight' }, '', 0],
      [{ name: 'checkout-api', kind: 'logging-api', coupling: 'tight' }, 'checkout-api', 2],
      [{ name: 'workspace', kind: 'workspace', coupling: 'tight' }, 'cloudaudit.googleapis.com/data_access', 2],
    ]);
  });

  test.each([
    ['a line that is not JSON', 'bad.ndjson', (t: string) => t.replace(/\n/, '\n{"logName": "x", oops\n'), /: line 2: not JSON \(--skip-invalid skips such entries\)\n$/],
    ['a JSON value that is not a LogEntry', 'bad.ndjson', (t: string) => `${t}[1, 2]\n`, /: line 13: not a LogEntry: expected a JSON object, got an array/],
    ['an entry without a log name', 'bad.ndjson', (t: string) => `${t}{"timestamp": "2026-11-30T00:00:00Z"}\n`, /: line 13: not a LogEntry: no logName/],
  ])('fails with exit 2 on %s, naming the line', (_what, name, corrupt, message) => {
    const run = baseline(['events', tempFile(name, corrupt(readFileSync(NDJSON, 'utf8')))]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, message);
  });

  test('fails with exit 2 on a truncated gcloud array, naming where the open entry starts', () => {
    const text = readFileSync(ARRAY, 'utf8');
    const run = baseline(['events', tempFile('cut.json', text.slice(0, text.indexOf('"insertId": "9sx1d2f3g4h5"')))]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /cut\.json: line \d+: truncated: the entry that starts on line \d+ does not end/);
  });

  test('--skip-invalid maps the rest and counts what it skipped on stderr', () => {
    const text = readFileSync(NDJSON, 'utf8');
    const file = tempFile('mixed.ndjson', `not json\n${text}42\n`);
    const run = baseline(['events', file, '--skip-invalid']);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(SAMPLES);
    expect(run.stderr).toBe(`baseline: ${file}: skipped 2 invalid entries (first: line 1: not JSON); ${SAMPLES} mapped\n`);
  });

  test('fails with exit 2 on a missing file and on a directory, in one line', () => {
    const missing = baseline(['events', join(tmpdir(), 'no-such-export.json')]);
    expect(missing.status).toBe(2);
    expectOneLineError(missing.stderr, /no-such-export\.json: cannot read input \(ENOENT\)/);
    const directory = baseline(['events', tmpdir()]);
    expect(directory.status).toBe(2);
    expectOneLineError(directory.stderr, /cannot read input/);
  });
});
