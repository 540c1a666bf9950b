/**
 * Reads an input file as text, bounded: regular files only (a FIFO would block, `/dev/zero` would read
 * forever), at most MAX_INPUT_BYTES, with a one-line InputError for anything else.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { InputError } from '../errors';

/** The largest input read: V8 strings hold about 512 MiB, and no real plan comes near it. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

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

/**
 * Buffer then decode: measured faster than readFileSync(file, 'utf8') on large plans here
 * (47 MB: ~470 ms against ~750 ms), and input files can be hundreds of megabytes.
 */
export function readText(file: string | number, shown: string, what = 'input'): string {
  try {
    if (typeof file === 'number') return readStream(file, shown, what).toString('utf8');
    // Open without blocking (a FIFO would wait for a writer), then judge what was opened, not the name.
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) throw new InputError(`${shown}: cannot read ${what}: not a regular file`);
      if (stats.size > MAX_INPUT_BYTES) throw tooLarge(shown, what);
      return readFileSync(fd).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${shown}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
