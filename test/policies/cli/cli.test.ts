/**
 * The CLI in-process: usage errors, help, colour, --output, --config. (test/e2e spawns the real
 * process for the exit-code contract on real plans.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import type { BaselineConfig } from '../../../policies/config/org-config';
import { check as runCheck } from '../../../policies/check';
import { main } from '../../../policies/cli';
import { PACKS } from '../../../policies/packs';
import { captureIo } from './io';
import { TERRAFORM_VALIDATOR_PLANS } from '../../support/fixtures';

const CORPUS = TERRAFORM_VALIDATOR_PLANS;
const BASIC_ROLE_PLAN = join(CORPUS, 'example_project_iam_binding.tfplan.json');
const GUARDRAILS = PACKS.guardrails.rules.length;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'baseline-cli-'));
}

function expectOneLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('baseline CLI usage', () => {
  test('fails with 2 and one line when no command is given', () => {
    const io = captureIo();
    expect(main([], io)).toBe(2);
    expect(io.err()).toBe('baseline: missing command: expected `baseline check <path|->`, `baseline review <path|->`, `baseline audit <export>` or `baseline events <file|->` (see baseline --help)\n');
  });

  test('fails with 2 and one line on an unknown option', () => {
    const io = captureIo();
    expect(main(['check', BASIC_ROLE_PLAN, '--nope'], io)).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toBe("baseline: unknown option '--nope'\n");
  });

  test('fails with 2 and one line naming the option on a bad choice', () => {
    const io = captureIo();
    expect(main(['check', BASIC_ROLE_PLAN, '--format', 'xml'], io)).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("'--format <format>' argument 'xml' is invalid");
    const sev = captureIo();
    expect(main(['check', BASIC_ROLE_PLAN, '--fail-on', 'urgent'], sev)).toBe(2);
    expect(sev.err()).toContain("'--fail-on <severity>' argument 'urgent' is invalid");
  });

  test('fails with 2 and one line when the input is missing', () => {
    const io = captureIo();
    expect(main(['check'], io)).toBe(2);
    expect(io.err()).toBe("baseline: missing required argument 'input'\n");
  });

  test('fails with 2 on an unknown command', () => {
    const io = captureIo();
    expect(main(['lint', 'x'], io)).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toContain("unknown command 'lint'");
  });

  test('--help and --version exit 0 on stdout', () => {
    const help = captureIo();
    expect(main(['check', '--help'], help)).toBe(0);
    expect(help.out()).toContain('--fail-on <severity>');
    expect(help.out()).toContain('--unknown <mode>');
    const version = captureIo();
    expect(main(['--version'], version)).toBe(0);
    expect(version.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test('fails with 2 and one line naming the path when the input does not exist', () => {
    const io = captureIo();
    expect(main(['check', '/nonexistent/plan.json'], io)).toBe(2);
    expectOneLine(io.err());
    expect(io.err()).toMatch(/^baseline: \/nonexistent\/plan\.json: /);
  });

  test('fails with 2 listing every problem of a bad config', () => {
    const dir = tmp();
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'organization:\n  id: "12"\n  domain: example.com\n  customerId: C01ex4mpl\n');
    const io = captureIo();
    expect(main(['check', BASIC_ROLE_PLAN, '--config', config], io)).toBe(2);
    const lines = io.err().trimEnd().split('\n');
    expect(lines[0]).toBe(`baseline: ${config}: invalid baseline config`);
    expect(lines).toContain('  organization.id: expected a numeric organization id, got "12"');
    expect(lines.some((l) => l.startsWith('  folders: '))).toBe(true);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});

describe('baseline check output', () => {
  test('colours the text report only on a TTY without NO_COLOR', () => {
    const tty = captureIo({ isTTY: true });
    expect(main(['check', BASIC_ROLE_PLAN], tty)).toBe(1);
    expect(tty.out()).toContain('\u001b[');
    const noColor = captureIo({ isTTY: true, env: { NO_COLOR: '1' } });
    main(['check', BASIC_ROLE_PLAN], noColor);
    expect(noColor.out()).not.toContain('\u001b[');
    const pipe = captureIo({ isTTY: false });
    main(['check', BASIC_ROLE_PLAN], pipe);
    expect(pipe.out()).not.toContain('\u001b[');
  });

  test('--output writes the report (creating directories) and prints the summary line', () => {
    const file = join(tmp(), 'nested', 'dir', 'report.md');
    const io = captureIo({ isTTY: true });
    expect(main(['check', BASIC_ROLE_PLAN, '--format', 'markdown', '--output', file], io)).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('| [`iam-no-basic-roles`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/iam-no-basic-roles.md) | high | `google_project_iam_binding.project` |');
    expect(io.out()).toBe(
      `2 findings (1 high, 1 medium), 0 unknowns, 0 suppressed; ${GUARDRAILS} rules, 1 resource (pack guardrails): FAIL (fail-on high, unknown fail)\n` +
        `markdown report written to ${file}\n`,
    );
  });

  test('a text report written with --output has no colour even from a TTY', () => {
    const file = join(tmp(), 'report.txt');
    main(['check', BASIC_ROLE_PLAN, '--output', file], captureIo({ isTTY: true }));
    expect(readFileSync(file, 'utf8')).not.toContain('\u001b[');
  });

  test('fails with 2 and one line when --output cannot be written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), '');
    const io = captureIo();
    expect(main(['check', BASIC_ROLE_PLAN, '--output', join(dir, 'file', 'report.json')], io)).toBe(2);
    expectOneLine(io.err());
    // mkdir reports EEXIST for a path through a file, write ENOTDIR: either says what went wrong.
    expect(io.err()).toMatch(new RegExp(`^baseline: cannot write --output ${join(dir, 'file', 'report.json')}: E(EXIST|NOTDIR)\\n$`));
  });

  test('--config: suppressions from policy.suppressions apply and change the exit code', () => {
    const dir = tmp();
    const config = join(dir, 'baseline.yaml');
    const suppression = [
      '  suppressions:',
      '    - rule: iam-no-basic-roles',
      '      address: google_project_iam_binding.*',
      '      reason: Legacy editor binding, removed in the next release.',
      '      expires: "2099-12-31"',
    ].join('\n');
    writeFileSync(config, readFileSync(EXAMPLE_CONFIG, 'utf8').replace('  suppressions:\n', `${suppression}\n`));
    const io = captureIo();
    expect(main(['check', BASIC_ROLE_PLAN, '--config', config, '--format', 'json'], io)).toBe(0);
    const evaluation = JSON.parse(io.out());
    const basic = evaluation.results.find((r: { ruleId: string }) => r.ruleId === 'iam-no-basic-roles');
    expect(basic.suppression).toEqual({
      source: 'config',
      rule: 'iam-no-basic-roles',
      address: 'google_project_iam_binding.*',
      reason: 'Legacy editor binding, removed in the next release.',
      expires: '2099-12-31',
    });
  });

  test('--config: rule parameters come from the config (allowed member domains)', () => {
    const domainResults = (config?: BaselineConfig) =>
      runCheck(BASIC_ROLE_PLAN, { config }).evaluation.results.filter((r) => r.ruleId === 'iam-allowed-member-domains');
    const example = loadConfig(EXAMPLE_CONFIG);
    // jane@example.com is in the example org's domain; another org's config makes her an outsider.
    expect(domainResults(example)).toEqual([]);
    const otherOrg = { ...example, policy: { ...example.policy, allowedMemberDomains: ['corp.example.org'] } };
    expect(domainResults(otherOrg).map((r) => [r.address, r.path, r.outcome])).toEqual([
      ['google_project_iam_binding.project', 'members.0', 'finding'],
    ]);
  });
});
