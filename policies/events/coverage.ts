/**
 * "Do our logs carry enough context?": per log source (log id), the share of entries that carry each context
 * field of the security-event schema, the sources that fall short first.
 */
import { SECURITY_EVENT_FIELDS, logIdOf } from '../catalog/security-events';

/** The fields counted: who, from where, with what, which operation, on what, in which project, and the outcome. */
export const CONTEXT_FIELDS: readonly string[] = SECURITY_EVENT_FIELDS.filter((f) => f.context).map((f) => f.field);

export interface SourceCoverage {
  readonly logId: string;
  readonly entries: number;
  /** Field -> share of entries carrying it, 0 to 1. */
  readonly shares: Readonly<Record<string, number>>;
  /** The mean of the shares: the sort key. */
  readonly mean: number;
}

export class CoverageCounter {
  private readonly sources = new Map<string, { entries: number; counts: Map<string, number> }>();

  add(logName: string, present: ReadonlySet<string>): void {
    const id = logIdOf(logName);
    let source = this.sources.get(id);
    if (!source) this.sources.set(id, (source = { entries: 0, counts: new Map() }));
    source.entries++;
    for (const field of CONTEXT_FIELDS) if (present.has(field)) source.counts.set(field, (source.counts.get(field) ?? 0) + 1);
  }

  /** Sources by mean share, lowest first; ties by log id. */
  result(): SourceCoverage[] {
    return [...this.sources.entries()]
      .map(([logId, s]) => {
        const shares = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, (s.counts.get(f) ?? 0) / s.entries]));
        const mean = CONTEXT_FIELDS.reduce((sum, f) => sum + shares[f]!, 0) / CONTEXT_FIELDS.length;
        return { logId, entries: s.entries, shares, mean };
      })
      .sort((a, b) => a.mean - b.mean || a.logId.localeCompare(b.logId));
  }
}

const percent = (share: number) => `${Math.floor(share * 100)}%`;

/** A plain-text table: one row per source, one column per context field. */
export function coverageText(rows: readonly SourceCoverage[]): string {
  const header = ['source', 'entries', ...CONTEXT_FIELDS];
  const body = rows.map((r) => [r.logId, String(r.entries), ...CONTEXT_FIELDS.map((f) => percent(r.shares[f]!))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...body.map(line)].join('\n') + '\n';
}
