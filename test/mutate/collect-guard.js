/**
 * Jest setup file for `npm run mutate` only: a describe block that throws while its tests are collected (a
 * model loaded there, which a mutant broke) gets a failing test saying so. Otherwise the whole file fails to
 * run, which Stryker records as a runtime error: neither killed nor survived, whatever the other tests say.
 */
function collect(body) {
  try {
    body();
  } catch (error) {
    test('collects its tests', () => {
      throw error;
    });
  }
}

const jestDescribe = globalThis.describe;
globalThis.describe = Object.assign((name, body) => jestDescribe(name, () => collect(body)), jestDescribe);
