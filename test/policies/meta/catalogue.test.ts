/**
 * Keeps the rule catalogue honest (after typescript-eslint's and cdk-nag's meta-tests): every rule the
 * engine discovers has a file named after its id, a doc page, complete metadata, and a RuleTester
 * file with valid and invalid cases; every pack names only real rules and every rule is in a pack.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SEVERITIES } from '../../../policies/engine/rule';
import { PACKS } from '../../../policies/packs';
import { RULES } from '../../../policies/rules';

const REPO = resolve(__dirname, '..', '..', '..');
const RULES_DIR = join(REPO, 'policies', 'rules');
const RULE_TESTS_DIR = join(REPO, 'test', 'policies', 'rules');
const CATEGORIES = ['iam', 'logging', 'alerting', 'secrets', 'org', 'change', 'deploy', 'scanning'];

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name));
}

const rules = RULES;
const ruleIds = rules.map((r) => r.meta.id);
const ruleFiles = filesUnder(RULES_DIR, '.ts').filter((f) => f !== join(RULES_DIR, 'index.ts') && !f.endsWith('.d.ts'));
const ruleTests = filesUnder(RULE_TESTS_DIR, '.test.ts');

describe('rule catalogue', () => {
  test('discovers a rule for every file under policies/rules/<category>/, and nothing else', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect([...ruleIds].sort()).toEqual(ruleFiles.map((f) => basename(f, '.ts')).sort());
  });

  describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    test('its id is its kebab-case file name', () => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(ruleFiles.filter((f) => basename(f, '.ts') === id)).toHaveLength(1);
    });

    test('has a doc page policies/docs/rules/<id>.md', () => {
      expect(existsSync(join(REPO, 'policies', 'docs', 'rules', `${id}.md`))).toBe(true);
    });

    test('has a description, severity, category, controls and help', () => {
      expect(rule.meta.description.trim()).not.toBe('');
      expect(SEVERITIES).toContain(rule.meta.severity);
      expect(CATEGORIES).toContain(rule.meta.category);
      expect(Array.isArray(rule.meta.controls)).toBe(true);
      for (const control of rule.meta.controls) expect(control.trim()).not.toBe('');
      expect(rule.meta.help.trim()).not.toBe('');
    });

    test('has at least one message, none empty', () => {
      const messages = Object.entries(rule.meta.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const [messageId, template] of messages) {
        expect(messageId).toMatch(/^[a-z0-9-]+$/);
        expect(String(template).trim()).not.toBe('');
      }
    });

    test('has a RuleTester file under test/policies/rules/ with valid and invalid cases', () => {
      const file = ruleTests.find((f) => basename(f) === `${id}.test.ts`);
      expect(file).toBeDefined();
      const text = readFileSync(file!, 'utf8');
      expect(text).toContain('runRuleTests(');
      // Both tables present and not written empty (`valid: []`).
      expect(text).toMatch(/\bvalid\s*:\s*(?!\[\s*\])\S/);
      expect(text).toMatch(/\binvalid\s*:\s*(?!\[\s*\])\S/);
    });
  });
});

describe('README', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

  test('its rule table links every rule\'s doc page, and only those', () => {
    const linked = [...readme.matchAll(/\]\(policies\/docs\/rules\/([a-z0-9-]+)\.md\)/g)].map((m) => m[1]);
    expect([...linked].sort()).toEqual([...ruleIds].sort());
  });

  test('says how many rules there are', () => {
    expect(readme).toContain(`against\n${ruleIds.length} rules`);
  });
});

describe('packs', () => {
  test.each(Object.values(PACKS).map((p) => [p.name, p] as const))('every entry of %s names an existing rule, once', (_name, pack) => {
    const names = pack.rules.map((e) => e.rule);
    expect(names.filter((n) => !ruleIds.includes(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  test('every rule is in at least one pack', () => {
    const packed = new Set(Object.values(PACKS).flatMap((p) => p.rules.map((e) => e.rule)));
    expect(ruleIds.filter((id) => !packed.has(id))).toEqual([]);
  });

  test('all is guardrails and foundation together', () => {
    const names = (p: keyof typeof PACKS) => PACKS[p].rules.map((e) => e.rule);
    expect([...names('all')].sort()).toEqual([...names('guardrails'), ...names('foundation')].sort());
  });
});
