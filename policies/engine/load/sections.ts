/**
 * Finds the members of a JSON document's top-level object as ranges of its code units, without parsing
 * their values, so a loader can parse only the members it reads (a large plan repeats itself:
 * `planned_values` holds again what `resource_changes` holds). The document is given as code units: a
 * file's UTF-8 bytes, so that only the members read are ever decoded, or a string's UTF-16 code units; the
 * scan needs nothing else, since every character it judges is ASCII and UTF-8 never uses an ASCII byte
 * inside a multi-byte character. One pass: strings are skipped up to their closing quote (a backslash
 * escapes the unit after it), brackets are matched by kind, nesting is bounded, and JSON's
 * grammar outside strings is checked (keys, colons, commas, numbers, `true`, `false`, `null`), so a member
 * that is not read cannot hide a broken structure. What strings hold (escapes, control characters) is left
 * to JSON.parse, in the members that are read: a member not read is never judged, so its text cannot
 * change an outcome. Anything else returns undefined: the caller then parses the whole text, whose error
 * says where.
 */

/** A member's value: code units [start, end) of the document. */
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

/** A document's code units: UTF-8 bytes or UTF-16 code units. */
export type CodeUnits = Uint8Array | Uint16Array;

/** Whether units [start, end) spell `word` (ASCII). */
function spells(units: CodeUnits, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (units[start + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** The first unit at or after `i` (before `end`) that is not a digit. */
function skipDigits(units: CodeUnits, i: number, end: number): number {
  while (i < end && isDigit(units[i])) i++;
  return i;
}

/** Whether units [start, end) are a JSON number, `true`, `false` or `null`. Closure-free: it runs on every number of a plan. */
function isScalar(units: CodeUnits, start: number, end: number): boolean {
  const first = units[start];
  if (first === 116 /* t */) return spells(units, start, end, 'true');
  if (first === 102 /* f */) return spells(units, start, end, 'false');
  if (first === 110 /* n */) return spells(units, start, end, 'null');
  // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
  let i = start;
  if (units[i] === MINUS) i++;
  if (i < end && units[i] === DIGIT_0) i++;
  else {
    const from = i;
    i = skipDigits(units, i, end);
    if (i === from) return false;
  }
  if (i < end && units[i] === DOT) {
    const from = ++i;
    i = skipDigits(units, i, end);
    if (i === from) return false;
  }
  if (i < end && (units[i] === 101 || units[i] === 69) /* e E */) {
    i++;
    if (i < end && (units[i] === PLUS || units[i] === MINUS)) i++;
    const from = i;
    i = skipDigits(units, i, end);
    if (i === from) return false;
  }
  return i === end;
}

/**
 * The end of the string opening at `start` (just past its closing quote), or -1 when it never closes.
 * A plain loop: most strings of a plan are short, where a call to indexOf per string cost more than it saved.
 */
function stringEnd(units: CodeUnits, start: number, n: number): number {
  for (let j = start + 1; j < n; j++) {
    const c = units[j];
    if (c === QUOTE) return j + 1;
    // The escaped unit cannot close the string.
    if (c === BACKSLASH) j++;
  }
  return -1;
}

/** The character class of a code outside strings (0 beyond ASCII: never valid there). */
const classOf = (c: number): number => (c < 128 ? CLASS[c] : 0);

const skipSpace = (units: CodeUnits, i: number): number => {
  while (i < units.length && classOf(units[i]) === 1) i++;
  return i;
};

/**
 * The end of the JSON value starting at unit `start` (a string, number, literal, object or array), or -1
 * when it breaks JSON's grammar outside its strings or nests deeper than `opened` (the opening bracket of
 * each depth, to match closing ones by kind) has room for: the loop that crosses almost every unit of a
 * large document, while topLevelSections reads the few members.
 */
function valueEnd(units: CodeUnits, start: number, opened: Uint8Array): number {
  const n = units.length;
  const maxDepth = opened.length - 1;
  let depth = 0;
  let state = EXPECT_VALUE;
  /** Just after an opening bracket, where a closing one makes an empty container. */
  let empty = false;
  for (let i = start; i < n; ) {
    const c = units[i];
    const kind = classOf(c);
    if (kind === 1) {
      i++;
      continue;
    }
    if (c === QUOTE) {
      const end = stringEnd(units, i, n);
      if (end < 0) return -1;
      if (state === EXPECT_KEY) state = EXPECT_COLON;
      else if (state === EXPECT_VALUE) state = EXPECT_COMMA_OR_CLOSE;
      else return -1;
      if (depth === 0) return end;
      empty = false;
      i = end;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (state !== EXPECT_VALUE || ++depth > maxDepth) return -1;
      opened[depth] = c;
      state = c === OPEN_OBJECT ? EXPECT_KEY : EXPECT_VALUE;
      empty = true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      // `}` and `]` are their opening bracket's code plus 2.
      if (depth === 0 || opened[depth] !== c - 2 || (state !== EXPECT_COMMA_OR_CLOSE && !empty)) return -1;
      if (--depth === 0) return i + 1;
      state = EXPECT_COMMA_OR_CLOSE;
      empty = false;
    } else if (c === COLON) {
      if (state !== EXPECT_COLON) return -1;
      state = EXPECT_VALUE;
    } else if (c === COMMA) {
      if (state !== EXPECT_COMMA_OR_CLOSE || depth === 0) return -1;
      state = opened[depth] === OPEN_OBJECT ? EXPECT_KEY : EXPECT_VALUE;
    } else {
      // A number or literal, up to the next whitespace or structure.
      if (kind === 0 || state !== EXPECT_VALUE) return -1;
      const from = i;
      while (i < n && classOf(units[i]) === 3) i++;
      if (!isScalar(units, from, i)) return -1;
      if (depth === 0) return i;
      state = EXPECT_COMMA_OR_CLOSE;
      empty = false;
      continue;
    }
    i++;
  }
  return -1;
}

/**
 * The top-level members of a JSON object document (a repeated key keeps its last value, as JSON.parse does),
 * or undefined when the document is not an object, nests deeper than `maxDepth`, or breaks JSON's grammar
 * outside its strings. `text` gives the text of units [start, end), to read the members' keys.
 */
export function topLevelSections(units: CodeUnits, maxDepth: number, text: (start: number, end: number) => string): Map<string, Section> | undefined {
  const n = units.length;
  let i = skipSpace(units, 0);
  if (units[i] !== OPEN_OBJECT) return undefined;
  const sections = new Map<string, Section>();
  // A member's value is one level below the document.
  const opened = new Uint8Array(maxDepth);
  i = skipSpace(units, i + 1);
  if (units[i] === CLOSE_OBJECT) return skipSpace(units, i + 1) === n ? sections : undefined;
  for (;;) {
    if (units[i] !== QUOTE) return undefined;
    const keyEnd = stringEnd(units, i, n);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(text(i, keyEnd)) as string;
    i = skipSpace(units, keyEnd);
    if (units[i] !== COLON) return undefined;
    const start = skipSpace(units, i + 1);
    const end = start < n ? valueEnd(units, start, opened) : -1;
    if (end < 0) return undefined;
    sections.set(key, { start, end });
    i = skipSpace(units, end);
    if (units[i] === CLOSE_OBJECT) return skipSpace(units, i + 1) === n ? sections : undefined;
    if (units[i] !== COMMA) return undefined;
    i = skipSpace(units, i + 1);
  }
}
