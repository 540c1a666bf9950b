import { RotatingKey } from '../../../constructs/kms/rotating-key';
import { OrgLoggingSettings } from '../../../constructs/logging/org-logging-settings';
import { addressOf, dataAddressOf, iamResources, only, ref, synthScope } from './synth-lookup';

describe('OrgLoggingSettings', () => {
  it("sets the org's default log storage location and CMEK key, after the org's Logging KMS account may use the key", () => {
    // GIVEN / WHEN
    const { doc } = synthScope((scope) => {
      const key = new RotatingKey(scope, 'Key', { project: 'example-kms-prd', location: 'europe-west1', keyRingName: 'r', keyName: 'k' });
      new OrgLoggingSettings(scope, 'Settings', { orgId: '123456789012', storageLocation: 'europe-west1', key });
    });
    // THEN the settings point at the key and wait for the grant
    const key = addressOf(doc, 'google_kms_crypto_key');
    expect(only(doc, 'google_logging_organization_settings')).toEqual({
      organization: '123456789012',
      storage_location: 'europe-west1',
      kms_key_name: ref(key, 'id'),
      depends_on: [addressOf(doc, 'google_kms_crypto_key_iam_member')],
    });
    // AND the only grant is the key to the org's Logging KMS service account, read from the current settings
    const current = dataAddressOf(doc, 'google_logging_organization_settings');
    expect(doc.data?.google_logging_organization_settings?.[current.split('.')[2]]).toEqual({ organization: '123456789012' });
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_kms_crypto_key_iam_member',
        values: {
          crypto_key_id: ref(key, 'id'),
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: `serviceAccount:${ref(current, 'kms_service_account_id')}`,
        },
      },
    ]);
  });
});
