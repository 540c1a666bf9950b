/**
 * Finds the members of a JSON document's top-level object as byte ranges, without parsing their values,
 * so a loader can parse only the members it reads (a large plan repeats itself: `planned_values` holds
 * again what `resource_changes` holds). One pass over the bytes: strings are skipped byte by byte (a
 * backslash skips the byte after it), brackets are matched by kind, nesting is bounded, and the grammar
 * outside strings is checked (keys, colons, commas, numbers, `true`, `false`, `null`), so a member that is
 * not read cannot hide a syntax error. Anything else returns undefined: the caller then parses the whole
 * text, whose error says where.
 */

/** A member's value: bytes [start, end) of the document. */
export interface Section {
  readonly start: number;
  readonly end: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;
const COMMA = 44;

/** 1: whitespace; 2: structure; 3: a character of a number or literal; 0: never outside a string. */
const CLASS = new Uint8Array(256);
for (const c of ' \t\n\r') CLASS[c.charCodeAt(0)] = 1;
for (const c of '{}[]:,') CLASS[c.charCodeAt(0)] = 2;
for (const c of '-+.0123456789eEtrufalsn') CLASS[c.charCodeAt(0)] = 3;

/** What may come next, at the current depth. */
const EXPECT_VALUE = 0;
const EXPECT_KEY = 1;
const EXPECT_COLON = 2;
const EXPECT_COMMA_OR_CLOSE = 3;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;

const isDigit = (c: number): boolean => c >= DIGIT_0 && c <= DIGIT_9;

/** Whether bytes [start, end) spell `literal`. */
function spellsLiteral(bytes: Uint8Array, start: number, end: number, literal: string): boolean {
  if (end - start !== literal.length) return false;
  for (let k = 0; k < literal.length; k++) if (bytes[start + k] !== literal.charCodeAt(k)) return false;
  return true;
}

/** Whether bytes [start, end) are a JSON number, `true`, `false` or `null`. */
function isScalar(bytes: Uint8Array, start: number, end: number): boolean {
  const first = bytes[start];
  if (first === 116 /* t */) return spellsLiteral(bytes, start, end, 'true');
  if (first === 102 /* f */) return spellsLiteral(bytes, start, end, 'false');
  if (first === 110 /* n */) return spellsLiteral(bytes, start, end, 'null');
  // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
  let i = start;
  if (bytes[i] === MINUS) i++;
  if (bytes[i] === DIGIT_0) i++;
  else if (i < end && isDigit(bytes[i])) while (i < end && isDigit(bytes[i])) i++;
  else return false;
  if (bytes[i] === DOT && i < end) {
    i++;
    if (!(i < end && isDigit(bytes[i]))) return false;
    while (i < end && isDigit(bytes[i])) i++;
  }
  if (i < end && (bytes[i] === 101 || bytes[i] === 69) /* e E */) {
    i++;
    if (bytes[i] === PLUS || bytes[i] === MINUS) i++;
    if (!(i < end && isDigit(bytes[i]))) return false;
    while (i < end && isDigit(bytes[i])) i++;
  }
  return i === end;
}

/** Escapes JSON allows after a backslash: `"`, `\\`, `/`, b, f, n, r, t, u. */
const ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrtu') ESCAPE[c.charCodeAt(0)] = 1;

const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/**
 * The end of the string opening at `start` (just past its closing quote), or -1 when it never closes or holds
 * what JSON forbids there (a control character, an unknown escape).
 */
function stringEnd(bytes: Uint8Array, start: number): number {
  const n = bytes.length;
  let i = start + 1;
  while (i < n) {
    const c = bytes[i];
    if (c === QUOTE) return i + 1;
    if (c < 32) return -1;
    if (c === BACKSLASH) {
      const escaped = bytes[i + 1];
      if (ESCAPE[escaped] !== 1) return -1;
      if (escaped === 117 /* u */ && !(isHex(bytes[i + 2]) && isHex(bytes[i + 3]) && isHex(bytes[i + 4]) && isHex(bytes[i + 5]))) return -1;
      i += 2;
    } else {
      i++;
    }
  }
  return -1;
}

/**
 * The top-level members of a JSON object document (a repeated key keeps its last value, as JSON.parse does),
 * or undefined when the document is not an object, nests deeper than `maxDepth`, or is not well-formed JSON
 * (JSON's whole grammar, byte by byte; only the text of a string is not decoded).
 */
export function topLevelSections(bytes: Uint8Array, maxDepth: number): Map<string, Section> | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n && CLASS[bytes[i]] === 1) i++;
  if (bytes[i] !== OPEN_OBJECT) return undefined;
  const sections = new Map<string, Section>();
  // The opening bracket of each depth, to match closing ones by kind.
  const opened = new Uint8Array(maxDepth + 1);
  opened[1] = OPEN_OBJECT;
  let depth = 1;
  let state = EXPECT_KEY;
  /** Just after an opening bracket, where a closing one makes an empty container. */
  let empty = true;
  let key = '';
  let valueStart = 0;
  for (i++; i < n; ) {
    const c = bytes[i];
    const kind = CLASS[c];
    if (kind === 1) {
      i++;
      continue;
    }
    if (c === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end < 0) return undefined;
      if (state === EXPECT_KEY) {
        if (depth === 1) key = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i).toString('utf8')) as string;
        state = EXPECT_COLON;
      } else if (state === EXPECT_VALUE) {
        if (depth === 1) sections.set(key, { start: i, end });
        state = EXPECT_COMMA_OR_CLOSE;
      } else {
        return undefined;
      }
      empty = false;
      i = end;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (state !== EXPECT_VALUE) return undefined;
      if (depth === 1) valueStart = i;
      if (++depth > maxDepth) return undefined;
      opened[depth] = c;
      state = c === OPEN_OBJECT ? EXPECT_KEY : EXPECT_VALUE;
      empty = true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      // `}` and `]` are their opening bracket's code plus 2.
      if (opened[depth] !== c - 2 || (state !== EXPECT_COMMA_OR_CLOSE && !empty)) return undefined;
      depth--;
      state = EXPECT_COMMA_OR_CLOSE;
      empty = false;
      if (depth === 1) {
        sections.set(key, { start: valueStart, end: i + 1 });
      } else if (depth === 0) {
        i++;
        break;
      }
    } else if (c === COLON) {
      if (state !== EXPECT_COLON) return undefined;
      state = EXPECT_VALUE;
    } else if (c === COMMA) {
      if (state !== EXPECT_COMMA_OR_CLOSE) return undefined;
      state = opened[depth] === OPEN_OBJECT ? EXPECT_KEY : EXPECT_VALUE;
    } else {
      // A number or literal, up to the next whitespace or structure.
      if (kind === 0 || state !== EXPECT_VALUE) return undefined;
      const start = i;
      while (i < n && CLASS[bytes[i]] === 3) i++;
      if (!isScalar(bytes, start, i)) return undefined;
      if (depth === 1) sections.set(key, { start, end: i });
      state = EXPECT_COMMA_OR_CLOSE;
      empty = false;
      continue;
    }
    i++;
  }
  if (depth !== 0) return undefined;
  while (i < n && CLASS[bytes[i]] === 1) i++;
  return i === n ? sections : undefined;
}
