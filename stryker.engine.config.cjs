/**
 * `npm run mutate`, engine pass: policies/engine, judged by its own suites (jest.mutate-engine.config.js); every
 * other setting is the rules pass's (stryker.config.json).
 *
 * coverageAnalysis all: every mutant runs the suites, quickest first, until one test fails. Per-test coverage
 * misses what a describe block computes while tests are collected (a model loaded there), which would report
 * mutants those tests kill as survivors. Static mutants (module-level constants, tables, regular expressions)
 * are tested too: ignoreStatic needs per-test coverage. Results in .stryker/incremental-engine.json;
 * scripts/mutate.ts adds both passes up.
 */
const { _comment, ...rules } = require('./stryker.config.json');

module.exports = {
  ...rules,
  jest: { ...rules.jest, configFile: 'jest.mutate-engine.config.js' },
  coverageAnalysis: 'all',
  ignoreStatic: false,
  mutate: ['policies/engine/**/*.ts'],
  incrementalFile: '.stryker/incremental-engine.json',
  htmlReporter: { fileName: 'reports/mutation/engine.html' },
};
