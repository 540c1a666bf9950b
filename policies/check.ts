/**
 * check(): the one API. Load any input (cdktf.out, cdk.tf.json, a plan, a folder of plans), evaluate a
 * pack of rules under a policy (org config or policy file), decide the exit code. The CLI, the cdktf synth
 * gate and `npm start` all call this, so all three give the same results for the same input.
 */
import { paramsOf, DEFAULT_POLICY, policyFromOrgConfig, type CheckPolicy } from './config/adapter';
import { loadPolicy } from './config/load';
import type { BaselineConfig } from './config/org-config';
import { evaluate } from './engine/evaluate';
import { loadModel, type ModelInput } from './engine/load';
import type { Model } from './engine/model';
import type { Evaluation } from './engine/results';
import type { Rule, RuleParams } from './engine/rule';
import { PACKS, type PackName } from './packs';
import { DEFAULT_GATE, exitCodeOf, type Gate } from './report/verdict';
import { RULES } from './rules';

export interface CheckOptions {
  /** Parameters, declared hierarchy and suppressions. @default - from config or configFile, else safe defaults */
  readonly policy?: CheckPolicy;
  /** An org config already loaded and validated. @default - none */
  readonly config?: BaselineConfig;
  /** An org config or policy file (YAML or JSON) to read. @default - none */
  readonly configFile?: string;
  /** The pack to run. @default 'all' for a cdktf.out directory, else 'guardrails' */
  readonly pack?: PackName;
  /** What fails the run. @default fail-on high, unknown fail */
  readonly gate?: Gate;
  /** The evaluation time rules compare expiries against. @default now */
  readonly now?: Date;
}

export interface CheckRun {
  /** The model the rules saw; the reviewer's report and the evidence read the same one. */
  readonly model: Model;
  /** The rule parameters the rules saw (allowed domains, retention and rotation bars, ...). */
  readonly params: RuleParams;
  /** The policy the run used (parameters, declared hierarchy, suppressions). */
  readonly policy: CheckPolicy;
  readonly evaluation: Evaluation;
  /** The rule catalogue, for reports that describe rules (SARIF). */
  readonly rules: readonly Rule[];
  readonly gate: Gate;
  readonly exitCode: 0 | 1;
}

function policyOf(options: CheckOptions): CheckPolicy {
  if (options.policy) return options.policy;
  if (options.config) return policyFromOrgConfig(options.config);
  return options.configFile ? loadPolicy(options.configFile) : DEFAULT_POLICY;
}

/**
 * Load, evaluate, decide: everything `baseline check` does except printing.
 * Throws InputError (bad input) or ConfigError (bad config).
 */
export function check(input: ModelInput, options: CheckOptions = {}): CheckRun {
  const policy = policyOf(options);
  const model = loadModel(input, { declared: policy.declared });
  // A cdktf.out is a whole organization; a plan or one cdk.tf.json is usually one team's change.
  const pack = options.pack ?? (model.kind === 'cdktf-out' ? 'all' : 'guardrails');
  const params = paramsOf(policy, options.now);
  const evaluation = evaluate(model, { rules: RULES, pack: PACKS[pack], params, suppressions: policy.suppressions });
  const gate = options.gate ?? DEFAULT_GATE;
  return { model, params, policy, evaluation, rules: RULES, gate, exitCode: exitCodeOf(evaluation, gate) };
}
