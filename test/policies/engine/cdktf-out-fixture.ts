/** Writes a cdktf.out directory (manifest.json + stacks/<name>/cdk.tf.json) of the given synth documents, with each stack's `dependencies`. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeCdktfOut(stacks: Record<string, object>, dependencies: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-out-'));
  const manifest: Record<string, object> = {};
  for (const [name, doc] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', name), { recursive: true });
    writeFileSync(join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(doc));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}`, dependencies: dependencies[name] ?? [] };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
  return dir;
}
