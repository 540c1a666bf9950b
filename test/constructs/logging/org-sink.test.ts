import type { Construct } from 'constructs';
import { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { OrgSink, type OrgSinkProps, type SinkDestination } from '../../../constructs/logging/org-sink';
import { addressOf, iamResources, only, ref, synthScope } from './synth-lookup';
import { cisAuditLogIds } from './cis-audit-log-ids';

const ORG = '123456789012';

type Kind = SinkDestination['kind'];

function destination(scope: Construct, kind: Kind): SinkDestination {
  switch (kind) {
    case 'logging-bucket':
      return { kind, bucket: new LoggingProjectBucketConfig(scope, 'Bucket', { project: 'logs-prj', location: 'europe-west1', bucketId: 'central' }) };
    case 'storage-bucket':
      return { kind, bucket: new StorageBucket(scope, 'Bucket', { project: 'logs-prj', name: 'archive-bkt', location: 'EU' }) };
    case 'pubsub-topic':
      return { kind, topic: new PubsubTopic(scope, 'Topic', { project: 'logs-prj', name: 'siem' }) };
    default:
      throw new Error(kind);
  }
}

function sink(scope: Construct, kind: Kind, props: Partial<OrgSinkProps> = {}): OrgSink {
  return new OrgSink(scope, 'Sink', { orgId: ORG, name: 'all-audit', destination: destination(scope, kind), ...props });
}

describe('OrgSink', () => {
  it('routes every audit log stream of every child (CIS 2.3) to a literal destination, after it exists', () => {
    // GIVEN / WHEN a sink to a log bucket with two extra filters
    const { doc } = synthScope((scope) => sink(scope, 'logging-bucket', { extraFilters: ['log_id("requests")', 'resource.type="gce_instance"'] }));
    // THEN
    const values = only(doc, 'google_logging_organization_sink');
    expect(values.org_id).toBe(ORG);
    expect(values.name).toBe('all-audit');
    expect(values.include_children).toBe(true);
    expect(values.destination).toBe('logging.googleapis.com/projects/logs-prj/locations/europe-west1/buckets/central');
    expect(values.depends_on).toEqual([addressOf(doc, 'google_logging_project_bucket_config')]);
    const filter = String(values.filter);
    for (const id of cisAuditLogIds()) expect(filter).toContain(`logName:"/logs/${id}"`);
    expect(filter.split(' OR ')).toHaveLength(7);
    expect(filter.endsWith(' OR (log_id("requests")) OR (resource.type="gce_instance")')).toBe(true);
    expect(values.exclusions).toBeUndefined();
  });

  it('writes config exclusions narrowed so that none can match an audit log', () => {
    const { doc } = synthScope((scope) =>
      sink(scope, 'logging-bucket', {
        exclusions: [{ name: 'lb-health', description: 'Health checks are noise.', filter: 'httpRequest.userAgent:"GoogleHC"' }],
      }),
    );
    expect(only(doc, 'google_logging_organization_sink').exclusions).toEqual([
      {
        name: 'lb-health',
        description: 'Health checks are noise.',
        filter: '(httpRequest.userAgent:"GoogleHC") AND NOT logName:"/logs/cloudaudit.googleapis.com%2F"',
      },
    ]);
  });

  it('grants a log bucket sink bucketWriter on the bucket project, conditioned to that one bucket', () => {
    // GIVEN a log bucket sink WHEN its writer is granted
    let returned: unknown;
    const { doc } = synthScope((scope) => {
      returned = sink(scope, 'logging-bucket').grantWriter();
    });
    // THEN exactly one grant exists: the writer identity, bucketWriter, on the project, only for buckets/central
    const sinkAddress = addressOf(doc, 'google_logging_organization_sink');
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_project_iam_member',
        values: {
          project: 'logs-prj',
          role: 'roles/logging.bucketWriter',
          member: ref(sinkAddress, 'writer_identity'),
          condition: {
            title: 'write to log bucket central only',
            description: 'Sink all-audit writes to this one bucket; buckets have no IAM policy of their own.',
            expression: 'resource.name.endsWith("locations/europe-west1/buckets/central")',
          },
        },
      },
    ]);
    expect(Object.keys(doc.resource?.google_project_iam_member ?? {})).toEqual([(returned as { friendlyUniqueId: string }).friendlyUniqueId]);
  });

  it('grants a Cloud Storage sink objectCreator on that bucket only', () => {
    const { doc } = synthScope((scope) => sink(scope, 'storage-bucket').grantWriter());
    expect(only(doc, 'google_logging_organization_sink').destination).toBe('storage.googleapis.com/archive-bkt');
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_storage_bucket_iam_member',
        values: {
          bucket: ref(addressOf(doc, 'google_storage_bucket'), 'name'),
          role: 'roles/storage.objectCreator',
          member: ref(addressOf(doc, 'google_logging_organization_sink'), 'writer_identity'),
        },
      },
    ]);
  });

  it('grants a Pub/Sub sink publisher on that topic only', () => {
    const { doc } = synthScope((scope) => sink(scope, 'pubsub-topic').grantWriter());
    const topic = addressOf(doc, 'google_pubsub_topic');
    expect(only(doc, 'google_logging_organization_sink').destination).toBe('pubsub.googleapis.com/projects/logs-prj/topics/siem');
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_pubsub_topic_iam_member',
        values: {
          project: ref(topic, 'project'),
          topic: ref(topic, 'name'),
          role: 'roles/pubsub.publisher',
          member: ref(addressOf(doc, 'google_logging_organization_sink'), 'writer_identity'),
        },
      },
    ]);
  });

  it('makes one grant however often grantWriter is called', () => {
    const { doc } = synthScope((scope) => {
      const s = sink(scope, 'pubsub-topic');
      expect(s.grantWriter()).toBe(s.grantWriter());
    });
    expect(iamResources(doc)).toHaveLength(1);
  });

  it('fails on an exclusion that would drop audit logs', () => {
    expect(() =>
      synthScope((scope) =>
        sink(scope, 'logging-bucket', {
          exclusions: [{ name: 'no-data-access', description: 'Too expensive to keep.', filter: 'logName:"cloudaudit.googleapis.com%2Fdata_access"' }],
        }),
      ),
    ).toThrow('exclusion "no-data-access" would drop audit logs (CIS GCP 2.3)');
  });

  it('fails on a destination whose name is known only after apply', () => {
    expect(() =>
      synthScope((scope) => {
        const other = new LoggingProjectBucketConfig(scope, 'Other', { project: 'p-1', location: 'global', bucketId: 'b' });
        const bucket = new LoggingProjectBucketConfig(scope, 'Bucket', { project: other.project, location: 'global', bucketId: 'b' });
        new OrgSink(scope, 'Sink', { orgId: ORG, name: 's', destination: { kind: 'logging-bucket', bucket } });
      }),
    ).toThrow('sink destination project must be a literal at synth, got a token');
  });
});
