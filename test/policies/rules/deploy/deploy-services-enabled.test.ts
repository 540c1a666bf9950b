import rule from '../../../../policies/rules/deploy/deploy-services-enabled';
import { plan, runRule, runRuleTests, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';
import { baselinePrefix, corpusReports, planFiles } from './corpus';

const PROJECT = { project_id: 'example-secrets-prd', name: 'example-secrets-prd', folder_id: '123' };
const SECRET = { secret_id: 'db-password', replication: { auto: {} } };
const KMS_SERVICE = { service: 'cloudkms.googleapis.com' };
const SM_SERVICE = { service: 'secretmanager.googleapis.com' };

function planWith(specs: PlanResourceSpec[], projectAction: 'create' | 'no-op' = 'create'): object {
  return plan([{ address: 'google_project.secrets', values: PROJECT, action: projectAction }, ...specs]);
}

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: the secret\'s API is enabled in the new project, matched by reference',
      input: {
        synth: synth({
          google_project: { secrets: PROJECT },
          google_project_service: { sm: { ...SM_SERVICE, project: '${google_project.secrets.project_id}' } },
          google_secret_manager_secret: { db: { ...SECRET, project: '${google_project.secrets.project_id}' } },
        }),
      },
    },
    {
      name: 'synth: storage, logging and monitoring are enabled by default in a new project',
      notApplicable: 'no resource that needs an API sits in a project this input creates',
      input: {
        synth: synth({
          google_project: { secrets: PROJECT },
          google_storage_bucket: { b: { name: 'b', location: 'EU', project: 'example-secrets-prd' } },
          google_logging_project_bucket_config: { l: { project: 'projects/example-secrets-prd', location: 'global', bucket_id: 'x' } },
          google_monitoring_alert_policy: { a: { project: 'example-secrets-prd', display_name: 'a', combiner: 'OR' } },
        }),
      },
    },
    {
      name: 'synth: a project-level org policy and contact with their APIs enabled by project id',
      input: {
        synth: synth({
          google_project: { secrets: PROJECT },
          google_project_service: {
            op: { service: 'orgpolicy.googleapis.com', project: 'example-secrets-prd' },
            ec: { service: 'essentialcontacts.googleapis.com', project: 'example-secrets-prd' },
          },
          google_org_policy_policy: { p: { name: 'projects/example-secrets-prd/policies/x', parent: 'projects/example-secrets-prd' } },
          google_essential_contacts_contact: { c: { parent: 'projects/example-secrets-prd', email: 'a@example.com', notification_category_subscriptions: ['ALL'] } },
        }),
      },
    },
    {
      name: 'synth: an org-level contact needs no project service',
      notApplicable: 'no resource that needs an API sits in a project this input creates',
      input: { synth: synth({ google_project: { secrets: PROJECT }, google_essential_contacts_contact: { c: { parent: 'organizations/1', email: 'a@example.com' } } }) },
    },
    {
      name: 'synth: a project read by a data source is not created here, nor is a key ring read by one',
      notApplicable: 'this input creates no project',
      input: {
        synth: synth(
          { google_kms_key_ring: { r: { name: 'r', location: 'global', project: '${data.google_project.existing.project_id}' } } },
          { data: { google_project: { existing: { project_id: 'example-secrets-prd' } } } },
        ),
      },
    },
    {
      name: 'synth: a data source reading a key ring of the new project is not a resource this input creates',
      notApplicable: 'no resource that needs an API sits in a project this input creates',
      input: {
        synth: synth({ google_project: { secrets: PROJECT } }, { data: { google_kms_key_ring: { r: { name: 'r', location: 'global', project: '${google_project.secrets.project_id}' } } } }),
      },
    },
    {
      name: 'plan: a key ring in an existing project (project not created here) is not judged',
      notApplicable: 'this input creates no project',
      input: { plan: planWith([{ address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } }], 'no-op') },
    },
    {
      name: 'plan: a key ring whose project is known only after apply and traced to nothing is not judged',
      notApplicable: 'no resource that needs an API sits in a project this input creates',
      input: { plan: planWith([{ address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global' }, unknown: { project: true } }]) },
    },
    {
      name: 'plan: the API enabled in the created project through a configuration reference',
      input: {
        plan: planWith([
          { address: 'google_project_service.kms', values: KMS_SERVICE, unknown: { project: true }, references: { project: ['google_project.secrets.project_id', 'google_project.secrets'] } },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global' }, unknown: { project: true }, references: { project: ['google_project.secrets.project_id', 'google_project.secrets'] } },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'fails synth: the baseline before its fix: secrets and topic in the new secrets project, no google_project_service',
      input: { synth: baselinePrefix('secrets-in-new-project') },
      errors: [
        { messageId: 'service-not-enabled', address: 'google_pubsub_topic.rotation-topic_B48C052C' },
        { messageId: 'service-not-enabled', address: 'google_secret_manager_secret.secret-payments-api-key_7CE31916' },
      ],
    },
    {
      name: 'fails synth: the API is enabled in another project',
      input: {
        synth: synth({
          google_project: { secrets: PROJECT },
          google_project_service: { sm: { ...SM_SERVICE, project: 'other-project' } },
          google_secret_manager_secret: { db: { ...SECRET, project: '${google_project.secrets.project_id}' } },
        }),
      },
      errors: [{ messageId: 'service-not-enabled', address: 'google_secret_manager_secret.db' }],
    },
    {
      name: 'fails synth: a project-level org policy without orgpolicy.googleapis.com',
      input: { synth: synth({ google_project: { secrets: PROJECT }, google_org_policy_policy: { p: { name: 'projects/example-secrets-prd/policies/x', parent: 'projects/example-secrets-prd' } } }) },
      errors: [{ messageId: 'service-not-enabled', address: 'google_org_policy_policy.p', path: 'parent' }],
    },
    {
      name: 'fails plan: a topic IAM member follows the topic into the new project',
      input: {
        plan: planWith([
          { address: 'google_project_service.pubsub', values: { service: 'compute.googleapis.com', project: 'example-secrets-prd' } },
          { address: 'google_pubsub_topic.t', values: { name: 't', project: 'example-secrets-prd' } },
          { address: 'google_pubsub_topic_iam_member.m', values: { topic: 't', role: 'roles/pubsub.publisher', member: 'group:a@example.com' }, unknown: { project: true }, references: { project: ['google_pubsub_topic.t.project', 'google_pubsub_topic.t'] } },
        ]),
      },
      errors: [
        { messageId: 'service-not-enabled', address: 'google_pubsub_topic.t' },
        { messageId: 'service-not-enabled', address: 'google_pubsub_topic_iam_member.m' },
      ],
    },
    {
      name: 'fails plan: a topic IAM member follows a splat of the counted topic (a reference to the whole resource) into the new project',
      input: {
        plan: plan([
          { address: 'google_project.secrets', values: { ...PROJECT, project_id: null }, unknown: { project_id: true } },
          { address: 'google_pubsub_topic.t[0]', values: { name: 't', project: null }, unknown: { project: true }, references: { project: ['google_project.secrets.project_id', 'google_project.secrets'] } },
          // project = one(google_pubsub_topic.t[*].project): Terraform records the splat as a reference to the whole resource.
          { address: 'google_pubsub_topic_iam_member.m', values: { topic: 't', role: 'roles/pubsub.publisher', member: 'group:a@example.com', project: null }, unknown: { project: true }, references: { project: ['google_pubsub_topic.t'] } },
        ]),
      },
      errors: [
        { messageId: 'service-not-enabled', address: 'google_pubsub_topic.t[0]', path: 'project' },
        { messageId: 'service-not-enabled', address: 'google_pubsub_topic_iam_member.m', path: 'project' },
      ],
    },
    {
      name: 'fails plan: the only google_project_service for the API has a project known only after apply',
      input: {
        plan: planWith([
          { address: 'google_project_service.kms', values: KMS_SERVICE, unknown: { project: true } },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } },
        ]),
      },
      errors: [{ messageId: 'service-unknown', address: 'google_kms_key_ring.r', outcome: 'unknown', path: 'project' }],
    },
    {
      name: 'fails synth (unknown): services enabled in the new project through for_each over a variable may include the API',
      input: {
        synth: synth({
          google_project: { secrets: PROJECT },
          google_project_service: { apis: { for_each: '${toset(var.activate_apis)}', project: '${google_project.secrets.project_id}', service: '${each.value}' } },
          google_kms_key_ring: { r: { name: 'r', location: 'global', project: '${google_project.secrets.project_id}' } },
        }),
      },
      errors: [
        {
          messageId: 'service-unknown',
          address: 'google_kms_key_ring.r',
          outcome: 'unknown',
          path: 'project',
          message:
            'google_kms_key_ring sits in project example-secrets-prd, which this configuration creates; whether cloudkms.googleapis.com is enabled there is known only after apply (a google_project_service whose project or service is not known yet).',
        },
      ],
    },
    {
      name: 'fails plan (unknown): a google_project_service whose service and project are known only after apply may enable the API here',
      input: {
        plan: planWith([
          { address: 'google_project_service.any', values: {}, unknown: { project: true, service: true } },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } },
        ]),
      },
      errors: [{ messageId: 'service-unknown', address: 'google_kms_key_ring.r', outcome: 'unknown', path: 'project' }],
    },
    {
      name: 'fails plan: a service known only after apply in another, existing project enables nothing here',
      input: {
        plan: planWith([
          { address: 'google_project_service.other', values: { project: 'example-other-prd' }, unknown: { service: true } },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } },
        ]),
      },
      errors: [{ messageId: 'service-not-enabled', address: 'google_kms_key_ring.r' }],
    },
    {
      name: 'fails plan: a google_project_service being destroyed enables nothing',
      input: {
        plan: planWith([
          { address: 'google_project_service.kms', values: { ...KMS_SERVICE, project: 'example-secrets-prd' }, action: 'delete' },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } },
        ]),
      },
      errors: [{ messageId: 'service-not-enabled', address: 'google_kms_key_ring.r' }],
    },
    {
      name: 'fails plan: a google_project_service without a project enables the API in the provider\'s default project, not in the new one',
      input: {
        plan: planWith([
          { address: 'google_project_service.kms', values: KMS_SERVICE },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } },
        ]),
      },
      errors: [{ messageId: 'service-not-enabled', address: 'google_kms_key_ring.r' }],
    },
    {
      name: 'fails plan: a project being replaced is a new project, with only the default services',
      input: {
        plan: plan([
          { address: 'google_project.secrets', values: PROJECT, action: 'replace' },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global', project: 'example-secrets-prd' } },
        ]),
      },
      errors: [{ messageId: 'service-not-enabled', address: 'google_kms_key_ring.r' }],
    },
    {
      name: 'fails synth: a project reached through four resources\' project attributes',
      input: { synth: synth({ google_project: { secrets: PROJECT }, google_pubsub_topic: topicChain(4) }) },
      errors: [1, 2, 3, 4].map((i) => ({ messageId: 'service-not-enabled', address: `google_pubsub_topic.t${i}` })),
    },
  ],
});

/** Topics t1..tn, each in the project of the one before it; t1 in the created project. */
function topicChain(n: number): Record<string, { name: string; project: string }> {
  const topics: Record<string, { name: string; project: string }> = {};
  for (let i = 1; i <= n; i++) topics[`t${i}`] = { name: `t${i}`, project: i === 1 ? '${google_project.secrets.project_id}' : `\${google_pubsub_topic.t${i - 1}.project}` };
  return topics;
}

describe('deploy-services-enabled tracing', () => {
  const judged = (resources: Record<string, Record<string, object>>) =>
    runRule(rule, { synth: synth({ google_project: { secrets: PROJECT }, ...resources }) }).results.map((r) => r.address).sort();

  it('follows a project through a chain of at most five resources (a bound, so a cycle ends), and not through other attributes', () => {
    expect(judged({ google_pubsub_topic: topicChain(6) })).toEqual([1, 2, 3, 4, 5].map((i) => `google_pubsub_topic.t${i}`));
    expect(
      judged({
        // The topic's name is known only after apply, so the subscription's project is a reference to it.
        google_pubsub_topic: { t: { name: '${var.topic_name}', project: '${google_project.secrets.project_id}' } },
        // `name` is not where a resource's project lies: the subscription is not traced into the new project.
        google_pubsub_subscription: { s: { name: 's', topic: 't', project: '${google_pubsub_topic.t.name}' } },
      }),
    ).toEqual(['google_pubsub_topic.t']);
  });

  it('ends on references that go round in a circle', () => {
    expect(
      judged({ google_pubsub_topic: { a: { name: 'a', project: '${google_pubsub_topic.b.project}' }, b: { name: 'b', project: '${google_pubsub_topic.a.project}' } } }),
    ).toEqual([]);
  });
});

describe('deploy-services-enabled report data', () => {
  it('names the type, the project (its id, or its address while the id is known only after apply) and the service', () => {
    const messages = (project: object, unknown: object = {}) =>
      runRule(rule, {
        plan: plan([
          { address: 'google_project.secrets', values: project, unknown },
          { address: 'google_kms_key_ring.r', values: { name: 'r', location: 'global' }, unknown: { project: true }, references: { project: ['google_project.secrets.project_id', 'google_project.secrets'] } },
        ]),
      }).results.map((r) => r.message);
    expect([...messages(PROJECT), ...messages({ ...PROJECT, project_id: null }, { project_id: true })]).toEqual([
      'google_kms_key_ring sits in project example-secrets-prd, which this configuration creates, but no google_project_service enables cloudkms.googleapis.com there: apply fails with SERVICE_DISABLED.',
      'google_kms_key_ring sits in project google_project.secrets, which this configuration creates, but no google_project_service enables cloudkms.googleapis.com there: apply fails with SERVICE_DISABLED.',
    ]);
  });
});

describe('deploy-services-enabled on the terraform-validator corpus', () => {
  it(`is silent on all ${planFiles().length} plans (none creates a project whose resources use a non-default API)`, () => {
    expect(planFiles().length).toBe(104);
    expect(corpusReports(rule)).toEqual({});
  });
});
