/** No value the input marks sensitive reaches any file of the review, even where a fact would show it. */
import { runReview, REVIEW_FILES } from '../../../policies/review/write';
import { plan } from '../../../policies/testing';
import { writeTemp } from './small-org';

const SECRET = 'hunter2-correct-horse-battery';

test('a sensitive value is replaced in review.md, review.html, evidence.json and the practices page', async () => {
  const doc = plan([
    { address: 'google_secret_manager_secret.db', values: { secret_id: 'db', project: 'p', replication: [{ auto: [{}] }] } },
    { address: 'google_secret_manager_secret_version.db', values: { secret: 'projects/p/secrets/db', secret_data: SECRET }, sensitive: { secret_data: true } },
    // A sensitive display name would otherwise be shown in the detection table.
    { address: 'google_logging_metric.owner', values: { name: 'owner', filter: 'protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*' } },
    {
      address: 'google_monitoring_alert_policy.owner',
      values: {
        display_name: SECRET,
        combiner: 'OR',
        notification_channels: ['projects/p/notificationChannels/1'],
        conditions: [{ display_name: 'c', condition_threshold: [{ filter: 'metric.type="logging.googleapis.com/user/owner"', comparison: 'COMPARISON_GT', threshold_value: 0, duration: '0s' }] }],
      },
      sensitive: { display_name: true },
    },
  ]);
  const run = await runReview(writeTemp('plan.json', doc), { now: new Date('2026-11-27T12:00:00Z') });
  expect(run.review.detection.find((d) => d.threat === 'cis-2.6')).toMatchObject({ status: 'covered', alert: SECRET });
  for (const file of REVIEW_FILES) expect([file, run.files[file].includes(SECRET)]).toEqual([file, false]);
  expect(run.files['review.md']).toContain('| CIS 2.6: audit configuration changes | `owner` | (sensitive) |');
});
