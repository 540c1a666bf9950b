/**
 * The tests Stryker runs against each mutant (`npm run mutate`): the engine's and the rules' own suites, in-process.
 * Left out: the report, review, events, CLI and meta suites (they run every rule over whole inputs to test an
 * output, so every mutant of the engine or a rule would run them, at about 12 s a mutant here), suites that only
 * drive the built `dist/` in a child process (a mutant of the source never reaches them), and the construct and
 * stack suites, which test the baseline rather than the checker. Also left out: the time-budget test of the
 * separation-of-duties pairing (32k grants: about 55 s under Stryker's instrumentation, for every mutant of the
 * loader it covers; a mutant that made the pairing slow would time out there, but it asserts speed, which
 * `npm test` and `npm run bench` measure, not behaviour). The score is what the rules' and the engine's tests pin.
 *
 * Parts in test/mutate/ make a mutant cost about 0.7 s instead of 8 s here, without changing a verdict: the
 * initial run records which file holds each test (record-test-files.js); a mutant's run loads only the files
 * holding the tests that cover it, quickest first (sequencer.js); once a test fails under a mutant, the rest are
 * skipped (environment.js) and the files after it are not even loaded (jest-circus-unless-killed.js), since one
 * failure already kills it; and a describe block that throws while collecting fails a test rather than the file
 * (collect-guard.js).
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/policies/rules', '<rootDir>/test/policies/engine'],
  testEnvironment: require('path').join(__dirname, 'test/mutate/environment.js'),
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), '<rootDir>/test/mutate/record-test-files.js', '<rootDir>/test/mutate/collect-guard.js'],
  testSequencer: '<rootDir>/test/mutate/sequencer.js',
  testRunner: '<rootDir>/test/mutate/jest-circus-unless-killed.js',
  testPathIgnorePatterns: ['/node_modules/', '/test/policies/engine/bounded-reads.test.ts', '/test/policies/engine/load-asset-export.test.ts', '/test/policies/rules/iam/duty-conflicts-scale.test.ts'],
};
