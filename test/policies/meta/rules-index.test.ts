/**
 * The static rules index is the catalogue: every file under policies/rules/<category>/ is in it exactly
 * once, each rule's id equals its file name, and nothing else is in it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../../policies/engine/rule';
import { RULES } from '../../../policies/rules';

const RULES_DIR = join(__dirname, '..', '..', '..', 'policies', 'rules');

const ruleFiles = readdirSync(RULES_DIR)
  .filter((category) => statSync(join(RULES_DIR, category)).isDirectory())
  .flatMap((category) => readdirSync(join(RULES_DIR, category)).filter((f) => f.endsWith('.ts')).map((f) => ({ category, file: f, id: f.slice(0, -3) })));

describe('the rules index', () => {
  it('lists every rule file once, by the object the file exports', () => {
    expect(ruleFiles.length).toBeGreaterThan(30);
    for (const { category, file } of ruleFiles) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = (require(join(RULES_DIR, category, file)) as { default: Rule }).default;
      expect(RULES.filter((r) => r === exported)).toHaveLength(1);
    }
    expect(RULES).toHaveLength(ruleFiles.length);
  });

  it('gives each rule the id of its file, and no two rules one id', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(ruleFiles.map((f) => f.id).sort());
    expect(new Set(RULES.map((r) => r.meta.id)).size).toBe(RULES.length);
  });
});
