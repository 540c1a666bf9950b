/**
 * The CI workflow users copy (examples/ci/github-actions-baseline.yml) and this repository's own CI
 * script must keep doing what the README promises: synth, check, SARIF upload, the plan path.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOY_ORDER } from '../../stacks';
import { fixture } from '../support/fixtures';
import { baseline, REPO } from './run-baseline';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
}

const workflow = parse(readFileSync(join(REPO, 'examples', 'ci', 'github-actions-baseline.yml'), 'utf8'));
const steps = (job: string): Step[] => workflow.jobs[job].steps;
const runs = (job: string) => steps(job).map((s) => s.run ?? '').join('\n');

describe('examples/ci/github-actions-baseline.yml', () => {
  test('baseline job: synth, check cdktf.out to SARIF, upload that SARIF even when the check fails', () => {
    expect(runs('baseline')).toContain('npm run synth');
    expect(runs('baseline')).toContain('npx baseline check cdktf.out --config "$BASELINE_CONFIG" --format sarif --output reports/baseline.sarif');
    const upload = steps('baseline').find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('reports/baseline.sarif');
    expect(String((upload as { if?: string }).if)).toContain('always()');
    expect(workflow.jobs.baseline.permissions['security-events']).toBe('write');
  });

  test('plan job: plan -out, show -json, check the plan JSON as SARIF, for every stack in deploy order', () => {
    expect(workflow.jobs.plan.strategy.matrix.stack).toEqual([...DEPLOY_ORDER]);
    expect(runs('plan')).toContain('terraform plan -input=false -lock=false -out plan.out');
    expect(runs('plan')).toContain('terraform show -json plan.out > plan.json');
    expect(runs('plan')).toMatch(/npx baseline check cdktf\.out\/stacks\/\$\{\{ matrix\.stack \}\}\/plan\.json[\s\S]*--format sarif/);
    expect(steps('plan').some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });
});

describe('examples/ci/scheduled-audit.yml', () => {
  const audit = parse(readFileSync(join(REPO, 'examples', 'ci', 'scheduled-audit.yml'), 'utf8'));
  const auditSteps: Step[] = audit.jobs.audit.steps;
  const auditRuns = auditSteps.map((s) => s.run ?? '').join('\n');

  test('runs on a schedule, authenticating by workload identity federation, never with a key', () => {
    expect(audit.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(audit.jobs.audit.permissions['id-token']).toBe('write');
    const auth = auditSteps.find((s) => s.uses?.startsWith('google-github-actions/auth@'));
    expect(Object.keys(auth?.with ?? {}).sort()).toEqual(['service_account', 'workload_identity_provider']);
    expect(readFileSync(join(REPO, 'examples', 'ci', 'scheduled-audit.yml'), 'utf8')).not.toMatch(/credentials_json|GOOGLE_APPLICATION_CREDENTIALS/);
  });

  test('exports IAM policies, synthesizes, audits against the code, uploads SARIF even on findings', () => {
    expect(auditRuns).toMatch(/gcloud asset export --organization="\$ORGANIZATION" --content-type=iam-policy/);
    expect(auditRuns).toContain('gcloud projects list --format=json > audit/projects.json');
    expect(auditRuns).toContain('npm run synth');
    expect(auditRuns).toMatch(/npx baseline audit audit\/iam-policies\.ndjson --declared cdktf\.out --projects audit\/projects\.json/);
    const upload = auditSteps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('reports/access-audit.sarif');
    expect(String((upload as { if?: string }).if)).toContain('always()');
  });

  describe('its gate, run on a real audit report', () => {
    const gate = auditSteps.find((s) => s.name === 'Fail on new undeclared access')!.run!;
    const dir = mkdtempSync(join(tmpdir(), 'audit-gate-'));
    mkdirSync(join(dir, 'reports'));
    mkdirSync(join(dir, 'audit'));
    const drift = fixture('cai-drift');
    const report = baseline(['audit', join(drift, 'export.ndjson'), '--declared', join(drift, 'declared.cdk.tf.json'), '--projects', join(drift, 'projects.json'), '--format', 'sarif']);
    writeFileSync(join(dir, 'reports', 'access-audit.sarif'), report.stdout);
    const runGate = () => spawnSync('bash', ['-e', '-c', gate], { cwd: dir, encoding: 'utf8' });

    test('fails on the first run, naming the new undeclared grants (not deleted members or service agents)', () => {
      const first = runGate();
      expect(first.status).toBe(1);
      expect(first.stdout).toBe(
        [
          'New undeclared access (asset, role, member):',
          '//cloudresourcemanager.googleapis.com/projects/111111111111 roles/owner user:contractor@example.com',
          '//cloudresourcemanager.googleapis.com/projects/111111111111 roles/run.admin group:gcp-platform-admins@example.com',
          '//storage.googleapis.com/example-app-data roles/storage.objectViewer allUsers',
          '',
        ].join('\n'),
      );
    });

    test('passes the next run when nothing new appeared', () => {
      expect(runGate().status).toBe(0);
    });
  });
});

describe('.ci/run', () => {
  const script = readFileSync(join(REPO, '.ci', 'run'), 'utf8');

  test('is an executable bash script that fails fast and runs the README\'s test command offline', () => {
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
    expect(script).toContain('export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1');
    expect(script).toMatch(/npm ci\b/);
    expect(script).toMatch(/\nnpm test\b/);
    expect(statSync(join(REPO, '.ci', 'run')).mode & 0o111).not.toBe(0);
  });

  test('installs Debian\'s Chromium with apt-get when it is missing, before npm ci, and lets no tool download a browser', () => {
    const install = script.indexOf('apt-get install -y -qq chromium');
    expect(script).toContain('if ! command -v chromium >/dev/null 2>&1; then');
    expect(install).toBeGreaterThan(0);
    expect(install).toBeLessThan(script.indexOf('\nnpm ci'));
    expect(script).toContain('export PUPPETEER_SKIP_DOWNLOAD=1');
  });
});

describe('examples/ci/dependency-and-code-scanning.yml', () => {
  const scanning = parse(readFileSync(join(REPO, 'examples', 'ci', 'dependency-and-code-scanning.yml'), 'utf8'));
  const jobSteps = (job: string): Step[] => scanning.jobs[job].steps;

  test('runs on every pull request and on a weekly schedule', () => {
    expect(Object.keys(scanning.on).sort()).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    expect(scanning.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* [0-6]$/);
  });

  test('reviews dependencies of a pull request, failing on high', () => {
    expect(scanning.jobs['dependency-review'].if).toBe("github.event_name == 'pull_request'");
    const review = jobSteps('dependency-review').find((s) => s.uses?.startsWith('actions/dependency-review-action@'));
    expect(review?.with?.['fail-on-severity']).toBe('high');
  });

  test('audits the runtime dependencies on every run, failing on high', () => {
    expect(scanning.jobs['npm-audit'].if).toBeUndefined();
    expect(jobSteps('npm-audit').map((s) => s.run).filter(Boolean)).toEqual(['npm audit --omit=dev --audit-level=high']);
  });

  test('runs CodeQL on the TypeScript and uploads to code scanning', () => {
    const uses = jobSteps('codeql').map((s) => s.uses ?? '');
    expect(uses.filter((u) => u.startsWith('github/codeql-action/')).map((u) => u.split('@')[0])).toEqual(['github/codeql-action/init', 'github/codeql-action/analyze']);
    expect(jobSteps('codeql')[1].with?.languages).toBe('javascript-typescript');
    expect(scanning.jobs.codeql.permissions['security-events']).toBe('write');
    expect(scanning.jobs.codeql.if).toBeUndefined();
  });
});

describe('examples/ci/github-actions-sharded.yml', () => {
  const sharded = parse(readFileSync(join(REPO, 'examples', 'ci', 'github-actions-sharded.yml'), 'utf8'));
  const jobRuns = (job: string) => (sharded.jobs[job].steps as Step[]).map((s) => s.run ?? '').join('\n');

  test('synth job: synthesizes, checks the whole cdktf.out, lists the shard stacks and hands cdktf.out on', () => {
    expect(jobRuns('synth')).toContain('npm run synth');
    expect(jobRuns('synth')).toContain('npx baseline check cdktf.out --config "$BASELINE_CONFIG"');
    expect(sharded.jobs.synth.outputs.shards).toBe('${{ steps.shards.outputs.shards }}');
    expect((sharded.jobs.synth.steps as Step[]).some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });

  test('shared job applies the shared stacks in deploy order, iam excluded', () => {
    const loop = /for stack in ([a-z ]+); do/.exec(jobRuns('shared'))![1].split(' ');
    expect(loop).toEqual(DEPLOY_ORDER.filter((s) => s !== 'iam'));
    expect(jobRuns('shared')).toContain('apply -input=false -auto-approve');
  });

  test('shards job: a matrix over the listed shard stacks after the shared ones, each planned, checked, then that plan applied', () => {
    expect(sharded.jobs.shards.needs).toEqual(['synth', 'shared']);
    expect(sharded.jobs.shards.strategy.matrix.stack).toBe('${{ fromJson(needs.synth.outputs.shards) }}');
    expect(sharded.jobs.shards.strategy['fail-fast']).toBe(false);
    const runs = jobRuns('shards');
    expect(runs.indexOf('terraform plan -input=false -out plan.out')).toBeLessThan(runs.indexOf('npx baseline check cdktf.out/stacks/${{ matrix.stack }}/plan.json'));
    expect(runs.indexOf('npx baseline check')).toBeLessThan(runs.indexOf('terraform apply -input=false plan.out'));
  });

  test('iam job goes last, after every shard, and never after a failed one', () => {
    expect(sharded.jobs.iam.needs).toEqual(['synth', 'shared', 'shards']);
    expect(sharded.jobs.iam.if).toContain("needs.shards.result == 'success' || needs.shards.result == 'skipped'");
    expect(jobRuns('iam')).toContain('terraform -chdir=cdktf.out/stacks/iam apply');
  });
});
