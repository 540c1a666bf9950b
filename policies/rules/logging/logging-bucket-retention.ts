import { resourceRule } from '../../engine/rule';
import { get } from '../../engine/model';
import { SECONDS_PER_DAY } from '../../gcp/durations';
import { LOG_BUCKET_TYPES, sinksWritingTo } from '../../gcp/sink-destinations';

type MessageId = 'retention-too-short' | 'default-retention' | 'no-retention-policy' | 'retention-unknown';

/** What Cloud Logging keeps when a log bucket sets no retention_days. */
const LOG_BUCKET_DEFAULT_DAYS = 30;

export default resourceRule<MessageId>({
  meta: {
    id: 'logging-bucket-retention',
    description: 'Keep logs for at least minimumRetentionDays in every log bucket and every Cloud Storage bucket a sink writes to.',
    severity: 'medium',
    category: 'logging',
    controls: [],
    messages: {
      'retention-too-short': 'Logs are kept {{days}} days; at least {{minimum}} required.',
      'default-retention': 'Log bucket sets no retention_days, so Cloud Logging keeps entries {{days}} days; at least {{minimum}} required.',
      'no-retention-policy': 'Storage bucket receives logs from a sink but has no retention_policy: objects can be deleted at any time; at least {{minimum}} days required.',
      'retention-unknown': 'Retention ({{attribute}}) is known only after apply.',
    },
    help:
      'Investigations and audits reach back months: a log that is gone cannot be read. Set `retention_days` on every `google_logging_*_bucket_config` (Cloud Logging keeps 30 days without it) and a `retention_policy { retention_period }` (in seconds) on every Cloud Storage bucket a log sink writes to, at or above `policy.minimumRetentionDays` (default 365).',
  },
  types: [...LOG_BUCKET_TYPES, 'google_storage_bucket'],
  check(bucket, context) {
    if (bucket.action === 'delete') return;
    const minimum = context.params.minimumRetentionDays;
    if (bucket.type === 'google_storage_bucket') {
      if (sinksWritingTo(context.model, bucket.id).length === 0) return;
      const policy = get(bucket, 'retention_policy');
      const period = get<number | string>(bucket, 'retention_policy.retention_period');
      if (policy.state === 'unknown' || period.state === 'unknown') {
        context.unknown(bucket, 'retention-unknown', { attribute: 'retention_policy.retention_period' }, { path: 'retention_policy' });
      } else if (period.state === 'absent') {
        context.report(bucket, 'no-retention-policy', { minimum }, { path: 'retention_policy' });
      } else {
        const days = Number(period.value) / SECONDS_PER_DAY;
        if (!(days >= minimum)) context.report(bucket, 'retention-too-short', { days: Math.floor(days * 100) / 100, minimum }, { path: 'retention_policy.retention_period' });
      }
      return;
    }
    // The _Required bucket's 400 days are fixed by Google; Terraform cannot change them.
    const bucketId = get<string>(bucket, 'bucket_id');
    if (bucketId.state === 'known' && bucketId.value === '_Required') return;
    const retention = get<number | string>(bucket, 'retention_days');
    if (retention.state === 'unknown') context.unknown(bucket, 'retention-unknown', { attribute: 'retention_days' }, { path: 'retention_days' });
    else if (retention.state === 'absent') {
      if (LOG_BUCKET_DEFAULT_DAYS < minimum) context.report(bucket, 'default-retention', { days: LOG_BUCKET_DEFAULT_DAYS, minimum }, { path: 'retention_days' });
    } else if (!(Number(retention.value) >= minimum)) {
      context.report(bucket, 'retention-too-short', { days: Number(retention.value), minimum }, { path: 'retention_days' });
    }
  },
});
