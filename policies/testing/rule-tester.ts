/**
 * The RuleTester every rule test uses (after typescript-eslint's): a table of valid and invalid cases,
 * each input a synthesized cdk.tf.json (`synth()`) or a `terraform show -json` plan (`plan()`), run
 * through the real loader and evaluator. Invalid cases assert message ids and addresses, never prose.
 */
import { evaluate } from '../engine/evaluate';
import { loadModel } from '../engine/load';
import { parseAddress } from '../engine/load/address';
import type { Action, Model } from '../engine/model';
import { paramsFromConfig } from '../config/adapter';
import type { Result, RuleOutcome } from '../engine/results';
import type { Rule, RuleParams } from '../engine/rule';

/**
 * The test runner's globals (jest, vitest and node:test's jest-compatible runners all provide these), read
 * at call time so the checker itself does not depend on a test framework.
 */
interface TestGlobals {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void): void;
  expect: {
    (actual: unknown): { toEqual(expected: unknown): void; toBeGreaterThanOrEqual(n: number): void };
    not: { stringMatching(pattern: RegExp): unknown };
  };
}
/** Looked up when a test runs, so importing this module outside a test runner costs nothing. */
const runner = (): TestGlobals => globalThis as unknown as TestGlobals;

/** The evaluation time every rule test sees (rules must never read the clock themselves). */
export const RULE_TEST_NOW = new Date('2026-11-27T12:00:00Z');

/** A synthesized cdk.tf.json document. */
export type SynthDoc = Record<string, unknown>;

type Values = Record<string, unknown>;

export interface PlanResourceSpec {
  /** Full address: `google_x.y`, `google_x.y[0]`, `module.m.google_x.y["k"]`, `data.google_iam_policy.p`. */
  readonly address: string;
  /** @default - from the address */
  readonly type?: string;
  /** Planned values (`after`); for a delete, the values being deleted unless `before` is given. */
  readonly values: object;
  /** `after_unknown`. @default {} */
  readonly unknown?: object;
  /** `after_sensitive` (and `before_sensitive`). @default {} */
  readonly sensitive?: object;
  /** @default 'create' ('read' for data sources) */
  readonly action?: 'create' | 'update' | 'delete' | 'replace' | 'no-op' | 'read';
  /** `change.before`. @default - the values for update/no-op/delete/replace, null for create/read */
  readonly before?: object;
  /** Configuration references per attribute path (`policy_data`, `binding.0.members`), relative to the module. */
  readonly references?: Record<string, string[]>;
  /** @default - from the address */
  readonly mode?: 'managed' | 'data';
  /** The configuration's `depends_on` (addresses relative to the module). @default - none */
  readonly dependsOn?: string[];
  /** The import id when Terraform adopts an existing object (`change.importing`). @default - not an import */
  readonly importing?: string;
}

/**
 * A Cloud Asset Inventory export: a list of assets or search results (read as a JSON array), or the
 * newline-delimited text `gcloud asset export` writes.
 */
export type AssetsInput = readonly object[] | string;

export type RuleInput = { readonly synth: SynthDoc } | { readonly plan: object } | { readonly assets: AssetsInput };

export interface ExpectedReport {
  readonly messageId: string;
  /** Terraform address (`google_project_iam_member.owner`), or the rule id for a reportMissing finding. */
  readonly address: string;
  /** @default 'finding' */
  readonly outcome?: 'finding' | 'unknown';
  /**
   * The attribute path the report points at (`role`, `binding.0.members`), which SARIF and the review show.
   * Compared when given (`path: undefined` expects a report without one).
   */
  readonly path?: string;
  /** The rendered message, compared when given: for cases where what the message names matters. */
  readonly message?: string;
  /** The report's severity (after any override the rule makes), compared when given. */
  readonly severity?: Result['severity'];
}

export interface RuleCase {
  readonly name: string;
  readonly input: RuleInput;
  readonly params?: Partial<RuleParams>;
  /** Required (and non-empty) for invalid cases; ignored for valid ones. */
  readonly errors?: ExpectedReport[];
  /**
   * Valid cases only: the reason the rule gives for having nothing to judge in this input (what reports show
   * as "not applicable"). Without it a valid case expects the rule to pass: to have judged something.
   */
  readonly notApplicable?: string;
}

const SYNTH_STACK = 'test';

/** Adds cdktf's own `//` metadata (path, uniqueId) while keeping any `//` the case wrote (inline suppressions). */
function withMetadata(byType: Record<string, Record<string, Values>>): Record<string, Record<string, Values>> {
  const out: Record<string, Record<string, Values>> = {};
  for (const [type, byName] of Object.entries(byType)) {
    out[type] = {};
    for (const [name, values] of Object.entries(byName)) {
      const own = (values['//'] ?? {}) as Values;
      out[type][name] = { ...values, '//': { metadata: { path: `${SYNTH_STACK}/${name}`, uniqueId: name }, ...own } };
    }
  }
  return out;
}

/** A cdk.tf.json as cdktf writes it, with the given resources, data sources and outputs. */
export function synth(
  resources: Record<string, Record<string, Values>>,
  extras: { data?: Record<string, Record<string, Values>>; output?: Record<string, Values> } = {},
): SynthDoc {
  const doc: SynthDoc = {
    '//': { metadata: { backend: 'local', stackName: SYNTH_STACK, version: '0.21.0' }, outputs: {} },
    provider: { google: [{}] },
    resource: withMetadata(resources),
    terraform: {
      backend: { local: { path: `terraform.${SYNTH_STACK}.tfstate` } },
      required_providers: { google: { source: 'google', version: '6.50.0' } },
    },
  };
  if (extras.data) doc.data = withMetadata(extras.data);
  if (extras.output) doc.output = extras.output;
  return doc;
}

const ACTIONS: Record<Action, string[]> = {
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
  replace: ['delete', 'create'],
  'no-op': ['no-op'],
  read: ['read'],
};

interface PlanModule {
  address?: string;
  resources: object[];
  child_modules?: PlanModule[];
}

interface ConfigModule {
  resources: { address: string; mode: string; type: string; name: string; expressions: Values; depends_on?: string[] }[];
  module_calls?: Record<string, { source: string; module: ConfigModule }>;
}

/** `binding.0.members` -> expressions `{ binding: [ { members: { references } } ] }`, merged into `into`. */
function setExpression(into: Values, path: string, references: string[]): void {
  const segments = path.split('.');
  let node: Values | unknown[] = into;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const next = segments[i + 1];
    if (Array.isArray(node)) {
      const idx = Number(seg);
      node[idx] ??= {};
      node = node[idx] as Values;
      return;
    }
    if (last) {
      node[seg] = { references };
    } else {
      node[seg] ??= /^\d+$/.test(next) ? [] : {};
      node = node[seg] as Values | unknown[];
    }
  });
}

/** A `terraform show -json` plan (format_version 1.2) holding the given resources. */
export function plan(resources: PlanResourceSpec[]): object {
  const root: PlanModule = { resources: [] };
  const configRoot: ConfigModule = { resources: [] };
  const modules = new Map<string, PlanModule>([['', root]]);
  const resourceChanges: object[] = [];
  const configResources = new Map<string, ConfigModule['resources'][number]>();
  for (const spec of resources) {
    const parsed = parseAddress(spec.address);
    if (!parsed) throw new Error(`plan(): "${spec.address}" is not a Terraform resource address`);
    const mode = spec.mode ?? parsed.mode;
    const type = spec.type ?? parsed.type;
    const action = spec.action ?? (mode === 'data' ? 'read' : 'create');
    const moduleAddress = parsed.modulePath.join('.');
    const identity = {
      address: spec.address,
      ...(moduleAddress ? { module_address: moduleAddress } : {}),
      mode,
      type,
      name: parsed.name,
      ...(parsed.index !== undefined ? { index: parsed.index } : {}),
      provider_name: 'registry.terraform.io/hashicorp/google',
    };
    const deleting = action === 'delete';
    const before = spec.before ?? (action === 'create' || action === 'read' ? null : spec.values);
    resourceChanges.push({
      ...identity,
      change: {
        actions: ACTIONS[action],
        before,
        after: deleting ? null : spec.values,
        after_unknown: deleting ? {} : spec.unknown ?? {},
        before_sensitive: before === null ? false : spec.sensitive ?? {},
        after_sensitive: deleting ? false : spec.sensitive ?? {},
        ...(spec.importing !== undefined ? { importing: { id: spec.importing } } : {}),
      },
    });
    // Terraform leaves resources being destroyed out of planned_values.
    if (!deleting) {
      let module = root;
      for (let i = 1; i <= parsed.modulePath.length; i++) {
        const address = parsed.modulePath.slice(0, i).join('.');
        let child = modules.get(address);
        if (!child) {
          child = { address, resources: [] };
          (module.child_modules ??= []).push(child);
          modules.set(address, child);
        }
        module = child;
      }
      module.resources.push({ ...identity, schema_version: 0, values: spec.values, sensitive_values: spec.sensitive ?? {} });
    }
    // Configuration: one entry per resource block (instances share it), in the module's own terms.
    let config = configRoot;
    for (const call of parsed.modulePath) {
      const name = call.replace(/^module\./, '').replace(/\[.*\]$/, '');
      config.module_calls ??= {};
      config.module_calls[name] ??= { source: `./modules/${name}`, module: { resources: [] } };
      config = config.module_calls[name].module;
    }
    const configAddress = mode === 'data' ? `data.${type}.${parsed.name}` : `${type}.${parsed.name}`;
    const configKey = `${parsed.modulePath.map((m) => m.replace(/\[.*\]$/, '')).join('.')}|${configAddress}`;
    let configResource = configResources.get(configKey);
    if (!configResource) {
      configResource = { address: configAddress, mode, type, name: parsed.name, expressions: {} };
      config.resources.push(configResource);
      configResources.set(configKey, configResource);
    }
    for (const [path, refs] of Object.entries(spec.references ?? {})) setExpression(configResource.expressions, path, refs);
    if (spec.dependsOn) configResource.depends_on = spec.dependsOn;
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: root },
    resource_changes: resourceChanges,
    configuration: { provider_config: { google: { name: 'google', full_name: 'registry.terraform.io/hashicorp/google' } }, root_module: configRoot },
    timestamp: '2026-11-27T12:00:00Z',
    errored: false,
  };
}

/** Loads a case's input through the real loader, as the CLI would. */
export function modelOf(input: RuleInput): Model {
  if ('synth' in input) return loadModel({ text: JSON.stringify(input.synth), name: 'cdk.tf.json' });
  if ('assets' in input) {
    const text = typeof input.assets === 'string' ? input.assets : JSON.stringify(input.assets);
    return loadModel({ text, name: 'assets.json' });
  }
  return loadModel({ text: JSON.stringify(input.plan), name: 'plan.json' });
}

/** Runs one rule over one input with default params (overridden by the case's), as the evaluator would. */
export function runRule(
  rule: Rule,
  input: RuleInput,
  params: Partial<RuleParams> = {},
): { results: readonly Result[]; model: Model; outcome: RuleOutcome } {
  const model = modelOf(input);
  const evaluation = evaluate(model, {
    rules: [rule],
    pack: { name: 'all', description: `rule test of ${rule.meta.id}`, rules: [{ rule: rule.meta.id }] },
    params: { ...paramsFromConfig(undefined, RULE_TEST_NOW), ...params },
  });
  return { results: evaluation.results.filter((r) => r.suppression === undefined), model, outcome: evaluation.rules[0] };
}

type Report = Omit<ExpectedReport, 'outcome'> & Pick<Required<ExpectedReport>, 'outcome'>;

type Optional = 'path' | 'message' | 'severity';
const OPTIONAL: readonly Optional[] = ['path', 'message', 'severity'];

/** A result as a case states it: the keys every report has, and the optional ones where `like` gives them. */
function reportOf(result: Result, like?: ExpectedReport): Report {
  const report: Report = { messageId: result.messageId, address: result.address, outcome: result.outcome };
  for (const key of OPTIONAL) if (like && key in like) Object.assign(report, { [key]: result[key] });
  return report;
}

function reportsOf(results: readonly Result[]): Report[] {
  return results.map((r) => reportOf(r));
}

const expectedReport = (e: ExpectedReport): Report => ({ ...e, outcome: e.outcome ?? 'finding' });
const sameReport = (a: Report, b: Report) => (['messageId', 'address', 'outcome', ...OPTIONAL] as const).every((k) => a[k] === b[k]);

/**
 * Pairs each expected report (the most specific first) with a result it describes; on any mismatch, compares
 * the results shown the way the unpaired expectations state them, so the failure reads as a diff.
 */
function matchReports(results: readonly Result[], errors: readonly ExpectedReport[]): void {
  const open = [...results];
  const byDetail = [...errors].sort((a, b) => OPTIONAL.filter((k) => k in b).length - OPTIONAL.filter((k) => k in a).length);
  const unmatched: ExpectedReport[] = [];
  for (const e of byDetail) {
    const i = open.findIndex((r) => sameReport(reportOf(r, e), expectedReport(e)));
    if (i >= 0) open.splice(i, 1);
    else unmatched.push(e);
  }
  if (unmatched.length === 0 && open.length === 0) return;
  const detailed = unmatched.find((e) => OPTIONAL.some((k) => k in e));
  runner().expect(sorted(open.map((r) => reportOf(r, detailed)))).toEqual(sorted(unmatched.map(expectedReport)));
}

function sorted(reports: Report[]): Report[] {
  const key = (r: Report) => [r.address, r.messageId, r.outcome, r.path ?? '', r.message ?? '', r.severity ?? ''].join('\u0000');
  return [...reports].sort((a, b) => key(a).localeCompare(key(b)));
}

function checkRendering(rule: Rule, results: readonly Result[]): void {
  for (const result of results) {
    if (result.ruleId !== rule.meta.id || result.messageId === 'rule-error') continue;
    // Every placeholder of the template must have been given data.
    runner().expect({ messageId: result.messageId, message: result.message }).toEqual({ messageId: result.messageId, message: runner().expect.not.stringMatching(/\{\{/) });
  }
}

/** Registers a describe block with one test per case. */
/**
 * A format a rule's table may leave out, and why (e.g. synthesized JSON has no deletes, so a
 * change-safety rule cannot fail on it). Without one, both formats need valid and invalid cases.
 */
export interface FormatException {
  readonly invalid?: 'plan-only';
  /** `assets`: the rule judges the live organization only (an asset export), so every case is one. */
  readonly input?: 'assets';
  readonly reason: string;
}

type Format = 'synth' | 'plan' | 'assets';
const formatOf = (c: RuleCase): Format => ('synth' in c.input ? 'synth' : 'assets' in c.input ? 'assets' : 'plan');

export function runRuleTests(
  rule: Rule,
  cases: { valid: RuleCase[]; invalid: RuleCase[] },
  exception?: FormatException,
): void {
  runner().describe(rule.meta.id, () => {
    runner().it('has valid and invalid cases in both input formats (synthesized JSON and plan JSON)', () => {
      const formats = (list: RuleCase[]) => [...new Set(list.map(formatOf))].sort();
      if (exception?.input === 'assets') {
        runner().expect(exception.reason.length).toBeGreaterThanOrEqual(10);
        runner().expect([formats(cases.valid), formats(cases.invalid)]).toEqual([['assets'], ['assets']]);
        return;
      }
      runner().expect(formats(cases.valid)).toEqual(['plan', 'synth']);
      if (exception?.invalid === 'plan-only') {
        runner().expect(exception.reason.length).toBeGreaterThanOrEqual(10);
        runner().expect(formats(cases.invalid)).toEqual(['plan']);
      } else {
        runner().expect(formats(cases.invalid)).toEqual(['plan', 'synth']);
      }
    });
    runner().describe('valid', () => {
      for (const c of cases.valid) {
        runner().it(c.name, () => {
          const { results, outcome } = runRule(rule, c.input, c.params);
          runner().expect(reportsOf(results)).toEqual([]);
          const expected = c.notApplicable === undefined ? { outcome: 'pass' } : { outcome: 'not-applicable', reason: c.notApplicable };
          runner().expect({ outcome: outcome.outcome, reason: outcome.reason }).toEqual({ reason: undefined, ...expected });
        });
      }
    });
    runner().describe('invalid', () => {
      for (const c of cases.invalid) {
        runner().it(c.name, () => {
          if (!c.errors || c.errors.length === 0) throw new Error(`invalid case "${c.name}" must list the reports it expects`);
          const { results } = runRule(rule, c.input, c.params);
          matchReports(results, c.errors);
          checkRendering(rule, results);
        });
      }
    });
  });
}
