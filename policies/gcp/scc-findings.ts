/**
 * Security Command Center findings: the resource types that route or mute them, what a notification
 * filter lets through, and where a mute config keeps its reason and expiry.
 *
 * Filter grammar (provider docs for google_scc_v2_organization_notification_config, `streaming_config.filter`,
 * after cloud.google.com/security-command-center/docs/how-to-api-filter-notifications): restrictions
 * `<field> <operator> <value>` joined by AND and OR, parentheses allowed, **OR binds tighter than AND**, and a
 * leading `-` negates a restriction.
 */
import type { Tri } from '../engine/values';

/** Notification configs at the organization (v2 and v1): the scope that sees every project's findings. */
export const ORG_NOTIFICATION_CONFIG_TYPES: readonly string[] = ['google_scc_v2_organization_notification_config', 'google_scc_notification_config'];

/** Mute configs at every scope, v2 and v1. */
export const MUTE_CONFIG_TYPES: readonly string[] = [
  'google_scc_v2_organization_mute_config',
  'google_scc_v2_folder_mute_config',
  'google_scc_v2_project_mute_config',
  'google_scc_mute_config',
];

/** The identity Security Command Center publishes an organization's notifications as (see constructs/scanning). */
export function sccNotificationAgent(organizationId: string): string {
  return `service-org-${organizationId}@gcp-sa-scc-notification.iam.gserviceaccount.com`;
}

/** What a filter does to the active findings of the given severities. */
export interface FilterVerdict {
  readonly keeps: Tri;
  /** Why not (or why undecided): the restriction that drops them, or the one that cannot be read. */
  readonly detail?: string;
}

/** Splits on a keyword at parenthesis depth 0, outside quotes. */
function splitTopLevel(text: string, keyword: 'AND' | 'OR'): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const pattern = new RegExp(`^\\s${keyword}\\s`, 'i');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (depth < 0) return undefined;
    if (depth === 0 && pattern.test(text.slice(i, i + keyword.length + 2))) {
      parts.push(text.slice(start, i));
      start = i + keyword.length + 2;
      i = start - 1;
    }
  }
  if (depth !== 0 || quoted) return undefined;
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** `(x)` -> `x`, while the first parenthesis closes at the very end. */
function unwrap(text: string): string {
  let t = text.trim();
  for (;;) {
    if (!t.startsWith('(')) return t;
    let depth = 0;
    let close = -1;
    for (let i = 0; i < t.length && close < 0; i++) {
      if (t[i] === '(') depth++;
      else if (t[i] === ')' && --depth === 0) close = i;
    }
    if (close !== t.length - 1) return t;
    t = t.slice(1, -1).trim();
  }
}

/** One restriction `[-]field = "value"` (or `!=`), or undefined when it is not that simple. */
function restriction(text: string): { field: string; negated: boolean; value: string } | undefined {
  const m = /^(-|NOT\s+)?\s*([a-zA-Z_.]+)\s*(=|!=)\s*"?([^"]*)"?$/i.exec(text.trim());
  if (!m) return undefined;
  return { field: m[2].toLowerCase(), negated: (m[1] !== undefined) !== (m[3] === '!='), value: m[4] };
}

/** Whether one AND-ed conjunct (itself possibly an OR group) lets through active, unmuted findings of `severity`. */
function conjunctKeeps(conjunct: string, severity: string): Tri | 'other' {
  const alternatives = splitTopLevel(unwrap(conjunct), 'OR');
  if (alternatives === undefined) return 'unknown';
  let sawOther = false;
  for (const alternative of alternatives) {
    const inner = unwrap(alternative);
    // An AND inside an OR group (`severity="HIGH" OR (category="X" AND ...)`) is beyond this reading.
    if ((splitTopLevel(inner, 'AND')?.length ?? 2) > 1) return 'unknown';
    const r = restriction(inner);
    if (!r) return 'unknown';
    const matches = (expected: string) => (r.value.toUpperCase() === expected) !== r.negated;
    if (r.field === 'severity' && matches(severity)) return 'yes';
    if (r.field === 'state' && matches('ACTIVE')) return 'yes';
    // Muted findings were silenced on purpose, by a mute config with its own reason (scanning-mute-configs-reasoned).
    if (r.field === 'mute' && r.value.toUpperCase() === 'MUTED' && r.negated) return 'yes';
    if (!['severity', 'state', 'mute'].includes(r.field)) sawOther = true;
  }
  // A restriction on anything else (category, resource, source) lets only some findings of this severity through.
  return sawOther ? 'other' : 'no';
}

/**
 * Whether a findings filter lets every active, unmuted finding of each severity through: 'yes', 'no' with
 * the restriction that drops them, or 'unknown' when the filter is beyond this reading (never a silent pass).
 * An empty filter lets everything through.
 */
export function filterKeepsSeverities(filter: string, severities: readonly string[]): FilterVerdict {
  if (filter.trim() === '') return { keeps: 'yes' };
  const conjuncts = splitTopLevel(unwrap(filter), 'AND');
  if (conjuncts === undefined) return { keeps: 'unknown', detail: filter };
  for (const severity of severities) {
    for (const conjunct of conjuncts) {
      const verdict = conjunctKeeps(conjunct, severity);
      if (verdict === 'unknown') return { keeps: 'unknown', detail: conjunct };
      if (verdict === 'no') return { keeps: 'no', detail: `${severity} (${conjunct})` };
      if (verdict === 'other') return { keeps: 'no', detail: `${severity} outside ${conjunct}` };
    }
  }
  return { keeps: 'yes' };
}

/** The filter the baseline writes: active, unmuted findings of the given severities. */
export function activeFindingsFilter(severities: readonly string[]): string {
  return `state="ACTIVE" AND -mute="MUTED" AND (${severities.map((s) => `severity="${s}"`).join(' OR ')})`;
}

/** Where a mute config keeps its reason and expiry: its description, `reason: <text>; expires: <YYYY-MM-DD>`. */
export function muteDescription(reason: string, expires: string): string {
  return `reason: ${reason}; expires: ${expires}`;
}

/** The reason and expiry a mute config's description gives, each undefined when it does not. */
export function parseMuteDescription(description: string): { readonly reason?: string; readonly expires?: string } {
  const m = /^\s*reason:\s*(.*?)\s*(?:;\s*expires:\s*(\S*)\s*)?$/is.exec(description);
  if (!m) return {};
  const expires = m[2] !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(m[2]) && !Number.isNaN(Date.parse(`${m[2]}T00:00:00Z`)) ? m[2] : undefined;
  return { reason: m[1] === '' ? undefined : m[1], expires };
}
