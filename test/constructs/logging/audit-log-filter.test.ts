import { AUDIT_LOG_IDS, auditLogFilter, auditSafeExclusionFilter } from '../../../constructs/logging/audit-log-filter';
import { cisAuditLogIds } from './cis-audit-log-ids';

describe('auditLogFilter', () => {
  it('names exactly the five audit log ids of the CIS reference', () => {
    // GIVEN the reference's list WHEN compared with ours THEN they are the same five ids
    const reference = cisAuditLogIds();
    expect(reference).toHaveLength(5);
    expect([...AUDIT_LOG_IDS].sort()).toEqual([...reference].sort());
  });

  it('routes every audit log stream by logName and nothing else when there are no extras', () => {
    const filter = auditLogFilter();
    expect(filter).toBe(cisAuditLogIds().map((id) => `logName:"/logs/${id}"`).sort(byAuditOrder).join(' OR '));
  });

  it('ORs each extra clause, parenthesised, after the audit logs', () => {
    // GIVEN extra clauses, one of which contains AND (OR binds tighter than AND in Logging queries)
    const filter = auditLogFilter(['log_id("requests")', 'resource.type="gce_instance" AND severity>=ERROR']);
    // THEN each extra stands alone in parentheses, joined by OR
    expect(filter.endsWith(' OR (log_id("requests")) OR (resource.type="gce_instance" AND severity>=ERROR)')).toBe(true);
    for (const id of cisAuditLogIds()) expect(filter).toContain(`logName:"/logs/${id}" OR `);
  });

  it('fails on an empty extra clause, which would make the filter invalid', () => {
    expect(() => auditLogFilter(['log_id("requests")', '  '])).toThrow('extra log filter [1] must not be empty, got ""');
  });
});

describe('auditSafeExclusionFilter', () => {
  it('narrows an exclusion so that it cannot match any audit log', () => {
    expect(auditSafeExclusionFilter('noise', 'severity < ERROR')).toBe(
      '(severity < ERROR) AND NOT logName:"/logs/cloudaudit.googleapis.com%2F"',
    );
  });

  it.each([
    'logName:"cloudaudit.googleapis.com%2Fdata_access"',
    'log_id("CloudAudit.googleapis.com/data_access")',
  ])('fails on an exclusion that names cloudaudit: %s', (filter) => {
    expect(() => auditSafeExclusionFilter('drop-data-access', filter)).toThrow(
      `exclusion "drop-data-access" would drop audit logs (CIS GCP 2.3): its filter names cloudaudit, got "${filter}"`,
    );
  });
});

/** The order AUDIT_LOG_IDS uses, so the exact-string test does not depend on the reference's order. */
function byAuditOrder(a: string, b: string): number {
  const rank = (s: string) => AUDIT_LOG_IDS.findIndex((id) => s.includes(id));
  return rank(a) - rank(b);
}
