/**
 * "Do our logs carry enough context?": per log source, the share of entries that carry each context field of the
 * security-event schema. A source the org config declares (`logging.sources`) is one row under its own name and
 * coupling, whatever log ids its entries come under; every other entry counts under its log id. Declared sources
 * without a single entry come first (a silent source is the worst coverage there is), then the sources that fall
 * short.
 */
import { SECURITY_EVENT_FIELDS, logIdOf } from '../catalog/security-events';
import { entryMatchesSource, type DeclaredLogSource } from '../catalog/log-sources';

/** The fields counted: who, from where, with what, which operation, on what, in which project, and the outcome. */
export const CONTEXT_FIELDS: readonly string[] = SECURITY_EVENT_FIELDS.filter((f) => f.context).map((f) => f.field);

export interface SourceCoverage {
  /** The log id; for a declared source, the log ids its entries came under, comma-separated ('' when none came). */
  readonly logId: string;
  /** The declared source this row is, when it is one. */
  readonly source?: { readonly name: string; readonly kind: DeclaredLogSource['kind']; readonly coupling: DeclaredLogSource['coupling'] };
  readonly entries: number;
  /** Field -> share of entries carrying it, 0 to 1 (all 0 for a source without entries). */
  readonly shares: Readonly<Record<string, number>>;
  /** The mean of the shares: the sort key. */
  readonly mean: number;
}

interface Tally {
  entries: number;
  readonly counts: Map<string, number>;
  readonly logIds: Set<string>;
}

const tally = (): Tally => ({ entries: 0, counts: new Map(), logIds: new Set() });

export class CoverageCounter {
  private readonly byLogId = new Map<string, Tally>();
  private readonly bySource: Map<DeclaredLogSource, Tally>;

  /** @param sources the org config's declared sources: each is a row even when no entry belongs to it. */
  constructor(private readonly sources: readonly DeclaredLogSource[] = []) {
    this.bySource = new Map(sources.map((s) => [s, tally()]));
  }

  add(entry: Record<string, unknown>, present: ReadonlySet<string>): void {
    const id = logIdOf(entry.logName as string);
    const declared = this.sources.find((s) => entryMatchesSource(entry, s));
    let row = declared ? this.bySource.get(declared)! : this.byLogId.get(id);
    if (!row) this.byLogId.set(id, (row = tally()));
    row.entries++;
    row.logIds.add(id);
    for (const field of CONTEXT_FIELDS) if (present.has(field)) row.counts.set(field, (row.counts.get(field) ?? 0) + 1);
  }

  /** Silent declared sources first, then by mean share, lowest first; ties by name. */
  result(): SourceCoverage[] {
    const row = (logId: string, t: Tally, source?: DeclaredLogSource): SourceCoverage => {
      const shares = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, t.entries === 0 ? 0 : (t.counts.get(f) ?? 0) / t.entries]));
      const mean = CONTEXT_FIELDS.reduce((sum, f) => sum + shares[f]!, 0) / CONTEXT_FIELDS.length;
      return { logId, ...(source ? { source: { name: source.name, kind: source.kind, coupling: source.coupling } } : {}), entries: t.entries, shares, mean };
    };
    const rows = [
      ...[...this.bySource.entries()].map(([s, t]) => row([...t.logIds].sort().join(','), t, s)),
      ...[...this.byLogId.entries()].map(([id, t]) => row(id, t)),
    ];
    const silent = (r: SourceCoverage) => (r.entries === 0 ? 0 : 1);
    return rows.sort((a, b) => silent(a) - silent(b) || a.mean - b.mean || nameOf(a).localeCompare(nameOf(b)));
  }
}

const nameOf = (r: SourceCoverage) => r.source?.name ?? r.logId;
const percent = (share: number) => `${Math.floor(share * 100)}%`;

/** A plain-text table: one row per source, one column per context field; a declared source without entries says so. */
export function coverageText(rows: readonly SourceCoverage[]): string {
  const header = ['source', 'coupling', 'entries', ...CONTEXT_FIELDS];
  const body = rows.map((r) => [
    nameOf(r),
    r.source?.coupling ?? '-',
    String(r.entries),
    ...CONTEXT_FIELDS.map((f) => (r.entries === 0 ? 'silent' : percent(r.shares[f]!))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...body.map(line)].join('\n') + '\n';
}
