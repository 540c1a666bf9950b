/** CIS GCP 1.11 (1.10 in v4.0). Only symmetric encryption keys rotate automatically; other purposes are not judged. */
import { resourceRule } from '../../engine/rule';
import { get } from '../../engine/model';
import { parseDurationSeconds, SECONDS_PER_DAY } from '../../gcp/durations';

type MessageId = 'no-rotation' | 'rotation-too-long' | 'rotation-unknown' | 'purpose-unknown';

/** Cloud KMS rotates only symmetric encryption keys automatically; the provider's default purpose. */
const ROTATABLE_PURPOSE = 'ENCRYPT_DECRYPT';

export default resourceRule<MessageId>({
  meta: {
    id: 'kms-key-rotation',
    description: 'Rotate every symmetric Cloud KMS key automatically, at least every 90 days (maxRotationDays).',
    severity: 'medium',
    category: 'secrets',
    controls: ['CIS GCP 1.11'],
    messages: {
      'no-rotation': 'Symmetric KMS key has no rotation_period: its key material never changes.',
      'rotation-too-long': 'KMS key rotates every {{days}} days; at most {{maxDays}} allowed.',
      'rotation-unknown': 'KMS key rotation_period is known only after apply.',
      'purpose-unknown': 'KMS key purpose is known only after apply, so whether it can rotate is undecided.',
    },
    help:
      'CIS GCP 1.11 (1.10 in v4.0) asks that KMS encryption keys rotate within 90 days (`rotation_period <= "7776000s"`), which limits how much data one key version protects and how long a leaked version is useful. Set `rotation_period` on every `google_kms_crypto_key` with purpose ENCRYPT_DECRYPT; asymmetric and MAC keys cannot rotate automatically and are not judged.',
  },
  types: ['google_kms_crypto_key'],
  check(key, context) {
    if (key.action === 'delete') return;
    const purpose = get<string>(key, 'purpose');
    if (purpose.state === 'unknown') {
      context.unknown(key, 'purpose-unknown', {}, { path: 'purpose' });
      return;
    }
    if (purpose.state === 'known' && purpose.value !== ROTATABLE_PURPOSE) return;
    const maxDays = context.params.maxRotationDays;
    const period = get<string>(key, 'rotation_period');
    if (period.state === 'unknown') context.unknown(key, 'rotation-unknown', {}, { path: 'rotation_period' });
    else if (period.state === 'absent') context.report(key, 'no-rotation', {}, { path: 'rotation_period' });
    else {
      const seconds = parseDurationSeconds(String(period.value));
      if (seconds === undefined || seconds > maxDays * SECONDS_PER_DAY) {
        const days = seconds === undefined ? String(period.value) : Math.round((seconds / SECONDS_PER_DAY) * 100) / 100;
        context.report(key, 'rotation-too-long', { days, maxDays }, { path: 'rotation_period' });
      }
    }
  },
});
