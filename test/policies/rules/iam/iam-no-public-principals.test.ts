import rule from '../../../../policies/rules/iam/iam-no-public-principals';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const BUCKET = 'example-com-audit-archive';

runRuleTests(rule, {
  valid: [
    {
      name: 'a private predefined bucket ACL whose role_entity the API computes, known after apply (plan)',
      notApplicable: 'no IAM grants or ACL entries in the input',
      input: { plan: plan([{ address: 'google_storage_bucket_acl.acl', values: { bucket: BUCKET, predefined_acl: 'private' }, unknown: { role_entity: true } }]) },
    },
    {
      name: 'ACLs and dataset access for groups, project teams and an authorized view (synth)',
      input: {
        synth: synth({
          google_storage_bucket_acl: { acl: { bucket: BUCKET, predefined_acl: 'private', role_entity: ['OWNER:project-owners-123456', 'READER:group-gcp-auditors@example.com'] } },
          google_storage_default_object_access_control: { viewers: { bucket: BUCKET, entity: 'project-viewers-123456', role: 'READER' } },
          google_bigquery_dataset_access: {
            view: { dataset_id: 'audit', view: { project_id: 'example-app-prd', dataset_id: 'reports', table_id: 'v' } },
            owners: { dataset_id: 'audit', role: 'OWNER', special_group: 'projectOwners' },
          },
        }),
      },
    },
    {
      name: 'a public bucket ACL entry being deleted (plan)',
      notApplicable: 'no IAM grants or ACL entries in the input',
      input: { plan: plan([{ address: 'google_storage_bucket_access_control.public', action: 'delete', values: { bucket: BUCKET, entity: 'allUsers', role: 'READER' } }]) },
    },
    {
      name: 'a group on a bucket (synth)',
      input: { synth: synth({ google_storage_bucket_iam_member: { read: { bucket: BUCKET, role: 'roles/storage.objectViewer', member: 'group:gcp-auditors@example.com' } } }) },
    },
    {
      name: 'a service account known only after apply, shown by its prefix (synth)',
      input: {
        synth: synth({
          google_service_account: { app: { account_id: 'app' } },
          google_kms_crypto_key_iam_member: { use: { crypto_key_id: '${google_kms_crypto_key.k.id}', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: 'serviceAccount:${google_service_account.app.email}' } },
        }),
      },
    },
    {
      name: 'a sink writer identity known only after apply, shown by its reference (plan)',
      input: {
        plan: plan([
          { address: 'google_logging_organization_sink.all', values: { name: 'all', org_id: '123456789012' }, unknown: { writer_identity: true } },
          {
            address: 'google_storage_bucket_iam_member.sink_writer',
            values: { bucket: BUCKET, role: 'roles/storage.objectCreator' },
            unknown: { member: true },
            references: { member: ['google_logging_organization_sink.all.writer_identity', 'google_logging_organization_sink.all'] },
          },
        ]),
      },
    },
    {
      name: 'a secret accessor for one user (corpus plan)',
      input: corpusPlan('example_secret_manager_secret_iam_policy.tfplan.json'),
    },
    {
      name: 'a public grant being deleted (plan)',
      notApplicable: 'no IAM grants or ACL entries in the input',
      input: { plan: plan([{ address: 'google_storage_bucket_iam_member.public', action: 'delete', values: { bucket: BUCKET, role: 'roles/storage.objectViewer', member: 'allUsers' } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails as unknown on a role_entity list written from a value known only after apply (plan)',
      input: {
        plan: plan([
          { address: 'google_storage_bucket_acl.acl', values: { bucket: BUCKET }, unknown: { role_entity: true }, references: { role_entity: ['data.external.acl.result', 'data.external.acl'] } },
          { address: 'data.external.acl', values: {}, unknown: { result: true } },
        ]),
      },
      errors: [{ messageId: 'member-unknown', address: 'google_storage_bucket_acl.acl', outcome: 'unknown' }],
    },
    {
      name: 'fails on a bucket ACL entry for allUsers (synth)',
      input: { synth: synth({ google_storage_bucket_access_control: { public: { bucket: BUCKET, entity: 'allUsers', role: 'READER' } } }) },
      errors: [{ messageId: 'public-principal', address: 'google_storage_bucket_access_control.public', path: 'entity', message: 'Grants acl:READER on google_storage_bucket to allUsers, which is anyone on the internet or with a Google account.' }],
    },
    {
      name: 'fails on allAuthenticatedUsers in the role_entity list of a bucket ACL, at its index (synth)',
      input: { synth: synth({ google_storage_bucket_acl: { acl: { bucket: BUCKET, role_entity: ['OWNER:project-owners-123456', 'WRITER:allAuthenticatedUsers'] } } }) },
      errors: [{ messageId: 'public-principal', address: 'google_storage_bucket_acl.acl' }],
    },
    {
      name: 'fails on the predefined bucket ACL publicReadWrite (plan)',
      input: { plan: plan([{ address: 'google_storage_bucket_acl.acl', values: { bucket: BUCKET, predefined_acl: 'publicReadWrite', role_entity: [] } }]) },
      errors: [{ messageId: 'public-principal', address: 'google_storage_bucket_acl.acl' }],
    },
    {
      name: 'fails on a default object ACL that makes every new object public, in a module (plan)',
      input: { plan: plan([{ address: 'module.site.google_storage_default_object_acl.objects', values: { bucket: BUCKET, role_entity: ['OWNER:project-owners-123456', 'READER:allUsers'] } }]) },
      errors: [{ messageId: 'public-principal', address: 'module.site.google_storage_default_object_acl.objects' }],
    },
    {
      name: 'fails on an object ACL entry and a predefined object ACL, both public (plan)',
      input: {
        plan: plan([
          { address: 'google_storage_object_access_control.report', values: { bucket: BUCKET, object: 'report.csv', entity: 'allAuthenticatedUsers', role: 'READER' } },
          { address: 'google_storage_object_acl.index', values: { bucket: BUCKET, object: 'index.html', predefined_acl: 'publicRead' } },
        ]),
      },
      errors: [
        { messageId: 'public-principal', address: 'google_storage_object_access_control.report' },
        { messageId: 'public-principal', address: 'google_storage_object_acl.index' },
      ],
    },
    {
      name: 'fails on dataset access for allAuthenticatedUsers and for allUsers through iam_member (synth)',
      input: {
        synth: synth({
          google_bigquery_dataset_access: {
            authenticated: { dataset_id: 'audit', role: 'READER', special_group: 'allAuthenticatedUsers' },
            everyone: { dataset_id: 'audit', role: 'roles/bigquery.dataViewer', iam_member: 'allUsers' },
          },
        }),
      },
      errors: [
        { messageId: 'public-principal', address: 'google_bigquery_dataset_access.authenticated' },
        { messageId: 'public-principal', address: 'google_bigquery_dataset_access.everyone' },
      ],
    },
    {
      name: 'fails on an inline access block of a dataset for allAuthenticatedUsers, not on its group block (plan)',
      input: {
        plan: plan([
          {
            address: 'google_bigquery_dataset.audit',
            values: { dataset_id: 'audit', access: [{ role: 'OWNER', group_by_email: 'gcp-security@example.com' }, { role: 'READER', special_group: 'allAuthenticatedUsers' }] },
          },
        ]),
      },
      errors: [{ messageId: 'public-principal', address: 'google_bigquery_dataset.audit' }],
    },
    {
      name: 'fails as unknown on a bucket ACL entity known only after apply (plan)',
      input: { plan: plan([{ address: 'google_storage_bucket_access_control.entry', values: { bucket: BUCKET, role: 'READER' }, unknown: { entity: true } }]) },
      errors: [{ messageId: 'member-unknown', address: 'google_storage_bucket_access_control.entry', outcome: 'unknown' }],
    },
    {
      name: 'fails on allUsers on a bucket (synth)',
      input: { synth: synth({ google_storage_bucket_iam_member: { public: { bucket: BUCKET, role: 'roles/storage.objectViewer', member: 'allUsers' } } }) },
      errors: [{ messageId: 'public-principal', address: 'google_storage_bucket_iam_member.public' }],
    },
    {
      name: 'fails on allAuthenticatedUsers in a data.google_iam_policy of a secret (synth)',
      input: {
        synth: synth(
          { google_secret_manager_secret_iam_policy: { p: { secret_id: 'canary', policy_data: '${data.google_iam_policy.p.policy_data}' } } },
          { data: { google_iam_policy: { p: { binding: [{ role: 'roles/secretmanager.secretAccessor', members: ['group:gcp-security@example.com', 'allAuthenticatedUsers'] }] } } } },
        ),
      },
      errors: [{ messageId: 'public-principal', address: 'google_secret_manager_secret_iam_policy.p' }],
    },
    {
      name: 'fails as unknown on a bare member token (synth)',
      input: { synth: synth({ google_pubsub_topic_iam_member: { sub: { topic: 'audit-to-siem', role: 'roles/pubsub.subscriber', member: '${var.subscriber}' } } }) },
      errors: [{ messageId: 'member-unknown', address: 'google_pubsub_topic_iam_member.sub', outcome: 'unknown' }],
    },
    {
      name: 'fails on allAuthenticatedUsers on a KMS key, CIS 1.10 (corpus plan)',
      input: corpusPlan('example_kms_crypto_key_iam_member.tfplan.json'),
      errors: [{ messageId: 'public-principal', address: 'google_kms_crypto_key_iam_member.crypto_key' }],
    },
    {
      name: 'fails on both public members of a key ring binding (corpus plan)',
      input: corpusPlan('example_kms_key_ring_iam_binding.tfplan.json'),
      errors: [
        { messageId: 'public-principal', address: 'google_kms_key_ring_iam_binding.key_ring' },
        { messageId: 'public-principal', address: 'google_kms_key_ring_iam_binding.key_ring' },
      ],
    },
    {
      name: 'fails on allAuthenticatedUsers inside policy_data on a dataset (corpus plan)',
      input: corpusPlan('example_bigquery_dataset_iam_policy.tfplan.json'),
      errors: [{ messageId: 'public-principal', address: 'google_bigquery_dataset_iam_policy.dataset' }],
    },
    {
      name: 'fails as unknown on a data.google_iam_policy member known only after apply (corpus plan)',
      input: corpusPlan('example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json'),
      errors: [{ messageId: 'member-unknown', address: 'google_bigquery_dataset_iam_policy.dataset', outcome: 'unknown' }],
    },
    {
      name: 'fails on allUsers on a Cloud Run service in a module with for_each (plan)',
      input: { plan: plan([{ address: 'module.svc["web"].google_cloud_run_service_iam_member.invoker', values: { service: 'web', location: 'europe-west1', role: 'roles/run.invoker', member: 'allUsers' } }]) },
      errors: [{ messageId: 'public-principal', address: 'module.svc["web"].google_cloud_run_service_iam_member.invoker' }],
    },
  ],
});
