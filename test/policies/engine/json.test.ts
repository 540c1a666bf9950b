/** The JSON reader every loader starts with: nesting limit, one-line errors that never echo the input, short quotes. */
import { inputErrorOf as refusal } from '../../support/input-error';
import { describeJsonType, isObject, MAX_NESTING, nestingDepth, parseJson, parseJsonObject, quoteShort } from '../../../policies/engine/load/json';

describe('nestingDepth', () => {
  it.each([
    ['{}', 1],
    ['[[]]', 2],
    ['{"a":[{"b":{}}]}', 4],
    ['[] [] []', 1],
    ['{"a":"{[{[{["}', 1],
    ['{"a":"\\"{{{"}', 1],
    ['{"a":"\\\\"}', 1],
    ['{"a":"\\\\\\"[[[["}', 1],
    ['[{}]{"x":[[]]}', 3],
    ['"unterminated {{{', 0],
    ['', 0],
  ])('%s is %i deep', (text, depth) => {
    expect(nestingDepth(text).depth).toBe(depth);
  });

  it('stops past the limit, at the bracket that passed it', () => {
    expect(nestingDepth('[[[[[]]]]]', 3)).toEqual({ depth: 4, position: 3 });
    expect(nestingDepth('[[[]]]', 3)).toEqual({ depth: 3, position: 6 });
    expect(nestingDepth('{"a":"x"}', 3)).toEqual({ depth: 1, position: 9 });
  });
});

describe('parseJson', () => {
  it('parses any JSON value', () => {
    expect([parseJson('[1]', 'f'), parseJson(' {"a":1} ', 'f'), parseJson('"s"', 'f'), parseJson('null', 'f')]).toEqual([[1], { a: 1 }, 's', null]);
  });

  it('refuses empty input, nesting past the limit and invalid JSON, in one line without the input', () => {
    const deep = '['.repeat(MAX_NESTING + 1) + ']'.repeat(MAX_NESTING + 1);
    expect(parseJson('['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING), 'f')).toBeInstanceOf(Array);
    expect([
      refusal(() => parseJson('', 'f')),
      refusal(() => parseJson(' \n\t', 'f')),
      refusal(() => parseJson(deep, 'f')),
      refusal(() => parseJson('[', 'f')),
      refusal(() => parseJson('{"password": "hunter2"', 'f')),
      refusal(() => parseJson('{"a": secret-token}', 'f')),
    ]).toEqual([
      'f: empty input, expected JSON',
      'f: empty input, expected JSON',
      `f: JSON nested deeper than ${MAX_NESTING} levels at position ${MAX_NESTING}`,
      'f: not valid JSON',
      'f: not valid JSON at position 22',
      // V8 quotes the text for an unexpected token: nothing of it is repeated.
      'f: not valid JSON',
    ]);
  });

  it('names what a document that must be an object is instead', () => {
    expect(parseJsonObject('{"a":1}', 'f')).toEqual({ a: 1 });
    expect(['[]', 'null', '"x"', '7', 'true'].map((text) => refusal(() => parseJsonObject(text, 'f')))).toEqual([
      'f: expected a JSON object, got an array',
      'f: expected a JSON object, got null',
      'f: expected a JSON object, got a string',
      'f: expected a JSON object, got a number',
      'f: expected a JSON object, got a boolean',
    ]);
  });
});

describe('JSON types and quotes', () => {
  it('describes every JSON type', () => {
    expect([undefined, null, [], {}, 's', 1, false].map(describeJsonType)).toEqual(['nothing', 'null', 'an array', 'an object', 'a string', 'a number', 'a boolean']);
  });

  it('tells objects from arrays and null', () => {
    expect([{}, { a: 1 }, [], null, 's', undefined].map(isObject)).toEqual([true, true, false, false, false, false]);
  });

  it('quotes a scalar on one line, cut to 40 characters', () => {
    expect([quoteShort('a\n b\tc'), quoteShort(7), quoteShort(null), quoteShort(undefined), quoteShort('x'.repeat(40)), quoteShort('x'.repeat(41))]).toEqual([
      '"a b c"',
      '"7"',
      '"null"',
      '"undefined"',
      `"${'x'.repeat(40)}"`,
      `"${'x'.repeat(37)}..."`,
    ]);
  });
});
