/**
 * bench/RESULTS.md and its chart: written by `npm run bench` (and by any other benchmark of the repository)
 * one section at a time, so each benchmark replaces its own section and leaves the others as they were.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

export const RESULTS_FILE = join(__dirname, '..', 'bench', 'RESULTS.md');

export interface ResultsSection {
  /** The section's heading (without `## `); a section of the same title already in the file is replaced. */
  readonly title: string;
  readonly markdown: string;
}

const HEADER = '# Benchmark results\n\nWritten by the benchmarks (`npm run bench`); each section says where and when it was measured.\n';

/** One line naming the machine, Node and the time, for the top of a section. */
export function machineLine(now = new Date()): string {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  return `Measured ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${process.platform}; load average at the start ${load}.`;
}

/** The sections of a results file, by title, in file order. */
function sectionsOf(text: string): ResultsSection[] {
  const parts = text.split(/^## /m).slice(1);
  return parts.map((part) => {
    const newline = part.indexOf('\n');
    return { title: part.slice(0, newline).trim(), markdown: part.slice(newline + 1).trim() };
  });
}

/** Writes the sections into the results file, replacing those of the same title and keeping the rest in place. */
export function writeResults(sections: readonly ResultsSection[], file = RESULTS_FILE): void {
  const existing = existsSync(file) ? sectionsOf(readFileSync(file, 'utf8')) : [];
  const merged = existing.map((old) => sections.find((s) => s.title === old.title) ?? old);
  for (const s of sections) if (!existing.some((old) => old.title === s.title)) merged.push(s);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${HEADER}\n${merged.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}`);
}

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** Dashed: the floor a series is compared with. */
  readonly dashed?: boolean;
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartPanel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round number of ticks' step for a range up to `max`. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

/** One panel: linear axes from zero, sizes along x, a polyline and dots per series, a legend. */
function panelSvg(panel: ChartPanel, x0: number, xLabel: (x: number) => string): string {
  const width = 440;
  const height = 300;
  const left = x0 + 60;
  const right = x0 + width - 20;
  const top = 40;
  const bottom = height - 50;
  const xs = panel.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = panel.series.flatMap((s) => s.points.map((p) => p[1]));
  const xMax = Math.max(...xs);
  const step = tickStep(Math.max(...ys));
  const yMax = Math.ceil(Math.max(...ys) / step) * step;
  const px = (x: number) => left + (x / xMax) * (right - left);
  const py = (y: number) => bottom - (y / yMax) * (bottom - top);
  const out: string[] = [`<text x="${x0 + width / 2}" y="22" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text>`];
  for (let y = 0; y <= yMax + 1e-9; y += step) {
    out.push(`<line x1="${left}" x2="${right}" y1="${py(y).toFixed(1)}" y2="${py(y).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${(py(y) + 4).toFixed(1)}" text-anchor="end">${Number(y.toFixed(6))}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<line x1="${px(x).toFixed(1)}" x2="${px(x).toFixed(1)}" y1="${bottom}" y2="${bottom + 4}" stroke="#333"/>`);
    out.push(`<text x="${px(x).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${escapeXml(xLabel(x))}</text>`);
  }
  out.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#333"/><line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#333"/>`);
  out.push(`<text x="${x0 + 14}" y="${(top + bottom) / 2}" transform="rotate(-90 ${x0 + 14} ${(top + bottom) / 2})" text-anchor="middle">${escapeXml(panel.unit)}</text>`);
  out.push(`<text x="${(left + right) / 2}" y="${height - 12}" text-anchor="middle">resources in the plan</text>`);
  panel.series.forEach((s, i) => {
    const points = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const [x, y] of s.points) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = top + 6 + i * 16;
    out.push(`<line x1="${left + 10}" x2="${left + 34}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${left + 40}" y="${ly + 4}">${escapeXml(s.label)}</text>`);
  });
  return out.join('\n');
}

/** A hand-written SVG of panels side by side (no charting dependency). */
export function chartSvg(panels: readonly ChartPanel[], xLabel: (x: number) => string): string {
  const width = 440 * panels.length;
  const body = panels.map((p, i) => panelSvg(p, i * 440, xLabel)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="300" viewBox="0 0 ${width} 300" font-family="sans-serif" font-size="11">\n<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
}
