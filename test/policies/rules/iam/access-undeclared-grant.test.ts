import rule from '../../../../policies/rules/iam/access-undeclared-grant';
import { runRuleTests } from '../../../../policies/testing/rule-tester';
import { BUCKET_ASSET, bucket, DECLARED_DEVELOPERS, declares, DEVELOPERS, EXPIRY, exported, PROJECT, PROJECT_ASSET, searched } from './drift-cases';

const RUN_DEVELOPER = { role: 'roles/run.developer', members: [DEVELOPERS] };

runRuleTests(
  rule,
  {
    valid: [
      { name: 'the live grant is the declared one (export)', input: { assets: exported([RUN_DEVELOPER]) }, params: DECLARED_DEVELOPERS },
      { name: 'the live grant is the declared one (search results)', input: { assets: searched([RUN_DEVELOPER]) }, params: DECLARED_DEVELOPERS },
      {
        name: 'members compare case-insensitively (search results)',
        input: { assets: searched([{ role: 'roles/run.developer', members: ['group:GCP-Developers@Example.com'] }]) },
        params: DECLARED_DEVELOPERS,
      },
      {
        name: 'conditions compare by expression, white space aside (export)',
        input: { assets: exported([{ ...RUN_DEVELOPER, condition: { title: 'live title', expression: 'request.time<timestamp("2027-01-01T00:00:00Z")' } }]) },
        params: declares({
          google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: DEVELOPERS, condition: { title: 'until 2027', expression: EXPIRY } } },
        }),
      },
      {
        name: 'a declared member known only after apply matches the live member in its place (export)',
        input: { assets: exported([{ role: 'roles/run.invoker', members: ['serviceAccount:app@example-app-prd.iam.gserviceaccount.com'] }]) },
        params: declares({
          google_service_account: { app: { account_id: 'app', project: PROJECT } },
          google_project_iam_member: { inv: { project: PROJECT, role: 'roles/run.invoker', member: 'serviceAccount:${google_service_account.app.email}' } },
        }),
      },
      {
        name: 'a declared topic named through references to it compares by the topic, not by its project (export)',
        input: {
          assets: exported(
            [RUN_DEVELOPER],
            [{ name: '//pubsub.googleapis.com/projects/example-app-prd/topics/app-events', asset_type: 'pubsub.googleapis.com/Topic', iam_policy: { bindings: [{ role: 'roles/pubsub.publisher', members: [DEVELOPERS] }] } }],
          ),
        },
        params: declares({
          google_pubsub_topic: { events: { project: PROJECT, name: 'app-events' } },
          google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: DEVELOPERS } },
          google_pubsub_topic_iam_member: {
            pub: { project: '${google_pubsub_topic.events.project}', topic: '${google_pubsub_topic.events.name}', role: 'roles/pubsub.publisher', member: DEVELOPERS },
          },
        }),
      },
      { name: 'nothing to compare without --declared (export)', notApplicable: 'no declared access to compare with (baseline audit --declared)', input: { assets: exported([{ role: 'roles/owner', members: ['user:someone@example.com'] }]) } },
    ],
    invalid: [
      {
        name: 'fails on a member the code does not declare (export)',
        input: { assets: exported([{ role: 'roles/run.developer', members: [DEVELOPERS, 'user:contractor@example.com'] }]) },
        params: DECLARED_DEVELOPERS,
        errors: [
          {
            messageId: 'undeclared',
            address: PROJECT_ASSET,
            path: 'policy_data.bindings.0.members.1',
            severity: 'medium',
            message: 'Grants roles/run.developer to user:contractor@example.com on projects/example-app-prd, which the code does not declare.',
          },
        ],
      },
      {
        name: 'fails on a role the code does not declare (search results)',
        input: { assets: searched([RUN_DEVELOPER, { role: 'roles/owner', members: [DEVELOPERS] }]) },
        params: DECLARED_DEVELOPERS,
        errors: [{ messageId: 'undeclared', address: PROJECT_ASSET, severity: 'critical' }],
      },
      {
        name: 'fails on a live condition other than the declared one (search results)',
        input: { assets: searched([{ ...RUN_DEVELOPER, condition: { expression: 'request.time < timestamp("2030-01-01T00:00:00Z")' } }]) },
        params: declares({
          google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: DEVELOPERS, condition: { title: 'until 2027', expression: EXPIRY } } },
        }),
        errors: [{ messageId: 'undeclared', address: PROJECT_ASSET }],
      },
      {
        name: 'fails on an unconditional live grant where the code declares a condition (export)',
        input: { assets: exported([RUN_DEVELOPER]) },
        params: declares({
          google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: DEVELOPERS, condition: { title: 'until 2027', expression: EXPIRY } } },
        }),
        errors: [{ messageId: 'undeclared', address: PROJECT_ASSET }],
      },
      {
        name: 'fails on a grant on a resource the code grants nothing on (export)',
        input: { assets: exported([RUN_DEVELOPER], [bucket([{ role: 'roles/storage.objectViewer', members: ['domain:example.com'] }])]) },
        params: DECLARED_DEVELOPERS,
        errors: [
          {
            messageId: 'undeclared',
            address: BUCKET_ASSET,
            message: 'Grants roles/storage.objectViewer to domain:example.com on google_storage_bucket:example-app-data, which the code does not declare.',
          },
        ],
      },
      {
        name: 'fails apart, as notes, on deleted principals and service agents (export)',
        input: {
          assets: exported([
            RUN_DEVELOPER,
            { role: 'roles/run.developer', members: ['deleted:user:gone@example.com?uid=123456789'] },
            { role: 'roles/run.serviceAgent', members: ['serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com'] },
          ]),
        },
        params: DECLARED_DEVELOPERS,
        errors: [
          {
            messageId: 'deleted-member',
            address: PROJECT_ASSET,
            severity: 'low',
            path: 'policy_data.bindings.1.members.0',
            message: 'Grants roles/run.developer to the deleted principal deleted:user:gone@example.com?uid=123456789: a stale binding to remove, not drift.',
          },
          {
            messageId: 'service-agent',
            address: PROJECT_ASSET,
            severity: 'low',
            path: 'policy_data.bindings.2.members.0',
            message:
              'Grants roles/run.serviceAgent to the Google-managed service agent serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com, which Google grants itself: not drift.',
          },
        ],
      },
      {
        name: 'cannot compare a project named by a number no id is known for (search results)',
        input: { assets: searched([RUN_DEVELOPER], '//cloudresourcemanager.googleapis.com/projects/987654321098') },
        params: DECLARED_DEVELOPERS,
        errors: [{ messageId: 'project-unmapped', address: '//cloudresourcemanager.googleapis.com/projects/987654321098', outcome: 'unknown' }],
      },
    ],
  },
  { input: 'assets', reason: 'drift compares the live organization, which only an asset export shows' },
);
