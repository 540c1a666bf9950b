import { RotatingKey, MAX_ROTATION_SECONDS } from '../../../constructs/kms/rotating-key';
import { kmsLocationForStorage } from '../../../constructs/kms/key-location';
import { addressOf, iamResources, only, ref, synthScope } from '../logging/synth-lookup';

const props = { project: 'example-kms-prd', location: 'europe-west1', keyRingName: 'baseline-logs', keyName: 'logs' };

describe('RotatingKey', () => {
  it('makes its own key ring and an ENCRYPT_DECRYPT key rotating every 90 days, both protected from destroy', () => {
    // GIVEN / WHEN a key with default rotation
    const { doc } = synthScope((scope) => new RotatingKey(scope, 'Key', props));
    // THEN ring and key are exactly as configured (CIS 1.11: 7776000s is the most allowed)
    const ring = addressOf(doc, 'google_kms_key_ring');
    expect(only(doc, 'google_kms_key_ring')).toEqual({
      project: 'example-kms-prd',
      location: 'europe-west1',
      name: 'baseline-logs',
      lifecycle: { prevent_destroy: true },
    });
    expect(only(doc, 'google_kms_crypto_key')).toEqual({
      key_ring: ref(ring, 'id'),
      name: 'logs',
      purpose: 'ENCRYPT_DECRYPT',
      rotation_period: '7776000s',
      lifecycle: { prevent_destroy: true },
    });
    expect(MAX_ROTATION_SECONDS).toBe(7776000);
    expect(iamResources(doc)).toEqual([]);
  });

  it('writes a shorter rotation as whole days in seconds', () => {
    const { doc } = synthScope((scope) => new RotatingKey(scope, 'Key', { ...props, rotationDays: 30 }));
    expect(only(doc, 'google_kms_crypto_key').rotation_period).toBe('2592000s');
  });

  it('grants encrypterDecrypter on exactly this key to exactly the member, and returns that binding', () => {
    // GIVEN a key and two members
    let first: unknown;
    let second: unknown;
    const { doc } = synthScope((scope) => {
      const key = new RotatingKey(scope, 'Key', props);
      first = key.grantEncrypterDecrypter('serviceAccount:a@example-kms-prd.iam.gserviceaccount.com');
      second = key.grantEncrypterDecrypter('group:b@example.com');
    });
    // THEN there are exactly two bindings, each on the key, with the one key-use role
    const key = addressOf(doc, 'google_kms_crypto_key');
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_kms_crypto_key_iam_member',
        values: { crypto_key_id: ref(key, 'id'), role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: 'group:b@example.com' },
      },
      {
        type: 'google_kms_crypto_key_iam_member',
        values: {
          crypto_key_id: ref(key, 'id'),
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: 'serviceAccount:a@example-kms-prd.iam.gserviceaccount.com',
        },
      },
    ]);
    // AND each call returned the binding it made
    const names = Object.keys(doc.resource?.google_kms_crypto_key_iam_member ?? {});
    expect(names).toContain((first as { friendlyUniqueId: string }).friendlyUniqueId);
    expect(names).toContain((second as { friendlyUniqueId: string }).friendlyUniqueId);
    expect(first).not.toBe(second);
  });

  it.each([
    [91, '7862400s'],
    [365, '31536000s'],
  ])('fails on rotationDays %d, naming the value and the period (%s)', (rotationDays, period) => {
    expect(() => synthScope((scope) => new RotatingKey(scope, 'Key', { ...props, rotationDays }))).toThrow(
      `rotationDays must be a whole number from 1 to 90 (rotation_period <= 7776000s, CIS GCP 1.11), got ${rotationDays} (${period})`,
    );
  });

  it.each([0, -1, 1.5])('fails on rotationDays %d, which is no whole number of days >= 1', (rotationDays) => {
    expect(() => synthScope((scope) => new RotatingKey(scope, 'Key', { ...props, rotationDays }))).toThrow(`got ${rotationDays} (`);
  });
});

describe('kmsLocationForStorage', () => {
  it.each([
    ['EU', 'europe'],
    ['US', 'us'],
    ['ASIA', 'asia'],
    ['eu', 'europe'],
    ['EUROPE-WEST1', 'europe-west1'],
    ['europe-west4', 'europe-west4'],
  ])('puts the key for a bucket in %s in %s', (storage, kms) => {
    expect(kmsLocationForStorage(storage)).toBe(kms);
  });
});
