/** The CEL reading IAM conditions need: tokens (strings never read as code) and the top-level && conjuncts. */
import { CelSyntaxError, conjuncts, tokenizeCel, type CelToken } from '../../../policies/engine/cel';
import { inputErrorOf } from '../../support/input-error';

const syntaxError = (read: () => unknown) => inputErrorOf(read, CelSyntaxError);

const texts = (tokens: readonly CelToken[]) => tokens.map((t) => `${t.kind}:${t.text}`);
const split = (expression: string) => conjuncts(tokenizeCel(expression))?.map((part) => part.map((t) => t.text).join(' '));

describe('tokenizeCel', () => {
  it('reads identifiers, numbers, operators and whitespace', () => {
    expect(texts(tokenizeCel(' request.time <= timestamp("2027-01-01T00:00:00Z")\n&& x != 0x1F || !y'))).toEqual([
      'ident:request', 'op:.', 'ident:time', 'op:<=', 'ident:timestamp', 'op:(', 'string:2027-01-01T00:00:00Z', 'op:)',
      'op:&&', 'ident:x', 'op:!=', 'number:0x1F', 'op:||', 'op:!', 'ident:y',
    ]);
    expect(texts(tokenizeCel('a>=1.5e+3u b<2 c==d e>f g?h:i [j,k] {l} m+n-o*p/q%r'))).toEqual([
      'ident:a', 'op:>=', 'number:1.5e+3u', 'ident:b', 'op:<', 'number:2', 'ident:c', 'op:==', 'ident:d', 'ident:e', 'op:>', 'ident:f',
      'ident:g', 'op:?', 'ident:h', 'op::', 'ident:i', 'op:[', 'ident:j', 'op:,', 'ident:k', 'op:]', 'op:{', 'ident:l', 'op:}',
      'ident:m', 'op:+', 'ident:n', 'op:-', 'ident:o', 'op:*', 'ident:p', 'op:/', 'ident:q', 'op:%', 'ident:r',
    ]);
  });

  it('decodes string literals of every quoting, with escapes, and keeps raw strings as written', () => {
    expect(texts(tokenizeCel(`"a\\"b" 'c\\'d' """e"f""" '''g'h''' r"\\n" R'\\t' b"x" br"\\y" "\\n\\t\\\\\\?\\a\\x41"`))).toEqual([
      'string:a"b', "string:c'd", 'string:e"f', "string:g'h", 'string:\\n', 'string:\\t', 'string:x', 'string:\\y', 'string:\n\t\\?\x07\\x41',
    ]);
    expect(texts(tokenizeCel('"\\`\\b\\f\\v\\r\\\'"'))).toEqual(['string:`\b\f\v\r\'']);
    expect(texts(tokenizeCel('"x && y || z"'))).toEqual(['string:x && y || z']);
    expect(texts(tokenizeCel('"""a\nb"""'))).toEqual(['string:a\nb']);
    expect(texts(tokenizeCel('rx'))).toEqual(['ident:rx']);
  });

  it('refuses an unterminated string, a newline in a one-quote string and an unknown character', () => {
    expect([syntaxError(() => tokenizeCel('"abc')), syntaxError(() => tokenizeCel('"a\nb"')), syntaxError(() => tokenizeCel("'''x''")), syntaxError(() => tokenizeCel('a # b'))]).toEqual([
      'unterminated string',
      'unterminated string',
      'unterminated string',
      'unexpected "#"',
    ]);
  });
});

describe('conjuncts', () => {
  it('splits the top level at &&, flattening nested conjunctions and dropping enclosing parentheses', () => {
    expect(split('a && b')).toEqual(['a', 'b']);
    expect(split('((a && (b && c)))')).toEqual(['a', 'b', 'c']);
    expect(split('(a || b) && f(c && d)')).toEqual(['a || b', 'f ( c && d )']);
    expect(split('(a) && (b)')).toEqual(['a', 'b']);
    expect(split('a')).toEqual(['a']);
    expect(split('(a) || (b)')).toBeUndefined();
  });

  it('is undefined when the top level is an || or a conditional', () => {
    expect([split('a && b || c'), split('a || b && c'), split('a ? b : c'), split('(a && b) || c')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('drops only parentheses, never a string that reads "(", and refuses empty parentheses', () => {
    expect(split('"(" (a)')).toEqual(['( ( a )']);
    expect(split('("(" && a)')).toEqual(['(', 'a']);
    expect(syntaxError(() => split('()'))).toBe('empty operand of &&');
  });

  it('never reads an operator or a parenthesis inside a string as structure', () => {
    expect(split('a == "&&"')).toEqual(['a == &&']);
    expect(split('a == "||" && b != "?"')).toEqual(['a == ||', 'b != ?']);
    expect(split('a == ")" && b')).toEqual(['a == )', 'b']);
    expect(split('(")") && a')).toEqual([')', 'a']);
  });

  it('refuses a closing parenthesis before its opening one, even when the counts balance', () => {
    expect(syntaxError(() => split('a) && (b'))).toBe('unbalanced parentheses');
  });

  it('keeps a part that is itself a disjunction whole', () => {
    expect(split('a && (b || c)')).toEqual(['a', 'b || c']);
  });

  it('refuses unbalanced parentheses, empty operands and nesting past 64 levels', () => {
    const nested = (n: number) => `${'(a && '.repeat(n)}b${')'.repeat(n)}`;
    expect(split(nested(64))).toHaveLength(65);
    expect([
      syntaxError(() => split('(a && b')),
      syntaxError(() => split('a && b)')),
      syntaxError(() => split('a && && b')),
      syntaxError(() => split('&& a')),
      syntaxError(() => split(nested(65))),
    ]).toEqual(['unbalanced parentheses', 'unbalanced parentheses', 'empty operand of &&', 'empty operand of &&', 'conjunctions nested deeper than 64 levels']);
  });
});
