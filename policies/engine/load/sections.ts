/**
 * Finds the members of a JSON document's top-level object as ranges of its text, without parsing their
 * values, so a loader can parse only the members it reads (a large plan repeats itself: `planned_values`
 * holds again what `resource_changes` holds). One pass: strings are skipped with indexOf (a quote preceded
 * by an odd number of backslashes is escaped), brackets are matched by kind, nesting is bounded, and JSON's
 * grammar outside strings is checked (keys, colons, commas, numbers, `true`, `false`, `null`), so a member
 * that is not read cannot hide a broken structure. What strings hold (escapes, control characters) is left
 * to JSON.parse, in the members that are read: a member not read is never judged, so its text cannot
 * change an outcome. Anything else returns undefined: the caller then parses the whole text, whose error
 * says where.
 */

/** A member's value: characters [start, end) of the document. */
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
const CLASS = new Uint8Array(128);
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

/** Whether text [start, end) is a JSON number, `true`, `false` or `null`. */
function isScalar(text: string, start: number, end: number): boolean {
  const at = (k: number): number => (k < end ? text.charCodeAt(k) : -1);
  const first = at(start);
  if (first === 116 /* t */) return end - start === 4 && text.startsWith('true', start);
  if (first === 102 /* f */) return end - start === 5 && text.startsWith('false', start);
  if (first === 110 /* n */) return end - start === 4 && text.startsWith('null', start);
  // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
  let i = start;
  const digits = (): boolean => {
    const from = i;
    while (isDigit(at(i))) i++;
    return i > from;
  };
  if (at(i) === MINUS) i++;
  if (at(i) === DIGIT_0) i++;
  else if (!digits()) return false;
  if (at(i) === DOT) {
    i++;
    if (!digits()) return false;
  }
  if (at(i) === 101 || at(i) === 69 /* e E */) {
    i++;
    if (at(i) === PLUS || at(i) === MINUS) i++;
    if (!digits()) return false;
  }
  return i === end;
}

/** The end of the string opening at `start` (just past its closing quote), or -1 when it never closes. */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; ; j++) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
  }
}

/** The character class of a code outside strings (0 beyond ASCII: never valid there). */
const classOf = (c: number): number => (c < 128 ? CLASS[c] : 0);

/**
 * The top-level members of a JSON object document (a repeated key keeps its last value, as JSON.parse does),
 * or undefined when the document is not an object, nests deeper than `maxDepth`, or breaks JSON's grammar
 * outside its strings.
 */
export function topLevelSections(text: string, maxDepth: number): Map<string, Section> | undefined {
  const n = text.length;
  let i = 0;
  while (i < n && classOf(text.charCodeAt(i)) === 1) i++;
  if (text.charCodeAt(i) !== OPEN_OBJECT) return undefined;
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
    const c = text.charCodeAt(i);
    const kind = classOf(c);
    if (kind === 1) {
      i++;
      continue;
    }
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (state === EXPECT_KEY) {
        if (depth === 1) key = JSON.parse(text.slice(i, end)) as string;
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
      while (i < n && classOf(text.charCodeAt(i)) === 3) i++;
      if (!isScalar(text, start, i)) return undefined;
      if (depth === 1) sections.set(key, { start, end: i });
      state = EXPECT_COMMA_OR_CLOSE;
      empty = false;
      continue;
    }
    i++;
  }
  if (depth !== 0) return undefined;
  while (i < n && classOf(text.charCodeAt(i)) === 1) i++;
  return i === n ? sections : undefined;
}
