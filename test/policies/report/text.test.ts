import { renderText } from '../../../policies/report/text';
import { RESULTS, sampleEvaluation } from './evaluation';

const ESC = '\u001b[';

describe('text report', () => {
  const text = renderText(sampleEvaluation());

  test('groups unsuppressed results by severity, most severe first, skipping empty groups', () => {
    const headers = text.split('\n').filter((l) => /^[A-Z ]+ \(\d+\)$/.test(l));
    expect(headers).toEqual(['CRITICAL (1)', 'HIGH (3)', 'MEDIUM (1)', 'LOW (1)', 'SUPPRESSED (2)', 'SUPPRESSIONS DECLARED (3)']);
  });

  test('says what was checked: a tally of rule outcomes, and why a rule had nothing to judge', () => {
    expect(text).toContain(
      '\nRULES (9): 1 pass, 4 with findings, 3 undecided before apply, 1 had nothing to judge\n' +
        '  alerting-policies-have-channels had nothing to judge: no alert policies\n',
    );
  });

  test('marks unknowns as such, and says which results do not fail the run', () => {
    expect(text).toContain('  iam-no-user-principals  iam/google_project_iam_member.runtime [unknown]\n');
    expect(text).toContain('  logging-bucket-retention  logging/google_logging_project_bucket_config.central [unknown] (does not fail)\n');
    expect(text).toContain('  suppression-expired  iam/google_project_iam_member.old (does not fail)\n');
  });

  test('shows each result with its message and location', () => {
    expect(text).toContain(
      '  iam-no-public-principals  iam/google_storage_bucket_iam_member.public\n' +
        '    allUsers is granted roles/storage.objectViewer.\n' +
        '    at member, construct iam/public-bucket/Resource\n',
    );
  });

  test('lists every declared suppression with its reason and expiry', () => {
    expect(text).toContain(
      '  [config] logging-bucket-cmek on logging/google_logging_project_bucket_config.*, expires 2099-01-31, used 1x\n' +
        '    reason: Google-managed keys until the KMS project exists.\n',
    );
    expect(text).toContain('  [inline] secrets-rotation on google_secret_manager_secret.canary, expires 2099-06-30, used 1x\n');
    expect(text).toContain('  [config] iam-no-user-principals on iam/google_project_iam_member.old, expires 2020-01-01, EXPIRED\n');
    expect(text).toContain('  secrets-rotation  secrets/google_secret_manager_secret.canary [unknown]  (low; inline: The canary is never read, so never rotated.)\n');
  });

  test('prints input text as plain lines: no terminal escapes or control characters from a plan reach the terminal', () => {
    const hostile = { ...RESULTS.basicRole, message: 'owner\u001b[2J granted\nto x\u0007' };
    const out = renderText(sampleEvaluation({ results: [hostile] }));
    expect(out).toContain('    owner[2J granted to x\n');
    expect(out).not.toContain('\u001b');
  });

  test('names the first input file and how many more', () => {
    expect(text.split('\n')[0]).toBe('gcp-security-baseline: /repo/cdktf.out/manifest.json and 1 more file');
  });

  test('ends with the summary line', () => {
    expect(text.trimEnd().split('\n').pop()).toBe(
      '4 findings (1 critical, 2 high, 1 low), 2 unknowns, 2 suppressed; 9 rules, 42 resources (pack all): FAIL (fail-on high, unknown fail)',
    );
  });

  test('has no ANSI escapes unless colour is asked for', () => {
    expect(text).not.toContain(ESC);
    const coloured = renderText(sampleEvaluation(), { color: true });
    expect(coloured).toContain(`${ESC}1;31mCRITICAL (1)${ESC}0m`);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });

  test('the verdict follows the gate', () => {
    const warn = renderText(sampleEvaluation(), { gate: { failOn: 'critical', unknown: 'warn' } });
    expect(warn).toContain(': FAIL (fail-on critical, unknown warn)');
    expect(warn).toContain('  iam-no-basic-roles  google_project_iam_binding.project (does not fail)\n');
  });
});
