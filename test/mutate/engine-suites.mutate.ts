/**
 * The engine's suites as one jest test file, for the engine pass of `npm run mutate` only. Jest gives every test
 * file a module registry of its own, so 23 files meant loading the engine 23 times for every mutant, even after
 * the first failure had killed it (environment.js skips the tests that follow, not the loading of their files):
 * most of a mutant's cost. In one file the suites share one load, and a killed mutant skips the rest at once.
 * Quick, focused suites first, so that a mutant is killed soon; a failing test still names its suite.
 *
 * A suite that throws while its tests are being collected (a model loaded in a describe block, which a mutant
 * broke) gets a failing test saying so: otherwise the one file would fail to run as a whole, which Stryker
 * records as a runtime error, neither killed nor survived.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ENGINE = join(__dirname, '..', 'policies', 'engine');
/** The slowest suites (seconds each under Stryker's instrumentation), run last. */
const LAST = ['mutations.test.ts', 'properties.test.ts', 'evaluate.test.ts', 'load-asset-export.test.ts', 'attribute-types.test.ts'];

const rank = (name: string) => LAST.indexOf(name);
const suites = readdirSync(ENGINE)
  .filter((name) => name.endsWith('.test.ts'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** Runs a describe body; what it throws becomes a failing test of that block. */
function collect(body: () => void): void {
  try {
    body();
  } catch (error) {
    test('collects its tests', () => {
      throw error;
    });
  }
}

const jestDescribe = globalThis.describe;
globalThis.describe = Object.assign((name: string, body: () => void) => jestDescribe(name, () => collect(body)), jestDescribe) as jest.Describe;

for (const name of suites) {
  jestDescribe(`engine/${name}`, () => collect(() => require(join(ENGINE, name))));
}
