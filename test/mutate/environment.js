/**
 * Jest environment for `npm run mutate` only: bail on a killed mutant. Stryker's jest runner turns jest's own
 * `bail` off and runs every test that covers a mutant, although one failure is enough to call it killed. Once a
 * test fails with a mutant active, the tests that follow in this process are skipped (a skipped test is neither
 * a pass nor a failure, so the verdict is the same, only sooner). The initial run, with no mutant, is untouched.
 */
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const { KILLED, activeMutant, killed } = require('./killed');

function skipAll(block) {
  for (const child of block.children) {
    if (child.type === 'describeBlock') skipAll(child);
    else child.mode = 'skip';
  }
}

class BailOnKilledMutantEnvironment extends NodeEnvironment {
  async handleTestEvent(event, state) {
    if (super.handleTestEvent) await super.handleTestEvent(event, state);
    if (activeMutant() === undefined) return;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') process.env[KILLED] = activeMutant();
    else if (event.name === 'run_start' && killed()) skipAll(state.rootDescribeBlock);
    else if (event.name === 'test_start' && killed()) event.test.mode = 'skip';
  }
}

module.exports = BailOnKilledMutantEnvironment;
