/**
 * The Cloud Logging query language, as far as audit coverage needs it: a tokenizer and parser for
 * filters (OR binds tighter than AND, as Cloud Logging defines it), and a judge of how a filter
 * matches each Cloud Audit Logs stream: `all` of its entries, `none`, or only `some`. Anything this
 * module cannot prove counts as `some`, so doubt fails a coverage check instead of passing it.
 */
// ---------------------------------------------------------------------------------------------
// Audit log streams and Logging filters
// ---------------------------------------------------------------------------------------------

/** The Cloud Audit Logs streams CIS GCP 2.3 wants exported: log id `cloudaudit.googleapis.com%2F<stream>`. */
export const AUDIT_LOG_STREAMS = ['activity', 'system_event', 'data_access', 'policy', 'access_transparency'] as const;
export type AuditLogStream = (typeof AUDIT_LOG_STREAMS)[number];

export type StreamMatch = 'all' | 'some' | 'none';

type FilterNode =
  | { readonly kind: 'everything' }
  | { readonly kind: 'and' | 'or'; readonly items: readonly FilterNode[] }
  | { readonly kind: 'not'; readonly item: FilterNode }
  | { readonly kind: 'compare'; readonly field: string; readonly op: string; readonly value: string }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly string[] }
  | { readonly kind: 'text'; readonly value: string };

interface Token {
  readonly type: 'word' | 'string' | 'op' | '(' | ')' | ',';
  readonly text: string;
  /** True when whitespace precedes the token (tells `log_id(` from `word (`). */
  readonly spaced: boolean;
}

const OPERATORS = ['>=', '<=', '!=', '=~', '!~', '=', ':', '<', '>'];
const WORD_STOP = /[\s()"=!:<>,]/;

class FilterSyntaxError extends Error {}

/** Reads a quoted string starting at `start` (the opening quote); returns its content and the index after it. */
function readQuoted(text: string, start: number): { content: string; end: number } {
  let content = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) content += text[++i];
    else if (c === '"') return { content, end: i + 1 };
    else content += c;
  }
  throw new FilterSyntaxError('unterminated string');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let spaced = true;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (/\s/.test(c)) {
      spaced = true;
      i++;
      continue;
    }
    // `--` outside a string starts a comment that runs to the end of the line: the rest of the line is not
    // part of the filter (https://cloud.google.com/logging/docs/view/logging-query-language#comments).
    if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
      spaced = true;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, spaced });
      i++;
    } else if (c === '"') {
      const { content, end } = readQuoted(text, i);
      tokens.push({ type: 'string', text: content, spaced });
      i = end;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ type: 'op', text: op, spaced });
        i += op.length;
      } else {
        let word = '';
        while (i < text.length && !WORD_STOP.test(text[i]) && !text.startsWith('--', i)) {
          word += text[i++];
          // A quoted path segment: labels."k8s-pod/app".
          if (word.endsWith('.') && text[i] === '"') {
            const { content, end } = readQuoted(text, i);
            word += content;
            i = end;
          }
        }
        if (word === '') throw new FilterSyntaxError(`unexpected "${c}"`);
        tokens.push({ type: 'word', text: word, spaced });
      }
    }
    spaced = false;
  }
  return tokens;
}

/**
 * A recursive-descent parser for the Logging query language. Precedence as Cloud Logging defines it:
 * NOT (or a leading `-`) binds tightest, then OR, then AND (explicit or by juxtaposition), so
 * `a OR b AND c` is `(a OR b) AND c`.
 */
class FilterParser {
  private pos = 0;
  /** Mutable: a leading `-` is stripped from its word once read as NOT. */
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) return { kind: 'everything' };
    const node = this.conjunction(() => this.primary());
    if (this.pos < this.tokens.length) throw new FilterSyntaxError(`unexpected "${this.tokens[this.pos].text}"`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t !== undefined && t.type === 'word' && t.text === word;
  }

  private expect(type: Token['type']): Token {
    const t = this.tokens[this.pos++];
    if (t === undefined || t.type !== type) throw new FilterSyntaxError(`expected ${type}`);
    return t;
  }

  private conjunction(primary: () => FilterNode): FilterNode {
    const items = [this.disjunction(primary)];
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.type === ')') break;
      if (this.isKeyword('AND')) this.pos++;
      items.push(this.disjunction(primary));
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private disjunction(primary: () => FilterNode): FilterNode {
    const items = [this.unary(primary)];
    while (this.isKeyword('OR')) {
      this.pos++;
      items.push(this.unary(primary));
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private unary(primary: () => FilterNode): FilterNode {
    if (this.isKeyword('NOT')) {
      this.pos++;
      return { kind: 'not', item: this.unary(primary) };
    }
    const t = this.peek();
    if (t?.type === 'word' && t.text.length > 1 && t.text.startsWith('-')) {
      this.tokens[this.pos] = { ...t, text: t.text.slice(1) };
      return { kind: 'not', item: this.unary(primary) };
    }
    if (t?.type === '(') {
      this.pos++;
      const inner = this.conjunction(primary);
      this.expect(')');
      return inner;
    }
    return primary();
  }

  private primary(): FilterNode {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new FilterSyntaxError('unexpected end');
    if (t.type === 'string') return { kind: 'text', value: t.text };
    if (t.type !== 'word') throw new FilterSyntaxError(`unexpected "${t.text}"`);
    const next = this.peek();
    if (next?.type === '(' && !next.spaced) return this.functionCall(t.text);
    if (next?.type === 'op') {
      this.pos++;
      const field = t.text;
      const op = next.text;
      // `field = ("a" OR "b")`: the same comparison for each value.
      return this.unary(() => ({ kind: 'compare', field, op, value: this.valueToken().text }));
    }
    return { kind: 'text', value: t.text };
  }

  private valueToken(): Token {
    const t = this.tokens[this.pos++];
    if (t === undefined || (t.type !== 'string' && t.type !== 'word')) throw new FilterSyntaxError('expected a value');
    return t;
  }

  private functionCall(name: string): FilterNode {
    this.expect('(');
    const args: string[] = [];
    while (this.peek()?.type !== ')') {
      args.push(this.valueToken().text);
      if (this.peek()?.type === ',') this.pos++;
    }
    this.expect(')');
    return { kind: 'function', name, args };
  }
}

/** `%2F` and `/` name the same log; `:` and `=` compare strings case-insensitively. */
function normalizeLogText(value: string): string {
  return value.replace(/%2f/gi, '/').toLowerCase();
}

const AUDIT_LOG_TYPE = 'type.googleapis.com/google.cloud.audit.auditlog';
/** LogEntry fields an audit log entry never has: audit entries carry a protoPayload only. */
const FIELDS_AUDIT_ENTRIES_LACK = /^(jsonPayload|textPayload|httpRequest)(\.|$)/;
const POSITIVE_OPS = new Set(['=', ':', '<', '>', '<=', '>=', '=~']);

function negate(match: StreamMatch): StreamMatch {
  return match === 'all' ? 'none' : match === 'none' ? 'all' : 'some';
}

/** How `logName <op> value` matches the entries of one audit stream (`<parent>/logs/cloudaudit.googleapis.com%2F<stream>`). */
function matchLogName(op: string, value: string, stream: AuditLogStream): StreamMatch {
  const v = normalizeLogText(value);
  const logId = `cloudaudit.googleapis.com/${stream}`;
  const full = /^(organizations|folders|projects|billingaccounts)\/[^/]+\/logs\/(.+)$/.exec(v);
  if (op === '=') return full ? (full[2] === logId ? 'some' : 'none') : 'none';
  if (op === '!=') return negate(matchLogName('=', value, stream));
  if (op !== ':') return 'some';
  if (`/logs/${logId}`.includes(v)) return 'all';
  const logsAt = v.indexOf('logs/');
  if (logsAt >= 0) {
    const logPart = v.slice(logsAt + 'logs/'.length);
    return logId.startsWith(logPart) ? 'some' : 'none';
  }
  // Project, folder and org ids hold no dots or percent signs: such a value can only match the log id part.
  return /[.%@]/.test(v) ? 'none' : 'some';
}

function matchCompare(field: string, op: string, value: string, stream: AuditLogStream): StreamMatch {
  const name = field.replace(/"/g, '');
  if (name === 'logName' || name === 'log_name') return matchLogName(op, value, stream);
  if (name === 'protoPayload.@type' && stream !== 'access_transparency') {
    const v = value.toLowerCase();
    if (op === '=' || op === '!=') {
      const equal: StreamMatch = v === AUDIT_LOG_TYPE ? 'all' : 'none';
      return op === '=' ? equal : negate(equal);
    }
    if (op === ':') return AUDIT_LOG_TYPE.includes(v) ? 'all' : 'none';
  }
  if (FIELDS_AUDIT_ENTRIES_LACK.test(name) && POSITIVE_OPS.has(op)) return 'none';
  return 'some';
}

function matchNode(node: FilterNode, stream: AuditLogStream): StreamMatch {
  switch (node.kind) {
    case 'everything':
      return 'all';
    case 'not':
      return negate(matchNode(node.item, stream));
    case 'and': {
      const parts = node.items.map((i) => matchNode(i, stream));
      return parts.includes('none') ? 'none' : parts.every((p) => p === 'all') ? 'all' : 'some';
    }
    case 'or': {
      const parts = node.items.map((i) => matchNode(i, stream));
      return parts.includes('all') ? 'all' : parts.every((p) => p === 'none') ? 'none' : 'some';
    }
    case 'compare':
      return matchCompare(node.field, node.op, node.value, stream);
    case 'function':
      // Function names are case-insensitive (`LOG_ID` in Google's own default filters).
      if (node.name.toLowerCase() === 'log_id' && node.args.length === 1) {
        return normalizeLogText(node.args[0]) === `cloudaudit.googleapis.com/${stream}` ? 'all' : 'none';
      }
      return 'some';
    case 'text':
      return 'some';
  }
}

/** How a Logging filter matches each audit stream. An unparseable filter matches `some` of every stream. */
export function matchAuditStreams(filter: string): Readonly<Record<AuditLogStream, StreamMatch>> {
  let node: FilterNode;
  try {
    node = new FilterParser(tokenize(filter)).parse();
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    node = { kind: 'text', value: filter };
  }
  return Object.fromEntries(AUDIT_LOG_STREAMS.map((s) => [s, matchNode(node, s)])) as Record<AuditLogStream, StreamMatch>;
}

/** Streams a sink filter does not provably keep in full (empty for an empty filter or `logName:"cloudaudit.googleapis.com"`). */
export function auditStreamsNotKept(filter: string): AuditLogStream[] {
  const match = matchAuditStreams(filter);
  return AUDIT_LOG_STREAMS.filter((s) => match[s] !== 'all');
}

/** Streams an exclusion filter could drop entries of (empty only when it provably matches no audit entry). */
export function auditStreamsMatched(filter: string): AuditLogStream[] {
  const match = matchAuditStreams(filter);
  return AUDIT_LOG_STREAMS.filter((s) => match[s] !== 'none');
}
