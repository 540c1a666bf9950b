/**
 * The scanner-level promise on real third-party plans: every basic-role and public-principal grant in
 * the 104 terraform-validator plans is REPORTED by the rules (not only extracted), at its address and
 * attribute path, including grants inside `policy_data`; and nothing else is reported by those rules.
 */
import { join } from 'node:path';
import { loadModel } from '../../../policies/engine/load';
import { evaluate } from '../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../policies/config/adapter';
import { RULES } from '../../../policies/rules';
import type { Pack } from '../../../policies/packs';
import { oracle, planFiles, TERRAFORM_VALIDATOR } from '../engine/corpus';
import { RULE_TEST_NOW } from '../../../policies/testing/rule-tester';

const rules = RULES.filter((r) => ['iam-no-basic-roles', 'iam-no-public-principals'].includes(r.meta.id));
const pack: Pack = { name: 'guardrails', description: 'basic roles and public principals', rules: rules.map((r) => ({ rule: r.meta.id })) };

/** What the rules must report, from the independent oracle: one result per risky (role, member) pair and rule. */
function expected(file: string): string[] {
  return oracle(file).flatMap((line) => {
    const [address, path, role, member] = line.split(' ');
    const out: string[] = [];
    if (/^roles\/(owner|editor|viewer)$/.test(role)) out.push(`iam-no-basic-roles ${address} ${path}`);
    if (/^(allUsers|allAuthenticatedUsers)$/.test(member)) out.push(`iam-no-public-principals ${address} ${path}`);
    return out;
  });
}

describe('basic roles and public principals in the terraform-validator corpus', () => {
  const reported = new Map<string, string[]>();
  const unknowns = new Map<string, string[]>();
  for (const file of planFiles()) {
    const evaluation = evaluate(loadModel(join(TERRAFORM_VALIDATOR, file)), { rules, pack, params: paramsFromConfig(undefined, RULE_TEST_NOW) });
    reported.set(file, evaluation.results.filter((r) => r.outcome === 'finding').map((r) => `${r.ruleId} ${r.address} ${r.path}`).sort());
    unknowns.set(file, evaluation.results.filter((r) => r.outcome === 'unknown').map((r) => `${r.ruleId} ${r.address} ${r.path} ${r.messageId}: ${r.message}`));
  }

  test.each(planFiles())('%s: every risky grant is reported at its address and path, no other finding', (file) => {
    expect(reported.get(file)).toEqual(expected(file).sort());
  });

  it('reports them all: 25 basic-role and 12 public-principal findings across the corpus', () => {
    const all = [...reported.values()].flat();
    expect(all.filter((r) => r.startsWith('iam-no-basic-roles ')).length).toBe(25);
    expect(all.filter((r) => r.startsWith('iam-no-public-principals ')).length).toBe(12);
    expect(all).toContain('iam-no-basic-roles google_bigquery_dataset_iam_policy.dataset policy_data.bindings.0.members.1');
    expect(all).toContain('iam-no-public-principals google_bigquery_dataset_iam_policy.dataset policy_data.bindings.0.members.1');
  });

  it('gives an unknown outcome, not a pass, for a member known only after apply behind data.google_iam_policy', () => {
    expect(Object.fromEntries([...unknowns].filter(([, u]) => u.length > 0))).toEqual({
      'example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json': [
        // The message says where the value will come from, so a reviewer can judge it by hand.
        expect.stringMatching(/^iam-no-public-principals google_bigquery_dataset_iam_policy\.dataset binding\.0\.members\.0 member-unknown: .*\(from random_string\.suffix\.result\)/),
      ],
    });
  });
});
