/**
 * Locking is the one bucket setting no later apply can take back, so it belongs in an apply of its own.
 * The provider locks in the create call itself: the project bucket config sends `locked` with the bucket
 * (resource_logging_bucket_config.go), and the storage bucket calls lockRetentionPolicy right after
 * creating it (resource_storage_bucket.go). Only project bucket configs have a `locked` argument.
 */
import { resourceRule } from '../../engine/rule';
import { isTrue } from '../../engine/values';

type MessageId = 'log-bucket-locked-at-creation' | 'storage-locked-at-creation' | 'lock-unknown';

const LOCK_ATTRIBUTE: Readonly<Record<string, string>> = {
  google_logging_project_bucket_config: 'locked',
  google_storage_bucket: 'retention_policy.is_locked',
};

export default resourceRule<MessageId>({
  meta: {
    id: 'deploy-locked-at-creation',
    description: 'Create log and storage buckets unlocked; lock them in a second, deliberate apply.',
    severity: 'high',
    category: 'deploy',
    controls: [],
    messages: {
      'log-bucket-locked-at-creation':
        'Log bucket is created already locked (locked = true): a wrong location, retention or encryption found in this apply can never be fixed. Create it unlocked and set locked = true in a second, deliberate apply.',
      'storage-locked-at-creation':
        'Storage bucket is created with a locked retention policy (retention_policy.is_locked = true): the policy can never be removed or shortened. Create it unlocked and lock it in a second, deliberate apply.',
      'lock-unknown': 'Bucket is created and whether it is locked ({{attribute}}) is known only after apply.',
    },
    help:
      'A locked log bucket cannot be unlocked and its retention cannot be changed; a locked Cloud Storage retention policy cannot be removed or reduced, and the bucket cannot be deleted before every object has aged out (https://cloud.google.com/logging/docs/buckets, https://cloud.google.com/storage/docs/bucket-lock). Locking in the apply that creates the bucket leaves no way back from a mistake that apply reveals. Create the bucket with `locked = false` (`retention_policy { is_locked = false }`), check it, then set the lock in a second apply, reviewed on its own. Adopting an existing bucket with an import block is not a creation and is not judged.',
  },
  types: Object.keys(LOCK_ATTRIBUTE),
  check(bucket, context) {
    if ((bucket.action !== 'create' && bucket.action !== 'replace') || bucket.importing) return;
    const attribute = LOCK_ATTRIBUTE[bucket.type];
    const locked = isTrue(bucket, attribute);
    if (locked === 'unknown') context.unknown(bucket, 'lock-unknown', { attribute }, { path: attribute });
    else if (locked === 'yes') {
      const messageId = bucket.type === 'google_storage_bucket' ? 'storage-locked-at-creation' : 'log-bucket-locked-at-creation';
      context.report(bucket, messageId, {}, { path: attribute });
    }
  },
});
