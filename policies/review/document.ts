/**
 * A small document model between facts and formats: headings, paragraphs, lists, tables and diagrams.
 * The layouts (review, practices) decide what to say once; the Markdown and HTML renderers only format,
 * so the two files always say the same thing.
 */

/** Inline text: plain, or styled (`code` for identifiers, `strong` for emphasis, `mark` for a highlight). */
export type Span = string | { readonly text: string; readonly style: 'code' | 'strong' | 'mark' };
export type Spans = readonly Span[];

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  /** Drawn differently: a source, a sink, a destination, a gap. */
  readonly kind: 'source' | 'sink' | 'destination' | 'gap' | 'node';
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label?: string }[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly spans: Spans }
  | { readonly kind: 'list'; readonly items: readonly Spans[]; readonly omitted: number }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Spans[])[]; readonly omitted: number }
  | { readonly kind: 'diagram'; readonly title: string; readonly graph: Graph };

export interface Document {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** Rows a table or list shows before it says how many it left out: a large org stays readable. */
export const MAX_ROWS = 150;

export const code = (text: string): Span => ({ text, style: 'code' });
export const strong = (text: string): Span => ({ text, style: 'strong' });
export const mark = (text: string): Span => ({ text, style: 'mark' });

export function heading(level: 1 | 2 | 3, text: string): Block {
  return { kind: 'heading', level, text };
}

export function paragraph(...spans: Span[]): Block {
  return { kind: 'paragraph', spans };
}

export function list(items: readonly Spans[], cap = MAX_ROWS): Block {
  return { kind: 'list', items: items.slice(0, cap), omitted: Math.max(0, items.length - cap) };
}

export function table(head: readonly string[], rows: readonly (readonly Spans[])[], cap = MAX_ROWS): Block {
  return { kind: 'table', head, rows: rows.slice(0, cap), omitted: Math.max(0, rows.length - cap) };
}

