import { renderJunit } from '../../../policies/report/junit';
import { escapeXml } from '../../../policies/report/xml';
import { sampleEvaluation } from './evaluation';
import { xmlProblems } from './well-formed-xml';

function suite(xml: string, rule: string): string {
  const m = new RegExp(`<testsuite name="${rule}"[^>]*>[\\s\\S]*?</testsuite>|<testsuite name="${rule}"[^>]*/>`).exec(xml);
  if (!m) throw new Error(`no testsuite for ${rule}`);
  return m[0];
}

describe('junit report', () => {
  const xml = renderJunit(sampleEvaluation());

  test('is well-formed XML with a declaration and one testsuites root', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xmlProblems(xml)).toEqual([]);
  });

  test('the well-formedness check itself fails on broken XML', () => {
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a>x & y</a>')).not.toEqual([]);
    expect(xmlProblems('<a m="<"/>')).not.toEqual([]);
  });

  test('has one testsuite per rule, including engine rules that reported', () => {
    const names = [...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([...sampleEvaluation().rules.map((r) => r.ruleId), 'suppression-expired']);
  });

  test('a finding is a failure carrying the escaped message', () => {
    const s = suite(xml, 'iam-no-basic-roles');
    expect(s).toContain('tests="1" failures="1" errors="0" skipped="0"');
    expect(s).toContain(
      '<failure message="member &quot;x&quot; &lt;script&gt;&amp;amp; | pipe bell &apos;quote&apos;" type="finding">',
    );
    expect(s).not.toContain('\u0007');
  });

  test('a suppressed result is skipped with its reason and expiry', () => {
    expect(suite(xml, 'logging-bucket-cmek')).toContain(
      '<skipped message="suppressed (config until 2099-01-31): Google-managed keys until the KMS project exists."/>',
    );
  });

  test('a rule with no results is one passing testcase; a not-applicable one is skipped', () => {
    expect(suite(xml, 'kms-key-rotation')).toBe(
      '<testsuite name="kms-key-rotation" tests="1" failures="0" errors="0" skipped="0">\n<testcase classname="kms-key-rotation" name="kms-key-rotation"/>\n</testsuite>',
    );
    expect(suite(xml, 'alerting-policies-have-channels')).toContain('<skipped message="not applicable: no alert policies"/>');
  });

  test('an unknown fails when the gate counts it, else is skipped', () => {
    expect(suite(xml, 'iam-no-user-principals')).toContain('type="unknown"');
    const warn = renderJunit(sampleEvaluation(), { gate: { failOn: 'high', unknown: 'warn' } });
    expect(suite(warn, 'iam-no-user-principals')).toContain('<skipped message="unknown before apply: The member is known only after apply."/>');
    expect(suite(xml, 'logging-bucket-retention')).toContain('<skipped message="unknown before apply:');
  });

  test('totals add up over all testcases', () => {
    // 8 results + 1 passing rule + 1 not-applicable rule; failures: 4 findings + 1 high unknown.
    expect(xml).toMatch(/<testsuites name="gcp-security-baseline" tests="10" failures="5" errors="0" skipped="4" timestamp="2025-11-27T12:00:00.000Z">/);
  });

  test('escapeXml escapes the five specials and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u001f\t`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t');
  });
});
