/**
 * `npm run mutate`, engine pass: policies/engine, judged by its own suites (jest.mutate-engine.config.js); every
 * other setting is the rules pass's (stryker.config.json).
 *
 * Per-test coverage, static mutants tested: a mutant that runs while tests are collected or modules load (a model
 * built in a describe block, a constant table, a regular expression) is static or hybrid, and Stryker runs every
 * test file against it, quickest first until one test fails; any other mutant runs only the tests that executed
 * it. The one blind spot left is a value one test computes and caches for a later test, which can only report a
 * killable mutant as a survivor, never the reverse. (Coverage "all", which ran every suite for every mutant, took
 * 18 minutes for 267 mutants of the smaller engine files here; this way 317 took 5.5.) Results in
 * .stryker/incremental-engine.json;
 * scripts/mutate.ts adds both passes up.
 */
const { _comment, ...rules } = require('./stryker.config.json');

module.exports = {
  ...rules,
  jest: { ...rules.jest, configFile: 'jest.mutate-engine.config.js' },
  ignoreStatic: false,
  mutate: ['policies/engine/**/*.ts'],
  incrementalFile: '.stryker/incremental-engine.json',
  htmlReporter: { fileName: 'reports/mutation/engine.html' },
};
