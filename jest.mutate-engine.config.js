/**
 * The tests Stryker runs against each mutant of the engine (`npm run mutate`, engine pass): the engine's own
 * suites. With every rule's tests as well, each surviving mutant of the loader ran all 67 test files (about a
 * minute a mutant here); the engine is judged by the tests written for it, which can only lower its score,
 * never raise it. A static mutant (stryker.engine.config.cjs) runs all these files, any other the files holding
 * the tests that executed it, quickest first until a test fails (the hooks of jest.mutate.config.js). The
 * bounded-read and asset-export suites run here too: a FIFO or /dev/zero that a mutant stops guarding against
 * ends in Stryker's timeout, which counts as killed.
 */
const base = require('./jest.mutate.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/policies/engine'],
  testPathIgnorePatterns: ['/node_modules/'],
};
