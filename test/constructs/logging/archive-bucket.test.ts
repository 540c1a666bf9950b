import type { Construct } from 'constructs';
import { RotatingKey } from '../../../constructs/kms/rotating-key';
import { ArchiveBucket, type ArchiveBucketProps } from '../../../constructs/logging/archive-bucket';
import { addressOf, dataAddressOf, iamResources, only, ref, synthScope } from './synth-lookup';

function build(scope: Construct, props: Partial<ArchiveBucketProps> = {}): ArchiveBucket {
  const key = new RotatingKey(scope, 'Key', { project: 'example-kms-prd', location: 'europe', keyRingName: 'r', keyName: 'k' });
  return new ArchiveBucket(scope, 'Archive', { project: 'example-logging-prd', name: 'example-archive', location: 'EU', key, ...props });
}

describe('ArchiveBucket', () => {
  it('is locked for its retention when asked (CIS 2.4), uniform access, never public, CMEK-encrypted', () => {
    // GIVEN / WHEN (the second apply, after the first created the bucket unlocked)
    const { doc } = synthScope((scope) => build(scope, { retentionDays: 2555, locked: true }));
    // THEN
    expect(only(doc, 'google_storage_bucket')).toEqual({
      project: 'example-logging-prd',
      name: 'example-archive',
      location: 'EU',
      storage_class: 'ARCHIVE',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      versioning: { enabled: false },
      retention_policy: { retention_period: 2555 * 86400, is_locked: true },
      encryption: { default_kms_key_name: ref(addressOf(doc, 'google_kms_crypto_key'), 'id') },
      force_destroy: false,
      depends_on: [addressOf(doc, 'google_kms_crypto_key_iam_member')],
    });
    // AND it is adopted, not created: the lock is never set in the apply that creates the bucket
    expect(doc.import).toEqual([{ to: addressOf(doc, 'google_storage_bucket'), id: 'example-logging-prd/example-archive' }]);
  });

  it('is created unlocked by default, with no import block (the first apply)', () => {
    const { doc } = synthScope((scope) => build(scope));
    expect(only(doc, 'google_storage_bucket').retention_policy).toEqual({ retention_period: 2555 * 86400, is_locked: false });
    expect(doc.import).toBeUndefined();
  });

  it("grants the project's Cloud Storage service agent use of the key, and nothing else", () => {
    const { doc } = synthScope((scope) => build(scope));
    const agent = dataAddressOf(doc, 'google_storage_project_service_account');
    expect(doc.data?.google_storage_project_service_account?.[agent.split('.')[2]]).toEqual({ project: 'example-logging-prd' });
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_kms_crypto_key_iam_member',
        values: {
          crypto_key_id: ref(addressOf(doc, 'google_kms_crypto_key'), 'id'),
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: ref(agent, 'member'),
        },
      },
    ]);
  });

  it('takes storage class and lock from props', () => {
    const { doc } = synthScope((scope) => build(scope, { storageClass: 'COLDLINE', locked: false, retentionDays: 400 }));
    const bucket = only(doc, 'google_storage_bucket');
    expect([bucket.storage_class, bucket.retention_policy]).toEqual(['COLDLINE', { retention_period: 400 * 86400, is_locked: false }]);
  });

  it.each([364, 0])('fails on retentionDays %d', (retentionDays) => {
    expect(() => synthScope((scope) => build(scope, { retentionDays }))).toThrow(`retentionDays must be a whole number >= 365, got ${retentionDays}`);
  });
});
