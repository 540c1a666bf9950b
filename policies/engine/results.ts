/**
 * What an evaluation produces. Every report format (text, json, sarif, junit, markdown), the
 * cdktf integration and, later, the reviewer's report and dated audit evidence read this one shape.
 */
import type { Category, Severity } from './rule';

export interface AppliedSuppression {
  readonly source: 'config' | 'inline';
  readonly rule: string;
  /** The address glob (config) or the resource address (inline). */
  readonly address: string;
  readonly reason: string;
  readonly expires?: string;
}

export interface Result {
  readonly ruleId: string;
  /** Severity after the pack's override. */
  readonly severity: Severity;
  readonly category: Category;
  readonly controls: readonly string[];
  readonly messageId: string;
  /** The rendered message; never contains a sensitive value. */
  readonly message: string;
  /** `finding`: the invariant is broken; `unknown`: it cannot be decided before apply. */
  readonly outcome: 'finding' | 'unknown';
  /** Model id of the resource (`<stack>/<address>` or address), or `<rule id>` for a missing-resource finding. */
  readonly resourceId: string;
  readonly address: string;
  readonly stack?: string;
  readonly resourceType?: string;
  readonly constructPath?: string;
  readonly sourceFile?: string;
  readonly path?: string;
  /** Facts the rule attached (`role`, `member`), shown in SARIF `properties`. */
  readonly properties?: Readonly<Record<string, string>>;
  /** Set when a suppression covers this result; suppressed results never fail a run. */
  readonly suppression?: AppliedSuppression;
}

/** Per rule: what happened, so evidence can say "checked, passed" and not only "found". */
export interface RuleOutcome {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly outcome: 'pass' | 'finding' | 'unknown' | 'not-applicable' | 'error';
  /** Resources the rule examined (resource rules) or undefined (model rules). */
  readonly examined?: number;
  readonly reason?: string;
}

export interface Evaluation {
  /** ISO timestamp of the evaluation (the `now` the rules saw). */
  readonly evaluatedAt: string;
  readonly inputKind: string;
  readonly sources: readonly string[];
  readonly pack: string;
  readonly resourceCount: number;
  readonly results: readonly Result[];
  readonly rules: readonly RuleOutcome[];
  /** Every suppression declared (config and inline), used or not, with its reason. */
  readonly suppressions: readonly (AppliedSuppression & { readonly used: number; readonly expired: boolean })[];
}
