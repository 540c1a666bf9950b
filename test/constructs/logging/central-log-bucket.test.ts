import type { Construct } from 'constructs';
import { RotatingKey } from '../../../constructs/kms/rotating-key';
import { CentralLogBucket, type CentralLogBucketProps } from '../../../constructs/logging/central-log-bucket';
import { addressOf, dataAddressOf, iamResources, only, ref, synthScope } from './synth-lookup';

function build(scope: Construct, props: Partial<CentralLogBucketProps> = {}): CentralLogBucket {
  const key = new RotatingKey(scope, 'Key', { project: 'example-kms-prd', location: 'europe-west1', keyRingName: 'r', keyName: 'k' });
  return new CentralLogBucket(scope, 'Central', {
    project: 'example-logging-prd',
    bucketId: 'central-audit',
    location: 'europe-west1',
    key,
    ...props,
  });
}

describe('CentralLogBucket', () => {
  it('is a locked, CMEK-encrypted Log Analytics bucket with a linked dataset when locked is asked for', () => {
    // GIVEN / WHEN (the second apply, after the first was verified)
    const { doc } = synthScope((scope) => build(scope, { retentionDays: 400, linkedDatasetId: 'central_audit_logs', locked: true }));
    // THEN the bucket is exactly this (CIS 2.4: locked with retention), created only after the key grant
    const key = addressOf(doc, 'google_kms_crypto_key');
    const grant = addressOf(doc, 'google_kms_crypto_key_iam_member');
    const bucket = addressOf(doc, 'google_logging_project_bucket_config');
    expect(only(doc, 'google_logging_project_bucket_config')).toEqual({
      project: 'example-logging-prd',
      location: 'europe-west1',
      bucket_id: 'central-audit',
      description: 'Central audit log bucket for the organization (baseline).',
      retention_days: 400,
      locked: true,
      enable_analytics: true,
      cmek_settings: { kms_key_name: ref(key, 'id') },
      depends_on: [grant],
    });
    // AND the bucket is adopted, not created: the lock is never set in the apply that creates it
    expect(doc.import).toEqual([{ to: bucket, id: 'projects/example-logging-prd/locations/europe-west1/buckets/central-audit' }]);
    // AND the linked dataset hangs off that bucket
    expect(only(doc, 'google_logging_linked_dataset')).toEqual({
      bucket: ref(bucket, 'id'),
      link_id: 'central_audit_logs',
      description: 'Log Analytics over the central audit log bucket.',
    });
  });

  it("grants the logging project's Logging CMEK identity use of the key, and nothing else", () => {
    const { doc } = synthScope((scope) => build(scope));
    const settings = dataAddressOf(doc, 'google_logging_project_cmek_settings');
    expect(doc.data?.google_logging_project_cmek_settings?.[settings.split('.')[2]]).toEqual({ project: 'example-logging-prd' });
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_kms_crypto_key_iam_member',
        values: {
          crypto_key_id: ref(addressOf(doc, 'google_kms_crypto_key'), 'id'),
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: `serviceAccount:${ref(settings, 'service_account_id')}`,
        },
      },
    ]);
  });

  it('defaults to 400 days, unlocked (locking is a deliberate second apply), analytics on, and no linked dataset', () => {
    const { doc } = synthScope((scope) => build(scope));
    const bucket = only(doc, 'google_logging_project_bucket_config');
    expect([bucket.retention_days, bucket.locked, bucket.enable_analytics]).toEqual([400, false, true]);
    expect(doc.resource?.google_logging_linked_dataset).toBeUndefined();
    expect(doc.import).toBeUndefined();
  });

  it('exposes the bucket whose id the log metrics take', () => {
    let central: CentralLogBucket | undefined;
    const { doc } = synthScope((scope) => {
      central = build(scope);
    });
    expect(addressOf(doc, 'google_logging_project_bucket_config')).toBe(`google_logging_project_bucket_config.${central!.bucket.friendlyUniqueId}`);
  });

  it.each([364, 30, 3651])('fails on retentionDays %d', (retentionDays) => {
    expect(() => synthScope((scope) => build(scope, { retentionDays }))).toThrow(
      `retentionDays must be a whole number from 365 to 3650, got ${retentionDays}`,
    );
  });

  it('fails on a linked dataset without analytics', () => {
    expect(() => synthScope((scope) => build(scope, { analytics: false, linkedDatasetId: 'x' }))).toThrow(
      'linkedDatasetId needs analytics, got linkedDatasetId "x" with analytics false',
    );
  });
});
