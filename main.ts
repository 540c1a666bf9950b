/**
 * Thin composer: `synthBaseline(config)` builds one stack per concern into an App and synthesizes it.
 * Importing this module runs nothing; `bin/synth.ts` (what `npm run synth` and cdktf.json's `app` run)
 * loads the config and calls it. `BASELINE_CONFIG` names another config file (default: the example org).
 */
import { App } from 'cdktf';
import type { BaselineConfig } from './policies/config/org-config';
import { buildBaseline, type Baseline } from './stacks';
import { BaselinePolicyValidation } from './stacks/synth-gate';
import { askTerraformVersionOnce, withPlainStackTraces } from './stacks/synth-cost';

export interface SynthOptions {
  /** Where cdktf writes the stacks. @default 'cdktf.out' */
  readonly outdir?: string;
  /** Run the policy gate: `cdktf synth` fails on unsuppressed findings at or above high. @default true */
  readonly policyGate?: boolean;
}

/** Builds the baseline for `config` and synthesizes it; returns the app and its stacks. */
export function synthBaseline(config: BaselineConfig, options: SynthOptions = {}): { app: App; baseline: Baseline } {
  askTerraformVersionOnce();
  return withPlainStackTraces(() => {
    const app = new App({ outdir: options.outdir ?? 'cdktf.out' });
    const baseline = buildBaseline(app, config);
    // The same results as `baseline check`, so a failing synth and a failing check agree.
    if (options.policyGate ?? true) BaselinePolicyValidation.addTo(app, { config });
    app.synth();
    return { app, baseline };
  });
}
