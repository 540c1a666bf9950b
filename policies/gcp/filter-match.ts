/**
 * Comparing Logging filters with the CIS ones: whitespace normalisation and templates with `${...}` holes.
 */
import type { Tri } from '../engine/values';
import { CIS_LOG_METRICS, type CisLogMetricControl } from '../catalog/cis-log-metrics';

/** The metric type an alert policy filters on for a user-defined log metric. */
export const USER_METRIC_PREFIX = 'logging.googleapis.com/user/';

/**
 * Collapses whitespace outside quoted strings so formatting never decides a comparison:
 * runs become one space, and spaces inside parentheses and around comparison operators go
 * (`resource.type = "x"` and `resource.type="x"` are the same filter). Quoted text is kept as written.
 */
export function normaliseFilter(filter: string): string {
  const parts: string[] = [];
  let outside = '';
  const flush = () => {
    parts.push(
      outside
        .replace(/\s+/g, ' ')
        .replace(/\(\s/g, '(')
        .replace(/\s\)/g, ')')
        .replace(/\s*(!=|>=|<=|=~|!~|=|:|<|>)\s*/g, '$1'),
    );
    outside = '';
  };
  for (let i = 0; i < filter.length; i++) {
    const ch = filter[i];
    if (ch !== '"') {
      outside += ch;
      continue;
    }
    flush();
    let end = i + 1;
    while (end < filter.length && filter[end] !== '"') end += filter[end] === '\\' ? 2 : 1;
    parts.push(filter.slice(i, end + 1));
    i = end;
  }
  flush();
  return parts.join('').trim();
}

/** The CIS control whose filter equals this one after normalisation, if any. */
export function cisControlForFilter(filter: string): CisLogMetricControl | undefined {
  const normalised = normaliseFilter(filter);
  return CIS_LOG_METRICS.find((c) => c.filters.some((f) => normaliseFilter(f) === normalised));
}

/**
 * Filters with parts known only after apply. Synthesized JSON keeps them as templates
 * (`resourceName=~"/secrets/${data.x.outputs.id}"`): the known text still decides most comparisons.
 * Each `${...}` becomes a hole; a hole inside a quoted string is taken to stand for string content
 * (no quote characters), a hole outside quotes for anything at all.
 */

const HOLE = '\u0000';

/** Replaces each `${...}` (braces and quoted strings inside it balanced) with one hole character. */
function withHoles(template: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '$' || template[i + 1] !== '{') {
      out += template[i];
      continue;
    }
    let depth = 0;
    let quoted = false;
    let j = i + 1;
    for (; j < template.length; j++) {
      const c = template[j];
      if (quoted) {
        if (c === '\\') j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out += HOLE;
    i = j;
  }
  return out;
}

/** Unquoted chunks and quoted strings, alternating, starting and ending with a (possibly empty) chunk. */
function items(filter: string): string[] {
  const out: string[] = [''];
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] !== '"') {
      out[out.length - 1] += filter[i];
      continue;
    }
    let end = i + 1;
    while (end < filter.length && filter[end] !== '"') end += filter[end] === '\\' ? 2 : 1;
    out.push(filter.slice(i, end + 1), '');
    i = end;
  }
  return out;
}

/** A template as a pattern: literal characters, holes in quotes (`quoted`: no `"`), and holes outside them (`any`). */
type PatternPart = string | { readonly hole: 'quoted' | 'any' };

function templateParts(template: string): PatternPart[] {
  const parts: PatternPart[] = [];
  items(template).forEach((item, i) => {
    for (const c of item) parts.push(c === HOLE ? { hole: i % 2 === 1 ? 'quoted' : 'any' } : c);
  });
  return parts;
}

/**
 * Whether a normalised template can become `text`: holes in quotes stand for `[^"]*`, others for anything. A
 * dynamic programme over (part, position), O(parts x text) whatever the holes (a regular expression with many
 * `.*` backtracks exponentially on a filter with many `${...}` holes that does not match).
 */
function templateMatches(template: string, text: string): boolean {
  const n = text.length;
  let reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (const part of templateParts(template)) {
    const next = new Uint8Array(n + 1);
    if (typeof part === 'string') {
      for (let i = 0; i < n; i++) if (reach[i] && text[i] === part) next[i + 1] = 1;
    } else {
      let carry = 0;
      for (let i = 0; i <= n; i++) {
        // A hole reaches i from any earlier reach through text that it may stand for.
        if (i > 0 && part.hole === 'quoted' && text[i - 1] === '"') carry = 0;
        carry = carry | reach[i];
        next[i] = carry;
      }
    }
    reach = next;
  }
  return reach[n] === 1;
}

/** Whether a filter (plain, or a template with `${...}` parts) equals the target after normalisation. */
export function filterEquals(filter: string, target: string): Tri {
  const template = normaliseFilter(withHoles(filter));
  const wanted = normaliseFilter(target);
  if (!template.includes(HOLE)) return template === wanted ? 'yes' : 'no';
  return templateMatches(template, wanted) ? 'unknown' : 'no';
}

/** Whether a filter (plain, or a template with `${...}` parts) contains the wanted filter after normalisation. */
export function filterContains(filter: string, wanted: string): Tri {
  const template = normaliseFilter(withHoles(filter));
  const part = normaliseFilter(wanted);
  if (template.includes(part)) return 'yes';
  if (!template.includes(HOLE)) return 'no';
  const t = items(template);
  if (t.some((item, i) => i % 2 === 0 && item.includes(HOLE))) return 'unknown';
  // Holes only in quoted strings: the wanted filter's chunks must line up with the template's, quoted strings matching.
  const w = items(part);
  if (w.length === 1) return t.some((item, i) => i % 2 === 1 && item.includes(HOLE)) ? 'unknown' : 'no';
  const quotedMatches = (quoted: string, pattern: string) => (pattern.includes(HOLE) ? templateMatches(pattern, quoted) : quoted === pattern);
  for (let k = 0; k + w.length <= t.length; k += 2) {
    const aligned = w.every((item, i) => {
      const other = t[k + i];
      if (i === 0) return other.endsWith(item);
      if (i === w.length - 1) return other.startsWith(item);
      return i % 2 === 1 ? quotedMatches(item, other) : item === other;
    });
    if (aligned) return 'unknown';
  }
  return 'no';
}
