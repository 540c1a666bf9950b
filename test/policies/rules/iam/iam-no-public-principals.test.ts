import rule from '../../../../policies/rules/iam/iam-no-public-principals';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const BUCKET = 'example-com-audit-archive';

runRuleTests(rule, {
  valid: [
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
      input: { plan: plan([{ address: 'google_storage_bucket_iam_member.public', action: 'delete', values: { bucket: BUCKET, role: 'roles/storage.objectViewer', member: 'allUsers' } }]) },
    },
  ],
  invalid: [
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
