/**
 * Terraform expressions as they reach the engine: `${...}` tokens in synthesized JSON and the
 * `references` lists of a plan's configuration. Only traversals matter to the engine (what refers to
 * what); functions, operators and literals are skipped.
 */

/** A reference expression split into what it names. */
export interface Traversal {
  readonly root: 'resource' | 'data' | 'var' | 'local' | 'module';
  /** `google_x.y`, `data.google_x.y`, `var.x`, `local.x`, `module.m` (no index). */
  readonly address: string;
  /** `[0]` / `["k"]` right after the address. */
  readonly index?: string | number;
  /** What follows, dotted: `writer_identity`, `outputs.bucket`, `binding.0.role`. */
  readonly attribute?: string;
  /** The traversal as written. */
  readonly expression: string;
}

const IDENT = /[A-Za-z_][\w-]*/y;

/** One step of a traversal; `bracket` tells `[0]` (an instance key right after an address) from `.name`. */
interface Segment {
  readonly value: string | number;
  readonly bracket: boolean;
  readonly splat?: boolean;
}

/** Reads `.name`, `.0`, `.*`, `[0]`, `["k"]`, `[*]` segments starting at `pos`. */
function readSegments(text: string, start: number): { segments: Segment[]; end: number } {
  const segments: Segment[] = [];
  let pos = start;
  for (;;) {
    const c = text[pos];
    if (c === '.') {
      if (text[pos + 1] === '*') {
        segments.push({ value: '*', bracket: false, splat: true });
        pos += 2;
        continue;
      }
      const num = /\d+/y;
      num.lastIndex = pos + 1;
      const n = num.exec(text);
      if (n) {
        segments.push({ value: Number(n[0]), bracket: false });
        pos = num.lastIndex;
        continue;
      }
      IDENT.lastIndex = pos + 1;
      const id = IDENT.exec(text);
      if (!id) break;
      segments.push({ value: id[0], bracket: false });
      pos = IDENT.lastIndex;
      continue;
    }
    if (c === '[') {
      const bracket = /\[\s*(?:(\d+)|"((?:[^"\\]|\\.)*)"|(\*))\s*\]/y;
      bracket.lastIndex = pos;
      const b = bracket.exec(text);
      if (!b) break;
      const value = b[1] !== undefined ? Number(b[1]) : b[2] !== undefined ? b[2].replace(/\\(.)/g, '$1') : '*';
      segments.push({ value, bracket: true, splat: b[3] !== undefined });
      pos = bracket.lastIndex;
      continue;
    }
    break;
  }
  return { segments, end: pos };
}

function names(segments: Segment[], from: number, count: number): string[] | undefined {
  const out: string[] = [];
  for (let i = from; i < from + count; i++) {
    const segment = segments[i];
    if (segment === undefined || segment.bracket || segment.splat || typeof segment.value !== 'string') return undefined;
    out.push(segment.value);
  }
  return out;
}

function build(root: Traversal['root'], address: string, rest: Segment[], expression: string): Traversal {
  let index: string | number | undefined;
  let tail = rest;
  // A key right after the address (`x.y[0]`, legacy `x.y.0`) is an instance key; later ones are attribute path steps.
  const head = tail[0];
  if (head && !head.splat && (head.bracket || typeof head.value === 'number')) {
    index = head.value;
    tail = tail.slice(1);
  }
  const attribute = tail.length > 0 ? tail.map((s) => String(s.value)).join('.') : undefined;
  return { root, address, index, attribute, expression };
}

/** Parses one traversal that starts at `pos` of `text`; undefined when it names nothing the engine tracks. */
function traversalAt(text: string, pos: number): { traversal?: Traversal; end: number } {
  IDENT.lastIndex = pos;
  const first = IDENT.exec(text);
  if (!first) return { end: pos + 1 };
  const { segments, end } = readSegments(text, IDENT.lastIndex);
  const rootName = first[0];
  const expression = text.slice(pos, end);
  // A function call; names such as count, each, self or null have no `_`, so they never pass for a resource type below.
  if (text[end] === '(') return { end };
  if (rootName === 'data') {
    const n = names(segments, 0, 2);
    return { end, traversal: n && build('data', `data.${n[0]}.${n[1]}`, segments.slice(2), expression) };
  }
  if (rootName === 'var' || rootName === 'local' || rootName === 'module') {
    const n = names(segments, 0, 1);
    return { end, traversal: n && build(rootName, `${rootName}.${n[0]}`, segments.slice(1), expression) };
  }
  // Managed resource types are `<provider>_<kind>`; a bare `x.y` is a for-expression variable.
  if (!rootName.includes('_')) return { end };
  const n = names(segments, 0, 1);
  return { end, traversal: n && build('resource', `${rootName}.${n[0]}`, segments.slice(1), expression) };
}

/** Parses a plan configuration reference such as `google_x.y.attr`, `module.m.out`, `data.x.y`. */
export function parseTraversal(expression: string): Traversal | undefined {
  const { traversal, end } = traversalAt(expression, 0);
  return end === expression.length ? traversal : traversal && { ...traversal, expression: expression.slice(0, end) };
}

/** True when a synthesized string holds a Terraform expression (cdktf token). */
export function isToken(value: unknown): value is string {
  // An interpolation `${` or a directive `%{` (`%{ if ... }`, `%{ for ... }`), not their escapes `$${` / `%%{`
  // (https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences-1).
  return typeof value === 'string' && /(?:^|[^$])\$\{|(?:^|[^%])%\{/.test(value);
}

/**
 * The code inside every `${...}` of a template string, string literals blanked, so that traversals
 * can be found without mistaking literal text (`"roles/x.y"`) for references.
 */
function codeOf(template: string): string {
  let code = '';
  // Modes: 'l' template literal text, 'c' code, 'b' nested brace in code, 'q' quoted string in code.
  const modes: ('l' | 'c' | 'b' | 'q')[] = ['l'];
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const mode = modes[modes.length - 1];
    if (mode === 'l' || mode === 'q') {
      if (c === '$' && template[i + 1] === '$' && template[i + 2] === '{') {
        i += 2;
      } else if (c === '$' && template[i + 1] === '{') {
        modes.push('c');
        code += ' ';
        i++;
      } else if (mode === 'q' && c === '\\') {
        i++;
      } else if (mode === 'q' && c === '"') {
        modes.pop();
        code += '"" ';
      }
      continue;
    }
    if (c === '"') {
      modes.push('q');
    } else if (c === '{') {
      modes.push('b');
      code += c;
    } else if (c === '}') {
      modes.pop();
      code += mode === 'c' ? ' ' : c;
    } else {
      code += c;
    }
  }
  return code;
}

/** Every traversal inside the `${...}` parts of a synthesized string, in order. */
export function traversalsInToken(template: string): Traversal[] {
  const code = codeOf(template);
  const out: Traversal[] = [];
  for (let i = 0; i < code.length; ) {
    const c = code.charCodeAt(i);
    const startsIdent = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    const prev = i > 0 ? code[i - 1] : ' ';
    if (!startsIdent || /[\w.\]\-"]/.test(prev)) {
      i++;
      continue;
    }
    const { traversal, end } = traversalAt(code, i);
    if (traversal) out.push(traversal);
    i = Math.max(end, i + 1);
  }
  return out;
}

/** Formats an instance key the way Terraform addresses do: `[0]`, `["k"]`. */
export function indexSuffix(index: string | number | undefined): string {
  if (index === undefined) return '';
  return typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}
