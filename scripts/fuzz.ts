/**
 * `npm run fuzz`: the property and mutation suites with a random seed and a large budget. The seed is printed
 * first, so a failure can be replayed: `FUZZ_SEED=<seed> PROPERTY_SEED=<seed> npm run fuzz`.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seed = process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const env = {
  ...process.env,
  FUZZ_SEED: seed,
  PROPERTY_SEED: process.env.PROPERTY_SEED ?? seed,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000',
  PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? '5000',
  CHECKPOINT_DISABLE: '1',
  DISABLE_VERSION_CHECK: '1',
};
console.log(`fuzz: seed ${seed}, ${env.FUZZ_RUNS} mutation runs and ${env.PROPERTY_RUNS} property runs per property`);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), 'test/policies/engine/mutations.test.ts', 'test/policies/engine/properties.test.ts', '--testTimeout=3600000'], {
  env,
  stdio: 'inherit',
});
process.exitCode = jest.status ?? 1;
