/** Reading exported entries: the array scanner follows strings and nesting wherever lines break. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntryError, readEntries } from '../../../policies/events/read-entries';

function read(text: string): (string | [number, string])[] {
  const file = join(mkdtempSync(join(tmpdir(), 'entries-')), 'input.json');
  writeFileSync(file, text);
  const seen: (string | [number, string])[] = [];
  readEntries(file, (entry, line) => seen.push(entry instanceof EntryError ? [line, entry.reason] : `${line}:${String(entry.insertId)}`));
  return seen;
}

const entry = (id: string, extra = '') => `{"logName": "projects/p/logs/x", "timestamp": "2026-11-30T00:00:00Z", "insertId": "${id}"${extra}}`;

describe('readEntries', () => {
  test('a compact array on one line gives each element, with its line', () => {
    expect(read(`[${entry('a')},${entry('b')}]`)).toEqual(['1:a', '1:b']);
  });

  test('braces, brackets and escaped quotes inside strings do not end an element', () => {
    const tricky = `, "textPayload": "}] \\\\\\" {[ \\"quoted\\" ]}"`;
    expect(read(`[\n  ${entry('a', tricky)},\n  ${entry('b')}\n]\n`)).toEqual(['2:a', '3:b']);
  });

  test('an element spread over many lines is named by the line it starts on', () => {
    expect(read(`[\n{\n"logName": "projects/p/logs/x",\n"timestamp": "t",\n"insertId": "a"\n},\n{"logName": "l", "timestamp": "t", "insertId": "b"}]`)).toEqual(['2:a', '7:b']);
  });

  test('an empty array and an empty file are no entries', () => {
    expect(read('[]\n')).toEqual([]);
    expect(read('')).toEqual([]);
  });

  test('text after the array is refused once, naming its line', () => {
    expect(read(`[${entry('a')}]\n${entry('b')}\n`)).toEqual(['1:a', [2, 'not JSON: text after the end of the array']]);
  });

  test('a scalar in the array is not a LogEntry, and the rest of the array cannot be followed', () => {
    expect(read(`[\n${entry('a')},\n42,\n${entry('b')}\n]`)).toEqual(['2:a', [3, 'not a LogEntry: expected a JSON object in the array']]);
  });

  test('an array never closed is truncated', () => {
    expect(read(`[\n${entry('a')},\n`)).toEqual(['2:a', [2, 'truncated: the JSON array is not closed']]);
  });

  test('newline-delimited entries skip blank lines and keep their line numbers', () => {
    expect(read(`${entry('a')}\n\n${entry('b')}\r\n{"logName": 1}\n`)).toEqual(['1:a', '3:b', [4, 'not a LogEntry: no logName']]);
  });
});
