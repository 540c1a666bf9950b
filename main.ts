/**
 * Thin composer: load the org config, build one stack per concern, synthesize.
 * `BASELINE_CONFIG` names another config file; the default is the shipped example org.
 */
import { App } from 'cdktf';
import { EXAMPLE_CONFIG, loadConfig, ConfigError } from './policies/config/load';
import { buildBaseline } from './stacks';
import { BaselinePolicyValidation } from './stacks/synth-gate';

function main(): void {
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
  const app = new App({ outdir: process.env.BASELINE_OUTDIR ?? 'cdktf.out' });
  buildBaseline(app, config);
  // `cdktf synth` fails on unsuppressed findings at or above high, with the same results as `baseline check`.
  BaselinePolicyValidation.addTo(app, { config });
  app.synth();
}

main();
