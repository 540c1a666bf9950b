/**
 * Parses input JSON safely: a one-line InputError for anything that is not a JSON object, and a
 * nesting limit so no later walk (ours or a rule's) can overflow the stack on hostile input.
 * JSON.parse itself keeps `__proto__` as an own data property, so parsing cannot pollute prototypes.
 */
import { InputError } from '../errors';

/** Real Terraform JSON nests a few dozen levels; anything near this is hostile or broken. */
export const MAX_NESTING = 512;

/**
 * Deepest nesting of objects/arrays in a JSON text, stopping once past `limit`.
 * Strings are skipped with indexOf, so the scan costs a fraction of JSON.parse.
 */
export function nestingDepth(text: string, limit = MAX_NESTING): { depth: number; position: number } {
  let depth = 0;
  let max = 0;
  for (let i = 0, n = text.length; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return { depth: max, position: n };
        let backslashes = 0;
        for (let k = j - 1; text.charCodeAt(k) === 92 /* \ */; k--) backslashes++;
        if (backslashes % 2 === 0) break;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return { depth: max, position: i };
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
    i++;
  }
  return { depth: max, position: text.length };
}

/** Where JSON.parse failed, without echoing the input (V8 quotes the text, which may hold secrets). */
function positionOf(error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  return match ? ` at position ${match[1]}` : '';
}

export function describeJsonType(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Parses a JSON document of any shape, with the nesting limit and a one-line error. */
export function parseJson(text: string, name: string): unknown {
  if (text.trim() === '') throw new InputError(`${name}: empty input, expected JSON`);
  const { depth, position } = nestingDepth(text);
  if (depth > MAX_NESTING) {
    throw new InputError(`${name}: JSON nested deeper than ${MAX_NESTING} levels at position ${position}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not valid JSON${positionOf(error)}`);
  }
}

/** Parses a JSON document that must be an object. */
export function parseJsonObject(text: string, name: string): Record<string, unknown> {
  const value = parseJson(text, name);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${name}: expected a JSON object, got ${describeJsonType(value)}`);
  }
  return value as Record<string, unknown>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A short, safe rendering of a scalar found in input, for error messages. */
export function quoteShort(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine);
}
