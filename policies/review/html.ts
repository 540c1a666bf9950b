/**
 * One self-contained HTML file: inline CSS, no script, no request to anywhere. Diagrams are laid out by
 * Graphviz (compiled to WebAssembly, @viz-js/viz) here in Node, so the file holds finished SVG.
 */
import { instance, type Viz } from '@viz-js/viz';
import type { Block, Document, Span, Spans } from './document';
import { toDot } from './graph';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function span(s: Span): string {
  if (typeof s === 'string') return escapeHtml(s);
  const tag = s.style === 'code' ? 'code' : s.style === 'strong' ? 'strong' : 'mark';
  return `<${tag}>${escapeHtml(s.text)}</${tag}>`;
}

const spans = (items: Spans) => items.map(span).join('');

const omitted = (n: number) => (n > 0 ? `<p class="omitted">… and ${n} more not shown.</p>` : '');

/** Graphviz's SVG without its XML prolog and DOCTYPE (they are not allowed inside HTML). */
function inlineSvg(viz: Viz, dot: string): string {
  const svg = viz.renderString(dot, { format: 'svg' });
  return svg.slice(svg.indexOf('<svg'));
}

function block(b: Block, viz: Viz): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${spans(b.spans)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${spans(i)}</li>`).join('')}</ul>${omitted(b.omitted)}`;
    case 'table':
      return (
        `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${spans(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>${omitted(b.omitted)}`
      );
    case 'diagram':
      return `<figure class="diagram"><figcaption>${escapeHtml(b.title)}</figcaption>${b.graph.nodes.length > 0 ? inlineSvg(viz, toDot(b.graph)) : '<p>(nothing to draw)</p>'}</figure>`;
  }
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #202124; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid #dadce0; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
th, td { border: 1px solid #dadce0; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f3f4; } tbody tr:nth-child(even) { background: #fafafa; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f3f4; padding: 0 .2rem; border-radius: 3px; word-break: break-all; }
mark { background: #fce8e6; color: #a50e0e; font-weight: 600; padding: 0 .2rem; border-radius: 3px; }
figure.diagram { margin: 1rem 0; overflow-x: auto; } figure.diagram svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: .3rem; } .omitted { font-style: italic; color: #5f6368; }
`;

/** One Graphviz WebAssembly instance per process: it renders any number of graphs, and making one costs ~0.1 s. */
let vizInstance: Promise<Viz> | undefined;

export async function renderHtml(doc: Document): Promise<string> {
  const viz = await (vizInstance ??= instance());
  const body = doc.blocks.map((b) => block(b, viz)).join('\n');
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(doc.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}
