/** Diagrams as text: Mermaid for the Markdown (GitHub draws it), DOT for Graphviz (the HTML's inline SVG). */
import type { Graph, GraphNode } from './document';

const MERMAID_SHAPES: Readonly<Record<GraphNode['kind'], [string, string]>> = {
  source: ['([', '])'],
  sink: ['[/', '/]'],
  destination: ['[(', ')]'],
  gap: ['{{', '}}'],
  node: ['[', ']'],
};

function mermaidLabel(label: string): string {
  return `"${label.replace(/"/g, '#quot;').replace(/\n/g, '<br/>')}"`;
}

export function toMermaid(graph: Graph): string {
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) {
    const [open, close] = MERMAID_SHAPES[n.kind];
    lines.push(`  ${n.id}${open}${mermaidLabel(n.label)}${close}`);
  }
  for (const e of graph.edges) lines.push(`  ${e.from} -->${e.label ? `|${mermaidLabel(e.label)}|` : ''} ${e.to}`);
  return lines.join('\n');
}

const DOT_STYLE: Readonly<Record<GraphNode['kind'], string>> = {
  source: 'shape=ellipse, style=filled, fillcolor="#e8f0fe"',
  sink: 'shape=parallelogram, style=filled, fillcolor="#fef7e0"',
  destination: 'shape=cylinder, style=filled, fillcolor="#e6f4ea"',
  gap: 'shape=octagon, style=filled, fillcolor="#fce8e6", color="#c5221f"',
  node: 'shape=box',
};

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function toDot(graph: Graph): string {
  const lines = ['digraph G {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  for (const n of graph.nodes) lines.push(`  ${n.id} [label=${dotString(n.label)}, ${DOT_STYLE[n.kind]}];`);
  for (const e of graph.edges) lines.push(`  ${e.from} -> ${e.to}${e.label ? ` [label=${dotString(e.label)}]` : ''};`);
  lines.push('}');
  return lines.join('\n');
}
