/**
 * loadModel: the one entry to the engine's input. Detects what it was given (a cdktf.out directory,
 * one cdk.tf.json, or `terraform show -json` plan JSON; `-` is stdin) and hands it to that loader.
 * Every loader yields resource drafts; createModel indexes them. A new input kind (a Cloud Asset
 * Inventory export, say) is one more detector and loader here, nothing else.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DeclaredHierarchy } from '../hierarchy';
import { createModel } from '../create-model';
import { InputError } from '../errors';
import type { Model } from '../model';
import { readCdktfOut } from './cdktf-out';
import { resourceId, type ResourceDraft } from './draft';
import { describeJsonType, isObject, parseJsonObject } from './json';
import { looksLikePlan, readPlan } from './plan';
import { readText } from './read-text';
import { looksLikeSynth, readSynthDocument, resolveLocalReferences } from './synth';

export interface LoadOptions {
  /** Folders and projects a config declares, added to the model's hierarchy. @default - none */
  readonly declared?: DeclaredHierarchy;
}

export type ModelInput = string | { readonly text: string; readonly name: string };

function fromDocument(text: string, name: string, options: LoadOptions): Model {
  const doc = parseJsonObject(text, name);
  if (looksLikePlan(doc) || 'format_version' in doc) {
    const resources = readPlan(doc, name);
    return createModel({ kind: 'plan', sources: [name], stacks: [], resources, declared: options.declared });
  }
  if (looksLikeSynth(doc)) {
    const stack = readSynthDocument(doc, { sourceFile: name });
    resolveLocalReferences(stack);
    return createModel({ kind: 'synth-json', sources: [name], stacks: [], resources: stack.resources, unread: stack.unread, declared: options.declared });
  }
  throw new InputError(`${name}: not a Terraform plan (terraform show -json) nor a synthesized cdk.tf.json`);
}

/** Plan files in a folder: its regular `*.json` files (not links, not sub-folders), in name order. */
function planFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && extname(e.name) === '.json')
    .map((e) => e.name)
    .sort();
}

/**
 * A folder of plan files (one `terraform show -json` per root module or workspace): each is read as a
 * plan and becomes a "stack" named after its file, so ids stay apart (`network/google_x.y`) and one
 * report covers them all.
 */
function fromPlanFolder(dir: string, files: readonly string[], options: LoadOptions): Model {
  const resources: ResourceDraft[] = [];
  const stacks: string[] = [];
  const sources: string[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const stack = basename(name, '.json');
    const doc = parseJsonObject(readText(file, file), file);
    if (!looksLikePlan(doc) && !('format_version' in doc)) throw new InputError(`${file}: not a Terraform plan (terraform show -json); a folder holds plan files or a cdktf.out manifest`);
    for (const draft of readPlan(doc, file)) {
      draft.stack = stack;
      draft.id = resourceId(stack, draft.id);
      draft.references = draft.references.map((r) => (r.target === undefined ? r : { ...r, target: resourceId(stack, r.target) }));
      resources.push(draft);
    }
    stacks.push(stack);
    sources.push(file);
  }
  return createModel({ kind: 'plan', sources, stacks, resources, declared: options.declared });
}

function fromDirectory(dir: string, options: LoadOptions): Model {
  if (!existsSync(join(dir, 'manifest.json'))) {
    // A single stack's directory (cdktf.out/stacks/<name>) is a lone cdk.tf.json.
    if (existsSync(join(dir, 'cdk.tf.json'))) {
      const file = join(dir, 'cdk.tf.json');
      return fromDocument(readText(file, file), file, options);
    }
    const plans = planFilesIn(dir);
    if (plans.length > 0) return fromPlanFolder(dir, plans, options);
  }
  const { stacks, sources, dependencies } = readCdktfOut(dir);
  return createModel({
    kind: 'cdktf-out',
    sources,
    stacks: stacks.map((s) => s.name!),
    stackDependencies: dependencies,
    resources: stacks.flatMap((s) => s.resources),
    unread: stacks.flatMap((s) => s.unread),
    declared: options.declared,
  });
}

export function loadModel(input: ModelInput, options: LoadOptions = {}): Model {
  if (typeof input !== 'string') {
    if (!isObject(input) || typeof input.text !== 'string') throw new InputError(`expected a path or { text, name }, got ${describeJsonType(input)}`);
    return fromDocument(input.text, input.name, options);
  }
  if (input === '-') return fromDocument(readText(0, '<stdin>'), '<stdin>', options);
  let stats;
  try {
    stats = statSync(input);
  } catch (error) {
    throw new InputError(`${input}: no such file or directory (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if (stats.isDirectory()) return fromDirectory(input, options);
  // Pointing at cdktf.out/manifest.json means the whole directory.
  if (basename(input) === 'manifest.json') return fromDirectory(dirname(input), options);
  return fromDocument(readText(input, input), input, options);
}
