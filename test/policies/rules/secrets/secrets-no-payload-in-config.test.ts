import rule from '../../../../policies/rules/secrets/secrets-no-payload-in-config';
import { evaluate } from '../../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../../policies/config/adapter';
import type { Rule } from '../../../../policies/engine/rule';
import { planFiles } from '../../engine/corpus';
import { modelOf, plan, RULE_TEST_NOW, runRule, runRuleTests, synth, type RuleInput } from '../../../../policies/testing/rule-tester';
import { corpusInput } from './corpus-input';
import alertingCisLogMetrics from '../../../../policies/rules/alerting/alerting-cis-log-metrics';
import alertingFailedLoginSpike from '../../../../policies/rules/alerting/alerting-failed-login-spike';
import alertingPoliciesHaveChannels from '../../../../policies/rules/alerting/alerting-policies-have-channels';
import secretsAccessorPerSecret from '../../../../policies/rules/secrets/secrets-accessor-per-secret';
import secretsRotation from '../../../../policies/rules/secrets/secrets-rotation';
import kmsKeyRotation from '../../../../policies/rules/kms/kms-key-rotation';
import orgpolicyRequiredConstraints from '../../../../policies/rules/org/orgpolicy-required-constraints';
import orgEssentialContacts from '../../../../policies/rules/org/org-essential-contacts';
import changeNoDestroy from '../../../../policies/rules/change/change-no-destroy-security-resources';

/** A value that must never appear in any output; distinctive so a leak cannot hide. */
const FAKE_PAYLOAD = 'FAKE-payload-7f3a9c1e-never-print-me';
const VERSION = 'google_secret_manager_secret_version.db';
const SECRET = 'projects/example-secrets-prd/secrets/db-password';

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: write-only payload from a variable',
      input: { synth: synth({ google_secret_manager_secret_version: { db: { secret: SECRET, secret_data_wo: '${var.db_password}', secret_data_wo_version: 1 } } }) },
    },
    { name: 'synth: a secret without versions', input: { synth: synth({ google_secret_manager_secret: { db: { secret_id: 'db-password', replication: { auto: {} } } } }) } },
    {
      name: 'plan: write-only payload (plans show it as null)',
      input: { plan: plan([{ address: VERSION, values: { secret: SECRET, secret_data: null, secret_data_wo: null, secret_data_wo_version: 1, enabled: true }, sensitive: { secret_data: true, secret_data_wo: true } }]) },
    },
    {
      name: 'plan: a version with a payload that is being deleted leaves state',
      input: { plan: plan([{ address: VERSION, values: { secret: SECRET, secret_data: FAKE_PAYLOAD, enabled: true }, sensitive: { secret_data: true }, action: 'delete' }]) },
    },
  ],
  invalid: [
    {
      name: 'fails synth: literal secret_data',
      input: { synth: synth({ google_secret_manager_secret_version: { db: { secret: SECRET, secret_data: FAKE_PAYLOAD } } }) },
      errors: [{ messageId: 'payload-in-config', address: VERSION }],
    },
    {
      name: 'fails synth: secret_data from random_password (unknown before apply, still in state)',
      input: {
        synth: synth({
          random_password: { db: { length: 32 } },
          google_secret_manager_secret_version: { db: { secret: SECRET, secret_data: '${random_password.db.result}' } },
        }),
      },
      errors: [{ messageId: 'payload-in-config', address: VERSION }],
    },
    {
      name: 'fails synth: literal secret_data_wo sits in the source',
      input: { synth: synth({ google_secret_manager_secret_version: { db: { secret: SECRET, secret_data_wo: FAKE_PAYLOAD, secret_data_wo_version: 1 } } }) },
      errors: [{ messageId: 'literal-write-only-payload', address: VERSION }],
    },
    {
      name: 'fails plan: sensitive known secret_data',
      input: { plan: plan([{ address: VERSION, values: { secret: SECRET, secret_data: FAKE_PAYLOAD, enabled: true }, sensitive: { secret_data: true } }]) },
      errors: [{ messageId: 'payload-in-config', address: VERSION }],
    },
    {
      name: 'fails plan: sensitive secret_data known only after apply, in a module',
      input: {
        plan: plan([
          { address: 'module.app.google_secret_manager_secret_version.db[0]', values: { secret: SECRET, secret_data: null, enabled: true }, unknown: { secret_data: true }, sensitive: { secret_data: true } },
        ]),
      },
      errors: [{ messageId: 'payload-in-config', address: 'module.app.google_secret_manager_secret_version.db[0]' }],
    },
    {
      name: 'fails plan: regional secret version on replace',
      input: {
        plan: plan([
          { address: 'google_secret_manager_regional_secret_version.db', values: { secret: SECRET, secret_data: FAKE_PAYLOAD }, sensitive: { secret_data: true }, action: 'replace' },
        ]),
      },
      errors: [{ messageId: 'payload-in-config', address: 'google_secret_manager_regional_secret_version.db' }],
    },
  ],
});

const MY_RULES: Rule[] = [
  alertingCisLogMetrics,
  alertingFailedLoginSpike,
  alertingPoliciesHaveChannels,
  secretsAccessorPerSecret,
  rule,
  secretsRotation,
  kmsKeyRotation,
  orgpolicyRequiredConstraints,
  orgEssentialContacts,
  changeNoDestroy,
] as Rule[];

function evaluationJson(input: RuleInput): { json: string; results: number } {
  const evaluation = evaluate(modelOf(input), {
    rules: MY_RULES,
    pack: { name: 'all', description: 'secret leak check', rules: MY_RULES.map((r) => ({ rule: r.meta.id })) },
    params: paramsFromConfig(undefined, RULE_TEST_NOW),
  });
  return { json: JSON.stringify(evaluation), results: evaluation.results.length };
}

describe('secret payloads never reach an evaluation', () => {
  const inputs: [string, RuleInput][] = [
    ['synth secret_data', { synth: synth({ google_secret_manager_secret_version: { db: { secret: SECRET, secret_data: FAKE_PAYLOAD } } }) }],
    ['synth secret_data_wo', { synth: synth({ google_secret_manager_secret_version: { db: { secret: SECRET, secret_data_wo: FAKE_PAYLOAD } } }) }],
    ['plan secret_data', { plan: plan([{ address: VERSION, values: { secret: SECRET, secret_data: FAKE_PAYLOAD }, sensitive: { secret_data: true } }]) }],
    ['plan replaced version', { plan: plan([{ address: VERSION, values: { secret: SECRET, secret_data: FAKE_PAYLOAD }, sensitive: { secret_data: true }, action: 'replace' }]) }],
  ];
  it.each(inputs)('%s: the whole evaluation of every rule of this area omits the payload', (_name, input) => {
    const { json, results } = evaluationJson(input);
    expect(results).toBeGreaterThan(0);
    expect(json).toContain('secret_data');
    expect(json).not.toContain(FAKE_PAYLOAD);
    expect(json).not.toContain('never-print-me');
  });

  it('fails saying where the payload is and nothing of it', () => {
    const { results } = runRule(rule, { plan: plan([{ address: VERSION, values: { secret: SECRET, secret_data: FAKE_PAYLOAD }, sensitive: { secret_data: true } }]) });
    expect(results.map((r) => [r.messageId, r.path, r.message])).toEqual([
      ['payload-in-config', 'secret_data', 'Resource carries a secret payload in `secret_data`: it is stored in Terraform state and plan files in clear text.'],
    ]);
  });
});

describe('secrets-no-payload-in-config on the terraform-validator corpus', () => {
  it('reports nothing on any of the 104 plans: none carries secret_data', () => {
    const reported = planFiles().flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.messageId} ${r.address}`));
    expect(reported).toEqual([]);
  });
});
