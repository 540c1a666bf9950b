/**
 * `npm start` (scripts/main-job.ts) for real: synthesize the example org, check it with the example
 * config, print the text report, write the four report files, exit with the check's code. The same
 * cdktf.out checked by the `baseline` process must give the same results and exit code.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { DEPLOY_ORDER } from '../../stacks';
import { loadConfig } from '../../policies/config/load';
import { xmlProblems } from '../policies/report/well-formed-xml';
import { baseline, REPO } from './run-baseline';

const work = mkdtempSync(join(tmpdir(), 'baseline-main-job-'));
const outdir = join(work, 'cdktf.out');
const reports = join(work, 'reports');
let job: SpawnSyncReturns<string>;
const read = (file: string) => readFileSync(join(reports, file), 'utf8');

describe('npm start', () => {
  beforeAll(() => {
    job = spawnSync('npm', ['start', '--silent'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, BASELINE_OUTDIR: outdir, BASELINE_REPORTS_DIR: reports, NO_COLOR: '1' },
      timeout: 120_000,
    });
  });

  test('exits with the check\'s code, as the baseline process does on the same output', () => {
    const cli = baseline(['check', outdir, '--config', join(REPO, 'config', 'example.baseline.yaml'), '--format', 'json']);
    expect([0, 1]).toContain(job.status);
    expect(job.status).toBe(cli.status);
    const mine = JSON.parse(read('baseline.json'));
    const theirs = JSON.parse(cli.stdout);
    expect({ ...mine, evaluatedAt: '' }).toEqual({ ...theirs, evaluatedAt: '' });
  });

  test('checks every stack of the example org with the all pack', () => {
    const evaluation = JSON.parse(read('baseline.json'));
    expect(evaluation.inputKind).toBe('cdktf-out');
    expect(evaluation.pack).toBe('all');
    expect(evaluation.sources.filter((s: string) => s.endsWith('cdk.tf.json')).map((s: string) => s.split('/').at(-2)).sort()).toEqual(
      [...DEPLOY_ORDER].sort(),
    );
  });

  test('prints the text report, where the reports went and how long synth and check took', () => {
    expect(job.stdout).toMatch(/^gcp-security-baseline: /);
    expect(job.stdout).toMatch(/\d+ findings?.*\(pack all\): (PASS|FAIL) \(fail-on high, unknown fail\)\n/);
    expect(job.stdout).toMatch(/synth \d+\.\d\d s, check \d+\.\d\d s/);
    expect(job.stdout).not.toContain('\u001b[');
  });

  test('writes SARIF, JUnit, Markdown and JSON reports', () => {
    const sarif = JSON.parse(read('baseline.sarif')) as Sarif.Log;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules!.length).toBe(JSON.parse(read('baseline.json')).rules.length);
    expect(xmlProblems(read('baseline.junit.xml'))).toEqual([]);
    expect(read('baseline.md')).toMatch(/^## gcp-security-baseline\n/);
  });
});

/**
 * The review `npm start` writes for the example org (reports/review/), judged against the example config:
 * every principal with its exact roles, the org sink to the central bucket, every secret's readers, every
 * detection row covered, and a practices page that names nothing of the organization's own.
 */
describe('npm start: the review of the example org', () => {
  const config = loadConfig(join(REPO, 'config', 'example.baseline.yaml'));
  const breakGlass = config.iam.breakGlass!;
  const review = () => read('review/review.md');
  const section = (md: string, from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to));
  const unescape = (cell: string) => cell.trim().replace(/^`|`$/g, '').replace(/\\(.)/g, '$1');

  /** The access matrix as principal -> ["role on scope"], read back from the Markdown table. */
  function accessMatrix(md: string): Map<string, string[]> {
    const rows = section(md, '## 2. Access matrix', '## 3. Log routing').split('\n').filter((l) => /^\| (`|↑)/.test(l));
    const matrix = new Map<string, string[]>();
    let principal = '';
    for (const row of rows) {
      const [who, , scope, role] = row.split(' | ').map((c) => c.replace(/^\| /, ''));
      if (!who.startsWith('↑')) principal = unescape(who.replace(/ \*\*⚠ [^*]+\*\*/g, ''));
      matrix.set(principal, [...(matrix.get(principal) ?? []), `${unescape(role)} on ${unescape(scope)}`]);
    }
    return matrix;
  }

  test('writes the five review files', () => {
    for (const file of ['review.md', 'review.html', 'evidence.json', 'practices.md', 'practices.html']) expect(read(`review/${file}`).length).toBeGreaterThan(500);
    expect(job.stdout).toMatch(/review: .*review\/review\.md, .*review\/practices\.html\n/);
  });

  test('review.md names every principal of the config with its exact roles and scopes', () => {
    const matrix = accessMatrix(review());
    const org = `organization ${config.organization.id}`;
    const scopeLabel = (scope: (typeof config.iam.bindings)[number]['scope']): string => {
      if ('organization' in scope) return org;
      if ('folder' in scope) return `folder ${config.folders.find((f) => f.key === scope.folder)!.displayName}`;
      return `project ${config.projects.find((p) => p.key === (scope as { project: string }).project)!.id}`;
    };
    const roleName = (role: string) => (role.startsWith('roles/') ? role : `organizations/${config.organization.id}/roles/${role}`);
    const expected = new Map<string, string[]>();
    const add = (member: string, grant: string) => expected.set(member, [...(expected.get(member) ?? []), grant]);
    for (const binding of config.iam.bindings) for (const member of binding.members) add(member, `${roleName(binding.role)} on ${scopeLabel(binding.scope)}`);
    add(`group:${breakGlass.group}`, `${breakGlass.role} on ${org}`);
    add(`group:${config.groups.auditors}`, 'roles/logging.viewAccessor on logging_log_view audit-no-data-access');
    for (const item of config.secrets.items) for (const member of item.accessors) add(member, `roles/secretmanager.secretAccessor on secret_manager_secret ${item.id}`);
    for (const [member, grants] of expected) expect([member, [...(matrix.get(member) ?? [])].sort()]).toEqual([member, [...grants].sort()]);
    // The break-glass grant is marked privileged and shows its expiry.
    expect(review()).toMatch(new RegExp(`\\| \`group:${breakGlass.group}\` \\| group \\| ${org} \\| \`${breakGlass.role}\` \\| \\*\\*⚠ privileged\\*\\*; condition .*expires 2027-06-30`));
  });

  test('review.md shows the org sink to the central bucket with its retention and CMEK', () => {
    const routing = section(review(), '## 3. Log routing', '## 4. Secrets');
    const bucket = `logging\\_project\\_bucket\\_config ${config.logging.bucket.id}`;
    const row = routing.split('\n').find((l) => l.startsWith('| `baseline-central-logs` |'))!;
    expect(row.split(' | ').map((c) => c.replace(/^\| | \|$/g, ''))).toEqual([
      '`baseline-central-logs`',
      `organization ${config.organization.id}`,
      'yes',
      expect.stringContaining('cloudaudit.googleapis.com'),
      'keeps every audit log',
      'drop-lb-health-checks',
      expect.stringContaining('granted roles/logging.bucketWriter on destination'),
      bucket,
    ]);
    expect(routing).toContain(`| ${bucket} | logging-bucket | ${config.projects.find((p) => p.key === 'logging')!.id} | ${config.logging.bucket.retentionDays} | no | yes | - |`);
    expect(routing).toMatch(/sink_organization_123456789012_baseline_central_logs --> dst_logging_project_bucket_config_central_audit/);
  });

  test('review.md lists every secret with exactly its readers', () => {
    const secrets = section(review(), '## 4. Secrets', '## 5. Detection coverage');
    for (const item of config.secrets.items) {
      const row = secrets.split('\n').find((l) => l.startsWith(`| \`${item.id}\` |`))!;
      const readers = [...row.split(' | ').at(-1)!.matchAll(/`([^`]+)` \(([^,]+), direct\)/g)].map((m) => m[1]);
      expect([item.id, readers.sort()]).toEqual([item.id, [...item.accessors].sort()]);
    }
    expect(secrets).toMatch(new RegExp(`\\| \`${config.secrets.canary.id}\` \\| .* \\| nobody \\|`));
  });

  test('review.md shows every detection row covered', () => {
    const detection = section(review(), '## 5. Detection coverage', '## 6. Change summary');
    expect(detection).toContain('16 of 16 threats covered.');
    expect(detection).not.toContain('GAP');
    // The Security Command Center route beside the log-based alerts (scanning stack).
    expect(detection).toMatch(/\| Security Command Center findings \(CRITICAL, HIGH\) \| `topic scc-findings` \| Security Command Center: new CRITICAL or HIGH finding \| .+ \| covered \|/);
  });

  test('practices.md states retention and protections and names no identity, project, domain or address of the org', () => {
    const practices = read('review/practices.md');
    expect(practices).toContain(`a central log store, kept for ${config.logging.bucket.retentionDays} days`);
    expect(practices).toContain(`an archive, kept for ${config.logging.archive!.retentionDays} days`);
    expect(practices).toContain('People receive access only through 5 managed groups, never as individual accounts.');
    expect(practices).toContain('Service accounts use no downloadable keys: organization policy forbids creating or uploading them.');
    expect(practices).toContain('1 of 1 privileged organization or folder grant expires automatically (emergency "break-glass" access).');
    expect(practices).toContain('Retention locks: 0 of 2 log stores locked so far.');
    const internal = [
      config.organization.id,
      config.organization.domain,
      config.organization.customerId,
      config.organization.billingAccount,
      config.organization.quotaProject,
      ...config.folders.flatMap((f) => [f.id, f.displayName].filter((x): x is string => x !== undefined)),
      ...config.projects.map((p) => p.id),
      ...Object.values(config.groups),
      ...breakGlass.accounts,
      ...config.secrets.items.flatMap((i) => [i.id, ...i.accessors]),
      config.secrets.canary.id,
      config.logging.bucket.id,
      config.logging.archive!.bucketName,
      config.logging.siem!.topicName,
      ...config.alerting.channels.flatMap((c) => Object.values(c).filter((v): v is string => typeof v === 'string' && /[@/.]/.test(v))),
    ].filter((s): s is string => typeof s === 'string' && s.length > 0);
    expect(internal.length).toBeGreaterThan(25);
    for (const file of ['review/practices.md', 'review/practices.html']) {
      const text = read(file);
      expect(internal.filter((s) => text.includes(s))).toEqual([]);
    }
  });
});
