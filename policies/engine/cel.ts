/**
 * Just enough of the Common Expression Language (https://github.com/google/cel-spec/blob/master/doc/langdef.md)
 * to read the structure of an IAM condition: a tokenizer that knows string literals (so text inside quotes is
 * never mistaken for an expression) and a split of the top level into `&&` conjuncts.
 */

export interface CelToken {
  readonly kind: 'ident' | 'string' | 'number' | 'op';
  /** The identifier, operator or number as written; for strings, the decoded content. */
  readonly text: string;
}

export class CelSyntaxError extends Error {}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '%'];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '`': '`', '?': '?', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** Reads a string literal at `i` (after any r/b prefix); returns its content and the index after it. */
function readString(text: string, i: number, raw: boolean): { content: string; end: number } {
  const quote = text.startsWith(text[i].repeat(3), i) ? text[i].repeat(3) : text[i];
  let content = '';
  for (let j = i + quote.length; j < text.length; ) {
    if (text.startsWith(quote, j)) return { content, end: j + quote.length };
    if (quote.length === 1 && text[j] === '\n') break;
    if (!raw && text[j] === '\\' && j + 1 < text.length) {
      // Escapes of other forms (\x, \u, octal) keep their letters: content only matters for dates here.
      content += ESCAPES[text[j + 1]] ?? text.slice(j, j + 2);
      j += 2;
      continue;
    }
    content += text[j++];
  }
  throw new CelSyntaxError('unterminated string');
}

/** Sticky patterns, matched at an index without copying the rest of the text (linear in the expression). */
const PREFIX = /[rRbB]{1,2}(?=["'])/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[uU]?/y;

function stickyAt(pattern: RegExp, text: string, i: number): string | undefined {
  pattern.lastIndex = i;
  return pattern.exec(text)?.[0];
}

export function tokenizeCel(text: string): CelToken[] {
  const tokens: CelToken[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const prefix = stickyAt(PREFIX, text, i);
    if (c === '"' || c === "'" || prefix !== undefined) {
      const start = i + (prefix?.length ?? 0);
      const { content, end } = readString(text, start, /[rR]/.test(prefix ?? ''));
      tokens.push({ kind: 'string', text: content });
      i = end;
      continue;
    }
    const ident = stickyAt(IDENT, text, i);
    if (ident !== undefined) {
      tokens.push({ kind: 'ident', text: ident });
      i += ident.length;
      continue;
    }
    const number = stickyAt(NUMBER, text, i);
    if (number !== undefined) {
      tokens.push({ kind: 'number', text: number });
      i += number.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new CelSyntaxError(`unexpected "${c}"`);
    tokens.push({ kind: 'op', text: op });
    i += op.length;
  }
  return tokens;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Drops parentheses that enclose the whole token list: `((a && b))` -> `a && b`. */
function unwrap(tokens: readonly CelToken[]): readonly CelToken[] {
  let list = tokens;
  for (;;) {
    if (list.length < 2 || list[0].text !== '(' || list[list.length - 1].text !== ')' || list[0].kind !== 'op') return list;
    let depth = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].kind !== 'op') continue;
      if (OPEN.has(list[i].text)) depth++;
      else if (CLOSE.has(list[i].text)) depth--;
      // The opening parenthesis closes before the end: it does not enclose everything.
      if (depth === 0 && i < list.length - 1) return list;
    }
    list = list.slice(1, -1);
  }
}

/**
 * The `&&` conjuncts of an expression, each without enclosing parentheses and split again where it is itself a
 * conjunction; undefined when the top level is not a pure conjunction (an `||` or a `? :` there).
 */
export function conjuncts(tokens: readonly CelToken[], depth = 0): (readonly CelToken[])[] | undefined {
  // IAM caps a condition at 12 KB; nesting past this is not a condition to read but input to refuse.
  if (depth > 64) throw new CelSyntaxError('conjunctions nested deeper than 64 levels');
  const list = unwrap(tokens);
  const parts: CelToken[][] = [[]];
  let level = 0;
  for (const token of list) {
    if (token.kind === 'op' && OPEN.has(token.text)) level++;
    else if (token.kind === 'op' && CLOSE.has(token.text)) level--;
    if (level < 0) throw new CelSyntaxError('unbalanced parentheses');
    if (level === 0 && token.kind === 'op' && (token.text === '||' || token.text === '?')) return undefined;
    if (level === 0 && token.kind === 'op' && token.text === '&&') parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  if (level !== 0) throw new CelSyntaxError('unbalanced parentheses');
  if (parts.some((p) => p.length === 0)) throw new CelSyntaxError('empty operand of &&');
  if (parts.length === 1) return [list];
  const out: (readonly CelToken[])[] = [];
  for (const part of parts) {
    const inner = conjuncts(part, depth + 1);
    if (inner === undefined) out.push(unwrap(part));
    else out.push(...inner);
  }
  return out;
}
