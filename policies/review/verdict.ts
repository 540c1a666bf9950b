/** The verdict section: findings by severity, unknowns, suppressions with their reasons and expiry. */
import type { Evaluation } from '../engine/results';
import { SEVERITIES, type Severity } from '../engine/rule';
import { exitCodeOf, type Gate } from '../report/verdict';
import type { VerdictFacts } from './facts';

export function verdictFacts(evaluation: Evaluation, gate: Gate): VerdictFacts {
  const open = evaluation.results.filter((r) => r.suppression === undefined);
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, open.filter((r) => r.outcome === 'finding' && r.severity === s).length])) as Record<Severity, number>;
  const top = [...open]
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.outcome.localeCompare(b.outcome) || a.ruleId.localeCompare(b.ruleId) || a.address.localeCompare(b.address))
    .map((r) => ({ severity: r.severity, ruleId: r.ruleId, address: r.address, message: r.message, outcome: r.outcome }));
  return {
    passed: exitCodeOf(evaluation, gate) === 0,
    findings,
    unknowns: open.filter((r) => r.outcome === 'unknown').length,
    suppressed: evaluation.results.length - open.length,
    top,
    suppressions: evaluation.suppressions
      .map((s) => ({ rule: s.rule, address: s.address, reason: s.reason, expires: s.expires, used: s.used, expired: s.expired }))
      .sort((a, b) => a.rule.localeCompare(b.rule) || a.address.localeCompare(b.address)),
  };
}
