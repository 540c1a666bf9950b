/**
 * Suppressions: from config (rule id + address glob) and inline (a construct wrote them into the
 * resource's `//` metadata). Each needs a reason (>= 10 characters) and an expiry date; an expired one
 * no longer applies and is itself a finding, an inline one without reason or expiry is a finding too.
 */
import picomatch from 'picomatch';
import type { Model, Resource } from './model';
import type { AppliedSuppression } from './results';

/** A suppression's reason: at least this many characters other than white space. */
export const MIN_REASON_LENGTH = 10;

/** A suppression declared outside the input (org config or policy file): rule id, address glob, reason, expiry. */
export interface SuppressionSpec {
  readonly rule: string;
  /** Resource address glob, e.g. `logging/google_project_iam_member.*`. */
  readonly address: string;
  readonly reason: string;
  /** YYYY-MM-DD; from the next day on the suppression no longer applies and is itself a finding. */
  readonly expires: string;
}

/** Whether a reason says something: MIN_REASON_LENGTH characters once white space is trimmed. */
export function reasonIsEnough(reason: string): boolean {
  return reason.trim().length >= MIN_REASON_LENGTH;
}

/** One declared suppression with the bookkeeping an Evaluation reports. */
export interface TrackedSuppression {
  readonly applied: AppliedSuppression;
  /** Inline suppressions belong to one resource. */
  readonly resourceId?: string;
  readonly expired: boolean;
  /** Why an inline suppression is not valid (no reason, no expiry, bad date), if it is not. */
  readonly invalid?: string;
  /** Matches a result's rule and resource (config: glob against `<stack>/<address>` and `<address>`). */
  readonly matches: (ruleId: string, resourceId: string, address: string) => boolean;
  used: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string | undefined): boolean {
  if (text === undefined || !DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A suppression expiring on a day still holds that whole day (UTC). */
export function isExpired(expires: string | undefined, now: Date): boolean {
  return expires !== undefined && isCalendarDate(expires) && expires < now.toISOString().slice(0, 10);
}

function configSuppression(s: SuppressionSpec, now: Date): TrackedSuppression {
  const isMatch = picomatch(s.address, { dot: true });
  return {
    applied: { source: 'config', rule: s.rule, address: s.address, reason: s.reason, expires: s.expires },
    expired: isExpired(s.expires, now),
    invalid: !reasonIsEnough(s.reason) ? `reason shorter than ${MIN_REASON_LENGTH} characters` : !isCalendarDate(s.expires) ? 'expires is not a YYYY-MM-DD date' : undefined,
    // Exact text too: addresses hold `[` `]` which a glob reads as a character class.
    matches: (ruleId, resourceId, address) =>
      ruleId === s.rule && (resourceId === s.address || address === s.address || isMatch(resourceId) || isMatch(address)),
    used: 0,
  };
}

function inlineSuppression(resource: Resource, s: Resource['inlineSuppressions'][number], now: Date): TrackedSuppression {
  const problems = [
    s.rule === '' ? 'no rule' : undefined,
    !reasonIsEnough(s.reason) ? `reason shorter than ${MIN_REASON_LENGTH} characters` : undefined,
    s.expires === undefined ? 'no expiry' : !isCalendarDate(s.expires) ? 'expires is not a YYYY-MM-DD date' : undefined,
  ].filter((p): p is string => p !== undefined);
  return {
    applied: { source: 'inline', rule: s.rule, address: resource.address, reason: s.reason, expires: s.expires },
    resourceId: resource.id,
    expired: isExpired(s.expires, now),
    invalid: problems.length > 0 ? problems.join(', ') : undefined,
    matches: (ruleId, resourceId) => ruleId === s.rule && resourceId === resource.id,
    used: 0,
  };
}

export function collectSuppressions(model: Model, config: readonly SuppressionSpec[], now: Date): TrackedSuppression[] {
  const out = config.map((s) => configSuppression(s, now));
  for (const resource of model.resources) {
    for (const s of resource.inlineSuppressions) out.push(inlineSuppression(resource, s, now));
  }
  return out;
}
