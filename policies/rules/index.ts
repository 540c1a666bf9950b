/**
 * loadRules: discovers every rule file `policies/rules/<category>/<rule-id>.ts` (or `.js` when
 * compiled), each `export default` one rule. Adding a rule is adding a file; nothing else lists them.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Rule } from '../engine/rule';

/** `.ts` under ts-node/jest, `.js` once compiled; declarations, tests and maps are not rules. */
function isRuleFile(file: string): boolean {
  if (file.endsWith('.d.ts') || /\.(test|spec)\.[jt]s$/.test(file)) return false;
  const ext = extname(file);
  // Under ts-node both may exist side by side; this module's own extension says which world we are in.
  return ext === extname(__filename);
}

function isRule(value: unknown): value is Rule {
  if (value === null || typeof value !== 'object') return false;
  const rule = value as Partial<Rule>;
  return typeof rule.meta?.id === 'string' && typeof rule.check === 'function' && (rule.scope === 'resource' || rule.scope === 'model');
}

export function loadRules(dir: string = __dirname): Rule[] {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const category of readdirSync(dir).sort()) {
    const categoryDir = join(dir, category);
    if (!statSync(categoryDir).isDirectory()) continue;
    for (const file of readdirSync(categoryDir).sort()) {
      if (!isRuleFile(file)) continue;
      const path = join(categoryDir, file);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery is dynamic by design
      const loaded = require(path) as { default?: unknown };
      const rule = loaded.default;
      if (!isRule(rule)) throw new Error(`${path}: expected \`export default\` of a rule made with resourceRule() or modelRule()`);
      const id = file.slice(0, -extname(file).length);
      if (rule.meta.id !== id) throw new Error(`${path}: rule id "${rule.meta.id}" must equal the file name "${id}"`);
      const other = seen.get(id);
      if (other) throw new Error(`${path}: rule id "${id}" is also defined in ${other}`);
      seen.set(id, path);
      rules.push(rule);
    }
  }
  return rules;
}
