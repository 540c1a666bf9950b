/** GitHub-flavoured Markdown for a pull-request comment: tables, and Mermaid blocks for diagrams. */
import type { Block, Document, Span, Spans } from './document';
import { toMermaid } from './graph';

/** Text in a table cell or paragraph: no line breaks, pipes escaped, Markdown markup neutralised. */
function escape(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = flat.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${flat}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function span(s: Span): string {
  if (typeof s === 'string') return escape(s);
  if (s.style === 'code') return codeSpan(s.text);
  if (s.style === 'strong') return `**${escape(s.text)}**`;
  return `**⚠ ${escape(s.text)}**`;
}

const spans = (items: Spans) => items.map(span).join('');

function omittedLine(omitted: number): string[] {
  return omitted > 0 ? [`_… and ${omitted} more not shown._`, ''] : [];
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${escape(b.text)}`, ''];
    case 'paragraph':
      return [spans(b.spans), ''];
    case 'list':
      return [...b.items.map((i) => `- ${spans(i)}`), '', ...omittedLine(b.omitted)];
    case 'table':
      return [
        `| ${b.head.map(escape).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map((c) => spans(c) || ' ').join(' | ')} |`),
        '',
        ...omittedLine(b.omitted),
      ];
    case 'diagram':
      return ['```mermaid', toMermaid(b.graph), '```', ''];
  }
}

export function renderMarkdown(doc: Document): string {
  return `${doc.blocks.flatMap(block).join('\n').trimEnd()}\n`;
}
