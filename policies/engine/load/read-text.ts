/**
 * Reads an input file as text, bounded: regular files only (a FIFO would block, `/dev/zero` would read
 * forever), at most MAX_INPUT_BYTES, with a one-line InputError for anything else.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { InputError } from '../errors';

/** The largest input read: V8 strings hold about 512 MiB, and no real plan comes near it. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * The longest line of a line-by-line read (one asset of a Cloud Asset Inventory export): an IAM policy is
 * at most 64 KiB (IAM quota), so a line anywhere near this is not an asset.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const MiB = 1024 * 1024;

function tooLarge(shown: string, what: string): InputError {
  return new InputError(`${shown}: ${what} is larger than ${MAX_INPUT_BYTES / MiB} MiB, the most the checker reads`);
}

/** A stream (stdin, a pipe) read in chunks, stopping at the limit so an endless source cannot exhaust memory. */
function readStream(fd: number, shown: string, what: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(MiB);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge(shown, what);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

/** Opens a file without blocking (a FIFO would wait for a writer) and judges what was opened, not the name. */
function openRegularFile(file: string, shown: string, what: string): { fd: number; size: number } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`${shown}: cannot read ${what}: not a regular file`);
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

function readFailure(error: unknown, shown: string, what: string): InputError {
  if (error instanceof InputError) return error;
  return new InputError(`${shown}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
}

/** The first bytes of a regular file (at most `bytes`), for telling formats apart before reading the whole. */
export function peekText(file: string, shown: string, bytes = 64 * 1024, what = 'input'): string {
  try {
    const { fd } = openRegularFile(file, shown, what);
    try {
      const buffer = Buffer.allocUnsafe(bytes);
      const n = readSync(fd, buffer, 0, bytes, 0);
      return buffer.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw readFailure(error, shown, what);
  }
}

/**
 * Reads a regular file line by line, in 1 MiB chunks, handing each line (without its newline) and its
 * 1-based number to `visit`: memory holds one chunk and one line, never the file, so a file may be larger
 * than MAX_INPUT_BYTES. A line longer than MAX_LINE_BYTES is an InputError. Synchronous like every other
 * read of the engine, so loadModel and check() stay synchronous for the synth gate.
 */
export function forEachLine(file: string, shown: string, visit: (line: string, lineNumber: number) => void, what = 'input'): void {
  let opened: { fd: number } | undefined;
  try {
    opened = openRegularFile(file, shown, what);
    const chunk = Buffer.allocUnsafe(MiB);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let lineNumber = 0;
    const emit = (tail: Buffer) => {
      const line = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
      pending = [];
      pendingBytes = 0;
      lineNumber++;
      visit(withoutByteOrderMark(line.toString('utf8').replace(/\r$/, ''), lineNumber), lineNumber);
    };
    for (;;) {
      const n = readSync(opened.fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      let start = 0;
      for (let newline = chunk.indexOf(10, start); newline >= 0 && newline < n; newline = chunk.indexOf(10, start)) {
        if (pendingBytes + newline - start > MAX_LINE_BYTES) throw new InputError(`${shown}: line ${lineNumber + 1} is longer than ${MAX_LINE_BYTES / MiB} MiB`);
        emit(chunk.subarray(start, newline));
        start = newline + 1;
      }
      if (start < n) {
        pendingBytes += n - start;
        if (pendingBytes > MAX_LINE_BYTES) throw new InputError(`${shown}: line ${lineNumber + 1} is longer than ${MAX_LINE_BYTES / MiB} MiB`);
        pending.push(Buffer.from(chunk.subarray(start, n)));
      }
    }
    if (pendingBytes > 0) emit(Buffer.alloc(0));
  } catch (error) {
    // A failure of the visitor is its own (a bug there is not an unreadable file); only system errors are the file's.
    if (error instanceof InputError || (error as NodeJS.ErrnoException).code !== undefined) throw readFailure(error, shown, what);
    throw error;
  } finally {
    if (opened) closeSync(opened.fd);
  }
}

/** A byte order mark opens a file, not its first line's content. */
function withoutByteOrderMark(line: string, lineNumber: number): string {
  return lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

/** forEachLine over text already read (stdin, a `{ text }` input): each line without its LF or CRLF, numbered from 1. */
export function forEachTextLine(text: string, visit: (line: string, lineNumber: number) => void): void {
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    visit(withoutByteOrderMark(line.replace(/\r$/, ''), lineNumber), lineNumber);
  }
}

/**
 * A regular file or a stream (a file descriptor: stdin) as bytes, bounded like readText: for a reader that
 * decodes only the parts it reads (a plan's members, see readPlanSections).
 */
export function readBytes(file: string | number, shown: string, what = 'input'): Buffer {
  try {
    if (typeof file === 'number') return readStream(file, shown, what);
    const { fd, size } = openRegularFile(file, shown, what);
    try {
      if (size > MAX_INPUT_BYTES) throw tooLarge(shown, what);
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw readFailure(error, shown, what);
  }
}

/**
 * Buffer then decode: measured faster than readFileSync(file, 'utf8') on large plans here
 * (47 MB: ~470 ms against ~750 ms), and input files can be hundreds of megabytes.
 */
export function readText(file: string | number, shown: string, what = 'input'): string {
  const bytes = readBytes(file, shown, what);
  return decodeText(bytes, shown, what);
}

/** A file's bytes as text; a text longer than V8's longest string is the one-line error any unreadable input gives. */
export function decodeText(bytes: Buffer, shown: string, what = 'input'): string {
  try {
    return bytes.toString('utf8');
  } catch (error) {
    throw readFailure(error, shown, what);
  }
}
