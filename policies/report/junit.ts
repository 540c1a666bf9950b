/**
 * JUnit XML for CI test tabs: one testsuite per rule, one testcase per result (a failure per finding,
 * skipped when suppressed) plus one passing testcase for a rule that found nothing.
 */
import type { Evaluation, Result, RuleOutcome } from '../engine/results';
import { sortedResults } from './summary';
import { DEFAULT_GATE, fails, type Gate } from './verdict';
import { element } from './xml';

export interface JunitOptions {
  /** Decides whether an unknown outcome is a failure or a skip. @default fail-on high, unknown fail */
  readonly gate?: Gate;
}

interface Case {
  readonly status: 'passed' | 'failure' | 'skipped';
  readonly xml: string;
}

function resultCase(r: Result, gate: Gate): Case {
  const attrs = { classname: r.ruleId, name: r.path ? `${r.resourceId} (${r.path})` : r.resourceId };
  if (r.suppression) {
    const until = r.suppression.expires ? ` until ${r.suppression.expires}` : '';
    const message = `suppressed (${r.suppression.source}${until}): ${r.suppression.reason}`;
    return { status: 'skipped', xml: element('testcase', attrs, [element('skipped', { message })]) };
  }
  if (r.outcome === 'unknown' && !fails(r, gate)) {
    return { status: 'skipped', xml: element('testcase', attrs, [element('skipped', { message: `unknown before apply: ${r.message}` })]) };
  }
  const detail = [`severity: ${r.severity}`, `message id: ${r.messageId}`, r.constructPath ? `construct: ${r.constructPath}` : '']
    .filter(Boolean)
    .join('\n');
  return { status: 'failure', xml: element('testcase', attrs, [element('failure', { message: r.message, type: r.outcome }, detail)]) };
}

/** A rule with no results still gets a testcase, so the CI tab shows what was checked and passed. */
function quietCase(ruleId: string, outcome: RuleOutcome | undefined): Case {
  const attrs = { classname: ruleId, name: ruleId };
  if (outcome?.outcome === 'not-applicable') {
    return { status: 'skipped', xml: element('testcase', attrs, [element('skipped', { message: `not applicable: ${outcome.reason ?? 'nothing to judge'}` })]) };
  }
  return { status: 'passed', xml: element('testcase', attrs) };
}

interface Suite {
  readonly cases: readonly Case[];
  readonly xml: string;
}

function count(cases: readonly Case[], status: Case['status']): number {
  return cases.filter((c) => c.status === status).length;
}

function suite(ruleId: string, outcome: RuleOutcome | undefined, results: readonly Result[], gate: Gate): Suite {
  const cases = results.length > 0 ? results.map((r) => resultCase(r, gate)) : [quietCase(ruleId, outcome)];
  const attrs = { name: ruleId, tests: cases.length, failures: count(cases, 'failure'), errors: 0, skipped: count(cases, 'skipped') };
  return { cases, xml: element('testsuite', attrs, cases.map((c) => c.xml)) };
}

export function renderJunit(evaluation: Evaluation, options: JunitOptions = {}): string {
  const gate = options.gate ?? DEFAULT_GATE;
  const results = sortedResults(evaluation);
  const outcomes = new Map(evaluation.rules.map((o) => [o.ruleId, o]));
  const ruleIds = [...new Set([...outcomes.keys(), ...results.map((r) => r.ruleId)])];
  const suites = ruleIds.map((id) => suite(id, outcomes.get(id), results.filter((r) => r.ruleId === id), gate));
  const cases = suites.flatMap((s) => s.cases);
  const attrs = {
    name: 'gcp-security-baseline',
    tests: cases.length,
    failures: count(cases, 'failure'),
    errors: 0,
    skipped: count(cases, 'skipped'),
    timestamp: evaluation.evaluatedAt,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', attrs, suites.map((s) => s.xml))}\n`;
}
