/**
 * The entry `npm run synth` and cdktf.json's `app` run: loads the org config (`BASELINE_CONFIG`, default
 * the example org) and synthesizes into `BASELINE_OUTDIR` (default `cdktf.out`). A bad config exits 2
 * with every problem listed by field path.
 */
import { loadConfig, ConfigError } from '../policies/config/load';
import { EXAMPLE_CONFIG } from '../config/example';
import { synthBaseline } from '../main';

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
  synthBaseline(config, { outdir: process.env.BASELINE_OUTDIR ?? 'cdktf.out' });
}

run();
