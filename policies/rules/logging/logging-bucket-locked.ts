import { resourceRule } from '../../engine/rule';
import { get } from '../../engine/model';
import { isTrue } from '../../engine/values';
import { sinksWritingTo } from '../../gcp/sink-destinations';

type MessageId = 'log-bucket-not-locked' | 'storage-not-locked' | 'no-retention-policy' | 'lock-unknown';

export default resourceRule<MessageId>({
  meta: {
    id: 'logging-bucket-locked',
    description: 'Lock every log bucket and the retention policy of every Cloud Storage bucket a sink writes to.',
    severity: 'high',
    category: 'logging',
    controls: ['CIS GCP 2.4'],
    messages: {
      'log-bucket-not-locked': 'Log bucket is not locked (locked = true): anyone with bucket admin rights can shorten its retention and delete logs.',
      'storage-not-locked': 'Storage bucket receives logs from a sink but its retention policy is not locked (retention_policy.is_locked = true).',
      'no-retention-policy': 'Storage bucket receives logs from a sink but has no retention_policy to lock.',
      'lock-unknown': 'Whether the bucket is locked ({{attribute}}) is known only after apply.',
    },
    help:
      'CIS GCP 2.4 (2.3 in v4.0) asks that exported logs cannot be deleted or shortened before their retention ends, even by an administrator. Set `locked = true` on `google_logging_project_bucket_config` and `retention_policy { retention_period = ..., is_locked = true }` on Cloud Storage buckets that log sinks write to. Locking is irreversible: set the retention period first.',
  },
  // Only project log bucket configs have a `locked` argument (provider 16.x); org, folder and billing ones cannot be locked from Terraform.
  types: ['google_logging_project_bucket_config', 'google_storage_bucket'],
  check(bucket, context) {
    if (bucket.action === 'delete') return;
    if (bucket.type === 'google_logging_project_bucket_config') {
      const locked = isTrue(bucket, 'locked');
      if (locked === 'unknown') context.unknown(bucket, 'lock-unknown', { attribute: 'locked' }, { path: 'locked' });
      else if (locked === 'no') context.report(bucket, 'log-bucket-not-locked', {}, { path: 'locked' });
      return;
    }
    if (sinksWritingTo(context.model, bucket.id).length === 0) return;
    const policy = get(bucket, 'retention_policy');
    const locked = isTrue(bucket, 'retention_policy.is_locked');
    if (policy.state === 'unknown' || locked === 'unknown') {
      context.unknown(bucket, 'lock-unknown', { attribute: 'retention_policy.is_locked' }, { path: 'retention_policy' });
    } else if (policy.state === 'absent' || (Array.isArray(policy.value) && policy.value.length === 0)) {
      context.report(bucket, 'no-retention-policy', {}, { path: 'retention_policy' });
    } else if (locked === 'no') {
      context.report(bucket, 'storage-not-locked', {}, { path: 'retention_policy.is_locked' });
    }
  },
});
