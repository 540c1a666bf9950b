/**
 * `npm run mutate` runs the engine's and the rules' suites as one jest test file: a test file is a module
 * registry of its own, so 67 files meant loading the engine 67 times for every mutant that survives (most of a
 * mutant's cost here). Registered in one file, the tests share one load; a failing test still names its suite.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', 'policies');
const LEFT_OUT = new Set(['engine/bounded-reads.test.ts', 'engine/load-asset-export.test.ts', 'rules/iam/duty-conflicts-scale.test.ts']);

function suites(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...suites(path));
    else if (name.endsWith('.test.ts') && !LEFT_OUT.has(relative(ROOT, path))) out.push(path);
  }
  return out;
}

for (const file of [...suites(join(ROOT, 'engine')), ...suites(join(ROOT, 'rules'))]) {
  describe(relative(ROOT, file), () => {
    require(file);
  });
}
