import rule from '../../../../policies/rules/iam/iam-no-default-sa-grants';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const PROJECT = 'example-app-prd';
const COMPUTE_DEFAULT = 'serviceAccount:123456789012-compute@developer.gserviceaccount.com';
const APPSPOT_DEFAULT = 'serviceAccount:example-app-prd@appspot.gserviceaccount.com';

runRuleTests(rule, {
  valid: [
    {
      name: 'a dedicated service account, written out and referenced (synth)',
      input: {
        synth: synth({
          google_service_account: { app: { account_id: 'app' } },
          google_project_iam_binding: { logs: { project: PROJECT, role: 'roles/logging.logWriter', members: ['serviceAccount:app@example-app-prd.iam.gserviceaccount.com', 'serviceAccount:${google_service_account.app.email}'] } },
        }),
      },
    },
    {
      name: 'service agents known only after apply: a written-out agent domain and the Logging CMEK agent (synth)',
      input: {
        synth: synth(
          {
            google_pubsub_topic_iam_member: { agent: { topic: 'audit-to-siem', role: 'roles/pubsub.publisher', member: 'serviceAccount:service-${data.google_project.siem.number}@gcp-sa-pubsub.iam.gserviceaccount.com' } },
            google_kms_crypto_key_iam_member: { cmek: { crypto_key_id: 'projects/example-kms-prd/locations/europe-west1/keyRings/baseline/cryptoKeys/logs', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: 'serviceAccount:${data.google_logging_project_cmek_settings.central.service_account_id}' } },
          },
          { data: { google_project: { siem: { project_id: 'example-logging-prd' } }, google_logging_project_cmek_settings: { central: { project: 'example-logging-prd' } } } },
        ),
      },
    },
    {
      name: 'a Google APIs service agent is not a default service account (corpus plan)',
      input: corpusPlan('example_kms_key_ring_iam_policy.tfplan.json'),
    },
    {
      name: 'a group, and a default-SA grant being deleted (plan)',
      input: {
        plan: plan([
          { address: 'google_project_iam_member.grp', values: { project: PROJECT, role: 'roles/logging.viewer', member: 'group:g@example.com' } },
          { address: 'google_project_iam_member.old', action: 'delete', values: { project: PROJECT, role: 'roles/logging.logWriter', member: COMPUTE_DEFAULT } },
        ]),
      },
    },
    {
      name: 'a service account data source whose email is not a default one (plan)',
      input: {
        plan: plan([
          { address: 'data.google_service_account.app', values: { account_id: 'app', email: 'app@example-app-prd.iam.gserviceaccount.com' } },
          { address: 'google_project_iam_member.app', values: { project: PROJECT, role: 'roles/logging.logWriter' }, unknown: { member: true }, references: { member: ['data.google_service_account.app.member', 'data.google_service_account.app'] } },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'fails on the Compute Engine and App Engine default service accounts (synth)',
      input: {
        synth: synth({
          google_project_iam_member: {
            compute: { project: PROJECT, role: 'roles/logging.logWriter', member: COMPUTE_DEFAULT },
            appspot: { project: PROJECT, role: 'roles/datastore.user', member: APPSPOT_DEFAULT },
          },
        }),
      },
      errors: [
        { messageId: 'default-sa-grant', address: 'google_project_iam_member.compute', path: 'member', message: 'Grants roles/logging.logWriter to the default service account serviceAccount:123456789012-compute@developer.gserviceaccount.com.' },
        { messageId: 'default-sa-grant', address: 'google_project_iam_member.appspot' },
      ],
    },
    {
      name: 'fails on the default service account through its data source, before apply (synth)',
      input: {
        synth: synth(
          { google_project_iam_member: { logs: { project: PROJECT, role: 'roles/logging.logWriter', member: 'serviceAccount:${data.google_compute_default_service_account.default.email}' } } },
          { data: { google_compute_default_service_account: { default: { project: PROJECT } } } },
        ),
      },
      errors: [{ messageId: 'default-sa-grant', address: 'google_project_iam_member.logs' }],
    },
    {
      name: 'fails as unknown on a service account token of a variable (synth)',
      input: { synth: synth({ google_project_iam_member: { x: { project: PROJECT, role: 'roles/logging.logWriter', member: 'serviceAccount:${var.sa_email}' } } }) },
      errors: [{ messageId: 'member-unknown', address: 'google_project_iam_member.x', outcome: 'unknown' }],
    },
    {
      name: 'fails on a default service account inside policy_data in a module (plan)',
      input: {
        plan: plan([
          { address: 'module.legacy.google_storage_bucket_iam_policy.p', values: { bucket: 'b', policy_data: JSON.stringify({ bindings: [{ role: 'roles/storage.objectViewer', members: [APPSPOT_DEFAULT] }] }) } },
        ]),
      },
      errors: [{ messageId: 'default-sa-grant', address: 'module.legacy.google_storage_bucket_iam_policy.p' }],
    },
    {
      name: 'fails on the App Engine default service account data source in a counted resource (plan)',
      input: {
        plan: plan([
          { address: 'data.google_app_engine_default_service_account.default', values: { project: PROJECT, email: 'example-app-prd@appspot.gserviceaccount.com' } },
          {
            address: 'google_project_iam_member.gae[0]',
            values: { project: PROJECT, role: 'roles/datastore.user' },
            unknown: { member: true },
            references: { member: ['data.google_app_engine_default_service_account.default.member', 'data.google_app_engine_default_service_account.default'] },
          },
        ]),
      },
      errors: [{ messageId: 'default-sa-grant', address: 'google_project_iam_member.gae[0]' }],
    },
    {
      name: 'fails as unknown on a member known only after apply (plan)',
      input: { plan: plan([{ address: 'google_project_iam_member.x', values: { project: PROJECT, role: 'roles/logging.logWriter' }, unknown: { member: true } }]) },
      errors: [{ messageId: 'member-unknown', address: 'google_project_iam_member.x', outcome: 'unknown' }],
    },
  ],
});
