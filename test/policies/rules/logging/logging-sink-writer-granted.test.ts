import rule from '../../../../policies/rules/logging/logging-sink-writer-granted';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { bucketWriterGrant, BUCKET, centralBucket, GRANT, LOGGING_PROJECT, loggingSynth, orgSink, SINK } from './fixtures';

const WRITER = '${google_logging_organization_sink.org.writer_identity}';
const WRITER_REFS = ['google_logging_organization_sink.org.writer_identity', 'google_logging_organization_sink.org'];
const ARCHIVE_URI = 'storage.googleapis.com/example-com-audit-archive';
const TOPIC_URI = `pubsub.googleapis.com/projects/${LOGGING_PROJECT}/topics/audit-to-siem`;

const withGrants = (grants: Record<string, Record<string, Record<string, unknown>>>, sink: Record<string, unknown> = {}) =>
  synth({
    google_logging_project_bucket_config: { central: centralBucket() },
    google_logging_organization_sink: { org: orgSink(sink) },
    ...grants,
  });

/** A storage-bucket sink on first apply: the grant's member is the sink's writer identity, known after apply. */
const archivePlan = (grantBucket: string, grantType = 'google_storage_bucket_iam_member', role = 'roles/storage.objectCreator') =>
  plan([
    { address: 'google_storage_bucket.archive', values: { name: 'example-com-audit-archive', location: 'EU' } },
    { address: SINK, values: orgSink({ destination: ARCHIVE_URI }), unknown: { writer_identity: true } },
    {
      address: `${grantType}.writer`,
      values: { ...(grantType === 'google_storage_bucket_iam_member' ? { bucket: grantBucket } : { project: grantBucket }), role },
      unknown: { member: true, etag: true },
      references: { member: WRITER_REFS },
    },
  ]);

runRuleTests(rule, {
  valid: [
    { name: 'synth: bucketWriter on the bucket\'s project, conditioned on the bucket', input: { synth: synth(loggingSynth()) } },
    {
      name: 'plan: a sink being deleted needs no grant',
      input: { plan: plan([{ address: BUCKET, values: centralBucket({ cmek_settings: [] }) }, { address: SINK, values: { ...orgSink(), writer_identity: 'serviceAccount:o123-456@gcp-sa-logging.iam.gserviceaccount.com' }, action: 'delete' }]) },
    },
    { name: 'synth: bucketWriter on the bucket\'s project without a condition', input: { synth: withGrants({ google_project_iam_member: { writer: bucketWriterGrant({ condition: undefined }) } }) } },
    { name: 'plan: objectCreator on exactly the archive bucket', input: { plan: archivePlan('example-com-audit-archive') } },
    {
      name: 'plan: bucketWriter on the bucket\'s project with the construct\'s condition',
      input: {
        plan: plan([
          { address: BUCKET, values: centralBucket({ cmek_settings: [] }) },
          { address: SINK, values: orgSink(), unknown: { writer_identity: true } },
          {
            address: GRANT,
            values: { ...bucketWriterGrant({ member: undefined }), condition: [{ ...bucketWriterGrant().condition as object, description: null }] },
            unknown: { member: true, etag: true },
            references: { member: WRITER_REFS },
          },
        ]),
      },
    },
    {
      name: 'synth: publisher on the SIEM topic, by reference',
      input: {
        synth: synth({
          google_pubsub_topic: { siem: { project: LOGGING_PROJECT, name: 'audit-to-siem' } },
          google_logging_organization_sink: { org: orgSink({ destination: TOPIC_URI }) },
          google_pubsub_topic_iam_member: { writer: { project: LOGGING_PROJECT, topic: '${google_pubsub_topic.siem.name}', role: 'roles/pubsub.publisher', member: WRITER } },
        }),
      },
    },
    {
      name: 'synth: a project sink to a log bucket in its own project needs no grant',
      input: {
        synth: synth({
          google_logging_project_bucket_config: { central: centralBucket() },
          google_logging_project_sink: { local: { project: LOGGING_PROJECT, name: 'local', destination: `logging.googleapis.com/\${google_logging_project_bucket_config.central.id}` } },
        }),
      },
    },
    {
      name: 'synth: grants to other members on the same project and bucket are not the writer\'s',
      input: {
        synth: synth({
          ...loggingSynth(),
          google_project_iam_member: {
            ...(loggingSynth().google_project_iam_member ?? {}),
            auditors: { project: LOGGING_PROJECT, role: 'roles/logging.viewer', member: 'group:auditors@example.com' },
          },
          google_storage_bucket_iam_member: { ops: { bucket: 'example-com-audit-archive', role: 'roles/storage.objectViewer', member: 'group:ops@example.com' } },
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'fails synth: a project sink to a log bucket in another project needs its grant',
      input: {
        synth: synth({
          google_logging_project_bucket_config: { central: centralBucket() },
          google_logging_project_sink: { app: { project: 'example-app-prd', name: 'app', destination: `logging.googleapis.com/\${google_logging_project_bucket_config.central.id}` } },
        }),
      },
      errors: [{ messageId: 'missing-grant', address: 'google_logging_project_sink.app' }],
    },
    {
      name: 'fails synth: a project sink to a Cloud Storage bucket in its own project needs its grant',
      input: {
        synth: synth({
          google_storage_bucket: { archive: { project: LOGGING_PROJECT, name: 'example-com-audit-archive', location: 'EU' } },
          google_logging_project_sink: { local: { project: LOGGING_PROJECT, name: 'local', destination: 'storage.googleapis.com/${google_storage_bucket.archive.name}' } },
        }),
      },
      errors: [{ messageId: 'missing-grant', address: 'google_logging_project_sink.local' }],
    },
    {
      name: 'fails synth: no grant for the writer identity',
      input: { synth: withGrants({}) },
      errors: [
        {
          messageId: 'missing-grant',
          address: SINK,
          message: `Sink writer identity is not granted roles/logging.bucketWriter on its destination google_logging_project_bucket_config.central: the sink will fail to write and logs are lost.`,
        },
      ],
    },
    {
      name: 'fails plan: bucketWriter at the organization is broader than the bucket',
      input: {
        plan: plan([
          { address: BUCKET, values: centralBucket({ cmek_settings: [] }) },
          { address: SINK, values: orgSink(), unknown: { writer_identity: true } },
          { address: 'google_organization_iam_member.writer', values: { org_id: '123456789012', role: 'roles/logging.bucketWriter' }, unknown: { member: true }, references: { member: WRITER_REFS } },
        ]),
      },
      errors: [
        {
          messageId: 'broader-scope',
          address: 'google_organization_iam_member.writer',
          path: 'member',
          message: 'Sink writer identity holds roles/logging.bucketWriter at organization level, wider than its destination google_logging_project_bucket_config.central.',
        },
        { messageId: 'missing-grant', address: SINK },
      ],
    },
    {
      name: 'fails synth: the writer identity also holds logging.admin',
      input: {
        synth: withGrants({
          google_project_iam_member: { writer: bucketWriterGrant(), admin: { project: LOGGING_PROJECT, role: 'roles/logging.admin', member: WRITER } },
        }),
      },
      errors: [
        {
          messageId: 'extra-grant',
          address: 'google_project_iam_member.admin',
          path: 'member',
          message: 'Sink writer identity also holds roles/logging.admin on google_project example-logging-prd; it needs only roles/logging.bucketWriter on google_logging_project_bucket_config.central.',
        },
      ],
    },
    {
      name: 'fails plan: objectCreator on another bucket',
      input: { plan: archivePlan('some-other-bucket') },
      errors: [
        {
          messageId: 'extra-grant',
          address: 'google_storage_bucket_iam_member.writer',
          path: 'member',
          message: 'Sink writer identity also holds roles/storage.objectCreator on google_storage_bucket some-other-bucket; it needs only roles/storage.objectCreator on google_storage_bucket.archive.',
        },
        { messageId: 'missing-grant', address: SINK },
      ],
    },
    {
      name: 'fails plan: objectCreator on the whole project instead of the bucket',
      input: { plan: archivePlan(LOGGING_PROJECT, 'google_project_iam_member') },
      errors: [
        { messageId: 'broader-scope', address: 'google_project_iam_member.writer' },
        { messageId: 'missing-grant', address: SINK },
      ],
    },
    {
      name: 'fails synth: the grant\'s condition names another bucket',
      input: {
        synth: withGrants({
          google_project_iam_member: { writer: bucketWriterGrant({ condition: { title: 'other', expression: 'resource.name.endsWith("buckets/app-logs")' } }) },
        }),
      },
      errors: [
        { messageId: 'extra-grant', address: GRANT },
        { messageId: 'missing-grant', address: SINK },
      ],
    },
    {
      name: 'fails plan: the grant\'s condition names another bucket',
      input: {
        plan: plan([
          { address: BUCKET, values: centralBucket({ cmek_settings: [] }) },
          { address: SINK, values: orgSink(), unknown: { writer_identity: true } },
          {
            address: GRANT,
            values: { ...bucketWriterGrant({ member: undefined }), condition: [{ title: 'other', expression: 'resource.name.endsWith("buckets/app-logs")', description: null }] },
            unknown: { member: true, etag: true },
            references: { member: WRITER_REFS },
          },
        ]),
      },
      errors: [
        { messageId: 'extra-grant', address: GRANT },
        { messageId: 'missing-grant', address: SINK },
      ],
    },
    {
      name: 'fails synth: a destination of no known kind',
      input: { synth: withGrants({}, { destination: 'logging.googleapis.com/projects/example-logging-prd' }) },
      errors: [
        {
          messageId: 'destination-unrecognised',
          address: SINK,
          path: 'destination',
          message: 'Sink destination logging.googleapis.com/projects/example-logging-prd is not a log bucket, Cloud Storage bucket, Pub/Sub topic or BigQuery dataset; its writer role is undecided.',
        },
      ],
    },
    {
      name: 'fails synth (unknown): the grant\'s project comes from a variable',
      input: { synth: withGrants({ google_project_iam_member: { writer: bucketWriterGrant({ project: '${var.logging_project}' }) } }) },
      errors: [{ messageId: 'grant-unknown', address: SINK, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the grant\'s role comes from a variable',
      input: { synth: withGrants({ google_project_iam_member: { writer: bucketWriterGrant({ role: '${var.writer_role}' }) } }) },
      errors: [{ messageId: 'grant-unknown', address: SINK, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): bucketWriter on the bucket\'s project to a member from a variable, which may be the writer identity',
      input: { synth: withGrants({ google_project_iam_member: { writer: bucketWriterGrant({ member: '${var.writer}' }) } }) },
      errors: [{ messageId: 'grant-unknown', address: SINK, outcome: 'unknown' }],
    },
    {
      name: 'fails synth: bucketWriter to a member from a variable, but on another project, cannot be the grant the sink needs',
      input: { synth: withGrants({ google_project_iam_member: { writer: bucketWriterGrant({ project: 'example-app-prd', member: '${var.writer}', condition: undefined }) } }) },
      errors: [{ messageId: 'missing-grant', address: SINK }],
    },
    {
      name: 'fails synth: another role to a member from a variable cannot be the grant the sink needs',
      input: { synth: withGrants({ google_project_iam_member: { writer: bucketWriterGrant({ role: 'roles/logging.viewer', member: '${var.writer}' }) } }) },
      errors: [{ messageId: 'missing-grant', address: SINK }],
    },
    {
      name: 'fails plan (unknown): the destination is known only after apply',
      input: { plan: plan([{ address: SINK, values: orgSink({ destination: null }), unknown: { destination: true, writer_identity: true }, references: { destination: ['var.destination'] } }]) },
      errors: [{ messageId: 'destination-unknown', address: SINK, outcome: 'unknown', path: 'destination' }],
    },
  ],
});
