/** Where the shared third-party corpus lives (vendored under test/fixtures with its licence). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, TERRAFORM_VALIDATOR_PLANS } from '../../support/fixtures';

export const CORPUS = FIXTURES;
export const TERRAFORM_VALIDATOR = TERRAFORM_VALIDATOR_PLANS;

export function planFiles(): string[] {
  return readdirSync(TERRAFORM_VALIDATOR).filter((f) => f.endsWith('.tfplan.json')).sort();
}

/** Basic roles and public principals: what every scanner must find in the corpus. */
export const RISKY_GRANT = /^roles\/(owner|editor|viewer)$|^(allUsers|allAuthenticatedUsers)$/;

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An independent reading of the plan's own `after` values, to check the extractor against. */
export function oracle(file: string): string[] {
  const plan = JSON.parse(readFileSync(join(TERRAFORM_VALIDATOR, file), 'utf8')) as Json;
  const out: string[] = [];
  for (const rc of (plan.resource_changes ?? []) as Json[]) {
    const after = rc.change?.after as Json | null;
    if (!after || rc.mode !== 'managed') continue;
    const add = (path: string, role: string, member: string) => {
      if (RISKY_GRANT.test(role) || RISKY_GRANT.test(member)) out.push(`${rc.address} ${path} ${role} ${member}`);
    };
    if (/_iam_member$/.test(rc.type)) add('member', after.role, after.member);
    if (/_iam_binding$/.test(rc.type)) (after.members as string[]).forEach((m, i) => add(`members.${i}`, after.role, m));
    if (/_iam_policy$/.test(rc.type) && typeof after.policy_data === 'string') {
      (JSON.parse(after.policy_data).bindings as Json[]).forEach((b, i) => (b.members as string[]).forEach((m, j) => add(`policy_data.bindings.${i}.members.${j}`, b.role, m)));
    }
  }
  return out;
}
