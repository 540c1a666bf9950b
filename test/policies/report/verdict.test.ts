import { atOrAbove, exitCodeOf, fails, failingResults } from '../../../policies/report/verdict';
import { summarize, summaryLine } from '../../../policies/report/summary';
import { RESULTS, sampleEvaluation } from './evaluation';

describe('verdict', () => {
  test('severity order: critical > high > medium > low', () => {
    expect(atOrAbove('critical', 'high')).toBe(true);
    expect(atOrAbove('high', 'high')).toBe(true);
    expect(atOrAbove('medium', 'high')).toBe(false);
    expect(atOrAbove('low', 'critical')).toBe(false);
  });

  test('fails on unsuppressed findings at or above fail-on, and on unknowns of high or critical rules', () => {
    const ids = failingResults(sampleEvaluation()).map((r) => r.ruleId).sort();
    expect(ids).toEqual(['iam-no-basic-roles', 'iam-no-public-principals', 'iam-no-user-principals', 'logging-org-sink-covers-all']);
    expect(exitCodeOf(sampleEvaluation())).toBe(1);
  });

  test('--unknown warn: unknowns never fail', () => {
    expect(fails(RESULTS.unknownMember, { failOn: 'high', unknown: 'warn' })).toBe(false);
    expect(fails(RESULTS.unknownMember, { failOn: 'high', unknown: 'fail' })).toBe(true);
  });

  test('an unknown on a medium rule does not fail even at --fail-on low', () => {
    expect(fails(RESULTS.mediumUnknown, { failOn: 'low', unknown: 'fail' })).toBe(false);
    expect(fails(RESULTS.expired, { failOn: 'low', unknown: 'fail' })).toBe(true);
  });

  test('an unknown on a high rule does not fail at --fail-on critical (it counts like a high finding)', () => {
    expect(fails(RESULTS.unknownMember, { failOn: 'critical', unknown: 'fail' })).toBe(false);
  });

  test('suppressed results never fail', () => {
    expect(fails(RESULTS.suppressedCmek, { failOn: 'low', unknown: 'fail' })).toBe(false);
  });

  test('--fail-on critical leaves only the critical finding failing', () => {
    expect(failingResults(sampleEvaluation(), { failOn: 'critical', unknown: 'fail' }).map((r) => r.ruleId)).toEqual([
      'iam-no-public-principals',
    ]);
  });

  test('exit code 0 when nothing fails', () => {
    expect(exitCodeOf(sampleEvaluation({ results: [RESULTS.suppressedCmek, RESULTS.mediumUnknown] }))).toBe(0);
  });

  test('summary counts unsuppressed findings, unknowns, suppressed and failing results', () => {
    const s = summarize(sampleEvaluation());
    expect(s.findings).toEqual({ critical: 1, high: 2, medium: 0, low: 1 });
    expect(s.unknowns).toEqual({ critical: 0, high: 1, medium: 1, low: 0 });
    expect([s.totalFindings, s.totalUnknowns, s.suppressed, s.failing]).toEqual([4, 2, 2, 4]);
    expect(summaryLine(sampleEvaluation())).toBe(
      '4 findings (1 critical, 2 high, 1 low), 2 unknowns, 2 suppressed; 9 rules, 42 resources (pack all): FAIL (fail-on high, unknown fail)',
    );
    expect(summaryLine(sampleEvaluation({ results: [] }), { failOn: 'critical', unknown: 'warn' })).toBe(
      '0 findings, 0 unknowns, 0 suppressed; 9 rules, 42 resources (pack all): PASS (fail-on critical, unknown warn)',
    );
  });
});
