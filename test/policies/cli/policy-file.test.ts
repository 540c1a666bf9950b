/**
 * A team checking its own Terraform has no org config: a small policy file (`.baseline.yaml` in the
 * working directory, or --config) holds rule parameters and suppressions. And a folder of plans is
 * checked as one report.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../policies/cli';
import { TERRAFORM_VALIDATOR_PLANS } from '../../support/fixtures';
import { captureIo } from './io';

const BASIC_ROLE_PLAN = join(TERRAFORM_VALIDATOR_PLANS, 'example_project_iam_binding.tfplan.json');

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-policy-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function domainFindings(args: string[], cwd: string): string[] {
  const io = captureIo({ cwd });
  main(['check', BASIC_ROLE_PLAN, '--format', 'json', ...args], io);
  expect(io.err()).toBe('');
  const results = (JSON.parse(io.out()) as { results: { ruleId: string; outcome: string; address: string }[] }).results;
  return results.filter((r) => r.ruleId === 'iam-allowed-member-domains' && r.outcome === 'finding').map((r) => r.address);
}

describe('policy file', () => {
  test('one allowed domain is one line, read from .baseline.yaml in the working directory', () => {
    const outsider = workdir({ '.baseline.yaml': 'allowedMemberDomains: [corp.example.org]\n' });
    const insider = workdir({ '.baseline.yaml': 'allowedMemberDomains: [example.com]\n' });
    expect(domainFindings([], outsider)).toEqual(['google_project_iam_binding.project']);
    expect(domainFindings([], insider)).toEqual([]);
  });

  test('--config names it explicitly and wins over the working directory', () => {
    const dir = workdir({ '.baseline.yaml': 'allowedMemberDomains: [example.com]\n', 'strict.yaml': 'allowedMemberDomains: [corp.example.org]\n' });
    expect(domainFindings(['--config', join(dir, 'strict.yaml')], dir)).toEqual(['google_project_iam_binding.project']);
  });

  test('its suppressions apply with their reasons', () => {
    const dir = workdir({
      '.baseline.yaml': [
        'suppressions:',
        '  - rule: iam-no-basic-roles',
        '    address: google_project_iam_binding.project',
        '    reason: Legacy editor binding, removed in the next release.',
        '    expires: 2099-12-31',
        '  - rule: iam-no-user-principals',
        '    address: google_project_iam_binding.project',
        '    reason: Legacy editor binding, removed in the next release.',
        '    expires: 2099-12-31',
      ].join('\n'),
    });
    const io = captureIo({ cwd: dir });
    expect(main(['check', BASIC_ROLE_PLAN], io)).toBe(0);
  });

  test('fails with 2 naming every problem, including a reason of white space only', () => {
    const dir = workdir({
      '.baseline.yaml': 'allowedMemberDomain: [example.com]\nsuppressions:\n  - { rule: iam-no-basic-roles, address: "*", reason: "          ", expires: 2099-12-31 }\n',
    });
    const io = captureIo({ cwd: dir });
    expect(main(['check', BASIC_ROLE_PLAN], io)).toBe(2);
    expect(io.err()).toBe(
      `baseline: ${join(dir, '.baseline.yaml')}: invalid policy file\n` +
        '  suppressions[0].reason: at least 10 characters other than white space\n' +
        '  (root): expected only known fields, got unknown "allowedMemberDomain"\n',
    );
  });
});

describe('a folder of plans', () => {
  test('is checked as one report, each plan\'s resources named after its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-plans-'));
    mkdirSync(join(dir, 'nested'));
    copyFileSync(BASIC_ROLE_PLAN, join(dir, 'network.json'));
    copyFileSync(join(TERRAFORM_VALIDATOR_PLANS, 'example_pubsub_topic.tfplan.json'), join(dir, 'pubsub.json'));
    const io = captureIo();
    expect(main(['check', dir, '--format', 'json'], io)).toBe(1);
    const run = JSON.parse(io.out()) as { resourceCount: number; results: { ruleId: string; resourceId: string; outcome: string }[] };
    expect(run.results.filter((r) => r.ruleId === 'iam-no-basic-roles' && r.outcome === 'finding').map((r) => r.resourceId)).toEqual([
      'network/google_project_iam_binding.project',
    ]);
    expect(run.resourceCount).toBe(2);
  });

  test('fails with 2 when a file in it is not a plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-plans-'));
    writeFileSync(join(dir, 'notes.json'), '{"hello": "world"}');
    const io = captureIo();
    expect(main(['check', dir], io)).toBe(2);
    expect(io.err()).toBe(`baseline: ${join(dir, 'notes.json')}: not a Terraform plan (terraform show -json); a folder holds plan files or a cdktf.out manifest\n`);
  });
});
