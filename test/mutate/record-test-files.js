/**
 * Jest setup file for `npm run mutate` only (jest.mutate.config.js): during Stryker's initial test run, record
 * which test file holds each test and how long the file took, one JSON line each, so that `sequencer.js` can
 * give each mutant only the files holding the tests that cover it, quickest first. Nothing is recorded while a
 * mutant is active.
 */
const fs = require('fs');
const { TEST_FILES_MAP } = require('./test-files-map');

if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  const lines = [];
  const started = Date.now();
  beforeEach(() => {
    const { currentTestName, testPath } = expect.getState();
    if (currentTestName && testPath) lines.push(JSON.stringify({ test: currentTestName, file: testPath }));
  });
  afterAll(() => {
    const { testPath } = expect.getState();
    if (testPath) lines.push(JSON.stringify({ file: testPath, ms: Date.now() - started }));
    fs.appendFileSync(TEST_FILES_MAP, lines.join('\n') + '\n');
  });
}
