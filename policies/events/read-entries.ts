/**
 * Reads exported Cloud Logging entries one at a time, in both shapes they come in: the JSON array that
 * `gcloud logging read --format=json` prints (pretty-printed, one entry over many lines) and the
 * newline-delimited JSON that Cloud Logging writes to Cloud Storage. A file is read line by line
 * (forEachLine), so memory holds one entry, never the file. Each entry comes with the line it starts on.
 */
import { InputError } from '../engine/errors';
import { forEachLine, forEachTextLine, peekText, readText } from '../engine/load/read-text';

/** A LogEntry as far as the mapping needs: an object with a log name and a timestamp. */
export type LogEntry = Record<string, unknown>;

/**
 * Why an entry could not be read, and where: one line for the user. An InputError, so that thrown from a
 * line visitor it passes through forEachLine unchanged.
 */
export class EntryError extends InputError {
  constructor(
    readonly lineNumber: number,
    readonly reason: string,
  ) {
    super(`line ${lineNumber}: ${reason}`);
  }
}

/** What makes a JSON value a LogEntry here; the reason names what is missing, never the value itself. */
export function notALogEntry(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `not a LogEntry: expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  const entry = value as Record<string, unknown>;
  if (typeof entry.logName !== 'string') return 'not a LogEntry: no logName';
  if (typeof entry.timestamp !== 'string') return 'not a LogEntry: no timestamp';
  return undefined;
}

/** Calls `visit` with each entry, or with the EntryError that stands in its place (the caller stops or skips). */
export type EntryVisitor = (entry: LogEntry | EntryError, lineNumber: number) => void;

function lines(input: string, shown: string, visit: (line: string, lineNumber: number) => void): void {
  if (input !== '-') return forEachLine(input, shown, visit);
  forEachTextLine(readText(0, shown), visit);
}

function parsed(text: string, lineNumber: number): LogEntry | EntryError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new EntryError(lineNumber, 'not JSON');
  }
  const reason = notALogEntry(value);
  return reason === undefined ? (value as LogEntry) : new EntryError(lineNumber, reason);
}

/**
 * Splits a JSON array into its elements as the lines go by: a small scanner that follows strings and
 * nesting, so an element is parsed alone, as soon as it closes.
 */
class ArrayScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element: string[] = [];
  private elementLine = 0;
  private closed = false;
  /** Set once the array cannot be followed any further (a stray value); everything after is ignored. */
  private broken = false;

  constructor(private readonly visit: EntryVisitor) {}

  line(text: string, lineNumber: number): void {
    if (this.broken) return;
    let start = this.depth >= 2 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') continue;
      if (this.closed) return this.fail(lineNumber, 'not JSON: text after the end of the array');
      if (this.depth === 0) {
        if (c !== '[') return this.fail(lineNumber, 'not JSON: expected an array of LogEntries');
        this.depth = 1;
      } else if (this.depth === 1) {
        if (c === ',') continue;
        if (c === ']') {
          this.depth = 0;
          this.closed = true;
          continue;
        }
        if (c !== '{') return this.fail(lineNumber, `not a LogEntry: expected a JSON object in the array`);
        this.depth = 2;
        this.elementLine = lineNumber;
        start = i;
      } else {
        if (c === '"') this.inString = true;
        else if (c === '{' || c === '[') this.depth++;
        else if (c === '}' || c === ']') {
          this.depth--;
          if (this.depth === 1) {
            this.element.push(text.slice(start, i + 1));
            const entry = parsed(this.element.join('\n'), this.elementLine);
            this.element = [];
            start = -1;
            this.visit(entry, this.elementLine);
          }
        }
      }
    }
    if (this.depth >= 2 && start >= 0) this.element.push(text.slice(start));
  }

  end(lastLine: number): void {
    if (this.broken) return;
    if (!this.closed) this.fail(lastLine, this.depth >= 2 ? `truncated: the entry that starts on line ${this.elementLine} does not end` : 'truncated: the JSON array is not closed');
  }

  private fail(lineNumber: number, reason: string): void {
    this.broken = true;
    this.visit(new EntryError(lineNumber, reason), lineNumber);
  }
}

/** Whether the input is a JSON array (gcloud) rather than newline-delimited entries: its first character. */
function isArray(input: string, shown: string, firstLine: string | undefined): boolean {
  const head = input === '-' ? (firstLine ?? '') : peekText(input, shown, 4096);
  return head.trimStart().startsWith('[');
}

/**
 * Reads every entry of `input` (a file, or `-` for stdin) and hands each to `visit` in order. An unreadable
 * file is an InputError (from read-text); a bad entry is an EntryError handed to `visit`.
 */
export function readEntries(input: string, visit: EntryVisitor): void {
  const shown = input === '-' ? '<stdin>' : input;
  let mode: 'array' | 'lines' | undefined = input === '-' ? undefined : isArray(input, shown, undefined) ? 'array' : 'lines';
  let scanner: ArrayScanner | undefined;
  let last = 0;
  lines(input, shown, (line, lineNumber) => {
    last = lineNumber;
    if (mode === undefined) {
      if (line.trim() === '') return;
      mode = isArray('-', shown, line) ? 'array' : 'lines';
    }
    if (mode === 'array') {
      scanner ??= new ArrayScanner(visit);
      return scanner.line(line, lineNumber);
    }
    if (line.trim() === '') return;
    visit(parsed(line, lineNumber), lineNumber);
  });
  if (mode === 'array') (scanner ?? new ArrayScanner(visit)).end(last);
}
