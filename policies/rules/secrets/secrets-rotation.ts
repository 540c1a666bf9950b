/** Rotation is a schedule plus a notification: Secret Manager requires topics for it, so both are checked. */
import { resourceRule } from '../../engine/rule';
import { get } from '../../engine/model';
import { parseDurationSeconds, SECONDS_PER_DAY } from '../../gcp/durations';

type MessageId = 'no-rotation' | 'rotation-too-long' | 'no-topics' | 'rotation-unknown' | 'topics-unknown';

export default resourceRule<MessageId>({
  meta: {
    id: 'secrets-rotation',
    description: 'Schedule rotation for every secret, at most every maxRotationDays, with a Pub/Sub topic to announce it.',
    severity: 'medium',
    category: 'secrets',
    controls: [],
    messages: {
      'no-rotation': 'Secret has no rotation schedule (`rotation.rotation_period`).',
      'rotation-too-long': 'Secret rotates every {{days}} days; at most {{maxDays}} allowed.',
      'no-topics': 'Secret has no Pub/Sub topic: rotation notifications reach nobody.',
      'rotation-unknown': 'Secret rotation period is known only after apply.',
      'topics-unknown': 'Secret topics are known only after apply.',
    },
    help:
      'A rotation schedule makes Secret Manager publish a SECRET_ROTATE message to the secret\'s topics when the period elapses, so a rotation function (or a person) replaces the value before it is stale. Set `rotation { rotation_period = "<= maxRotationDays in seconds" next_rotation_time = ... }` and at least one `topics { name = ... }` whose topic grants roles/pubsub.publisher to the Secret Manager service agent.',
  },
  types: ['google_secret_manager_secret', 'google_secret_manager_regional_secret'],
  check(secret, context) {
    if (secret.action === 'delete') return;
    const maxDays = context.params.maxRotationDays;
    const period = get<string>(secret, 'rotation.rotation_period');
    if (period.state === 'unknown') context.unknown(secret, 'rotation-unknown', {}, { path: 'rotation.rotation_period' });
    else if (period.state === 'absent') context.report(secret, 'no-rotation', {}, { path: 'rotation' });
    else {
      const seconds = parseDurationSeconds(String(period.value));
      if (seconds === undefined || seconds > maxDays * SECONDS_PER_DAY) {
        const days = seconds === undefined ? String(period.value) : Math.round((seconds / SECONDS_PER_DAY) * 100) / 100;
        context.report(secret, 'rotation-too-long', { days, maxDays }, { path: 'rotation.rotation_period' });
      }
    }
    const topics = get<unknown[]>(secret, 'topics');
    if (topics.state === 'unknown') context.unknown(secret, 'topics-unknown', {}, { path: 'topics' });
    else if (topics.state === 'absent' || (Array.isArray(topics.value) && topics.value.length === 0)) {
      context.report(secret, 'no-topics', {}, { path: 'topics' });
    }
  },
});
