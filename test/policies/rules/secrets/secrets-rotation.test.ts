import rule from '../../../../policies/rules/secrets/secrets-rotation';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusInput } from './corpus-input';

const SECRET = 'google_secret_manager_secret.api_key';
const TOPIC = 'projects/example-secrets-prd/topics/secret-rotation';
const NINETY_DAYS = '7776000s';

function synthSecret(extra: Record<string, unknown> = {}) {
  return {
    project: 'example-secrets-prd',
    secret_id: 'payments-api-key',
    replication: { auto: {} },
    topics: [{ name: '${google_pubsub_topic.rotation.id}' }],
    rotation: { rotation_period: NINETY_DAYS, next_rotation_time: '2027-01-01T00:00:00Z' },
    ...extra,
  };
}

function planSecret(extra: Record<string, unknown> = {}) {
  return {
    project: 'example-secrets-prd',
    secret_id: 'payments-api-key',
    replication: [{ auto: [{ customer_managed_encryption: [] }], user_managed: [] }],
    topics: [{ name: TOPIC }],
    rotation: [{ rotation_period: NINETY_DAYS, next_rotation_time: '2027-01-01T00:00:00Z' }],
    ...extra,
  };
}

const withTopic = (secret: Record<string, unknown>) => ({ google_pubsub_topic: { rotation: { name: 'secret-rotation' } }, google_secret_manager_secret: { api_key: secret } });

runRuleTests(rule, {
  valid: [
    { name: 'synth: 90-day rotation announced on a topic', input: { synth: synth(withTopic(synthSecret())) } },
    { name: 'plan: 90-day rotation announced on a topic', input: { plan: plan([{ address: SECRET, values: planSecret() }]) } },
    {
      name: 'plan: a 30-day regional secret under a 30-day limit',
      input: { plan: plan([{ address: 'google_secret_manager_regional_secret.api_key', values: planSecret({ rotation: [{ rotation_period: '2592000s' }] }) }]) },
      params: { maxRotationDays: 30 },
    },
    { name: 'plan: a secret without rotation being deleted', input: { plan: plan([{ address: SECRET, values: planSecret({ rotation: [], topics: [] }), action: 'delete' }]) } },
  ],
  invalid: [
    {
      name: 'fails synth: no rotation and no topics',
      input: { synth: synth(withTopic(synthSecret({ rotation: undefined, topics: undefined }))) },
      errors: [
        { messageId: 'no-rotation', address: SECRET, path: 'rotation' },
        { messageId: 'no-topics', address: SECRET, path: 'topics' },
      ],
    },
    {
      name: 'fails plan: rotation every 100 days',
      input: { plan: plan([{ address: SECRET, values: planSecret({ rotation: [{ rotation_period: '8640000s' }] }) }]) },
      errors: [{ messageId: 'rotation-too-long', address: SECRET, path: 'rotation.rotation_period', message: 'Secret rotates every 100 days; at most 90 allowed.' }],
    },
    {
      name: 'fails plan: a rotation period a day and a half over the limit, shown to two decimals',
      input: { plan: plan([{ address: SECRET, values: planSecret({ rotation: [{ rotation_period: '7905600s' }] }) }]) },
      errors: [{ messageId: 'rotation-too-long', address: SECRET, message: 'Secret rotates every 91.5 days; at most 90 allowed.' }],
    },
    {
      name: 'fails plan: a rotation period that is no duration cannot be shown to be short enough',
      input: { plan: plan([{ address: SECRET, values: planSecret({ rotation: [{ rotation_period: '90d' }] }) }]) },
      errors: [{ messageId: 'rotation-too-long', address: SECRET, path: 'rotation.rotation_period' }],
    },
    {
      name: 'fails synth: 90 days is too long under a 30-day limit',
      input: { synth: synth(withTopic(synthSecret())) },
      params: { maxRotationDays: 30 },
      errors: [{ messageId: 'rotation-too-long', address: SECRET }],
    },
    {
      name: 'fails plan: rotation without topics (empty list)',
      input: { plan: plan([{ address: SECRET, values: planSecret({ topics: [] }) }]) },
      errors: [{ messageId: 'no-topics', address: SECRET }],
    },
    {
      name: 'fails plan (corpus): terraform-validator\'s secret has neither',
      input: corpusInput('example_secret_manager_secret_iam_member.tfplan.json'),
      errors: [
        { messageId: 'no-rotation', address: 'google_secret_manager_secret.secret-basic' },
        { messageId: 'no-topics', address: 'google_secret_manager_secret.secret-basic' },
      ],
    },
    {
      name: 'fails synth (unknown): rotation period and topics from variables',
      input: { synth: synth(withTopic(synthSecret({ rotation: { rotation_period: '${var.rotation}' }, topics: '${var.topics}' }))) },
      errors: [
        { messageId: 'rotation-unknown', address: SECRET, outcome: 'unknown', path: 'rotation.rotation_period' },
        { messageId: 'topics-unknown', address: SECRET, outcome: 'unknown', path: 'topics' },
      ],
    },
    {
      name: 'fails plan (unknown): rotation period known only after apply',
      input: { plan: plan([{ address: SECRET, values: planSecret({ rotation: [{ rotation_period: null }] }), unknown: { rotation: [{ rotation_period: true }] } }]) },
      errors: [{ messageId: 'rotation-unknown', address: SECRET, outcome: 'unknown' }],
    },
  ],
});

describe('secrets-rotation report data', () => {
  it('fails with the period in days and the limit in the message', () => {
    const { results } = runRule(rule, { plan: plan([{ address: SECRET, values: planSecret({ rotation: [{ rotation_period: '8640000s' }] }) }]) });
    expect(results.map((r) => r.message)).toEqual(['Secret rotates every 100 days; at most 90 allowed.']);
  });

  it('fails all three terraform-validator secret plans alike', () => {
    for (const file of ['example_secret_manager_secret_iam_binding.tfplan.json', 'example_secret_manager_secret_iam_member.tfplan.json', 'example_secret_manager_secret_iam_policy.tfplan.json']) {
      expect({ file, ids: runRule(rule, corpusInput(file)).results.map((r) => r.messageId).sort() }).toEqual({ file, ids: ['no-rotation', 'no-topics'] });
    }
  });
});
