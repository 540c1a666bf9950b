/**
 * The entry `npm run synth` and cdktf.json's `app` run: loads the org config (`BASELINE_CONFIG`, default
 * the example org) and synthesizes into `BASELINE_OUTDIR` (default `cdktf.out`). A bad config exits 2
 * with every problem listed by field path; a baseline the policy gate refuses exits 1 with its findings;
 * neither prints a stack trace. The stacks and the policy engine are loaded only for a config that loaded:
 * a bad config is answered without them.
 */
import { loadConfig, ConfigError } from '../policies/config/load';
import { EXAMPLE_CONFIG } from '../config/example';

function run(): void {
  const file = process.env.BASELINE_CONFIG ?? EXAMPLE_CONFIG;
  let config;
  try {
    config = loadConfig(file);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthBaseline } = require('../main') as typeof import('../main');
  try {
    synthBaseline(config, { outdir: process.env.BASELINE_OUTDIR ?? 'cdktf.out' });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // cdktf reports failed validations as one error: a header, one line per finding, then its own advice
    // (to skip validations), which is not ours to give.
    const gate = /^App-level validation failed with the following errors:\n((?:  .*\n?)+)/.exec(message);
    if (gate) {
      process.stderr.write(`synth: the policy gate refused the baseline:\n${gate[1].trimEnd()}\n`);
      process.exit(1);
    }
    process.stderr.write(`synth: ${message.split('\n')[0]}\n`);
    process.exit(2);
  }
}

run();
