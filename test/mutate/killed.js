/** Whether a test has failed under the active mutant in this process (set by environment.js), for jest-circus-unless-killed.js. */
const KILLED = '__MUTANT_KILLED__';

function activeMutant() {
  return process.env.__STRYKER_ACTIVE_MUTANT__;
}

exports.KILLED = KILLED;
exports.activeMutant = activeMutant;
exports.killed = () => activeMutant() !== undefined && process.env[KILLED] === activeMutant();
