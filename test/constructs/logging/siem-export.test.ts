import type { Construct } from 'constructs';
import { RotatingKey } from '../../../constructs/kms/rotating-key';
import { SiemExport } from '../../../constructs/logging/siem-export';
import { addressOf, dataAddressOf, iamResources, only, ref, synthScope } from './synth-lookup';

function build(scope: Construct, keyLocation = 'europe-west1'): SiemExport {
  const key = new RotatingKey(scope, 'Key', { project: 'example-kms-prd', location: keyLocation, keyRingName: 'r', keyName: 'k' });
  return new SiemExport(scope, 'Siem', { project: 'example-logging-prd', topicName: 'audit-to-siem', key });
}

const SIEM_READER = 'serviceAccount:siem-reader@example-logging-prd.iam.gserviceaccount.com';

describe('SiemExport', () => {
  it('makes a CMEK topic kept in the key region, after the Pub/Sub agent may use the key', () => {
    const { doc } = synthScope((scope) => build(scope));
    expect(only(doc, 'google_pubsub_topic')).toEqual({
      project: 'example-logging-prd',
      name: 'audit-to-siem',
      kms_key_name: ref(addressOf(doc, 'google_kms_crypto_key'), 'id'),
      message_storage_policy: { allowed_persistence_regions: ['europe-west1'] },
      depends_on: [addressOf(doc, 'google_kms_crypto_key_iam_member')],
    });
  });

  it('leaves message storage open for a key that is not in a single region', () => {
    const { doc } = synthScope((scope) => build(scope, 'global'));
    expect(only(doc, 'google_pubsub_topic').message_storage_policy).toBeUndefined();
  });

  it('makes a pull subscription that never expires and keeps messages 7 days', () => {
    const { doc } = synthScope((scope) => build(scope));
    expect(only(doc, 'google_pubsub_subscription')).toEqual({
      project: 'example-logging-prd',
      name: 'audit-to-siem-pull',
      topic: ref(addressOf(doc, 'google_pubsub_topic'), 'id'),
      message_retention_duration: '604800s',
      expiration_policy: { ttl: '' },
    });
  });

  it('grants the Pub/Sub agent the key and each subscriber pubsub.subscriber on the subscription only', () => {
    // GIVEN one subscriber
    const { doc } = synthScope((scope) => build(scope).grantSubscribe(SIEM_READER));
    // THEN exactly these two grants exist
    const project = dataAddressOf(doc, 'google_project');
    const subscription = addressOf(doc, 'google_pubsub_subscription');
    expect(doc.data?.google_project?.[project.split('.')[2]]).toEqual({ project_id: 'example-logging-prd' });
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_kms_crypto_key_iam_member',
        values: {
          crypto_key_id: ref(addressOf(doc, 'google_kms_crypto_key'), 'id'),
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: `serviceAccount:service-${ref(project, 'number')}@gcp-sa-pubsub.iam.gserviceaccount.com`,
        },
      },
      {
        type: 'google_pubsub_subscription_iam_member',
        values: {
          project: ref(subscription, 'project'),
          subscription: ref(subscription, 'name'),
          role: 'roles/pubsub.subscriber',
          member: SIEM_READER,
        },
      },
    ]);
  });

  it('fails on a subscriber that is a user rather than a group or service account', () => {
    expect(() => synthScope((scope) => build(scope).grantSubscribe('user:someone@example.com'))).toThrow(
      'member must be a group: or serviceAccount: principal, got "user:someone@example.com"',
    );
  });
});
