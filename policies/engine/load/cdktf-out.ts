/**
 * Reads a cdktf.out directory: manifest.json names every stack's cdk.tf.json; all stacks become one
 * model with ids `<stack>/<address>`. Cross-stack references (a remote-state output in the consumer)
 * are followed to the producing stack's output and from there to the producing resource.
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors';
import type { Reference } from '../model';
import { resourceId } from './draft';
import { traversalsInToken, isToken } from './expressions';
import { isObject, parseJsonObject, quoteShort } from './json';
import { readText } from './read-text';
import { readSynthDocument, resolveLocalReferences, type SynthStack } from './synth';

export interface LoadedStacks {
  readonly stacks: SynthStack[];
  readonly sources: string[];
  /** Each stack's `dependencies` as the manifest lists them (names of other stacks of the manifest only). */
  readonly dependencies: Map<string, string[]>;
}

export function readCdktfOut(dir: string): LoadedStacks {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new InputError(`${dir}: no manifest.json, not a cdktf.out directory`);
  const manifest = parseJsonObject(readText(manifestFile, manifestFile, 'manifest'), manifestFile);
  if (!isObject(manifest.stacks)) throw new InputError(`${manifestFile}: expected "stacks" to be an object`);
  const root = resolve(dir);
  const realRoot = realpathSync(root);
  /** Inside the directory, also once symbolic links are followed (a stack file may be a link out of it). */
  const inside = (file: string, base: string) => {
    const rel = relative(base, file);
    return !(rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel));
  };
  const stacks: SynthStack[] = [];
  const sources: string[] = [manifestFile];
  const dependencies = new Map<string, string[]>();
  for (const [name, entry] of Object.entries(manifest.stacks)) {
    const listed = isObject(entry) ? entry.dependencies : undefined;
    if (listed !== undefined && !(Array.isArray(listed) && listed.every((d) => typeof d === 'string'))) {
      throw new InputError(`${manifestFile}: stack ${quoteShort(name)}: expected "dependencies" to be a list of stack names`);
    }
    dependencies.set(name, (listed ?? []).filter((d) => Object.prototype.hasOwnProperty.call(manifest.stacks, d) && d !== name));
    const stackPath = isObject(entry) ? entry.synthesizedStackPath : undefined;
    if (typeof stackPath !== 'string') throw new InputError(`${manifestFile}: stack ${quoteShort(name)} has no synthesizedStackPath`);
    const file = resolve(root, stackPath);
    // The manifest is input too: it may not send the loader outside the directory it describes.
    let real: string | undefined;
    try {
      real = realpathSync(file);
    } catch {
      real = undefined; // missing: readText says so
    }
    if (!inside(file, root) || (real !== undefined && !inside(real, realRoot))) {
      throw new InputError(`${manifestFile}: stack ${quoteShort(name)} points outside the directory`);
    }
    const shown = join(dir, stackPath);
    const doc = parseJsonObject(readText(file, shown, `stack ${name}`), shown);
    const stack = readSynthDocument(doc, { stack: name, sourceFile: shown });
    resolveLocalReferences(stack);
    stacks.push(stack);
    sources.push(shown);
  }
  resolveCrossStackReferences(stacks);
  return { stacks, sources, dependencies };
}

const REMOTE_STATE = 'data.terraform_remote_state.';

/** Normalised backend settings that identify a state: the local path's file name, or bucket + prefix. */
function stateKey(type: unknown, config: unknown): string | undefined {
  if (!isObject(config)) return undefined;
  if (type === 'local' && typeof config.path === 'string') return `local:${config.path.split(/[\\/]/).pop()}`;
  if (type === 'gcs' && typeof config.bucket === 'string') return `gcs:${config.bucket}/${typeof config.prefix === 'string' ? config.prefix : ''}`;
  return undefined;
}

/** Which stack a remote-state data source reads: by backend settings, else by cdktf's naming convention. */
function producerOf(remoteState: SynthStack['resources'][number], byState: Map<string, SynthStack>, byName: Map<string, SynthStack>): SynthStack | undefined {
  const key = stateKey(remoteState.values.backend, remoteState.values.config);
  const byBackend = key === undefined ? undefined : byState.get(key);
  if (byBackend) return byBackend;
  const conventional = /^cross-stack-reference-input-(.+)$/.exec(remoteState.name);
  return conventional ? byName.get(conventional[1]) : undefined;
}

function resolveCrossStackReferences(stacks: SynthStack[]): void {
  const byState = new Map<string, SynthStack>();
  const byName = new Map<string, SynthStack>();
  for (const stack of stacks) {
    if (stack.name !== undefined) byName.set(stack.name, stack);
    const key = stack.backend && stateKey(stack.backend.type, stack.backend.config);
    if (key !== undefined) byState.set(key, stack);
  }
  for (const consumer of stacks) {
    const remoteStates = new Map(consumer.resources.filter((r) => r.type === 'terraform_remote_state' && r.mode === 'data').map((r) => [r.address, r]));
    if (remoteStates.size === 0) continue;
    for (const resource of consumer.resources) {
      resource.references = resource.references.map((reference): Reference => {
        const t = consumer.traversals.get(reference);
        if (!t || !t.address.startsWith(REMOTE_STATE) || !t.attribute?.startsWith('outputs.')) return reference;
        const remoteState = remoteStates.get(t.address);
        const producer = remoteState && producerOf(remoteState, byState, byName);
        const outputName = t.attribute.split('.')[1];
        const value = producer?.outputs.get(outputName);
        if (!producer || !isToken(value)) return reference;
        const origin = traversalsInToken(value).find((o) => (o.root === 'resource' || o.root === 'data') && producer.resources.some((r) => r.address === o.address));
        if (!origin) return reference;
        return { path: reference.path, expression: reference.expression, target: resourceId(producer.name, origin.address), attribute: origin.attribute };
      });
    }
  }
}
