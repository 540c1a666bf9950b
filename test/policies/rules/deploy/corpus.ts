/** The deploy rules on the 104 real terraform-validator plans: every finding and unknown, per plan. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../../../policies/engine/load';
import { evaluate } from '../../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../../policies/config/adapter';
import type { Rule } from '../../../../policies/engine/rule';
import { RULE_TEST_NOW } from '../../../../policies/testing/rule-tester';
import { planFiles, TERRAFORM_VALIDATOR } from '../../engine/corpus';
import { fixture } from '../../../support/fixtures';

/** Plan file -> `<outcome> <address> <message id>` of every finding and unknown the rule gives there (plans with none left out). */
export function corpusReports(rule: Rule): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of planFiles()) {
    const evaluation = evaluate(loadModel(join(TERRAFORM_VALIDATOR, file)), {
      rules: [rule],
      pack: { name: 'all', description: rule.meta.id, rules: [{ rule: rule.meta.id }] },
      params: paramsFromConfig(undefined, RULE_TEST_NOW),
    });
    const reports = evaluation.results.filter((r) => r.outcome === 'finding' || r.outcome === 'unknown').map((r) => `${r.outcome} ${r.address} ${r.messageId}`);
    if (reports.length > 0) out[file] = reports;
  }
  return out;
}

/** A synthesized document vendored from the baseline before its fix (test/fixtures/baseline-prefix/). */
export function baselinePrefix(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fixture('baseline-prefix', `${name}.cdk.tf.json`), 'utf8')) as Record<string, unknown>;
}

export { planFiles };
