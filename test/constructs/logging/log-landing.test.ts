import type { Construct } from 'constructs';
import { RotatingKey } from '../../../constructs/kms/rotating-key';
import { LogApiWriter, StreamLandingBucket } from '../../../constructs/logging/log-landing';
import { addressOf, dataAddressOf, iamResources, only, ref, synthScope } from './synth-lookup';

function landing(scope: Construct): StreamLandingBucket {
  const key = new RotatingKey(scope, 'Key', { project: 'example-kms-prd', location: 'europe', keyRingName: 'r', keyName: 'k' });
  return new StreamLandingBucket(scope, 'Landing', {
    project: 'example-logging-prd',
    bucketName: 'example-github-audit',
    location: 'EU',
    key,
    retentionDays: 400,
    writerAccountId: 'github-audit-writer',
    writerFor: 'GitHub audit log stream "github-audit"',
  });
}

describe('StreamLandingBucket', () => {
  it('lands the stream in a uniform, never public, CMEK-encrypted bucket that keeps each file 400 days', () => {
    const { doc } = synthScope(landing);
    expect(only(doc, 'google_storage_bucket')).toMatchObject({
      project: 'example-logging-prd',
      name: 'example-github-audit',
      location: 'EU',
      storage_class: 'STANDARD',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      retention_policy: { retention_period: 400 * 86400, is_locked: false },
      encryption: { default_kms_key_name: ref(addressOf(doc, 'google_kms_crypto_key'), 'id') },
    });
  });

  it('grants its writer object creation on that one bucket, the storage agent the key, and nothing else; no key is made', () => {
    const { doc } = synthScope(landing);
    const writer = addressOf(doc, 'google_service_account');
    expect(only(doc, 'google_service_account')).toMatchObject({ project: 'example-logging-prd', account_id: 'github-audit-writer' });
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_kms_crypto_key_iam_member',
        values: {
          crypto_key_id: ref(addressOf(doc, 'google_kms_crypto_key'), 'id'),
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: ref(dataAddressOf(doc, 'google_storage_project_service_account'), 'member'),
        },
      },
      {
        type: 'google_storage_bucket_iam_member',
        values: { bucket: ref(addressOf(doc, 'google_storage_bucket'), 'name'), role: 'roles/storage.objectCreator', member: ref(writer, 'member') },
      },
    ]);
    // A key in Terraform state is a secret: GitHub's key is made by hand (README, "Log sources")
    expect(doc.resource?.google_service_account_key).toBeUndefined();
  });
});

describe('LogApiWriter', () => {
  it('grants roles/logging.logWriter on the one project, to a service account or a workload identity', () => {
    const member = 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/attribute.repository/example/app';
    const { doc } = synthScope((scope) => new LogApiWriter(scope, 'Writer', { project: 'example-app-prd', member }));
    expect(iamResources(doc)).toEqual([{ type: 'google_project_iam_member', values: { project: 'example-app-prd', role: 'roles/logging.logWriter', member } }]);
  });

  it('refuses a person or a group as a writer', () => {
    expect(() => synthScope((scope) => new LogApiWriter(scope, 'Writer', { project: 'p', member: 'user:someone@example.com' }))).toThrow(
      'member must be a service account or a workload identity principal, got "user:"',
    );
  });
});
