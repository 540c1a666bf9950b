/**
 * check(): the one API. Load any input (cdktf.out, cdk.tf.json, a plan, a folder of plans), evaluate a
 * pack of rules under a policy (org config or policy file), decide the exit code. The CLI, the cdktf synth
 * gate and `npm start` all call this, so all three give the same results for the same input.
 */
import { paramsOf, DEFAULT_POLICY, policyFromOrgConfig, type CheckPolicy } from './config/adapter';
import type * as ConfigLoader from './config/load';
import type { BaselineConfig } from './config/org-config';
import { evaluate } from './engine/evaluate';
import { InputError } from './engine/errors';
import { loadModel, loadProjectIds, type ModelInput } from './engine/load';
import { declaredAccessOf } from './gcp/access-drift';
import type { Evaluation } from './engine/results';
import type { Model } from './engine/model';
import type { DeclaredAccess, Rule, RuleParams } from './engine/rule';
import { PACKS, type PackName } from './packs';
import { DEFAULT_GATE, exitCodeOf, type Gate } from './report/verdict';
import type { ProgressStep } from './report/progress';
import { RULES } from './rules';

export interface CheckOptions {
  /** Parameters, declared hierarchy and suppressions. @default - from config or configFile, else safe defaults */
  readonly policy?: CheckPolicy;
  /** An org config already loaded and validated. @default - none */
  readonly config?: BaselineConfig;
  /** An org config or policy file (YAML or JSON) to read. @default - none */
  readonly configFile?: string;
  /** The pack to run. @default 'all' for a cdktf.out directory, 'audit' for an asset export, else 'guardrails' */
  readonly pack?: PackName;
  /** What fails the run. @default fail-on high, unknown fail */
  readonly gate?: Gate;
  /** The evaluation time rules compare expiries against. @default now */
  readonly now?: Date;
  /** Told when loading starts and after each rule, for a progress line on long runs. @default - none */
  readonly progress?: (step: ProgressStep) => void;
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

/**
 * The config reader and its schemas, loaded only when a file is read: building the schemas costs about a
 * fifth of a second, which a check without a config (most CI runs on a plan) need not pay.
 */
const configLoader = () => require('./config/load') as typeof ConfigLoader;

function policyOf(options: CheckOptions): CheckPolicy {
  if (options.policy) return options.policy;
  if (options.config) return policyFromOrgConfig(options.config);
  return options.configFile ? configLoader().loadPolicy(options.configFile) : DEFAULT_POLICY;
}

/**
 * Load, evaluate, decide: everything `baseline check` does except printing.
 * Throws InputError (bad input) or ConfigError (bad config).
 */
export function check(input: ModelInput, options: CheckOptions = {}): CheckRun {
  const policy = policyOf(options);
  options.progress?.({ phase: 'loading', input: nameOf(input) });
  const model = loadModel(input, { declared: policy.declared });
  // A cdktf.out is a whole organization; a plan or one cdk.tf.json is usually one team's change; an
  // asset export is the live organization's IAM.
  const pack = options.pack ?? (model.kind === 'cdktf-out' ? 'all' : model.kind === 'asset-export' ? 'audit' : 'guardrails');
  return evaluateRun(model, policy, pack, options);
}

/** Evaluate a pack over a loaded model and decide the exit code: the part check() and audit() share. */
function evaluateRun(model: Model, policy: CheckPolicy, pack: PackName, options: CheckOptions, extra: Partial<RuleParams> = {}): CheckRun {
  const params: RuleParams = { ...paramsOf(policy, options.now), ...extra };
  const { progress } = options;
  const evaluating = (rulesDone: number, rules: number) => progress?.({ phase: 'evaluating', resources: model.resources.length, rulesDone, rules });
  evaluating(0, PACKS[pack].rules.length);
  const evaluation = evaluate(model, { rules: RULES, pack: PACKS[pack], params, suppressions: policy.suppressions, onRule: progress && evaluating });
  const gate = options.gate ?? DEFAULT_GATE;
  return { model, params, policy, evaluation, rules: RULES, gate, exitCode: exitCodeOf(evaluation, gate) };
}

export interface AuditOptions extends CheckOptions {
  /** What the code declares (cdktf.out, cdk.tf.json or a plan), to report drift against. @default - no drift rules run */
  readonly declared?: ModelInput;
  /** `gcloud projects list --format=json` or a resource export, mapping project numbers to ids. @default - config numbers and the export's own */
  readonly projects?: string;
}

const EXPORT_HINT = 'gcloud asset export --content-type=iam-policy, or gcloud asset search-all-iam-policies --format=json';

function nameOf(input: ModelInput): string {
  return typeof input === 'string' ? input : input.name;
}

/**
 * `baseline audit`: the rules on the live organization (a Cloud Asset Inventory export), and with
 * `declared`, the drift between it and the code. Throws InputError (bad input) or ConfigError (bad config).
 */
export function audit(input: ModelInput, options: AuditOptions = {}): CheckRun {
  const policy = policyOf(options);
  const projectIds = options.projects === undefined ? undefined : loadProjectIds(options.projects);
  options.progress?.({ phase: 'loading', input: nameOf(input) });
  const model = loadModel(input, { declared: policy.declared, projectIds });
  if (model.kind !== 'asset-export') throw new InputError(`${nameOf(input)}: not a Cloud Asset Inventory export (${EXPORT_HINT})`);
  let declaredAccess: DeclaredAccess[] | undefined;
  if (options.declared !== undefined) {
    const declared = loadModel(options.declared, { declared: policy.declared });
    if (declared.kind === 'asset-export') throw new InputError(`${nameOf(options.declared)}: --declared takes what the code declares (cdktf.out, cdk.tf.json or a plan), not an asset export`);
    declaredAccess = declaredAccessOf(declared);
  }
  return evaluateRun(model, policy, options.pack ?? 'audit', options, { declaredAccess });
}
