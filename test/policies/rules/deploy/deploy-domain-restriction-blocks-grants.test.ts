import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { EXAMPLE_CONFIG } from '../../../../config/example';
import { loadConfig } from '../../../../policies/config/load';
import { loadModel } from '../../../../policies/engine/load';
import { evaluate } from '../../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../../policies/config/adapter';
import rule from '../../../../policies/rules/deploy/deploy-domain-restriction-blocks-grants';
import { plan, RULE_TEST_NOW, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { buildBaseline } from '../../../../stacks';
import { corpusInput } from '../secrets/corpus-input';
import { baselinePrefix, planFiles } from './corpus';

const ORG = 'organizations/123456789012';
const DOMAINS = `${ORG}/policies/iam.allowedPolicyMemberDomains`;
const MANAGED = `${ORG}/policies/iam.managed.allowedPolicyMembers`;
const AGENT = 'serviceAccount:service-418712345678@gcp-sa-logging.iam.gserviceaccount.com';

const domainPolicy = (extra: Record<string, unknown> = {}) => ({ name: DOMAINS, parent: ORG, spec: { rules: [{ values: { allowed_values: ['C01ex4mpl'] } }] }, ...extra });
const domainPolicyPlan = { name: DOMAINS, parent: ORG, spec: [{ rules: [{ values: [{ allowed_values: ['C01ex4mpl'], denied_values: [] }], allow_all: '', deny_all: '', enforce: '', condition: [], parameters: '' }], reset: false, inherit_from_parent: false }], dry_run_spec: [] };
const keyGrant = (member: string, extra: Record<string, unknown> = {}) => ({ crypto_key_id: 'projects/example-logging-prd/locations/europe-west1/keyRings/logs/cryptoKeys/central', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member, ...extra });
const POLICY = 'google_org_policy_policy.domains';
const GRANT = 'google_kms_crypto_key_iam_member.agent';

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: the policy waits for the grant (depends_on): the grant is made before anything restricts it',
      input: { synth: synth({ google_org_policy_policy: { domains: domainPolicy({ depends_on: [GRANT] }) }, google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) } }) },
    },
    {
      name: 'synth: grants to the organization\'s own groups and service accounts under the restriction',
      input: {
        synth: synth({
          google_org_policy_policy: { domains: domainPolicy() },
          google_project_iam_member: { g: { project: 'example-app-prd', role: 'roles/run.viewer', member: 'group:gcp-developers@example.com' } },
          google_kms_crypto_key_iam_member: { sa: keyGrant('serviceAccount:app-runtime@example-app-prd.iam.gserviceaccount.com'), made: keyGrant('serviceAccount:${google_service_account.app.email}') },
          google_service_account: { app: { account_id: 'app', project: 'example-app-prd' } },
        }),
      },
    },
    {
      name: 'synth: the managed constraint lists the agent in allowedMemberSubjects',
      input: {
        synth: synth({
          google_org_policy_policy: { managed: { name: MANAGED, parent: ORG, spec: { rules: [{ enforce: 'TRUE', parameters: JSON.stringify({ allowedMemberSubjects: [AGENT.toUpperCase().replace('SERVICEACCOUNT', 'serviceAccount')] }) }] } } },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
    },
    {
      name: 'synth: the project that needs the grant resets the constraint (an exception below the organization)',
      input: {
        synth: synth({
          google_org_policy_policy: { domains: domainPolicy(), exception: { name: 'projects/example-logging-prd/policies/iam.allowedPolicyMemberDomains', parent: 'projects/example-logging-prd', spec: { reset: true } } },
          google_project_iam_member: { writer: { project: 'example-logging-prd', role: 'roles/logging.bucketWriter', member: AGENT } },
        }),
      },
    },
    {
      name: 'synth: a restriction only where a tag matches (conditional rule) restricts nothing everywhere',
      input: {
        synth: synth({
          google_org_policy_policy: { domains: domainPolicy({ spec: { rules: [{ condition: { expression: "resource.matchTag('123/env', 'prod')" }, values: { allowed_values: ['C01ex4mpl'] } }] } }) },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
    },
    {
      name: 'plan: the restriction and the grant both exist already (the constraint is not retroactive)',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'no-op' }, { address: GRANT, values: keyGrant(AGENT), action: 'no-op' }]) },
    },
    {
      name: 'plan: the policy is created after the grant it depends on',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, dependsOn: [GRANT] }, { address: GRANT, values: keyGrant(AGENT) }]) },
    },
    {
      name: 'plan: a grant adopted with an import block is not a new grant',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'no-op' }, { address: GRANT, values: keyGrant(AGENT), action: 'no-op', importing: 'x' }]) },
    },
    {
      name: 'synth: only constraints that restrict no member (OS Login, uniform bucket access) beside a grant to an agent',
      notApplicable: 'no iam.allowedPolicyMemberDomains or iam.managed.allowedPolicyMembers policy in the input',
      input: {
        synth: synth({
          google_org_policy_policy: {
            oslogin: { name: `${ORG}/policies/compute.requireOsLogin`, parent: ORG, spec: { rules: [{ enforce: 'TRUE' }] } },
            ubla: { name: `${ORG}/policies/storage.uniformBucketLevelAccess`, parent: ORG, spec: { rules: [{ enforce: 'TRUE' }] } },
          },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
    },
    {
      name: 'synth: a policy whose constraint comes from a variable, but which enforces nothing and lists no value',
      input: {
        synth: synth({
          google_org_policy_policy: { chosen: { name: `${ORG}/policies/\${var.member_constraint}`, parent: ORG, spec: { rules: [{ enforce: 'FALSE' }] } } },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
    },
    {
      name: 'plan: the restriction is being deleted',
      notApplicable: 'no iam.allowedPolicyMemberDomains or iam.managed.allowedPolicyMembers policy in the input',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'delete' }, { address: GRANT, values: keyGrant(AGENT) }]) },
    },
  ],
  invalid: [
    {
      name: 'fails synth (baseline before the fix): the domain restriction and the sink-writer and Secret Manager agent grants in one apply, unordered',
      input: { synth: baselinePrefix('domain-restriction-before-grants') },
      errors: [
        { messageId: 'grant-refused', address: 'google_project_iam_member.CentralSink_WriterGrant_A8F22D56' },
        { messageId: 'grant-refused', address: 'google_pubsub_topic_iam_member.RotationTopic_PublisherGrant_4E3EE159' },
      ],
    },
    {
      name: 'fails synth: the legacy google_organization_policy allow-list refuses a service agent written out in full',
      input: {
        synth: synth({
          google_organization_policy: { domains: { org_id: '123456789012', constraint: 'constraints/iam.allowedPolicyMemberDomains', list_policy: { allow: { values: ['C01ex4mpl'] } } } },
          google_storage_bucket_iam_member: { agent: { bucket: 'example-audit-archive', role: 'roles/storage.objectCreator', member: 'serviceAccount:cloud-logs@system.gserviceaccount.com' } },
        }),
      },
      errors: [{ messageId: 'grant-refused', address: 'google_storage_bucket_iam_member.agent' }],
    },
    {
      name: 'fails synth: the managed constraint refuses an agent it does not list; a reset on another project is no exception here',
      input: {
        synth: synth({
          google_org_policy_policy: {
            managed: { name: MANAGED, parent: ORG, spec: { rules: [{ enforce: 'TRUE', parameters: JSON.stringify({ allowedMemberSubjects: ['serviceAccount:other@gcp-sa-pubsub.iam.gserviceaccount.com'] }) }] } },
            elsewhere: { name: 'projects/other/policies/iam.managed.allowedPolicyMembers', parent: 'projects/other', spec: { reset: true } },
          },
          google_project_iam_member: { writer: { project: 'example-logging-prd', role: 'roles/logging.bucketWriter', member: AGENT } },
        }),
      },
      errors: [{ messageId: 'grant-refused', address: 'google_project_iam_member.writer' }],
    },
    {
      name: 'fails synth (unknown): a service account member from a variable may be an agent',
      input: { synth: synth({ google_org_policy_policy: { domains: domainPolicy() }, google_kms_crypto_key_iam_member: { agent: keyGrant('serviceAccount:${var.kms_agent}') } }) },
      errors: [{ messageId: 'grant-may-be-refused', address: GRANT, outcome: 'unknown' }],
    },
    {
      name: 'fails synth: the managed constraint admits only principal sets: a sink\'s writer identity, an agent known only after apply, is refused',
      input: {
        synth: synth({
          google_org_policy_policy: { managed: { name: MANAGED, parent: ORG, spec: { rules: [{ enforce: 'TRUE', parameters: JSON.stringify({ allowedPrincipalSets: [`//cloudresourcemanager.googleapis.com/${ORG}`] }) }] } } },
          google_logging_project_sink: { audit: { name: 'audit', project: 'example-app-prd', destination: 'logging.googleapis.com/projects/example-logging-prd/locations/europe-west1/buckets/central', unique_writer_identity: true } },
          google_project_iam_member: { writer: { project: 'example-logging-prd', role: 'roles/logging.bucketWriter', member: '${google_logging_project_sink.audit.writer_identity}' } },
        }),
      },
      errors: [{ messageId: 'grant-refused', address: 'google_project_iam_member.writer', path: 'member' }],
    },
    {
      name: 'fails synth (unknown): the managed constraint lists one agent and the grant goes to a sink\'s writer identity, known only after apply',
      input: {
        synth: synth({
          google_org_policy_policy: { managed: { name: MANAGED, parent: ORG, spec: { rules: [{ enforce: 'TRUE', parameters: JSON.stringify({ allowedMemberSubjects: [AGENT] }) }] } } },
          google_logging_project_sink: { audit: { name: 'audit', project: 'example-app-prd', destination: 'logging.googleapis.com/projects/example-logging-prd/locations/europe-west1/buckets/central', unique_writer_identity: true } },
          google_project_iam_member: { writer: { project: 'example-logging-prd', role: 'roles/logging.bucketWriter', member: '${google_logging_project_sink.audit.writer_identity}' } },
        }),
      },
      errors: [{ messageId: 'grant-may-be-refused', address: 'google_project_iam_member.writer', outcome: 'unknown', path: 'member' }],
    },
    {
      name: 'fails synth (unknown): the managed constraint\'s parameters come from a variable: they may not list the agent',
      input: {
        synth: synth({
          google_org_policy_policy: { managed: { name: MANAGED, parent: ORG, spec: { rules: [{ enforce: 'TRUE', parameters: '${var.allowed_policy_members}' }] } } },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
      errors: [{ messageId: 'grant-may-be-refused', address: GRANT, outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the managed constraint\'s parameters are known only after apply',
      input: {
        plan: plan([
          {
            address: 'google_org_policy_policy.managed',
            values: { ...domainPolicyPlan, name: MANAGED, spec: [{ rules: [{ values: [], allow_all: '', deny_all: '', enforce: 'TRUE', condition: [], parameters: null }], reset: false, inherit_from_parent: false }] },
            unknown: { spec: [{ rules: [{ parameters: true }] }] },
            action: 'no-op',
          },
          { address: GRANT, values: keyGrant(AGENT) },
        ]),
      },
      errors: [{ messageId: 'grant-may-be-refused', address: GRANT, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): the project resets the restriction only if a variable says so',
      input: {
        synth: synth({
          google_org_policy_policy: {
            domains: domainPolicy(),
            exception: { name: 'projects/example-logging-prd/policies/iam.allowedPolicyMemberDomains', parent: 'projects/example-logging-prd', spec: { reset: '${var.lift_domain_restriction}' } },
          },
          google_project_iam_member: { writer: { project: 'example-logging-prd', role: 'roles/logging.bucketWriter', member: AGENT } },
        }),
      },
      errors: [{ messageId: 'grant-may-be-refused', address: 'google_project_iam_member.writer', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a policy whose constraint (its name) comes from a variable may be the restriction',
      input: {
        synth: synth({
          google_org_policy_policy: { chosen: { name: `${ORG}/policies/\${var.member_constraint}`, parent: ORG, spec: { rules: [{ enforce: 'TRUE' }] } } },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
      errors: [{ messageId: 'grant-may-be-refused', address: GRANT, outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a restriction whose parent comes from a variable may apply to the grant',
      input: {
        synth: synth({
          google_org_policy_policy: { domains: domainPolicy({ name: '${var.parent}/policies/iam.allowedPolicyMemberDomains', parent: '${var.parent}' }) },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
      errors: [{ messageId: 'grant-may-be-refused', address: GRANT, outcome: 'unknown' }],
    },
    {
      name: 'fails synth: the legacy and the managed restriction both refuse the agent: one report for the grant',
      input: {
        synth: synth({
          google_org_policy_policy: {
            domains: domainPolicy(),
            managed: { name: MANAGED, parent: ORG, spec: { rules: [{ enforce: 'TRUE', parameters: JSON.stringify({ allowedMemberSubjects: ['group:gcp-admins@example.com'] }) }] } },
          },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
      errors: [{ messageId: 'grant-refused', address: GRANT }],
    },
    {
      name: 'fails plan: a new grant to a service agent under an existing restriction',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'no-op' }, { address: GRANT, values: keyGrant(AGENT) }]) },
      errors: [{ messageId: 'grant-refused', address: GRANT }],
    },
    {
      name: 'fails plan: allUsers on a bucket, the restriction created in the same apply without an order',
      input: {
        plan: plan([
          { address: POLICY, values: domainPolicyPlan },
          { address: 'google_storage_bucket_iam_member.public', values: { bucket: 'example-public-site', role: 'roles/storage.objectViewer', member: 'allUsers' } },
        ]),
      },
      errors: [{ messageId: 'grant-refused', address: 'google_storage_bucket_iam_member.public' }],
    },
    {
      name: 'fails plan: the restriction exists and is only updated: ordering it after the grant does not lift it meanwhile',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'update', dependsOn: [GRANT] }, { address: GRANT, values: keyGrant(AGENT) }]) },
      errors: [{ messageId: 'grant-refused', address: GRANT }],
    },
    {
      name: 'fails plan: the restriction exists and is adopted with an import block: ordering it after the grant does not lift it meanwhile',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'no-op', importing: 'x', dependsOn: [GRANT] }, { address: GRANT, values: keyGrant(AGENT) }]) },
      errors: [{ messageId: 'grant-refused', address: GRANT }],
    },
    {
      name: 'fails synth (unknown): the allowed customers of a legacy policy come from a variable: the restriction may or may not be set, on the organization and below',
      input: {
        synth: synth({
          google_organization_policy: { legacy: { org_id: '123456789012', constraint: 'constraints/iam.allowedPolicyMemberDomains', list_policy: { allow: { values: '${var.allowed_customers}' } } } },
          // One grant on the organization itself (the policy's own node), one in a project whose place is not shown.
          google_organization_iam_member: { agent: { org_id: '123456789012', role: 'roles/logging.bucketWriter', member: AGENT } },
          google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
        }),
      },
      errors: [
        { messageId: 'grant-may-be-refused', address: GRANT, outcome: 'unknown' },
        { messageId: 'grant-may-be-refused', address: 'google_organization_iam_member.agent', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails plan: a replaced grant is made again, after the restriction',
      input: { plan: plan([{ address: POLICY, values: domainPolicyPlan, action: 'no-op' }, { address: GRANT, values: keyGrant(AGENT), action: 'replace' }]) },
      errors: [{ messageId: 'grant-refused', address: GRANT }],
    },
  ],
});

describe('deploy-domain-restriction-blocks-grants report data', () => {
  it('names the constraint, the policy, the member, why it is an outsider and the role', () => {
    const { results } = runRule(rule, {
      plan: plan([
        { address: POLICY, values: domainPolicyPlan, action: 'no-op' },
        { address: GRANT, values: keyGrant(AGENT) },
        { address: 'google_storage_bucket_iam_member.public', values: { bucket: 'example-public-site', role: 'roles/storage.objectViewer', member: 'allUsers' } },
      ]),
    });
    expect(results.map((r) => r.message)).toEqual([
      `iam.allowedPolicyMemberDomains (${POLICY}) refuses ${AGENT}, a Google-managed service agent: granting roles/cloudkms.cryptoKeyEncrypterDecrypter here fails at apply with "One or more users named in the policy do not belong to a permitted customer".`,
      `iam.allowedPolicyMemberDomains (${POLICY}) refuses allUsers, a public principal: granting roles/storage.objectViewer here fails at apply with "One or more users named in the policy do not belong to a permitted customer".`,
    ]);
  });

  it('says when the constraint itself is known only after apply', () => {
    const { results } = runRule(rule, {
      synth: synth({
        google_org_policy_policy: { chosen: { name: `${ORG}/policies/\${var.member_constraint}`, parent: ORG, spec: { rules: [{ enforce: 'TRUE' }] } } },
        google_kms_crypto_key_iam_member: { agent: keyGrant(AGENT) },
      }),
    });
    expect(results.map((r) => r.message)).toEqual([
      `Whether (constraint known after apply) (google_org_policy_policy.chosen) refuses ${AGENT} (a Google-managed service agent) is known only after apply; if it does, granting roles/cloudkms.cryptoKeyEncrypterDecrypter here fails.`,
    ]);
  });
});

describe('deploy-domain-restriction-blocks-grants on the terraform-validator corpus', () => {
  it('is silent on all 104 real plans (none sets a member-domain restriction next to a grant it refuses)', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    expect(files.flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.outcome} ${r.messageId} ${r.address}`))).toEqual([]);
  });
});

describe('deploy-domain-restriction-blocks-grants on the example baseline (cdktf.out)', () => {
  let outdir: string;
  const config = loadConfig(EXAMPLE_CONFIG);

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'domain-restriction-'));
    const app = new App({ outdir });
    buildBaseline(app, config);
    app.synth();
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const reportsOn = (dir: string) =>
    evaluate(loadModel(dir), { rules: [rule], pack: { name: 'all', description: '', rules: [{ rule: rule.meta.id }] }, params: paramsFromConfig(config, RULE_TEST_NOW) })
      .results.map((r) => `${r.outcome} ${r.resourceId}`);

  it('is silent: the iam stack, which sets the restriction, deploys after every stack that grants to a service agent (logging, secrets, alerting, audit, scanning)', () => {
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.iam.dependencies).toEqual(expect.arrayContaining(['logging', 'secrets', 'alerting', 'audit', 'scanning']));
    expect(reportsOn(outdir)).toEqual([]);
  });

  it('reports all thirteen service-agent grants when the iam stack waits only for the hierarchy, as before the fix', () => {
    const before = mkdtempSync(join(tmpdir(), 'domain-restriction-prefix-'));
    try {
      cpSync(outdir, before, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(before, 'manifest.json'), 'utf8'));
      manifest.stacks.iam.dependencies = ['hierarchy'];
      writeFileSync(join(before, 'manifest.json'), JSON.stringify(manifest));
      expect(reportsOn(before)).toEqual([
        // Caught while merging the IAM change feed: the audit stack grants its topic to the Cloud Asset agent.
        'finding audit/google_pubsub_topic_iam_member.IamChangeFeed_AgentPublisher_3A1FCCD8',
        'finding logging/google_kms_crypto_key_iam_member.ArchiveKey_EncrypterDecrypter1_765F3D2A',
        'finding logging/google_kms_crypto_key_iam_member.CentralBucketKey_EncrypterDecrypter1_2EF17243',
        // Caught while adding log sources: the GitHub landing bucket's key is granted to the Cloud Storage agent.
        'finding logging/google_kms_crypto_key_iam_member.LandingKey-github-audit_EncrypterDecrypter1_52F771D7',
        'finding logging/google_kms_crypto_key_iam_member.OrgSettingsKey_EncrypterDecrypter1_E520C0B6',
        'finding logging/google_kms_crypto_key_iam_member.SiemKey_EncrypterDecrypter1_9484914F',
        'finding logging/google_project_iam_member.CentralSink_WriterGrant_A8F22D56',
        'finding logging/google_pubsub_topic_iam_member.SiemSink_WriterGrant_3E1DAB5A',
        'finding logging/google_storage_bucket_iam_member.ArchiveSink_WriterGrant_C4D1FA9E',
        // Caught while adding the scanning stack: its findings topic grants to the SCC notification agent.
        'finding scanning/google_pubsub_topic_iam_member.Findings_AgentPublisher_F3A74AF4',
        'finding secrets/google_kms_crypto_key_iam_member.Key-europe-west1_EncrypterDecrypter1_B53F27B7',
        'finding secrets/google_kms_crypto_key_iam_member.Key-europe-west4_EncrypterDecrypter1_319BD316',
        'finding secrets/google_pubsub_topic_iam_member.RotationTopic_PublisherGrant_4E3EE159',
      ]);
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});
