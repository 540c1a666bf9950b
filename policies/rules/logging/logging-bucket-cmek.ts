import { resourceRule } from '../../engine/rule';
import { get, type Resource } from '../../engine/model';
import { tri, type Tri } from '../../engine/values';
import { LOG_BUCKET_TYPES, sinksWritingTo } from '../../gcp/sink-destinations';

type MessageId = 'log-bucket-no-cmek' | 'storage-no-cmek' | 'cmek-unknown';

/**
 * Whether the bucket names a key: `kms_key_name` is required inside its block, so a block whose key is
 * known only after apply still names one; only a block that is itself unknown leaves it open.
 */
function keyNamed(resource: Resource, block: string, path: string): Tri {
  if (get(resource, block).state === 'unknown') return 'unknown';
  const key = get<string>(resource, path);
  if (key.state === 'known') return tri(key.value !== '');
  return tri(key.state === 'unknown');
}

export default resourceRule<MessageId>({
  meta: {
    id: 'logging-bucket-cmek',
    description: 'Encrypt every log bucket and every Cloud Storage bucket a sink writes to with a customer-managed key.',
    severity: 'medium',
    category: 'logging',
    controls: [],
    messages: {
      'log-bucket-no-cmek': 'Log bucket has no cmek_settings.kms_key_name: its logs are encrypted with a Google-managed key the organization cannot revoke or audit.',
      'storage-no-cmek': 'Storage bucket receives logs from a sink but has no encryption.default_kms_key_name.',
      'cmek-unknown': 'Whether the bucket names a KMS key ({{attribute}}) is known only after apply.',
    },
    help:
      'A customer-managed key puts access to archived logs under the organization\'s own IAM and audit trail, and lets it crypto-shred them. Set `cmek_settings { kms_key_name = ... }` on `google_logging_*_bucket_config` and `encryption { default_kms_key_name = ... }` on Cloud Storage buckets that log sinks write to, and grant the Logging / Cloud Storage service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on that key.',
  },
  types: [...LOG_BUCKET_TYPES, 'google_storage_bucket'],
  check(bucket, context) {
    if (bucket.action === 'delete') return;
    const storage = bucket.type === 'google_storage_bucket';
    if (storage && sinksWritingTo(context.model, bucket.id).length === 0) return;
    const block = storage ? 'encryption' : 'cmek_settings';
    const path = storage ? 'encryption.default_kms_key_name' : 'cmek_settings.kms_key_name';
    const named = keyNamed(bucket, block, path);
    if (named === 'unknown') context.unknown(bucket, 'cmek-unknown', { attribute: path }, { path });
    else if (named === 'no') context.report(bucket, storage ? 'storage-no-cmek' : 'log-bucket-no-cmek', {}, { path });
  },
});
