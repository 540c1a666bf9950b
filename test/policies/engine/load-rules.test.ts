/**
 * loadRules(): one rule per file under <category>/, file name == rule id; declarations, tests and
 * files of the other module system are not rules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRules } from '../../../policies/rules';

const RULE_MODULE = resolve(__dirname, '../../../policies/engine/rule').replace(/\\/g, '/');

function ruleSource(id: string): string {
  return `import { modelRule } from '${RULE_MODULE}';
export default modelRule({ meta: { id: '${id}', description: 'd', severity: 'low', category: 'iam', controls: [], messages: { m: 'm' }, help: 'h' }, check() {} });
`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-rules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('loadRules', () => {
  it('discovers <category>/<rule-id>.ts files and nothing else', () => {
    write('iam/iam-one.ts', ruleSource('iam-one'));
    write('logging/logging-two.ts', ruleSource('logging-two'));
    write('logging/types.d.ts', 'export {};');
    write('logging/logging-two.test.ts', 'throw new Error("a test file is not a rule");');
    write('logging/logging-two.spec.ts', 'throw new Error("a spec file is not a rule");');
    write('logging/compiled.js', 'throw new Error("a .js file is not loaded under ts");');
    write('README.md', 'not a category');
    write('index.ts', 'throw new Error("top-level files are not rules");');
    expect(loadRules(dir).map((r) => r.meta.id)).toEqual(['iam-one', 'logging-two']);
  });

  it('fails a rule whose id differs from its file name', () => {
    write('iam/iam-file-name.ts', ruleSource('iam-other-id'));
    expect(() => loadRules(dir)).toThrow(`${join(dir, 'iam/iam-file-name.ts')}: rule id "iam-other-id" must equal the file name "iam-file-name"`);
  });

  it('fails a file that exports no rule', () => {
    write('iam/iam-nothing.ts', 'export const x = 1;');
    expect(() => loadRules(dir)).toThrow(`${join(dir, 'iam/iam-nothing.ts')}: expected \`export default\` of a rule made with resourceRule() or modelRule()`);
  });

  it('fails two files defining the same rule id', () => {
    write('iam/iam-same.ts', ruleSource('iam-same'));
    write('org/iam-same.ts', ruleSource('iam-same'));
    expect(() => loadRules(dir)).toThrow(`${join(dir, 'org/iam-same.ts')}: rule id "iam-same" is also defined in ${join(dir, 'iam/iam-same.ts')}`);
  });

  it('loads the project\'s own rules, each id its file name', () => {
    const ids = loadRules().map((r) => r.meta.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
