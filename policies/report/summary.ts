/** Counts and ordering shared by the human-facing reports (text, markdown) and the CLI. */
import type { Evaluation, Result } from '../engine/results';
import { SEVERITIES, type Severity } from '../engine/rule';
import { DEFAULT_GATE, failingResults, type Gate } from './verdict';

export interface Summary {
  /** Unsuppressed findings per severity. */
  readonly findings: Readonly<Record<Severity, number>>;
  /** Unsuppressed unknown outcomes per severity. */
  readonly unknowns: Readonly<Record<Severity, number>>;
  /** Results a suppression covers (findings and unknowns). */
  readonly suppressed: number;
  readonly totalFindings: number;
  readonly totalUnknowns: number;
  /** Results that fail the run under the gate. */
  readonly failing: number;
}

function zeroes(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

export function summarize(evaluation: Evaluation, gate: Gate = DEFAULT_GATE): Summary {
  const findings = zeroes();
  const unknowns = zeroes();
  let suppressed = 0;
  for (const r of evaluation.results) {
    if (r.suppression) suppressed++;
    else if (r.outcome === 'finding') findings[r.severity]++;
    else unknowns[r.severity]++;
  }
  const total = (counts: Record<Severity, number>) => SEVERITIES.reduce((n, s) => n + counts[s], 0);
  return {
    findings,
    unknowns,
    suppressed,
    totalFindings: total(findings),
    totalUnknowns: total(unknowns),
    failing: failingResults(evaluation, gate).length,
  };
}

/** `1 rule`, `2 rules`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 findings (1 critical, 2 high), 1 unknown, 2 suppressed; 31 rules, 120 resources: FAIL (fail-on high)` */
export function summaryLine(evaluation: Evaluation, gate: Gate = DEFAULT_GATE): string {
  const s = summarize(evaluation, gate);
  const bySeverity = SEVERITIES.filter((sev) => s.findings[sev] > 0).map((sev) => `${s.findings[sev]} ${sev}`);
  const findings = plural(s.totalFindings, 'finding') + (bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : '');
  const verdict = s.failing > 0 ? 'FAIL' : 'PASS';
  return (
    `${findings}, ${plural(s.totalUnknowns, 'unknown')}, ${s.suppressed} suppressed; ` +
    `${plural(evaluation.rules.length, 'rule')}, ${plural(evaluation.resourceCount, 'resource')} (pack ${evaluation.pack}): ` +
    `${verdict} (fail-on ${gate.failOn}, unknown ${gate.unknown})`
  );
}

/** Most severe first, then by rule and resource, so every report lists results in one stable order. */
export function byDisplayOrder(a: Result, b: Result): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.resourceId.localeCompare(b.resourceId) ||
    (a.path ?? '').localeCompare(b.path ?? '')
  );
}

export function sortedResults(evaluation: Evaluation): Result[] {
  return [...evaluation.results].sort(byDisplayOrder);
}
