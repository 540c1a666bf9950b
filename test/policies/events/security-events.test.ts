/**
 * The mapping on the vendored sample entries (test/fixtures/log-entries): each class, success and failure,
 * service-account actors, entries without a caller IP, and a declared application log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_CONFIG } from '../../../config/example';
import { loadConfig } from '../../../policies/config/load';
import { logIdOf, normalizeEntry, valueAt, type ApplicationLogMapping } from '../../../policies/catalog/security-events';
import { fixture } from '../../support/fixtures';

const ENTRIES = JSON.parse(readFileSync(join(fixture('log-entries'), 'gcloud-logging-read.json'), 'utf8')) as Record<string, unknown>[];
const APPS: readonly ApplicationLogMapping[] = loadConfig(EXAMPLE_CONFIG).logging.applicationLogs;
const byId = (insertId: string) => ENTRIES.find((e) => e.insertId === insertId)!;
const eventOf = (insertId: string, apps = APPS) => normalizeEntry(byId(insertId), apps).event;

/** The fields every sample carries the same way, left out of the expectations below. */
const common = (insertId: string) => {
  const e = byId(insertId);
  return { time: e.timestamp, metadata: { log_name: e.logName, uid: insertId } };
};

describe('security-event mapping', () => {
  test('an Admin Activity IAM change by a person: API Activity, Update, Success, with actor, address and agent', () => {
    expect(eventOf('-x7k2f1d3b9a')).toEqual({
      ...common('-x7k2f1d3b9a'),
      class_name: 'API Activity',
      activity_name: 'Update',
      actor: { user: { email_addr: 'alice@example.com' } },
      src_endpoint: { ip: '203.0.113.10' },
      http_request: { user_agent: 'google-cloud-sdk gcloud/480.0.0 command/gcloud.projects.add-iam-policy-binding' },
      api: { operation: 'SetIamPolicy', service: { name: 'cloudresourcemanager.googleapis.com' } },
      resources: [{ name: 'projects/example-app-prod' }],
      cloud: { project_uid: 'example-app-prod' },
      status: 'Success',
      severity: 'NOTICE',
    });
  });

  test('a service account refused (status code 7) is a Failure with the service account as actor', () => {
    const event = eventOf('1d9ffe2c0a11');
    expect([event.class_name, event.activity_name, event.status, valueAt(event, 'actor.user.email_addr')]).toEqual([
      'API Activity',
      'Create',
      'Failure',
      'deployer@example-app-prod.iam.gserviceaccount.com',
    ]);
  });

  test.each([
    ['1x0aq3de4f5g', 'cloudaudit.googleapis.com/data_access', 'Read', 'Success'],
    ['-4kfx8wd2nmq', 'cloudaudit.googleapis.com/system_event', 'Other', 'Success'],
    ['b6a1c2d3e4f5', 'cloudaudit.googleapis.com/policy', 'Read', 'Failure'],
  ])('audit log %s (%s) is API Activity, %s, %s', (insertId, logId, activity, status) => {
    const event = eventOf(insertId);
    expect(logIdOf(byId(insertId).logName as string)).toBe(logId);
    expect([event.class_name, event.activity_name, event.status]).toEqual(['API Activity', activity, status]);
  });

  test('a System Event carries no caller IP or user agent: they are left out, not empty', () => {
    const { event, present } = normalizeEntry(byId('-4kfx8wd2nmq'));
    expect(event).not.toHaveProperty('src_endpoint');
    expect(event).not.toHaveProperty('http_request');
    expect([...present].sort()).toEqual(
      ['time', 'class_name', 'activity_name', 'actor.user.email_addr', 'api.operation', 'api.service.name', 'resources[0].name', 'cloud.project_uid', 'status', 'severity', 'metadata.log_name', 'metadata.uid'].sort(),
    );
  });

  test.each([
    ['cxlg8ze1a2b3', 'alice@example.com', '203.0.113.10', 'Success'],
    ['cxlg8ze9z8y7', 'bob@example.com', '192.0.2.201', 'Failure'],
  ])('a Google sign-in (%s) is Authentication, Logon, whatever audit log carries it', (insertId, actor, ip, status) => {
    const event = eventOf(insertId);
    expect([event.class_name, event.activity_name, valueAt(event, 'actor.user.email_addr'), valueAt(event, 'src_endpoint.ip'), event.status]).toEqual([
      'Authentication',
      'Logon',
      actor,
      ip,
      status,
    ]);
    // Sign-ins belong to the organization: no project.
    expect(event).not.toHaveProperty('cloud');
  });

  test('a VPC flow takes its source address from the connection and has no outcome', () => {
    expect(eventOf('1pq0m7rg3h4j5k')).toEqual({
      ...common('1pq0m7rg3h4j5k'),
      class_name: 'Network Activity',
      activity_name: 'Traffic',
      src_endpoint: { ip: '10.128.0.14' },
      cloud: { project_uid: 'example-app-prod' },
    });
  });

  test('a denied firewall connection is Network Activity, Refuse, Failure', () => {
    const event = eventOf('9sx1d2f3g4h5');
    expect([event.class_name, event.activity_name, valueAt(event, 'src_endpoint.ip'), event.status]).toEqual(['Network Activity', 'Refuse', '198.51.100.99', 'Failure']);
  });

  test('a declared application log maps through its own fields, outcome by the declared success values', () => {
    expect(eventOf('app-0001')).toEqual({
      ...common('app-0001'),
      class_name: 'Authentication',
      activity_name: 'Other',
      actor: { user: { email_addr: 'dave@example.org' } },
      src_endpoint: { ip: '203.0.113.77' },
      http_request: { user_agent: 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0' },
      api: { operation: 'customer.sign_in' },
      cloud: { project_uid: 'example-app-prod' },
      status: 'Failure',
      severity: 'WARNING',
    });
    expect(eventOf('app-0002').status).toBe('Success');
  });

  test('without its mapping the application log is Other and carries no actor', () => {
    const event = eventOf('app-0001', []);
    expect([event.class_name, event.actor, event.status]).toEqual(['Other', undefined, undefined]);
  });

  test('no request, response, metadata or payload body reaches an event', () => {
    const all = JSON.stringify(ENTRIES.map((e) => normalizeEntry(e, APPS).event));
    for (const secret of ['must-never-appear-in-output', 'BwYbQm9yV2E=', 'roles/run.invoker', 'invalid_password', 'Zy1Z0c0vW5CqJ3E9q8nWmHh4J2bT5Ck1', 'CRON']) {
      expect(all).not.toContain(secret);
    }
  });

  test('an object at a mapped path is a body, not a value: it is not copied', () => {
    const entry = { ...byId('-x7k2f1d3b9a'), protoPayload: { ...(byId('-x7k2f1d3b9a').protoPayload as object), resourceName: { secret: 'x' } } };
    expect(normalizeEntry(entry).event).not.toHaveProperty('resources');
  });
});

describe('activity of an API call, by the verb its method name starts its last segment with', () => {
  const audit = byId('-x7k2f1d3b9a');
  const activityOf = (methodName: string) => normalizeEntry({ ...audit, protoPayload: { ...(audit.protoPayload as object), methodName } }).event.activity_name;

  test.each([
    ['compute.instances.insert', 'Create'],
    ['google.iam.admin.v1.CreateRole', 'Create'],
    ['storage.buckets.delete', 'Delete'],
    ['SetIamPolicy', 'Update'],
    ['compute.firewalls.patch', 'Update'],
    ['google.cloud.asset.v1.AssetService.ListAssets', 'Read'],
    ['storage.objects.get', 'Read'],
    ['compute.instances.migrateOnHostMaintenance', 'Other'],
    ['google.cloud.resourcemanager.v3.Projects.ResetIamPolicy', 'Other'],
  ])('%s is %s', (methodName, activity) => {
    expect(activityOf(methodName)).toBe(activity);
  });
});
