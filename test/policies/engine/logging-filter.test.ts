import { auditStreamsMatched, auditStreamsNotKept, matchAuditStreams } from '../../../policies/gcp/logging-filter';

const ALL = ['activity', 'system_event', 'data_access', 'policy', 'access_transparency'];

describe('Logging filter analysis per audit log stream', () => {
  describe('sink filters: which streams are not provably kept in full', () => {
    it.each([
      ['an empty filter keeps everything', '', []],
      ['a logName has-clause on cloudaudit keeps every stream', 'logName:"cloudaudit.googleapis.com"', []],
      [
        'the OrgSink construct filter (each log id, plus extra clauses) keeps every stream',
        'logName:"/logs/cloudaudit.googleapis.com%2Factivity" OR logName:"/logs/cloudaudit.googleapis.com%2Fsystem_event" OR logName:"/logs/cloudaudit.googleapis.com%2Fdata_access" OR logName:"/logs/cloudaudit.googleapis.com%2Fpolicy" OR logName:"/logs/cloudaudit.googleapis.com%2Faccess_transparency" OR (log_id("requests"))',
        [],
      ],
      ['LOG_ID is case-insensitive and %2F equals /', 'LOG_ID("cloudaudit.googleapis.com/activity") OR log_id("cloudaudit.googleapis.com%2Fsystem_event")', ['data_access', 'policy', 'access_transparency']],
      ['AND with severity narrows every stream', 'logName:"cloudaudit.googleapis.com" AND severity>=ERROR', ALL],
      ['implicit AND narrows too', 'logName:"cloudaudit.googleapis.com" resource.type="gce_instance"', ALL],
      ['one stream only', 'logName:"cloudaudit.googleapis.com%2Factivity"', ['system_event', 'data_access', 'policy', 'access_transparency']],
      ['a leading minus negates', '-logName:"cloudaudit.googleapis.com%2Fdata_access"', ['data_access']],
      ['the AuditLog @type keeps the four AuditLog streams, not Access Transparency', 'protoPayload.@type="type.googleapis.com/google.cloud.audit.AuditLog"', ['access_transparency']],
      ['an exact logName names one parent only', 'logName="organizations/123456789012/logs/cloudaudit.googleapis.com%2Factivity"', ALL],
      ['an unterminated string is not understood, so nothing is provably kept', 'logName:"cloudaudit', ALL],
    ])('%s', (_name, filter, expected) => {
      expect(auditStreamsNotKept(filter)).toEqual(expected);
    });
  });

  describe('exclusion filters: which streams they could drop', () => {
    it.each([
      ['the example org exclusion (httpRequest only exists on request logs)', 'resource.type="http_load_balancer" AND httpRequest.userAgent:"GoogleHC"', []],
      ['an exclusion narrowed with NOT logName cloudaudit', '(severity<ERROR) AND NOT logName:"/logs/cloudaudit.googleapis.com%2F"', []],
      ['an exclusion on a named non-audit log', 'log_id("stdout")', []],
      ['an exclusion on jsonPayload or textPayload', 'jsonPayload.level="debug" OR textPayload:"healthz"', []],
      ['severity alone matches audit entries', 'severity<ERROR', ALL],
      ['naming a stream drops it', 'logName:"cloudaudit.googleapis.com%2Fdata_access"', ['data_access']],
      ['a bare match-all drops everything', '', ALL],
      ['OR binds tighter than AND: (a OR b) AND c', 'severity<ERROR OR log_id("stdout") AND log_id("stderr")', []],
      ['NOT of a non-audit field matches every audit entry', 'NOT httpRequest.status=200', ALL],
      ['value lists: logName = ("x" OR "y")', 'logName=("projects/p/logs/cloudaudit.googleapis.com%2Factivity" OR "projects/p/logs/stdout")', ['activity']],
      ['a -- comment hides the rest of its line: the NOT clause after it does not narrow', 'severity<ERROR -- AND NOT logName:"/logs/cloudaudit.googleapis.com%2F"', ALL],
      ['a comment glued to a word still starts there', 'severity<ERROR--AND NOT logName:"cloudaudit.googleapis.com"', ALL],
      ['a comment ends at its line: the next line is filter again', 'severity<ERROR -- only noise\nAND NOT logName:"/logs/cloudaudit.googleapis.com%2F"', []],
      ['-- inside a quoted string is text, not a comment', 'log_id("app--debug") AND textPayload:"--"', []],
    ])('%s', (_name, filter, expected) => {
      expect(auditStreamsMatched(filter)).toEqual(expected);
    });
  });

  it('an exclusion on resource.type alone is not provably harmless (answers "some" for every stream)', () => {
    expect(matchAuditStreams('resource.type="k8s_container"')).toEqual({
      activity: 'some',
      system_event: 'some',
      data_access: 'some',
      policy: 'some',
      access_transparency: 'some',
    });
  });
});
