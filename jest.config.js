/** Jest runs TypeScript through ts-jest without type-checking (npm test runs `tsc --noEmit` first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // Jest's default is one worker fewer than the cores: a single worker on a 2-core CI machine, leaving a core
  // idle for most of the run. Measured here on a quiet machine: npm test 128 s with one worker, 101 s with two.
  maxWorkers: '100%',
};
