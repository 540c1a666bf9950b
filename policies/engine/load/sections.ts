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
  /** An object or array value: where the commas between its own members or items are. */
  readonly separators?: readonly number[];
}

/** A document's code units: UTF-8 bytes or UTF-16 code units. */
export type CodeUnits = Uint8Array | Uint16Array;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const COLON = 58;
const COMMA = 44;

/*
 * Containers are scanned by a state machine: one table lookup per unit, the next state from the current one
 * and the unit (every unit beyond ASCII counts as one, valid only inside a string). A plan's containers are
 * nearly all of it, and a loop that branches by kind of unit was optimized, thrown away at the first kind
 * it had not met yet and optimized again by V8, several times per plan: five times slower than this table.
 */
const OBJECT_START = 0;
const KEY = 1;
const AFTER_KEY = 2;
const VALUE = 3;
const ARRAY_START = 4;
const AFTER_VALUE = 5;
const MINUS = 6;
const ZERO = 7;
const INTEGER = 8;
const DOT = 9;
const FRACTION = 10;
const EXPONENT_MARK = 11;
const EXPONENT_SIGN = 12;
const EXPONENT = 13;
/** Then one state per letter still expected of `true`, `false` and `null`. */
const LITERALS = 14;

/** Table entries from here on are not states but what to do: brackets and commas need the stack of containers. */
const ACTION = 64;
const ENTER_OBJECT = 64;
const ENTER_ARRAY = 65;
/** Its container's ENTER plus 2. */
const LEAVE_OBJECT = 66;
const LEAVE_ARRAY = 67;
const NEXT_ITEM = 68;
/** A string, skipped by a plain loop (most units of a plan are in strings); then AFTER_KEY or AFTER_VALUE. */
const SKIP_KEY = 69;
const SKIP_STRING = 70;
const INVALID = 255;

const COLUMNS = 256;
/** The column of every unit beyond ASCII. */
const OTHER = 128;
const column = (c: number): number => (c < 128 ? c : OTHER);

const WHITESPACE = ' \t\n\r';
const DIGITS = '0123456789';

const TABLE = ((): Uint8Array => {
  const words = ['true', 'false', 'null'];
  const states = LITERALS + words.reduce((sum, word) => sum + word.length - 1, 0);
  const table = new Uint8Array(states * COLUMNS).fill(INVALID);
  const on = (state: number, units: string, next: number) => {
    for (const unit of units) table[state * COLUMNS + unit.charCodeAt(0)] = next;
  };
  for (const state of [OBJECT_START, KEY, AFTER_KEY, VALUE, ARRAY_START, AFTER_VALUE]) on(state, WHITESPACE, state);
  on(OBJECT_START, '"', SKIP_KEY);
  on(OBJECT_START, '}', LEAVE_OBJECT);
  on(KEY, '"', SKIP_KEY);
  on(AFTER_KEY, ':', VALUE);
  on(ARRAY_START, ']', LEAVE_ARRAY);
  let literal = LITERALS;
  for (const state of [VALUE, ARRAY_START]) {
    on(state, '"', SKIP_STRING);
    on(state, '{', ENTER_OBJECT);
    on(state, '[', ENTER_ARRAY);
    on(state, '-', MINUS);
    on(state, '0', ZERO);
    on(state, '123456789', INTEGER);
  }
  // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
  on(MINUS, '0', ZERO);
  on(MINUS, '123456789', INTEGER);
  on(INTEGER, DIGITS, INTEGER);
  for (const state of [ZERO, INTEGER]) on(state, '.', DOT);
  on(DOT, DIGITS, FRACTION);
  on(FRACTION, DIGITS, FRACTION);
  for (const state of [ZERO, INTEGER, FRACTION]) on(state, 'eE', EXPONENT_MARK);
  on(EXPONENT_MARK, '+-', EXPONENT_SIGN);
  for (const state of [EXPONENT_MARK, EXPONENT_SIGN, EXPONENT]) on(state, DIGITS, EXPONENT);
  for (const word of words) {
    on(VALUE, word[0], literal);
    on(ARRAY_START, word[0], literal);
    for (let k = 1; k < word.length; k++, literal++) on(literal, word[k], k === word.length - 1 ? AFTER_VALUE : literal + 1);
  }
  // Where a value may end: after a string or literal, and after a number that is complete.
  for (const state of [AFTER_VALUE, ZERO, INTEGER, FRACTION, EXPONENT]) {
    on(state, WHITESPACE, AFTER_VALUE);
    on(state, ',', NEXT_ITEM);
    on(state, '}', LEAVE_OBJECT);
    on(state, ']', LEAVE_ARRAY);
  }
  return table;
})();

/**
 * The end of the object or array opening at unit `start`, or -1 when it breaks JSON's grammar outside its
 * strings or nests deeper than `opened` (the kind of each open container, to match closing brackets) has room for.
 * The commas between its own members or items go to `separators`.
 */
function containerEnd(units: CodeUnits, start: number, opened: Uint8Array, separators: number[]): number {
  const n = units.length;
  const maxDepth = opened.length - 1;
  let depth = 0;
  let state = VALUE;
  for (let i = start; i < n; i++) {
    const next = TABLE[state * COLUMNS + column(units[i])];
    if (next < ACTION) {
      state = next;
    } else if (next === SKIP_STRING || next === SKIP_KEY) {
      const end = stringEnd(units, i);
      if (end < 0) return -1;
      i = end - 1;
      state = next === SKIP_STRING ? AFTER_VALUE : AFTER_KEY;
    } else if (next === ENTER_OBJECT || next === ENTER_ARRAY) {
      if (++depth > maxDepth) return -1;
      opened[depth] = next;
      state = next === ENTER_OBJECT ? OBJECT_START : ARRAY_START;
    } else if (next === NEXT_ITEM) {
      if (depth === 1) separators.push(i);
      state = opened[depth] === ENTER_OBJECT ? KEY : VALUE;
    } else if (next === LEAVE_OBJECT || next === LEAVE_ARRAY) {
      if (opened[depth] !== next - 2) return -1;
      if (--depth === 0) return i + 1;
      state = AFTER_VALUE;
    } else {
      return -1;
    }
  }
  return -1;
}

/** The end of the string opening at `start` (just past its closing quote), or -1 when it never closes. */
function stringEnd(units: CodeUnits, start: number): number {
  for (let j = start + 1; j < units.length; j++) {
    const c = units[j];
    if (c === QUOTE) return j + 1;
    // The escaped unit cannot close the string.
    if (c === BACKSLASH) j++;
  }
  return -1;
}

/** The end of the number or literal starting at `start`, or -1 when it is neither: the table's states, from a value. */
function scalarEnd(units: CodeUnits, start: number): number {
  let state = VALUE;
  for (let i = start; i < units.length; i++) {
    const next = TABLE[state * COLUMNS + column(units[i])];
    // A literal's last letter moves to AFTER_VALUE; a number ends at the unit after it.
    if (next === AFTER_VALUE) return state >= LITERALS ? i + 1 : i;
    if (next === NEXT_ITEM || next === LEAVE_OBJECT || next === LEAVE_ARRAY) return i;
    if (next >= ACTION) return -1;
    state = next;
  }
  // The document ends inside its top-level object.
  return -1;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

const skipSpace = (units: CodeUnits, i: number): number => {
  while (i < units.length && isSpace(units[i])) i++;
  return i;
};

/** The value starting at unit `start`, or undefined when it breaks JSON's grammar. */
function valueAt(units: CodeUnits, start: number, opened: Uint8Array): Section | undefined {
  const c = units[start];
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    const separators: number[] = [];
    const end = containerEnd(units, start, opened, separators);
    return end < 0 ? undefined : { start, end, separators };
  }
  const end = c === QUOTE ? stringEnd(units, start) : scalarEnd(units, start);
  return end < 0 ? undefined : { start, end };
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
    const keyEnd = stringEnd(units, i);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(text(i, keyEnd)) as string;
    i = skipSpace(units, keyEnd);
    if (units[i] !== COLON) return undefined;
    const start = skipSpace(units, i + 1);
    const section = start < n ? valueAt(units, start, opened) : undefined;
    if (section === undefined) return undefined;
    sections.set(key, section);
    i = skipSpace(units, section.end);
    if (units[i] === CLOSE_OBJECT) return skipSpace(units, i + 1) === n ? sections : undefined;
    if (units[i] !== COMMA) return undefined;
    i = skipSpace(units, i + 1);
  }
}
