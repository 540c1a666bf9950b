import { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { LogView } from '../../../constructs/logging/log-view';
import { addressOf, iamResources, only, ref, synthScope } from './synth-lookup';

describe('LogView', () => {
  it('makes a view on the bucket and grants viewAccessor on that view only', () => {
    // GIVEN a bucket and a filtered view WHEN auditors get access
    const { doc } = synthScope((scope) => {
      const bucket = new LoggingProjectBucketConfig(scope, 'Bucket', { project: 'logs-prj', location: 'europe-west1', bucketId: 'central' });
      new LogView(scope, 'View', { bucket, viewId: 'prod-only', filter: 'SOURCE("folders/123")' }).grantViewAccess('group:auditors@example.com');
    });
    // THEN
    const view = addressOf(doc, 'google_logging_log_view');
    expect(only(doc, 'google_logging_log_view')).toEqual({
      bucket: ref(addressOf(doc, 'google_logging_project_bucket_config'), 'id'),
      name: 'prod-only',
      filter: 'SOURCE("folders/123") AND NOT LOG_ID("cloudaudit.googleapis.com/data_access")',
      description: 'Entries matching: SOURCE("folders/123") AND NOT LOG_ID("cloudaudit.googleapis.com/data_access") (baseline).',
    });
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_logging_log_view_iam_member',
        values: {
          parent: ref(view, 'parent'),
          location: ref(view, 'location'),
          bucket: ref(view, 'bucket'),
          name: ref(view, 'name'),
          role: 'roles/logging.viewAccessor',
          member: 'group:auditors@example.com',
        },
      },
    ]);
  });

  it('shows every entry of the bucket but Data Access logs by default', () => {
    const { doc } = synthScope((scope) => {
      const bucket = new LoggingProjectBucketConfig(scope, 'Bucket', { project: 'logs-prj', location: 'global', bucketId: 'central' });
      new LogView(scope, 'View', { bucket, viewId: 'all' });
    });
    expect(only(doc, 'google_logging_log_view').filter).toBe('NOT LOG_ID("cloudaudit.googleapis.com/data_access")');
  });

  it('shows Data Access logs only when privateLogs is asked for', () => {
    const { doc } = synthScope((scope) => {
      const bucket = new LoggingProjectBucketConfig(scope, 'Bucket', { project: 'logs-prj', location: 'global', bucketId: 'central' });
      new LogView(scope, 'View', { bucket, viewId: 'all', privateLogs: true });
    });
    expect(only(doc, 'google_logging_log_view').filter).toBe('');
  });

  it('fails on a filter with OR, which views do not allow', () => {
    expect(() =>
      synthScope((scope) => {
        const bucket = new LoggingProjectBucketConfig(scope, 'Bucket', { project: 'logs-prj', location: 'global', bucketId: 'central' });
        new LogView(scope, 'View', { bucket, viewId: 'x', filter: 'LOG_ID("a") OR LOG_ID("b")' });
      }),
    ).toThrow('view x: filter must be clauses joined with AND (views allow no OR), got "LOG_ID(\"a\") OR LOG_ID(\"b\")"');
  });

  it('fails on a reader that is a user rather than a group or service account', () => {
    expect(() =>
      synthScope((scope) => {
        const bucket = new LoggingProjectBucketConfig(scope, 'Bucket', { project: 'logs-prj', location: 'global', bucketId: 'central' });
        new LogView(scope, 'View', { bucket, viewId: 'all' }).grantViewAccess('user:auditor@example.com');
      }),
    ).toThrow('member must be a group: or serviceAccount: principal, got "user:auditor@example.com"');
  });
});
