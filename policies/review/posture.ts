/** The baseline as a whole: which rules passed, and how often its KMS keys rotate. */
import { get, type Model } from '../engine/model';
import type { Evaluation } from '../engine/results';
import type { RuleParams } from '../engine/rule';
import { surviving } from '../engine/values';
import { parseDurationSeconds, SECONDS_PER_DAY } from '../gcp/durations';
import type { PostureFacts } from './facts';

/** The org policy constraints that keep service account keys from being made. */
const KEY_CONSTRAINTS = ['iam.disableServiceAccountKeyCreation', 'iam.disableServiceAccountKeyUpload'];

export function postureFacts(model: Model, evaluation: Evaluation, params: RuleParams): PostureFacts {
  const keys = surviving(model.byType('google_kms_crypto_key')).filter((k) => k.mode === 'managed');
  const periods = keys.map((k) => {
    const period = get<string>(k, 'rotation_period');
    return period.state === 'known' ? parseDurationSeconds(String(period.value)) : undefined;
  });
  const known = periods.filter((p): p is number => p !== undefined);
  const rules = Object.fromEntries(evaluation.rules.map((r) => [r.ruleId, r.outcome]));
  return {
    rules,
    keyCreationForbidden: rules['orgpolicy-required-constraints'] === 'pass' && KEY_CONSTRAINTS.every((c) => params.requiredConstraints.includes(c)),
    keyRotationDays: known.length === keys.length && known.length > 0 ? Math.round(Math.max(...known) / SECONDS_PER_DAY) : undefined,
    kmsKeys: keys.length,
  };
}
