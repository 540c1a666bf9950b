/**
 * `baseline events`: exported log entries in, normalized security events (or, with --coverage, the context
 * each log source carries) out. Loaded by the CLI on first use, like the engine.
 */
import { normalizeEntry, type ApplicationLogMapping } from '../catalog/security-events';
import type { DeclaredLogSource } from '../catalog/log-sources';
import { CoverageCounter, coverageText } from './coverage';
import { EntryError, readEntries } from './read-entries';

export const EVENT_FORMATS = ['ndjson', 'json'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export interface EventsOptions {
  readonly format: EventFormat;
  readonly coverage: boolean;
  readonly skipInvalid: boolean;
  readonly applicationLogs: readonly ApplicationLogMapping[];
  /** The org config's declared log sources: --coverage gives each its row, with its coupling. @default - none */
  readonly sources?: readonly DeclaredLogSource[];
}

export interface EventsRun {
  readonly events: number;
  readonly skipped: number;
  /** The first entry skipped, for the closing note. */
  readonly firstSkipped?: EntryError;
}

/** Output is gathered into chunks of about this many characters: one write per event is slow on a pipe. */
const CHUNK = 64 * 1024;

/**
 * Streams `input` through the mapping and writes the result with `write`. A bad entry throws its EntryError
 * unless `skipInvalid`, in which case it is counted.
 */
export function runEvents(input: string, options: EventsOptions, write: (text: string) => void): EventsRun {
  let buffer = '';
  const out = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const coverage = options.coverage ? new CoverageCounter(options.sources) : undefined;
  let events = 0;
  let skipped = 0;
  let firstSkipped: EntryError | undefined;
  if (!coverage && options.format === 'json') out('[');
  readEntries(input, (entry) => {
    if (entry instanceof EntryError) {
      if (!options.skipInvalid) throw entry;
      skipped++;
      firstSkipped ??= entry;
      return;
    }
    const { event, present } = normalizeEntry(entry, options.applicationLogs);
    if (coverage) coverage.add(entry, present);
    else if (options.format === 'json') out(`${events === 0 ? '\n' : ',\n'}${JSON.stringify(event)}`);
    else out(`${JSON.stringify(event)}\n`);
    events++;
  });
  if (coverage) {
    const rows = coverage.result();
    out(options.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : coverageText(rows));
  } else if (options.format === 'json') out(events === 0 ? ']\n' : '\n]\n');
  if (buffer !== '') write(buffer);
  return { events, skipped, firstSkipped };
}
