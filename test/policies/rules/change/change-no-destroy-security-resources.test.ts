import rule from '../../../../policies/rules/change/change-no-destroy-security-resources';
import { planFiles } from '../../engine/corpus';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusInput } from '../secrets/corpus-input';

const SINK = { name: 'org-audit', org_id: '123456789012', destination: 'logging.googleapis.com/projects/example-logging-prd/locations/europe-west1/buckets/central-audit', include_children: true, filter: '' };
const BUCKET = { project: 'example-logging-prd', location: 'europe-west1', bucket_id: 'central-audit', retention_days: 400, locked: true };

/** A real plan with its resource_changes' actions rewritten in memory (the corpus stays read-only). */
function corpusWithActions(file: string, actions: string[]): { plan: object } {
  const doc = corpusInput(file).plan as { resource_changes: { change: { actions: string[]; before: unknown; after: unknown } }[] };
  for (const rc of doc.resource_changes) {
    rc.change.actions = actions;
    rc.change.before = rc.change.after;
  }
  return { plan: doc };
}

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: creating security resources (synthesized JSON has no deletes)',
      input: { synth: synth({ google_logging_organization_sink: { audit: SINK }, google_logging_project_bucket_config: { central: BUCKET } }) },
    },
    {
      name: 'plan: updating a sink and a bucket in place',
      input: {
        plan: plan([
          { address: 'google_logging_organization_sink.audit', values: SINK, action: 'update' },
          { address: 'google_logging_project_bucket_config.central', values: { ...BUCKET, retention_days: 500 }, action: 'update', before: BUCKET },
        ]),
      },
    },
    {
      name: 'plan: replacing a secret version is rotation; deleting a VM is not this rule\'s business',
      notApplicable: 'no resources of the types this rule checks',
      input: {
        plan: plan([
          { address: 'google_secret_manager_secret_version.db', values: { secret: 'projects/p/secrets/s', enabled: true }, action: 'replace' },
          { address: 'google_compute_instance.vm', values: { name: 'vm', zone: 'europe-west1-b' }, action: 'delete' },
        ]),
      },
    },
    { name: 'plan (corpus): a real key ring plan that only creates', input: corpusInput('example_kms_key_ring.tfplan.json') },
  ],
  invalid: [
    {
      name: 'fails plan: deleting the sink, an audit config and an org policy in a module',
      input: {
        plan: plan([
          { address: 'google_logging_organization_sink.audit', values: SINK, action: 'delete' },
          { address: 'google_organization_iam_audit_config.all', values: { org_id: '123456789012', service: 'allServices', audit_log_config: [{ log_type: 'DATA_READ' }] }, action: 'delete' },
          { address: 'module.org.google_org_policy_policy.p["iam.disableServiceAccountKeyCreation"]', values: { parent: 'organizations/123456789012' }, action: 'delete' },
        ]),
      },
      errors: [
        { messageId: 'delete', address: 'google_logging_organization_sink.audit' },
        { messageId: 'delete', address: 'google_organization_iam_audit_config.all' },
        { messageId: 'delete', address: 'module.org.google_org_policy_policy.p["iam.disableServiceAccountKeyCreation"]' },
      ],
    },
    {
      name: 'fails plan: replacing the log bucket, a secret, a metric and an alert policy',
      input: {
        plan: plan([
          { address: 'google_logging_project_bucket_config.central', values: { ...BUCKET, location: 'europe-west4' }, action: 'replace', before: BUCKET },
          { address: 'google_secret_manager_secret.db', values: { secret_id: 'db-password' }, action: 'replace' },
          { address: 'google_logging_metric.cis_2_5', values: { name: 'cis-2-5', filter: 'x' }, action: 'replace' },
          { address: 'google_monitoring_alert_policy.cis_2_5', values: { display_name: 'CIS 2.5' }, action: 'delete' },
        ]),
      },
      errors: [
        { messageId: 'replace', address: 'google_logging_project_bucket_config.central' },
        { messageId: 'replace', address: 'google_secret_manager_secret.db' },
        { messageId: 'replace', address: 'google_logging_metric.cis_2_5' },
        { messageId: 'delete', address: 'google_monitoring_alert_policy.cis_2_5' },
      ],
    },
    {
      name: 'fails plan (corpus): terraform-validator\'s crypto key, replaced',
      input: corpusWithActions('example_kms_crypto_key.tfplan.json', ['delete', 'create']),
      errors: [{ messageId: 'replace', address: 'google_kms_crypto_key.test' }],
    },
    {
      name: 'fails plan (corpus): terraform-validator\'s org policies of three kinds, deleted',
      input: corpusWithActions('example_org_policy_policy.tfplan.json', ['delete']),
      errors: [
        { messageId: 'delete', address: 'google_org_policy_policy.folder_policy' },
        { messageId: 'delete', address: 'google_org_policy_policy.organizationPolicy' },
        { messageId: 'delete', address: 'google_org_policy_policy.project_policy' },
      ],
    },
    {
      name: 'fails plan (corpus): terraform-validator\'s legacy folder and project policies, replaced',
      input: corpusWithActions('example_project_organization_policy.tfplan.json', ['create', 'delete']),
      errors: [
        { messageId: 'replace', address: 'google_project_organization_policy.serial_port_policy' },
        { messageId: 'replace', address: 'google_project_organization_policy.service_account_policy' },
        { messageId: 'replace', address: 'google_project_organization_policy.services_policy' },
      ],
    },
  ],
}, { invalid: 'plan-only', reason: 'synthesized JSON declares resources; only a plan deletes or replaces them' });

describe('change-no-destroy-security-resources on the terraform-validator corpus', () => {
  it('reports nothing on any of the 104 plans: they create, update one project and one service account, and delete nothing', () => {
    const reported = planFiles().flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.messageId} ${r.address}`));
    expect(reported).toEqual([]);
  });

  it('fails naming what is lost', () => {
    const { results } = runRule(rule, corpusWithActions('example_kms_key_ring.tfplan.json', ['delete']));
    expect(results.map((r) => r.message)).toEqual(['The plan deletes this KMS key ring.']);
  });
});
