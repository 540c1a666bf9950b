/** Bounded reading of input files: whole, peeked, line by line and from a descriptor, with one-line errors. */
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputErrorOf as refusal } from '../../support/input-error';
import { decodeText, forEachLine, MAX_INPUT_BYTES, MAX_LINE_BYTES, peekText, readBytes, readText } from '../../../policies/engine/load/read-text';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-text-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function lines(path: string): [number, string][] {
  const out: [number, string][] = [];
  forEachLine(path, 'in.jsonl', (line, n) => out.push([n, line]));
  return out;
}

describe('forEachLine', () => {
  it('hands each line without its newline (LF or CRLF) and its number, the last one too when it has no newline', () => {
    expect(lines(file('a.jsonl', 'one\r\n\ntwo\nthree'))).toEqual([
      [1, 'one'],
      [2, ''],
      [3, 'two'],
      [4, 'three'],
    ]);
    expect(lines(file('b.jsonl', 'only\n'))).toEqual([[1, 'only']]);
    expect(lines(file('c.jsonl', ''))).toEqual([]);
    // Only a carriage return that ends a line goes; one inside a line is the line's.
    expect(lines(file('e.jsonl', 'a\rb\r\nc\r'))).toEqual([
      [1, 'a\rb'],
      [2, 'c'],
    ]);
  });

  it('closes every file it opens: after each line, after a refused line, after a visitor that throws, and what is not a regular file', () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const ok = file('ok.jsonl', 'one\ntwo\n');
    const before = open();
    for (let i = 0; i < 20; i++) {
      lines(ok);
      expect(() =>
        forEachLine(ok, 'in', () => {
          throw new Error('visitor');
        }),
      ).toThrow('visitor');
      expect(refusal(() => lines(dir))).toBe('in.jsonl: cannot read input: not a regular file');
      readBytes(ok, 'in');
      expect(refusal(() => readBytes(dir, 'in'))).toBe('in: cannot read input: not a regular file');
    }
    expect(open()).toBe(before);
  });

  it('joins a line that spans read chunks of 1 MiB', () => {
    const long = 'x'.repeat(1024 * 1024 + 10);
    const got = lines(file('d.jsonl', `a\n${long}\n${'y'.repeat(2 * 1024 * 1024)}`));
    expect(got.map(([n, line]) => [n, line.length])).toEqual([
      [1, 1],
      [2, long.length],
      [3, 2 * 1024 * 1024],
    ]);
  });

  it('refuses a line longer than the limit, naming its number', () => {
    const path = join(dir, 'long.jsonl');
    writeFileSync(path, 'a\n');
    truncateSync(path, MAX_LINE_BYTES + 3);
    expect(refusal(() => lines(path))).toBe(`in.jsonl: line 2 is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`);
  });

  it('names what cannot be read', () => {
    expect(refusal(() => lines(join(dir, 'missing.jsonl')))).toBe('in.jsonl: cannot read input (ENOENT)');
    expect(refusal(() => forEachLine(dir, 'in', () => undefined, 'the export'))).toBe('in: cannot read the export: not a regular file');
  });
});

describe('peekText', () => {
  it('reads the first bytes of a file only', () => {
    const path = file('peek.json', '{"format_version":"1.2"}');
    expect([peekText(path, 'p', 4), peekText(path, 'p')]).toEqual(['{"fo', '{"format_version":"1.2"}']);
  });

  it('refuses what is not a regular file, in one line', () => {
    expect(refusal(() => peekText(dir, 'p'))).toBe('p: cannot read input: not a regular file');
    expect(refusal(() => peekText(join(dir, 'missing'), 'p', 10, 'the manifest'))).toBe('p: cannot read the manifest (ENOENT)');
  });
});

describe('readBytes and readText', () => {
  it('read a whole regular file, and a descriptor to its end', () => {
    const path = file('whole.json', '{"a":"é"}');
    const fd = openSync(path, 'r');
    try {
      expect([readText(path, 'w'), readBytes(fd, 'stdin').toString('utf8')]).toEqual(['{"a":"é"}', '{"a":"é"}']);
    } finally {
      closeSync(fd);
    }
  });

  it('refuse a file larger than the limit before reading it, and what is not a regular file', () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_INPUT_BYTES + 1);
    expect(refusal(() => readBytes(path, 'h'))).toBe('h: input is larger than 512 MiB, the most the checker reads');
    expect(refusal(() => readText(dir, 'd', 'the plan'))).toBe('d: cannot read the plan: not a regular file');
  });

  it('decode bytes as UTF-8', () => {
    expect(decodeText(Buffer.from('plan ✓'), 'x')).toBe('plan ✓');
  });
});
