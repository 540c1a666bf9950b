/**
 * evaluate: runs the pack's rules over a model. Resource rules get only resources of their types
 * (from the type index), model rules run once; every rule ends with an explicit outcome, exceptions
 * become `rule-error` findings, suppressions are applied and accounted for.
 */
import type { Model, Resource } from './model';
import { modelSensitiveValues, renderMessage, sensitiveValuesOf } from './redact';
import type { Evaluation, Result, RuleOutcome } from './results';
import type { Category, Pack, ReportData, ReportOptions, Rule, RuleContext, RuleParams, Severity } from './rule';
import { collectSuppressions, type SuppressionSpec, type TrackedSuppression } from './suppressions';

export interface EvaluateOptions {
  readonly rules: readonly Rule[];
  readonly pack: Pack;
  readonly params: RuleParams;
  /** Suppressions declared outside the input (org config or policy file). @default - none (inline ones still apply) */
  readonly suppressions?: readonly SuppressionSpec[];
  /** Called after each rule of the pack has run, for progress on long runs. @default - none */
  readonly onRule?: (done: number, total: number) => void;
}

/** Message ids and rule ids the engine itself reports under. */
export const RULE_ERROR = 'rule-error';
export const SUPPRESSION_EXPIRED = 'suppression-expired';
export const SUPPRESSION_INVALID = 'suppression-invalid';
/** A part of the input that was not read (Model.unread): unknown, so a gate that fails on unknowns fails. */
export const INPUT_NOT_READ = 'input-not-read';
/** Where a config suppression that matched nothing is reported. */
export const SUPPRESSIONS_ADDRESS = 'suppressions';

type Draft = Omit<Result, 'suppression'>;

/** What happened while one rule ran. */
interface RuleRun {
  readonly results: Draft[];
  notApplicable?: string;
  errored: boolean;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // First line only: stack traces and dumped values stay out of reports.
  const line = text.split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function locate(resource: Resource): Pick<Result, 'resourceId' | 'address' | 'stack' | 'resourceType' | 'constructPath' | 'sourceFile'> {
  return {
    resourceId: resource.id,
    address: resource.address,
    stack: resource.stack,
    resourceType: resource.type,
    constructPath: resource.constructPath,
    sourceFile: resource.sourceFile,
  };
}

class RuleRunner {
  private modelSecrets?: Set<string>;
  private managed?: readonly Resource[];
  private readonly resourceSecrets = new WeakMap<Resource, Set<string>>();

  constructor(private readonly model: Model, private readonly params: RuleParams) {}

  private secretsOf(resource: Resource | undefined): Set<string> {
    if (!resource) return (this.modelSecrets ??= modelSensitiveValues(this.model));
    let secrets = this.resourceSecrets.get(resource);
    if (!secrets) {
      secrets = sensitiveValuesOf(resource);
      this.resourceSecrets.set(resource, secrets);
    }
    return secrets;
  }

  /** `packSeverity`: the pack's override, which wins over a rule's per-finding severity. */
  run(rule: Rule, severity: Severity, packSeverity?: Severity): { run: RuleRun; examined?: number } {
    const run: RuleRun = { results: [], errored: false };
    const base = { ruleId: rule.meta.id, severity, category: rule.meta.category, controls: rule.meta.controls };
    const make = (outcome: Result['outcome'], resource: Resource | undefined, messageId: string, data?: ReportData, options?: ReportOptions): void => {
      const template = (rule.meta.messages as Record<string, string>)[messageId];
      if (template === undefined) throw new Error(`reported unknown message id "${messageId}"`);
      const where = resource ? locate(resource) : { resourceId: rule.meta.id, address: rule.meta.id };
      // One object shape for every result (no conditional spreads): a rule may report on every grant of a large org.
      run.results.push({
        ruleId: base.ruleId,
        severity: packSeverity === undefined && options?.severity !== undefined ? options.severity : base.severity,
        category: base.category,
        controls: base.controls,
        resourceId: where.resourceId,
        address: where.address,
        stack: where.stack,
        resourceType: where.resourceType,
        constructPath: where.constructPath,
        sourceFile: where.sourceFile,
        messageId,
        outcome,
        message: renderMessage(template, data, this.secretsOf(resource)),
        path: options?.path,
        properties: options?.properties,
      });
    };
    const context: RuleContext = {
      model: this.model,
      params: this.params,
      report: (resource, messageId, data, options) => make('finding', resource, messageId, data, options),
      unknown: (resource, messageId, data, options) => make('unknown', resource, messageId, data, options),
      reportMissing: (messageId, data, options) => make('finding', undefined, messageId, data, options),
      notApplicable: (reason) => {
        run.notApplicable = reason;
      },
    };
    const fail = (resource: Resource | undefined, error: unknown): void => {
      run.errored = true;
      const where = resource ? locate(resource) : { resourceId: rule.meta.id, address: rule.meta.id };
      // Critical whatever the rule's severity: a rule that could not judge the input must fail any gate, never pass it.
      run.results.push({ ...base, ...where, severity: 'critical', messageId: 'rule-error', outcome: 'finding', message: `Rule ${rule.meta.id} failed: ${errorText(error)}` });
    };
    if (rule.scope === 'model') {
      try {
        rule.check(context);
      } catch (error) {
        fail(undefined, error);
      }
      return { run };
    }
    const resources = this.resourcesFor(rule.types);
    for (const resource of resources) {
      try {
        rule.check(resource, context);
      } catch (error) {
        fail(resource, error);
      }
    }
    return { run, examined: resources.length };
  }

  private resourcesFor(types: readonly string[]): readonly Resource[] {
    // Computed once per evaluation however many `*` rules there are.
    if (types.includes('*')) return (this.managed ??= this.model.resources.filter((r) => r.mode === 'managed'));
    if (types.length === 1) return this.model.byType(types[0]);
    return types.flatMap((t) => this.model.byType(t));
  }
}

function outcomeOf(rule: Rule, severity: Severity, run: RuleRun, open: Result[], suppressed: number, examined?: number): RuleOutcome {
  const base = { ruleId: rule.meta.id, severity, examined };
  if (run.errored) return { ...base, outcome: 'error', reason: 'the rule failed; see its rule-error results' };
  if (open.some((r) => r.outcome === 'finding')) return { ...base, outcome: 'finding' };
  if (open.some((r) => r.outcome === 'unknown')) return { ...base, outcome: 'unknown' };
  if (suppressed > 0) return { ...base, outcome: 'pass', reason: `${suppressed} result(s) suppressed` };
  if (run.notApplicable !== undefined) return { ...base, outcome: 'not-applicable', reason: run.notApplicable };
  if (examined === 0) return { ...base, outcome: 'not-applicable', reason: 'no resources of the types this rule checks' };
  return { ...base, outcome: 'pass' };
}

/** Attaches the first valid, unexpired suppression that matches; counts its use. */
function applySuppressions(results: Draft[], suppressions: TrackedSuppression[]): Result[] {
  return results.map((result) => {
    if (result.messageId === RULE_ERROR) return result;
    const s = suppressions.find((c) => !c.expired && c.invalid === undefined && c.matches(result.ruleId, result.resourceId, result.address));
    if (!s) return result;
    s.used++;
    return { ...result, suppression: s.applied };
  });
}

/** Findings about the suppressions themselves: expired ones (where they would have applied) and invalid inline ones. */
function suppressionFindings(model: Model, suppressions: TrackedSuppression[], ruleResults: Draft[], categories: Map<string, Category>): Result[] {
  const out: Result[] = [];
  for (const s of suppressions) {
    const category = categories.get(s.applied.rule) ?? 'change';
    const base = { severity: 'high' as const, category, controls: [], outcome: 'finding' as const };
    const what = `${s.applied.source} suppression of ${s.applied.rule || '(no rule)'}`;
    if (s.invalid !== undefined && s.resourceId !== undefined) {
      const resource = model.byId(s.resourceId)!;
      out.push({ ...base, ruleId: SUPPRESSION_INVALID, messageId: SUPPRESSION_INVALID, ...locate(resource), message: `The ${what} on ${resource.address} is not applied: ${s.invalid}.` });
      continue;
    }
    if (!s.expired) continue;
    const message = `The ${what} for "${s.applied.address}" expired on ${s.applied.expires} and no longer applies.`;
    const matched = new Map<string, Draft>();
    for (const r of ruleResults) if (s.matches(r.ruleId, r.resourceId, r.address) && !matched.has(r.resourceId)) matched.set(r.resourceId, r);
    if (s.resourceId !== undefined && matched.size === 0) {
      out.push({ ...base, ruleId: SUPPRESSION_EXPIRED, messageId: SUPPRESSION_EXPIRED, ...locate(model.byId(s.resourceId)!), message });
    } else if (matched.size === 0) {
      out.push({ ...base, ruleId: SUPPRESSION_EXPIRED, messageId: SUPPRESSION_EXPIRED, resourceId: SUPPRESSIONS_ADDRESS, address: SUPPRESSIONS_ADDRESS, message });
    }
    for (const r of matched.values()) {
      const { resourceId, address, stack, resourceType, constructPath, sourceFile } = r;
      out.push({ ...base, ruleId: SUPPRESSION_EXPIRED, messageId: SUPPRESSION_EXPIRED, resourceId, address, stack, resourceType, constructPath, sourceFile, message });
    }
  }
  return out;
}

export function evaluate(model: Model, options: EvaluateOptions): Evaluation {
  const { pack, params } = options;
  const rulesById = new Map(options.rules.map((r) => [r.meta.id, r]));
  const categories = new Map(options.rules.map((r) => [r.meta.id, r.meta.category]));
  const suppressions = collectSuppressions(model, options.suppressions ?? [], params.now);
  const runner = new RuleRunner(model, params);
  const results: Result[] = [];
  const allDrafts: Draft[] = [];
  const outcomes: RuleOutcome[] = [];
  for (const entry of pack.rules) {
    const rule = rulesById.get(entry.rule);
    if (!rule) {
      outcomes.push({ ruleId: entry.rule, severity: entry.severity ?? 'high', outcome: 'error', reason: `pack ${pack.name} names rule ${entry.rule}, which is not loaded` });
      options.onRule?.(outcomes.length, pack.rules.length);
      continue;
    }
    const severity = entry.severity ?? rule.meta.severity;
    const { run, examined } = runner.run(rule, severity, entry.severity);
    const applied = applySuppressions(run.results, suppressions);
    const open = applied.filter((r) => r.suppression === undefined);
    outcomes.push(outcomeOf(rule, severity, run, open, applied.length - open.length, examined));
    // Loops, not push(...spread): a rule may report on every one of 200k resources.
    for (const r of run.results) allDrafts.push(r);
    for (const r of applied) results.push(r);
    options.onRule?.(outcomes.length, pack.rules.length);
  }
  for (const r of suppressionFindings(model, suppressions, allDrafts, categories)) results.push(r);
  const unread: Draft[] = model.unread.map((u) => ({
    ruleId: INPUT_NOT_READ,
    severity: 'high',
    category: 'change',
    controls: [],
    messageId: INPUT_NOT_READ,
    message: `${u.address} ${u.what}.`,
    outcome: 'unknown',
    resourceId: u.stack === undefined ? u.address : `${u.stack}/${u.address}`,
    address: u.address,
    stack: u.stack,
    sourceFile: u.sourceFile,
  }));
  for (const r of applySuppressions(unread, suppressions)) results.push(r);
  return {
    evaluatedAt: params.now.toISOString(),
    inputKind: model.kind,
    sources: model.sources,
    pack: pack.name,
    resourceCount: model.resources.length,
    results,
    rules: outcomes,
    suppressions: suppressions.map((s) => ({ ...s.applied, used: s.used, expired: s.expired })),
  };
}
