/**
 * The tests Stryker runs against each mutant (`npm run mutate`): the checker's own suites, in-process.
 * Left out: suites that only drive the built `dist/` in a child process (a mutant of the source never reaches
 * them) and the construct/stack suites, which test the baseline rather than the checker.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/policies'],
  testPathIgnorePatterns: ['/node_modules/', '/test/policies/engine/bounded-reads.test.ts', '/test/policies/engine/load-asset-export.test.ts'],
};
