/**
 * Markdown for a pull-request comment: verdict, counts by severity, then the findings, the unknowns
 * and the suppressions (with reasons) as tables a reviewer can scan.
 */
import type { Evaluation, Result } from '../engine/results';
import { SEVERITIES } from '../engine/rule';
import { ruleDocUrl } from '../package-info';
import { plainLine } from './plain';
import { plural, sortedResults, summarize } from './summary';
import { DEFAULT_GATE, type Gate } from './verdict';

export interface MarkdownOptions {
  /** The gate the verdict is computed with. @default fail-on high, unknown fail */
  readonly gate?: Gate;
}

/**
 * Table cells of text from the input: one plain line in which every Markdown punctuation character is
 * backslash-escaped (CommonMark lets any ASCII punctuation be), so a member written `[x](https://...)`, an
 * emphasis, an HTML tag or a column break prints as the characters it is and never as a link or markup.
 */
function cell(text: string): string {
  return plainLine(text).replace(/[\\`*_{}\[\]()<>#!|~&:^]/g, '\\$&');
}

/**
 * A code span around any text: a fence one backtick longer than the longest run inside it, padded when the
 * text starts or ends with a backtick (CommonMark 6.1). Inside a table the only escape GFM honours is `\|`.
 */
function code(text: string): string {
  const line = plainLine(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line.replace(/\|/g, '\\|')}${pad}${fence}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function resultRows(results: readonly Result[]): string[][] {
  return results.map((r) => [`[${code(r.ruleId)}](${ruleDocUrl(r.ruleId)})`, r.severity, code(r.resourceId), cell(r.message)]);
}

export function renderMarkdown(evaluation: Evaluation, options: MarkdownOptions = {}): string {
  const gate = options.gate ?? DEFAULT_GATE;
  const summary = summarize(evaluation, gate);
  const results = sortedResults(evaluation);
  const findings = results.filter((r) => !r.suppression && r.outcome === 'finding');
  const unknowns = results.filter((r) => !r.suppression && r.outcome === 'unknown');
  const verdict = summary.failing > 0 ? `:x: **FAIL**: ${plural(summary.failing, 'result')} at or above ${gate.failOn}` : ':white_check_mark: **PASS**';
  const lines: string[] = [
    '## gcp-security-baseline',
    '',
    `${verdict} (pack \`${evaluation.pack}\`, ${plural(evaluation.rules.length, 'rule')}, ${plural(evaluation.resourceCount, 'resource')}, fail-on \`${gate.failOn}\`, unknown \`${gate.unknown}\`)`,
    '',
    ...table(
      ['Severity', 'Findings', 'Unknown'],
      SEVERITIES.map((s) => [s, String(summary.findings[s]), String(summary.unknowns[s])]),
    ),
    '',
    `Suppressed: ${summary.suppressed}`,
  ];
  if (findings.length > 0) lines.push('', '### Findings', '', ...table(['Rule', 'Severity', 'Address', 'Message'], resultRows(findings)));
  if (unknowns.length > 0) {
    lines.push('', '### Unknown before apply', '', 'These cannot be decided until the values exist; review them by hand.', '');
    lines.push(...table(['Rule', 'Severity', 'Address', 'Message'], resultRows(unknowns)));
  }
  if (evaluation.suppressions.length > 0) {
    const rows = evaluation.suppressions.map((s) => [
      code(s.rule),
      code(s.address),
      s.source,
      cell(s.reason),
      s.expires ?? 'none',
      s.expired ? '**expired**' : String(s.used),
    ]);
    lines.push('', '### Suppressions', '', ...table(['Rule', 'Address', 'Source', 'Reason', 'Expires', 'Used'], rows));
  }
  return `${lines.join('\n')}\n`;
}
