/** `npm run mutate`'s score over both passes: parts, Stryker's formula, the later report winning, usage errors. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { partOf, score, tally } from '../../scripts/mutate';

const report = (files: Record<string, string[]>) => ({ files: Object.fromEntries(Object.entries(files).map(([file, statuses]) => [file, { mutants: statuses.map((status) => ({ status })) }])) });

describe('the mutation score', () => {
  it('reports a file under its rules folder, the loader, or the rest of the engine', () => {
    expect(['policies/rules/iam/x.ts', 'policies/engine/load/plan.ts', 'policies/engine/cel.ts', 'policies/gcp/roles.ts'].map(partOf)).toEqual([
      'policies/rules/iam',
      'policies/engine/load',
      'policies/engine',
      'policies/gcp',
    ]);
  });

  it('counts killed and timed-out mutants as detected, against survivors and uncovered ones; ignored and erroring ones not at all', () => {
    const parts = tally([report({ 'policies/engine/cel.ts': ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'RuntimeError', 'CompileError'] })]);
    expect(parts.get('policies/engine')).toEqual({ killed: 2, survived: 1, noCoverage: 1 });
    expect(score(parts.get('policies/engine')!)).toBe(50);
    expect(score({ killed: 0, survived: 0, noCoverage: 0 })).toBe(0);
  });

  it('takes a file recorded by both passes from the later one', () => {
    const parts = tally([report({ 'policies/engine/suppressions.ts': ['Survived', 'Survived'] }), report({ 'policies/engine/suppressions.ts': ['Killed'] })]);
    expect(parts.get('policies/engine')).toEqual({ killed: 1, survived: 0, noCoverage: 0 });
  });

  it('refuses an unknown pass in one line, exit 2', () => {
    const run = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', join(__dirname, '../../scripts/mutate.ts'), 'everything'], { encoding: 'utf8' });
    expect([run.status, run.stderr, run.stdout]).toEqual([2, 'mutate: unknown pass "everything" (rules, engine or score)\n', '']);
  });
});
