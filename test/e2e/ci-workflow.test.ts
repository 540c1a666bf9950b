/**
 * The CI workflow users copy (examples/ci/github-actions-baseline.yml) and this repository's own CI
 * script must keep doing what the README promises: synth, check, SARIF upload, the plan path.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOY_ORDER } from '../../stacks';
import { REPO } from './run-baseline';

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
