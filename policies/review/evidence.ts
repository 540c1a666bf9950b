/**
 * evidence.json: per control (CIS GCP recommendations named by the rules, SOC 2 criteria mapped in
 * policies/catalog/soc2.ts), the rules that test it, their outcomes and the resources involved, with the
 * tool version, the config's and the input's SHA-256 and the time. Everything is sorted, so two runs on
 * the same input differ only in `generatedAt`.
 */
import { SOC2_CRITERIA } from '../catalog/soc2';
import type { Evaluation } from '../engine/results';
import type { Rule } from '../engine/rule';

export interface EvidenceRule {
  readonly rule: string;
  readonly description: string;
  readonly outcome: string;
  /** Resources the rule examined (resource rules); absent for rules that judge the whole model. */
  readonly examined?: number;
  /** Why the rule did not apply or failed, when the evaluation says. */
  readonly reason?: string;
  readonly findings: number;
  readonly unknowns: number;
  readonly suppressed: number;
  /** Addresses of the resources the rule reported on (findings, unknowns, suppressed). */
  readonly resources: readonly string[];
}

export interface EvidenceControl {
  readonly control: string;
  readonly title?: string;
  /** `pass` when every rule passed or did not apply; `finding` when any found; else `unknown`. */
  readonly status: 'pass' | 'finding' | 'unknown' | 'not-tested';
  readonly rules: readonly EvidenceRule[];
}

export interface Evidence {
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly input: { readonly kind: string; readonly sources: readonly string[]; readonly sha256: string };
  readonly config: { readonly sha256: string };
  readonly pack: string;
  readonly controls: readonly EvidenceControl[];
}

export interface EvidenceInput {
  readonly evaluation: Evaluation;
  readonly catalogue: readonly Rule[];
  readonly version: string;
  readonly inputSha256: string;
  readonly configSha256: string;
  readonly now: Date;
}

/** `CIS GCP 1.10` after `CIS GCP 1.9`: dotted numbers compare as numbers. */
export function compareControls(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function ruleEvidence(evaluation: Evaluation, catalogue: readonly Rule[], ruleId: string): EvidenceRule | undefined {
  const outcome = evaluation.rules.find((r) => r.ruleId === ruleId);
  if (!outcome) return undefined;
  const results = evaluation.results.filter((r) => r.ruleId === ruleId);
  const open = results.filter((r) => r.suppression === undefined);
  return {
    rule: ruleId,
    description: catalogue.find((r) => r.meta.id === ruleId)?.meta.description ?? '',
    outcome: outcome.outcome,
    ...(outcome.examined !== undefined ? { examined: outcome.examined } : {}),
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
    findings: open.filter((r) => r.outcome === 'finding').length,
    unknowns: open.filter((r) => r.outcome === 'unknown').length,
    suppressed: results.length - open.length,
    resources: [...new Set(results.map((r) => r.resourceId))].sort(),
  };
}

function statusOf(rules: readonly EvidenceRule[]): EvidenceControl['status'] {
  if (rules.length === 0) return 'not-tested';
  if (rules.some((r) => r.findings > 0 || r.outcome === 'error')) return 'finding';
  if (rules.some((r) => r.unknowns > 0)) return 'unknown';
  return 'pass';
}

export function buildEvidence(input: EvidenceInput): Evidence {
  const { evaluation, catalogue } = input;
  const byControl = new Map<string, { title?: string; rules: Set<string> }>();
  for (const rule of catalogue) {
    for (const control of rule.meta.controls) {
      const entry = byControl.get(control) ?? { rules: new Set<string>() };
      entry.rules.add(rule.meta.id);
      byControl.set(control, entry);
    }
  }
  for (const criterion of SOC2_CRITERIA) byControl.set(criterion.id, { title: criterion.title, rules: new Set(criterion.rules) });
  const controls = [...byControl.entries()]
    .sort(([a], [b]) => compareControls(a, b))
    .map(([control, { title, rules }]) => {
      const evidence = [...rules].sort().map((id) => ruleEvidence(evaluation, catalogue, id)).filter((r): r is EvidenceRule => r !== undefined);
      return { control, ...(title ? { title } : {}), status: statusOf(evidence), rules: evidence };
    });
  return {
    tool: { name: '@gcp-security-baseline/checker', version: input.version },
    generatedAt: input.now.toISOString(),
    input: { kind: evaluation.inputKind, sources: [...evaluation.sources], sha256: input.inputSha256 },
    config: { sha256: input.configSha256 },
    pack: evaluation.pack,
    controls,
  };
}
