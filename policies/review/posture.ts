/** The baseline as a whole: which rules passed, and how often its KMS keys rotate. */
import { get, type Model } from '../engine/model';
import type { Evaluation } from '../engine/results';
import { surviving } from '../engine/values';
import { parseDurationSeconds, SECONDS_PER_DAY } from '../gcp/durations';
import type { PostureFacts } from './facts';

export function postureFacts(model: Model, evaluation: Evaluation): PostureFacts {
  const keys = surviving(model.byType('google_kms_crypto_key')).filter((k) => k.mode === 'managed');
  const periods = keys.map((k) => {
    const period = get<string>(k, 'rotation_period');
    return period.state === 'known' ? parseDurationSeconds(String(period.value)) : undefined;
  });
  const known = periods.filter((p): p is number => p !== undefined);
  return {
    rules: Object.fromEntries(evaluation.rules.map((r) => [r.ruleId, r.outcome])),
    keyRotationDays: known.length === keys.length && known.length > 0 ? Math.round(Math.max(...known) / SECONDS_PER_DAY) : undefined,
    kmsKeys: keys.length,
  };
}
