/**
 * The human report for a terminal: results grouped by severity, every suppression with its reason
 * and expiry, one summary line. Colour is the caller's decision (TTY and NO_COLOR), never this file's.
 */
import type { Evaluation, Result, RuleOutcome } from '../engine/results';
import { SEVERITIES, type Severity } from '../engine/rule';
import { plainLine } from './plain';
import { sortedResults, summarize, summaryLine } from './summary';
import { DEFAULT_GATE, fails, type Gate } from './verdict';

export interface TextOptions {
  /** Colour with ANSI escapes. @default false */
  readonly color?: boolean;
  /** The gate the summary line's verdict is computed with. @default fail-on high, unknown fail */
  readonly gate?: Gate;
}

const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36 } as const;
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  critical: ['bold', 'red'],
  high: ['red'],
  medium: ['yellow'],
  low: ['cyan'],
};

function painter(color: boolean) {
  return (text: string, ...styles: Style[]) =>
    color && styles.length > 0 ? `\u001b[${styles.map((s) => ANSI[s]).join(';')}m${text}\u001b[0m` : text;
}

function locationOf(result: Result): string {
  const where = [result.path ? `at ${result.path}` : undefined, result.constructPath ? `construct ${result.constructPath}` : undefined];
  return plainLine(where.filter(Boolean).join(', '));
}

function inputsOf(evaluation: Evaluation): string {
  const [first, ...rest] = evaluation.sources;
  if (first === undefined) return '(no input)';
  return rest.length > 0 ? `${plainLine(first)} and ${rest.length} more file${rest.length === 1 ? '' : 's'}` : plainLine(first);
}

const OUTCOME_ORDER: readonly RuleOutcome['outcome'][] = ['pass', 'finding', 'unknown', 'not-applicable', 'error'];
const OUTCOME_WORDS: Readonly<Record<RuleOutcome['outcome'], string>> = {
  pass: 'pass',
  finding: 'with findings',
  unknown: 'undecided before apply',
  'not-applicable': 'had nothing to judge',
  error: 'errored',
};

/**
 * What was checked, so a clean run is evidence and not only a PASS: a tally of rule outcomes, then
 * the rules that had nothing to judge (a gap a reviewer should see) and the ones that errored, with why.
 */
function ruleLines(evaluation: Evaluation, paint: ReturnType<typeof painter>): string[] {
  const count = (outcome: RuleOutcome['outcome']) => evaluation.rules.filter((r) => r.outcome === outcome).length;
  const tally = OUTCOME_ORDER.filter((o) => count(o) > 0).map((o) => `${count(o)} ${OUTCOME_WORDS[o]}`);
  const lines = ['', paint(`RULES (${evaluation.rules.length}): ${tally.join(', ')}`, 'bold')];
  for (const rule of evaluation.rules) {
    if (rule.outcome !== 'not-applicable' && rule.outcome !== 'error') continue;
    const why = rule.reason ? `: ${plainLine(rule.reason)}` : '';
    lines.push(paint(`  ${rule.ruleId} ${OUTCOME_WORDS[rule.outcome]}${why}`, rule.outcome === 'error' ? 'red' : 'dim'));
  }
  return lines;
}

export function renderText(evaluation: Evaluation, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const gate = options.gate ?? DEFAULT_GATE;
  const results = sortedResults(evaluation);
  const open = results.filter((r) => !r.suppression);
  const suppressed = results.filter((r) => r.suppression);
  const lines: string[] = [
    paint(`gcp-security-baseline: ${inputsOf(evaluation)}`, 'bold'),
    paint(`input ${evaluation.inputKind}, pack ${evaluation.pack}, evaluated ${evaluation.evaluatedAt}`, 'dim'),
  ];

  for (const severity of SEVERITIES) {
    const group = open.filter((r) => r.severity === severity);
    if (group.length === 0) continue;
    lines.push('', paint(`${severity.toUpperCase()} (${group.length})`, ...SEVERITY_STYLE[severity]));
    for (const r of group) {
      const mark = r.outcome === 'unknown' ? paint(' [unknown]', 'magenta') : '';
      const blocking = fails(r, gate) ? '' : paint(' (does not fail)', 'dim');
      lines.push(`  ${paint(r.ruleId, 'bold')}  ${plainLine(r.resourceId)}${mark}${blocking}`);
      lines.push(`    ${plainLine(r.message)}`);
      const where = locationOf(r);
      if (where) lines.push(paint(`    ${where}`, 'dim'));
    }
  }

  if (suppressed.length > 0) {
    lines.push('', paint(`SUPPRESSED (${suppressed.length})`, 'dim'));
    for (const r of suppressed) {
      const s = r.suppression!;
      const kind = r.outcome === 'unknown' ? ' [unknown]' : '';
      lines.push(`  ${r.ruleId}  ${plainLine(r.resourceId)}${kind}  (${r.severity}; ${s.source}: ${plainLine(s.reason)})`);
    }
  }

  if (evaluation.suppressions.length > 0) {
    lines.push('', paint(`SUPPRESSIONS DECLARED (${evaluation.suppressions.length})`, 'bold'));
    for (const s of evaluation.suppressions) {
      const expiry = s.expires ? `expires ${s.expires}` : 'no expiry';
      const state = s.expired ? paint('EXPIRED', 'red') : `used ${s.used}x`;
      lines.push(`  [${s.source}] ${plainLine(s.rule)} on ${plainLine(s.address)}, ${expiry}, ${state}`);
      lines.push(`    reason: ${plainLine(s.reason)}`);
    }
  }

  if (evaluation.rules.length > 0) lines.push(...ruleLines(evaluation, paint));

  const failed = summarize(evaluation, gate).failing > 0;
  lines.push('', paint(summaryLine(evaluation, gate), 'bold', failed ? 'red' : 'green'));
  return `${lines.join('\n')}\n`;
}
