import rule from '../../../../policies/rules/org/orgpolicy-required-constraints';
import { DEFAULT_REQUIRED_CONSTRAINTS } from '../../../../policies/catalog/defaults';
import { plan, runRule, runRuleTests, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';
import { corpusInput } from '../secrets/corpus-input';
import { planFiles } from '../../engine/corpus';

const RULE = 'orgpolicy-required-constraints';
const ORG_ID = '123456789012';
const ORG = `organizations/${ORG_ID}`;
const DOMAINS = 'iam.allowedPolicyMemberDomains';
const resourceName = (constraint: string) => constraint.replace(/\W/g, '_');
const v2 = (constraint: string) => `google_org_policy_policy.${resourceName(constraint)}`;
const ALL_MISSING = [
  ...DEFAULT_REQUIRED_CONSTRAINTS.map(() => ({ messageId: 'missing-constraint', address: RULE })),
  { messageId: 'missing-domain-restriction', address: RULE },
];

type Values = Record<string, unknown>;

/** Synth: spec.rules as cdktf writes them. */
function synthPolicy(constraint: string, rule: Values, parent = ORG): Values {
  return { parent, name: `${parent}/policies/${constraint}`, spec: { rules: [rule] } };
}

function synthPolicies(changes: Record<string, Values | undefined> = {}): Record<string, Record<string, Values>> {
  const policies: Record<string, Values> = {};
  for (const c of DEFAULT_REQUIRED_CONSTRAINTS) {
    const policy = c in changes ? changes[c] : synthPolicy(c, { enforce: 'TRUE' });
    if (policy) policies[resourceName(c)] = policy;
  }
  const domains = DOMAINS in changes ? changes[DOMAINS] : synthPolicy(DOMAINS, { values: { allowed_values: ['C01ex4mpl'] } });
  if (domains) policies[resourceName(DOMAINS)] = domains;
  return { google_org_policy_policy: policies };
}

/** Plan: one rule with every field the provider writes. */
function planRule(rule: Values): Values {
  return { allow_all: null, condition: [], deny_all: null, enforce: null, values: [], ...rule };
}

function planPolicy(constraint: string, rule: Values, parent = ORG): Values {
  return { parent, name: `${parent}/policies/${constraint}`, spec: [{ inherit_from_parent: null, reset: null, rules: [planRule(rule)] }] };
}

function planPolicies(changes: Record<string, Partial<PlanResourceSpec> | undefined> = {}): PlanResourceSpec[] {
  const specs: PlanResourceSpec[] = [];
  for (const c of [...DEFAULT_REQUIRED_CONSTRAINTS, DOMAINS]) {
    const base = c === DOMAINS ? planRule({ values: [{ allowed_values: ['C01ex4mpl'], denied_values: [] }] }) : { enforce: 'TRUE' };
    const change = c in changes ? changes[c] : {};
    if (change) specs.push({ address: v2(c), values: planPolicy(c, base), unknown: { id: true, spec: [{ etag: true, update_time: true }] }, ...change });
  }
  return specs;
}

/** The legacy resource, all in one plan. */
function legacyPlan(): PlanResourceSpec[] {
  return [
    ...DEFAULT_REQUIRED_CONSTRAINTS.map((c) => ({
      address: `google_organization_policy.${resourceName(c)}`,
      values: { org_id: ORG_ID, constraint: `constraints/${c}`, boolean_policy: [{ enforced: true }], list_policy: [], restore_policy: [] },
    })),
    {
      address: 'google_organization_policy.domains',
      values: { org_id: ORG_ID, constraint: DOMAINS, boolean_policy: [], list_policy: [{ allow: [{ all: null, values: ['C01ex4mpl'] }], deny: [] }], restore_policy: [] },
    },
  ];
}

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: a folder enforcing a required constraint again, and a project inheriting the domain allow-list, override nothing',
      input: {
        synth: synth({
          google_org_policy_policy: {
            ...synthPolicies().google_org_policy_policy,
            folder_keys: synthPolicy('iam.disableServiceAccountKeyCreation', { enforce: 'TRUE' }, 'folders/4242'),
            project_domains: { parent: 'projects/example-app-prd', name: `projects/example-app-prd/policies/${DOMAINS}`, spec: { inherit_from_parent: true, rules: [{ values: { allowed_values: ['C02partner'] } }] } },
          },
        }),
      },
      params: { organizationId: ORG_ID },
    },
    { name: 'synth: six enforced constraints and a domain allow-list at the configured org', input: { synth: synth(synthPolicies()) }, params: { organizationId: ORG_ID } },
    { name: 'plan: the same with google_org_policy_policy', input: { plan: plan(planPolicies()) }, params: { organizationId: ORG_ID } },
    { name: 'plan: the same with the legacy google_organization_policy (constraints/ prefix)', input: { plan: plan(legacyPlan()) } },
    {
      name: 'synth: one conditional rule next to an unconditional enforce still enforces',
      input: {
        synth: synth(
          synthPolicies({
            'storage.uniformBucketLevelAccess': {
              parent: ORG,
              name: `${ORG}/policies/storage.uniformBucketLevelAccess`,
              spec: { rules: [{ enforce: 'FALSE', condition: { expression: "resource.matchTag('123/legacy', 'yes')" } }, { enforce: 'TRUE' }] },
            },
          }),
        ),
      },
    },
    {
      name: 'plan: the legacy domain allow-list alone when no boolean constraint is required',
      input: { plan: plan(legacyPlan().slice(-1)) },
      params: { requiredConstraints: [] },
    },
  ],
  invalid: [
    {
      name: 'fails synth: a folder policy with enforce FALSE overrides the organization for everything below it',
      input: {
        synth: synth({
          google_org_policy_policy: {
            ...synthPolicies().google_org_policy_policy,
            sandbox_keys: synthPolicy('iam.disableServiceAccountKeyUpload', { enforce: 'FALSE' }, 'folders/4242'),
          },
        }),
      },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'constraint-overridden', address: 'google_org_policy_policy.sandbox_keys' }],
    },
    {
      name: 'fails plan: a project policy reset to Google\'s default and a legacy project policy restored to it',
      input: {
        plan: plan([
          ...planPolicies(),
          { address: 'google_org_policy_policy.reset', values: { parent: 'projects/example-app-prd', name: 'projects/example-app-prd/policies/storage.publicAccessPrevention', spec: [{ inherit_from_parent: null, reset: true, rules: [] }] } },
          { address: 'module.app.google_project_organization_policy.restore', values: { project: 'example-app-prd', constraint: 'constraints/storage.uniformBucketLevelAccess', boolean_policy: [], list_policy: [], restore_policy: [{ default: true }] } },
        ]),
      },
      params: { organizationId: ORG_ID },
      errors: [
        { messageId: 'constraint-overridden', address: 'google_org_policy_policy.reset' },
        { messageId: 'constraint-overridden', address: 'module.app.google_project_organization_policy.restore' },
      ],
    },
    {
      name: 'fails plan: a legacy folder policy not enforced, and a project domain policy that stops inheriting and allows nothing listed',
      input: {
        plan: plan([
          ...legacyPlan(),
          { address: 'google_folder_organization_policy.keys', values: { folder: 'folders/4242', constraint: 'constraints/iam.automaticIamGrantsForDefaultServiceAccounts', boolean_policy: [{ enforced: false }], list_policy: [], restore_policy: [] } },
          { address: 'google_org_policy_policy.domains_app', values: { parent: 'projects/example-app-prd', name: `projects/example-app-prd/policies/${DOMAINS}`, spec: [{ inherit_from_parent: false, reset: null, rules: [] }] } },
        ]),
      },
      errors: [
        { messageId: 'constraint-overridden', address: 'google_folder_organization_policy.keys' },
        { messageId: 'constraint-overridden', address: 'google_org_policy_policy.domains_app' },
      ],
    },
    {
      name: 'fails plan (unknown): a folder policy whose enforcement is known only after apply may turn a constraint off',
      input: {
        plan: plan([
          ...planPolicies(),
          {
            address: 'google_org_policy_policy.folder_exemption',
            values: planPolicy('iam.disableAuditLoggingExemption', {}, 'folders/4242'),
            unknown: { spec: [{ rules: [{ enforce: true }] }] },
          },
        ]),
      },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'override-unknown', address: 'google_org_policy_policy.folder_exemption', outcome: 'unknown' }],
    },
    { name: 'fails plan: nothing at the organization', input: { plan: plan([]) }, errors: ALL_MISSING },
    {
      name: 'fails synth: enforce FALSE, a conditional-only enforce, and a missing constraint',
      input: {
        synth: synth(
          synthPolicies({
            'iam.disableServiceAccountKeyCreation': synthPolicy('iam.disableServiceAccountKeyCreation', { enforce: 'FALSE' }),
            'iam.disableServiceAccountKeyUpload': synthPolicy('iam.disableServiceAccountKeyUpload', { enforce: 'TRUE', condition: { expression: "resource.matchTag('123/env', 'prod')" } }),
            'storage.publicAccessPrevention': undefined,
          }),
        ),
      },
      errors: [
        { messageId: 'constraint-not-enforced', address: v2('iam.disableServiceAccountKeyCreation') },
        { messageId: 'constraint-not-enforced', address: v2('iam.disableServiceAccountKeyUpload') },
        { messageId: 'missing-constraint', address: RULE },
      ],
    },
    {
      name: 'fails plan: the domain constraint allows all, and a policy set only on a folder does not count',
      input: {
        plan: plan(
          planPolicies({
            [DOMAINS]: { values: planPolicy(DOMAINS, { allow_all: 'TRUE' }) },
            'iam.disableAuditLoggingExemption': { values: planPolicy('iam.disableAuditLoggingExemption', { enforce: 'TRUE' }, 'folders/4242') },
          }),
        ),
      },
      errors: [
        { messageId: 'domain-restriction-without-allowlist', address: v2(DOMAINS) },
        { messageId: 'missing-constraint', address: RULE },
      ],
    },
    {
      name: 'fails synth: enforced at another organization than the configured one',
      input: { synth: synth(synthPolicies({ 'iam.automaticIamGrantsForDefaultServiceAccounts': synthPolicy('iam.automaticIamGrantsForDefaultServiceAccounts', { enforce: 'TRUE' }, 'organizations/999999999') })) },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'missing-constraint', address: RULE }],
    },
    {
      name: 'fails plan: a legacy policy not enforced and the domain policy being deleted',
      input: {
        plan: plan(
          legacyPlan().map((s) =>
            s.address.endsWith('storage_uniformBucketLevelAccess')
              ? { ...s, values: { ...s.values, boolean_policy: [{ enforced: false }] } }
              : s.address.endsWith('.domains')
                ? { ...s, action: 'delete' as const }
                : s,
          ),
        ),
      },
      errors: [
        { messageId: 'constraint-not-enforced', address: 'google_organization_policy.storage_uniformBucketLevelAccess' },
        { messageId: 'missing-domain-restriction', address: RULE },
      ],
    },
    {
      name: 'fails plan (corpus): terraform-validator\'s org policies hold none of the required constraints',
      input: corpusInput('example_org_policy_policy.tfplan.json'),
      errors: ALL_MISSING,
    },
    {
      name: 'fails synth (unknown): the organization id comes from a variable',
      input: {
        synth: synth(synthPolicies({ 'storage.publicAccessPrevention': synthPolicy('storage.publicAccessPrevention', { enforce: 'TRUE' }, 'organizations/${var.org_id}') })),
      },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'policy-unknown', address: v2('storage.publicAccessPrevention'), outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): enforcement known only after apply',
      input: {
        plan: plan(
          planPolicies({
            'iam.disableServiceAccountKeyUpload': {
              values: planPolicy('iam.disableServiceAccountKeyUpload', { enforce: null }),
              unknown: { spec: [{ rules: [{ enforce: true }] }] },
            },
          }),
        ),
      },
      errors: [{ messageId: 'policy-unknown', address: v2('iam.disableServiceAccountKeyUpload'), outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a policy whose constraint is a variable may be any missing one',
      input: { synth: synth({ google_org_policy_policy: { ...synthPolicies({ 'iam.disableAuditLoggingExemption': undefined }).google_org_policy_policy, dynamic: { parent: ORG, name: `${ORG}/policies/\${var.constraint}`, spec: { rules: [{ enforce: 'TRUE' }] } } } }) },
      errors: [{ messageId: 'policy-unknown', address: 'google_org_policy_policy.dynamic', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a policy whose constraint is a variable may be either of two missing ones: one report for it',
      input: {
        synth: synth({
          google_org_policy_policy: {
            ...synthPolicies({ 'iam.disableAuditLoggingExemption': undefined, 'iam.disableServiceAccountKeyUpload': undefined }).google_org_policy_policy,
            dynamic: { parent: ORG, name: `${ORG}/policies/\${var.constraint}`, spec: { rules: [{ enforce: 'TRUE' }] } },
          },
        }),
      },
      errors: [{ messageId: 'policy-unknown', address: 'google_org_policy_policy.dynamic', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): a folder policy that turns off a constraint named by a variable may turn off a required one',
      input: {
        synth: synth({
          google_org_policy_policy: {
            ...synthPolicies().google_org_policy_policy,
            sandbox: { parent: 'folders/4242', name: 'folders/4242/policies/${var.constraint}', spec: { rules: [{ enforce: 'FALSE' }] } },
          },
        }),
      },
      params: { organizationId: ORG_ID },
      errors: [
        {
          messageId: 'override-unknown',
          address: 'google_org_policy_policy.sandbox',
          outcome: 'unknown',
          message: 'Policy on folders/4242 for (a constraint known only after apply) has values known only after apply; it may turn the constraint off there and below.',
        },
      ],
    },
    {
      name: 'fails synth: a required constraint turned off where only apply tells whether that is the organization: missing there, and maybe an override',
      input: {
        synth: synth({
          google_org_policy_policy: {
            ...synthPolicies({ 'iam.disableServiceAccountKeyUpload': undefined }).google_org_policy_policy,
            somewhere: synthPolicy('iam.disableServiceAccountKeyUpload', { enforce: 'FALSE' }, '${var.parent}'),
          },
        }),
      },
      params: { organizationId: ORG_ID },
      errors: [
        { messageId: 'missing-constraint', address: RULE },
        { messageId: 'override-unknown', address: 'google_org_policy_policy.somewhere', outcome: 'unknown' },
      ],
    },
  ],
});

describe('orgpolicy-required-constraints on the terraform-validator corpus', () => {
  it('fails only on the domain restriction when the enforced legacy serial-port policy is the one required', () => {
    const { results } = runRule(rule, corpusInput('example_organization_policy.tfplan.json'), { requiredConstraints: ['compute.disableSerialPortAccess'] });
    expect(results.map((r) => [r.messageId, r.address, r.message])).toEqual([
      ['missing-domain-restriction', RULE, 'No organization policy restricts IAM members with iam.allowedPolicyMemberDomains.'],
    ]);
  });

  it('fails when the required constraint is set only on a folder or a project', () => {
    for (const file of ['example_folder_organization_policy.tfplan.json', 'example_project_organization_policy.tfplan.json']) {
      const { results } = runRule(rule, corpusInput(file), { requiredConstraints: ['compute.disableSerialPortAccess'] });
      expect({ file, ids: results.map((r) => `${r.messageId} ${r.address}`).sort() }).toEqual({
        file,
        ids: [`missing-constraint ${RULE}`, `missing-domain-restriction ${RULE}`],
      });
    }
  });
});

describe('overrides below the organization on the terraform-validator corpus', () => {
  it('reports exactly the folder and project policies that lift a constraint the config requires, and none when none is required', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    const overrides = (requiredConstraints: string[]) =>
      files.flatMap((file) =>
        runRule(rule, corpusInput(file), { requiredConstraints })
          .results.filter((r) => r.messageId === 'constraint-overridden' || r.messageId === 'override-unknown')
          .map((r) => `${file}: ${r.outcome} ${r.messageId} ${r.address}`),
      );
    expect(overrides([...DEFAULT_REQUIRED_CONSTRAINTS])).toEqual([]);
    // Every constraint the corpus sets anywhere, required: the ones lifted below the organization are reported.
    // The serial-port policies below enforce again and the folder's deny_all restricts: only the lifts are overrides.
    expect(overrides(['compute.disableSerialPortAccess', 'serviceuser.services', 'iam.disableServiceAccountCreation', 'gcp.resourceLocations', 'samplePolicy', 'gcp.detailedAuditLoggingMode'])).toEqual([
      // list_policy { allow { all = true } }
      'example_folder_organization_policy.tfplan.json: finding constraint-overridden google_folder_organization_policy.services_policy_a',
      // restore_policy { default = true }
      'example_folder_organization_policy.tfplan.json: finding constraint-overridden google_folder_organization_policy.services_policy_c',
      // an unconditional rule with allow_all = "TRUE" beside a conditional allow-list
      'example_org_policy_policy.tfplan.json: finding constraint-overridden google_org_policy_policy.project_policy',
      // restore_policy { default = true }
      'example_project_organization_policy.tfplan.json: finding constraint-overridden google_project_organization_policy.service_account_policy',
      // list_policy { allow { all = true } }
      'example_project_organization_policy.tfplan.json: finding constraint-overridden google_project_organization_policy.services_policy',
    ]);
  });
});
