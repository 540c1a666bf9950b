import rule from '../../../../policies/rules/kms/kms-key-rotation';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusInput } from '../secrets/corpus-input';

const KEY = 'google_kms_crypto_key.logs';
const KEY_RING = '${google_kms_key_ring.baseline.id}';

const keyRing = { google_kms_key_ring: { baseline: { project: 'example-kms-prd', name: 'baseline', location: 'europe-west1' } } };
const synthKey = (extra: Record<string, unknown>) => synth({ ...keyRing, google_kms_crypto_key: { logs: { name: 'logs', key_ring: KEY_RING, ...extra } } });
const planKey = (extra: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  plan([{ address: KEY, values: { name: 'logs', key_ring: 'projects/example-kms-prd/locations/europe-west1/keyRings/baseline', purpose: 'ENCRYPT_DECRYPT', ...extra }, ...spec }]);

runRuleTests(rule, {
  valid: [
    { name: 'synth: exactly 90 days, purpose left to its default', input: { synth: synthKey({ rotation_period: '7776000s' }) } },
    { name: 'plan: 30 days', input: { plan: planKey({ rotation_period: '2592000s' }) } },
    { name: 'plan: an asymmetric signing key cannot rotate and is not judged', input: { plan: planKey({ purpose: 'ASYMMETRIC_SIGN', rotation_period: null }) } },
    { name: 'synth: a MAC key without rotation is not judged', input: { synth: synthKey({ purpose: 'MAC' }) } },
    { name: 'plan: a key without rotation being deleted', input: { plan: planKey({ rotation_period: null }, { action: 'delete' }) } },
  ],
  invalid: [
    { name: 'fails synth: no rotation_period', input: { synth: synthKey({}) }, errors: [{ messageId: 'no-rotation', address: KEY, path: 'rotation_period' }] },
    {
      name: 'fails plan: one second over 90 days',
      input: { plan: planKey({ rotation_period: '7776001s' }) },
      errors: [{ messageId: 'rotation-too-long', address: KEY, path: 'rotation_period' }],
    },
    {
      name: 'fails plan: a rotation period that is no duration cannot be shown to be short enough',
      input: { plan: planKey({ rotation_period: '90d' }) },
      errors: [{ messageId: 'rotation-too-long', address: KEY, path: 'rotation_period' }],
    },
    {
      name: 'fails synth: 60 days under a 30-day limit',
      input: { synth: synthKey({ rotation_period: '5184000s' }) },
      params: { maxRotationDays: 30 },
      errors: [{ messageId: 'rotation-too-long', address: KEY, message: 'KMS key rotates every 60 days; at most 30 allowed.' }],
    },
    {
      name: 'fails plan (corpus): terraform-validator\'s key has rotation_period null',
      input: corpusInput('example_kms_crypto_key.tfplan.json'),
      errors: [{ messageId: 'no-rotation', address: 'google_kms_crypto_key.test' }],
    },
    {
      name: 'fails synth (unknown): rotation period from a variable',
      input: { synth: synthKey({ rotation_period: '${var.rotation}' }) },
      errors: [{ messageId: 'rotation-unknown', address: KEY, outcome: 'unknown', path: 'rotation_period' }],
    },
    {
      name: 'fails plan (unknown): purpose known only after apply',
      input: { plan: planKey({ purpose: null }, { unknown: { purpose: true } }) },
      errors: [{ messageId: 'purpose-unknown', address: KEY, outcome: 'unknown', path: 'purpose' }],
    },
  ],
});

describe('kms-key-rotation on the terraform-validator corpus', () => {
  it('fails every key of the four crypto key plans: none sets rotation_period', () => {
    const files = ['example_kms_crypto_key.tfplan.json', 'example_kms_crypto_key_iam_binding.tfplan.json', 'example_kms_crypto_key_iam_member.tfplan.json', 'example_kms_crypto_key_iam_policy.tfplan.json'];
    const reported = files.map((file) => [file, runRule(rule, corpusInput(file)).results.map((r) => `${r.messageId} ${r.address}`)]);
    expect(reported).toEqual([
      ['example_kms_crypto_key.tfplan.json', ['no-rotation google_kms_crypto_key.test']],
      ['example_kms_crypto_key_iam_binding.tfplan.json', ['no-rotation google_kms_crypto_key.example_crypto_key']],
      ['example_kms_crypto_key_iam_member.tfplan.json', ['no-rotation google_kms_crypto_key.example_crypto_key']],
      ['example_kms_crypto_key_iam_policy.tfplan.json', ['no-rotation google_kms_crypto_key.example_crypto_key']],
    ]);
  });

  it('fails with the period in days in the message', () => {
    const { results } = runRule(rule, { plan: planKey({ rotation_period: '31536000s' }) });
    expect(results.map((r) => r.message)).toEqual(['KMS key rotates every 365 days; at most 90 allowed.']);
  });
});
