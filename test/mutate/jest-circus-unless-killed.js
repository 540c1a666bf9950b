/**
 * Jest test runner for `npm run mutate` only (named so: Stryker's jest runner takes per-test coverage only from
 * a runner whose name says jest-circus): jest-circus, except that once a test has failed under the active
 * mutant (environment.js records it), the test files that follow are not loaded at all. Skipping their tests
 * (environment.js) still required every module they import, about half a second a file here, so a mutant killed
 * by the first file paid for all the others. A file left out reports one skipped test: neither a pass nor a
 * failure, so the verdict is the same, only sooner. The initial run, with no mutant, is untouched.
 */
const circus = require('jest-circus/runner').default;
const { createEmptyTestResult } = require('@jest/test-result');
const { killed } = require('./killed');

module.exports = async function runUnlessKilled(globalConfig, config, environment, runtime, testPath, sendMessageToJest) {
  if (killed()) {
    // Jest refuses a file result without tests, so the file reports one, skipped.
    const title = `${testPath}: not loaded, the mutant is already killed`;
    const skippedTest = { ancestorTitles: [], failureDetails: [], failureMessages: [], fullName: title, numPassingAsserts: 0, status: 'pending', title };
    return { ...createEmptyTestResult(), numPendingTests: 1, testFilePath: testPath, testResults: [skippedTest] };
  }
  return circus(globalConfig, config, environment, runtime, testPath, sendMessageToJest);
};
