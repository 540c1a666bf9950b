/**
 * Where the baseline (cdktf) meets the checker, which knows no cdktf. Two things live here:
 * - `suppress()`: a construct author's inline suppression, written into the synthesized resource's
 *   `//` metadata where the engine reads it (so plain `baseline check` honours it too);
 * - `BaselinePolicyValidation`: makes `cdktf synth` fail on findings, by running the same check as
 *   `baseline check cdktf.out` on what was just synthesized.
 */
import { App, TerraformResource } from 'cdktf';
import type { IConstruct, IValidation } from 'constructs';
import { check as runCheck, type CheckRun } from '../policies/check';
import type { BaselineConfig } from '../policies/config/org-config';
import type { InlineSuppression } from '../policies/engine/model';
import type { Result } from '../policies/engine/results';
import type { Severity } from '../policies/engine/rule';
import { SUPPRESSION_METADATA_KEY } from '../policies/engine/load/synth';
import { isCalendarDate, MIN_REASON_LENGTH, reasonIsEnough } from '../policies/engine/suppressions';
import type { PackName } from '../policies/packs';
import { failingResults, type Gate, type UnknownMode } from '../policies/report/verdict';


const RULE_ID = /^[a-z0-9-]+$/;

/** Suppressions written so far per resource: an override replaces its value, so each call writes the whole list. */
const writtenSuppressions = new WeakMap<TerraformResource, InlineSuppression[]>();

function resourceOf(construct: IConstruct): TerraformResource {
  if (TerraformResource.isTerraformResource(construct)) return construct;
  const child = construct.node.defaultChild;
  if (child && TerraformResource.isTerraformResource(child)) return child;
  throw new Error(
    `suppress() needs a Terraform resource or a construct whose main resource has id "Resource", got ${construct.node.path}`,
  );
}

/**
 * Suppresses one rule on one resource, with a reason and an expiry after which the finding returns.
 * Synthesizes to `"//": { "baseline": { "suppressions": [{ "rule", "reason", "expires" }] } }`.
 * @param construct the resource, or a construct whose main resource (id `Resource`) is meant
 * @param rule the rule id, e.g. `iam-no-user-principals`
 * @param reason why this exception is acceptable (at least 10 characters; shown in every report)
 * @param expires YYYY-MM-DD; from that day on the suppression is itself a finding
 */
export function suppress(construct: IConstruct, rule: string, reason: string, expires: string): void {
  if (!RULE_ID.test(rule)) throw new Error(`suppress(): rule must be a rule id like "iam-no-basic-roles", got "${rule}"`);
  if (!reasonIsEnough(reason)) {
    throw new Error(`suppress(): reason must be at least ${MIN_REASON_LENGTH} characters, got ${reason.trim().length}`);
  }
  if (!isCalendarDate(expires)) throw new Error(`suppress(): expires must be a date YYYY-MM-DD, got "${expires}"`);
  const resource = resourceOf(construct);
  const suppressions = [...(writtenSuppressions.get(resource) ?? []), { rule, reason, expires }];
  writtenSuppressions.set(resource, suppressions);
  resource.addOverride(`//.${SUPPRESSION_METADATA_KEY}.suppressions`, suppressions);
}

export interface BaselinePolicyValidationProps {
  /** The org config: rule parameters and config suppressions, as `baseline check --config` uses them. @default - safe defaults, no config suppressions */
  readonly config?: BaselineConfig;
  /** Unsuppressed results at or above this severity fail synth. @default 'high' */
  readonly failOn?: Severity;
  /**
   * Synthesized JSON is full of values known only after apply, which a plan decides; so by default
   * synth fails on findings only. `fail` makes unknowns on high/critical rules fail synth too.
   * @default 'warn'
   */
  readonly unknown?: UnknownMode;
  /** @default 'all' */
  readonly pack?: PackName;
}

/** `iam-no-basic-roles (high) at iam/owner: ...`; a model-level finding belongs to no construct. */
function describe(result: Result): string {
  const unknown = result.outcome === 'unknown' ? ', unknown before apply' : '';
  const where = result.constructPath ?? (result.resourceId === result.ruleId ? undefined : result.resourceId);
  return `${result.ruleId} (${result.severity}${unknown})${where ? ` at ${where}` : ''}: ${result.message}`;
}

/**
 * An app-level validation. cdktf runs app validations after every stack's cdk.tf.json is written and
 * before manifest.json is: this writes the manifest early, then checks the output directory exactly
 * as `baseline check <outdir>` would, so synth and CLI can never disagree.
 *
 *     BaselinePolicyValidation.addTo(app, { config });
 *     app.synth(); // throws, listing every failing result, when the baseline is broken
 */
export class BaselinePolicyValidation implements IValidation {
  /** Adds the validation to the app and returns it (its `lastRun` holds the evaluation after synth). */
  static addTo(app: App, props: BaselinePolicyValidationProps = {}): BaselinePolicyValidation {
    const validation = new BaselinePolicyValidation(app, props);
    app.node.addValidation(validation);
    return validation;
  }

  /** The check of the most recent synth; undefined before synth or when the output could not be read. */
  lastRun?: CheckRun;
  private readonly gate: Gate;

  constructor(
    private readonly app: App,
    private readonly props: BaselinePolicyValidationProps = {},
  ) {
    this.gate = { failOn: props.failOn ?? 'high', unknown: props.unknown ?? 'warn' };
  }

  validate(): string[] {
    this.app.manifest.writeToFile();
    try {
      this.lastRun = runCheck(this.app.outdir, { config: this.props.config, pack: this.props.pack ?? 'all', gate: this.gate });
    } catch (e) {
      return [`baseline: cannot check ${this.app.outdir}: ${e instanceof Error ? e.message : String(e)}`];
    }
    return failingResults(this.lastRun.evaluation, this.gate).map(describe);
  }
}
