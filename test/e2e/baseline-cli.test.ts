/**
 * The exit-code and output contract of the real `baseline` process on real inputs: third-party plans
 * from the shared corpus, a cdktf.out synthesized by cdktf, garbage, and stdin.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { PACKS } from '../../policies/packs';
import { baseline, corpusPlan } from './run-baseline';
import { OWNER_REASON, synthTinyApp } from './tiny-app';

const GUARDRAILS = PACKS.guardrails.rules.length;
const BASIC_ROLE = corpusPlan('example_project_iam_binding');
const CLEAN = corpusPlan('example_pubsub_topic');
/** A data.google_iam_policy whose members are known only after apply. */
const UNKNOWN_MEMBER = corpusPlan('example_bigquery_dataset_iam_policy_empty_policy_data');

function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^baseline: .+\n$/);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('baseline check on real plans', () => {
  test('fails with 1 on a basic role and reports it in SARIF', () => {
    const run = baseline(['check', BASIC_ROLE, '--format', 'sarif']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const result = log.runs[0]!.results!.find((r) => r.ruleId === 'iam-no-basic-roles');
    expect(result).toMatchObject({
      level: 'error',
      locations: [
        {
          // Inside the working directory (the repository), so a relative URI reference.
          physicalLocation: { artifactLocation: { uri: 'test/fixtures/terraform-validator/example_project_iam_binding.tfplan.json' } },
          logicalLocations: [{ fullyQualifiedName: 'google_project_iam_binding.project' }],
        },
      ],
      properties: { 'security-severity': '7.0', outcome: 'finding' },
    });
  });

  test('passes with 0 on a plan with nothing to find', () => {
    const run = baseline(['check', CLEAN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`0 findings, 0 unknowns, 0 suppressed; ${GUARDRAILS} rules, 1 resource (pack guardrails): PASS`);
  });

  test('--fail-on critical lets a high finding pass', () => {
    const run = baseline(['check', BASIC_ROLE, '--fail-on', 'critical']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(': PASS (fail-on critical, unknown fail)');
  });

  test('an unknown member on a critical rule fails by default and passes with --unknown warn', () => {
    const fail = baseline(['check', UNKNOWN_MEMBER, '--format', 'json']);
    expect(fail.status).toBe(1);
    const unknown = JSON.parse(fail.stdout).results.find((r: { ruleId: string }) => r.ruleId === 'iam-no-public-principals');
    expect(unknown).toMatchObject({ outcome: 'unknown', severity: 'critical', address: 'google_bigquery_dataset_iam_policy.dataset' });
    expect(baseline(['check', UNKNOWN_MEMBER, '--unknown', 'warn']).status).toBe(0);
  });

  test('reads a plan from stdin with -', () => {
    const run = baseline(['check', '-', '--format', 'json'], { stdin: readFileSync(BASIC_ROLE, 'utf8') });
    expect(run.status).toBe(1);
    const evaluation = JSON.parse(run.stdout);
    expect(evaluation.sources).toEqual(['<stdin>']);
    expect(evaluation.results.map((r: { ruleId: string; address: string }) => `${r.ruleId} ${r.address}`).sort()).toEqual([
      'iam-no-basic-roles google_project_iam_binding.project',
      'iam-no-user-principals google_project_iam_binding.project',
    ]);
  });

  test('--output writes the report to a file and the summary to stdout', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baseline-e2e-')), 'out', 'baseline.junit.xml');
    const run = baseline(['check', BASIC_ROLE, '--format', 'junit', '--output', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      `2 findings (1 high, 1 medium), 0 unknowns, 0 suppressed; ${GUARDRAILS} rules, 1 resource (pack guardrails): FAIL (fail-on high, unknown fail)\n` +
        `junit report written to ${file}\n`,
    );
    expect(readFileSync(file, 'utf8')).toContain('<testsuite name="iam-no-basic-roles" tests="1" failures="1" errors="0" skipped="0">');
  });

  test('--pack foundation runs the foundation rules only', () => {
    const run = baseline(['check', BASIC_ROLE, '--pack', 'foundation', '--format', 'json']);
    const evaluation = JSON.parse(run.stdout);
    expect(evaluation.pack).toBe('foundation');
    expect(evaluation.rules.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(PACKS.foundation.rules.map((e) => e.rule).sort());
    expect(evaluation.results.some((r: { ruleId: string }) => r.ruleId === 'iam-no-basic-roles')).toBe(false);
  });
});

describe('baseline check on bad input and usage', () => {
  test('fails with 2 and one line, no stack trace, on garbage', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baseline-e2e-')), 'garbage.json');
    writeFileSync(file, '{"resource": [1, 2,, }');
    const run = baseline(['check', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain(file);
  });

  test('fails with 2 and one line on garbage from stdin', () => {
    const run = baseline(['check', '-'], { stdin: 'not json at all' });
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain('<stdin>');
  });

  test('fails with 2 and one line on bad usage', () => {
    const run = baseline(['check', CLEAN, '--unknown', 'ignore']);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain("'--unknown <mode>' argument 'ignore' is invalid");
  });
});

describe('baseline check on a synthesized cdktf.out', () => {
  const outdir = synthTinyApp();

  test('runs the all pack by default and locates results by <stack>/<address> and construct path', () => {
    const run = baseline(['check', outdir, '--format', 'sarif']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    expect(log.runs[0]!.properties).toMatchObject({ pack: 'all', inputKind: 'cdktf-out' });
    const basic = log.runs[0]!.results!.find((r) => r.ruleId === 'iam-no-basic-roles')!;
    expect(basic.locations![0]!.logicalLocations).toEqual([
      { fullyQualifiedName: 'iam/google_project_iam_member.owner', name: 'google_project_iam_member.owner', kind: 'resource' },
    ]);
    expect(basic.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^file:\/\/.*\/stacks\/iam\/cdk\.tf\.json$/);
    expect(basic.properties).toMatchObject({ constructPath: 'iam/owner' });
    expect(basic.suppressions).toBeUndefined();
  });

  test('honours the inline suppression written by suppress(), as an inSource SARIF suppression', () => {
    const log = JSON.parse(baseline(['check', outdir, '--format', 'sarif', '--pack', 'guardrails']).stdout) as Sarif.Log;
    const user = log.runs[0]!.results!.find((r) => r.ruleId === 'iam-no-user-principals')!;
    expect(user.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: OWNER_REASON, properties: { expires: '2099-12-31' } }]);
  });
});
