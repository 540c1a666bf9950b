/**
 * `@gcp-security-baseline/checker`: the library API. `check()` is what the CLI runs; the model, the rule
 * API and the packs are here for teams that embed the checker or write rules of their own
 * (`@gcp-security-baseline/checker/testing` holds the RuleTester).
 */
export { check, type CheckOptions, type CheckRun } from './check';
export { DEFAULT_POLICY, paramsOf, policyFromFile, policyFromOrgConfig, type CheckPolicy, type PolicyParams } from './config/adapter';
export { ConfigError } from './config/errors';
export { loadConfig, loadPolicy, parseConfig } from './config/load';
export type { BaselineConfig } from './config/org-config';
export { InputError } from './engine/errors';
export { evaluate, type EvaluateOptions } from './engine/evaluate';
export type { DeclaredHierarchy } from './engine/hierarchy';
export { loadModel, type LoadOptions, type ModelInput } from './engine/load';
export { get, type Grant, type HierarchyNode, type InputKind, type Model, type Resource, type Value } from './engine/model';
export type { Evaluation, Result, RuleOutcome } from './engine/results';
export {
  modelRule,
  modelRule as defineModelRule,
  resourceRule,
  resourceRule as defineRule,
  SEVERITIES,
  type Rule,
  type RuleContext,
  type RuleMeta,
  type RuleParams,
  type Severity,
} from './engine/rule';
export type { SuppressionSpec } from './engine/suppressions';
export { PACKS, type Pack, type PackName } from './packs';
export { render, REPORT_FORMATS, type ReportFormat } from './report';
export { DEFAULT_GATE, exitCodeOf, type Gate } from './report/verdict';
export { RULES } from './rules';
export { buildReview, type ReviewInput } from './review/build';
export type { Evidence, EvidenceControl, EvidenceRule } from './review/evidence';
export type { Review, ReviewDiff } from './review/facts';
export { REVIEW_FILES, runReview, writeReview, type ReviewOptions, type ReviewRun } from './review/write';
export { version } from './version';
