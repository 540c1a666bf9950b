/**
 * The Logging query language pieces every org sink shares: the filter that routes all five audit
 * log streams (CIS GCP 2.3 [2.2]: keep every audit log stream) and the guard that keeps an
 * exclusion away from them.
 *
 * Precedence matters here: in the Logging query language OR binds tighter than AND, so every
 * caller-supplied clause is parenthesised before it is combined.
 */

/** The audit log ids, URL-encoded as they appear in `logName` (CIS reference, verbatim). */
export const AUDIT_LOG_IDS: readonly string[] = [
  'cloudaudit.googleapis.com%2Factivity',
  'cloudaudit.googleapis.com%2Fsystem_event',
  'cloudaudit.googleapis.com%2Fdata_access',
  'cloudaudit.googleapis.com%2Fpolicy',
  'cloudaudit.googleapis.com%2Faccess_transparency',
];

/** Matches the name of every audit log, whatever the stream. */
const ANY_AUDIT_LOG = 'logName:"/logs/cloudaudit.googleapis.com%2F"';

/** All five audit log streams, OR-ed with each extra clause (each parenthesised). */
export function auditLogFilter(extraClauses: readonly string[] = []): string {
  const audit = AUDIT_LOG_IDS.map((id) => `logName:"/logs/${id}"`);
  extraClauses.forEach((clause, i) => {
    if (clause.trim() === '') throw new Error(`extra log filter [${i}] must not be empty, got ""`);
  });
  return [...audit, ...extraClauses.map((clause) => `(${clause})`)].join(' OR ');
}

/**
 * An exclusion filter that can never match an audit log. Throws when the filter names
 * cloudaudit at all (whoever wrote it meant to touch audit logs); otherwise ANDs the filter with
 * "not an audit log", so even a broad filter like `severity < ERROR` leaves audit logs alone.
 */
export function auditSafeExclusionFilter(name: string, filter: string): string {
  if (/cloudaudit/i.test(filter)) {
    throw new Error(
      `exclusion "${name}" would drop audit logs (CIS GCP 2.3): its filter names cloudaudit, got "${filter}"`,
    );
  }
  return `(${filter}) AND NOT ${ANY_AUDIT_LOG}`;
}
