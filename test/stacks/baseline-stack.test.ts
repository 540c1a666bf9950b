import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'cdktf';
import { EXAMPLE_CONFIG, loadConfig } from '../../config/load';
import { buildBaseline, DEPLOY_ORDER } from '../../stacks';

type Doc = { terraform: { backend: Record<string, Record<string, string>> }; data?: Record<string, Record<string, { config: Record<string, string> }>> };

function synthBaseline(state?: { bucket: string; prefix: string }) {
  const outdir = mkdtempSync(join(tmpdir(), 'baseline-synth-'));
  const config = { ...loadConfig(EXAMPLE_CONFIG), ...(state ? { state } : {}) };
  const app = new App({ outdir });
  buildBaseline(app, config);
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const doc = (stack: string): Doc => JSON.parse(readFileSync(join(outdir, manifest.stacks[stack].synthesizedStackPath), 'utf8'));
  return { outdir, manifest, doc };
}

describe('the baseline app', () => {
  it('synthesizes one stack per concern, in deploy order', () => {
    const { manifest } = synthBaseline();
    expect(Object.keys(manifest.stacks).sort()).toEqual([...DEPLOY_ORDER].sort());
    expect(manifest.stacks.alerting.dependencies.sort()).toEqual(['logging', 'secrets']);
  });

  it('keeps local state in the project root, where consumer stacks read it through remote state', () => {
    // GIVEN no state bucket WHEN synthesized THEN the producer's backend and the consumer's remote state name one file
    const { outdir, doc } = synthBaseline();
    const workingDir = (stack: string) => join(outdir, 'stacks', stack);
    const producer = resolve(workingDir('logging'), doc('logging').terraform.backend.local.path);
    const consumer = resolve(workingDir('alerting'), doc('alerting').data!.terraform_remote_state['cross-stack-reference-input-logging'].config.path);
    expect(producer).toBe(resolve('terraform.logging.tfstate'));
    expect(consumer).toBe(producer);
  });

  it('uses a GCS backend per stack when the config names a state bucket', () => {
    const { doc } = synthBaseline({ bucket: 'example-tfstate', prefix: 'org' });
    for (const stack of DEPLOY_ORDER) {
      expect(doc(stack).terraform.backend).toEqual({ gcs: { bucket: 'example-tfstate', prefix: `org/${stack}` } });
    }
  });
});
