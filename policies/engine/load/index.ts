/**
 * loadModel: the one entry to the engine's input. Detects what it was given (a cdktf.out directory,
 * one cdk.tf.json, or `terraform show -json` plan JSON; `-` is stdin) and hands it to that loader.
 * Every loader yields resource drafts; createModel indexes them. A new input kind (a Cloud Asset
 * Inventory export, say) is one more detector and loader here, nothing else.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BaselineConfig } from '../../config/org-config';
import { createModel } from '../create-model';
import { InputError } from '../errors';
import type { Model } from '../model';
import { readCdktfOut } from './cdktf-out';
import { describeJsonType, isObject, parseJsonObject } from './json';
import { looksLikePlan, readPlan } from './plan';
import { readText } from './read-text';
import { looksLikeSynth, readSynthDocument, resolveLocalReferences } from './synth';

export interface LoadOptions {
  /** Adds config-declared folders and projects to the model's hierarchy. @default - no config */
  readonly config?: BaselineConfig;
}

export type ModelInput = string | { readonly text: string; readonly name: string };

function fromDocument(text: string, name: string, options: LoadOptions): Model {
  const doc = parseJsonObject(text, name);
  if (looksLikePlan(doc) || 'format_version' in doc) {
    const resources = readPlan(doc, name);
    return createModel({ kind: 'plan', sources: [name], stacks: [], resources, config: options.config });
  }
  if (looksLikeSynth(doc)) {
    const stack = readSynthDocument(doc, { sourceFile: name });
    resolveLocalReferences(stack);
    return createModel({ kind: 'synth-json', sources: [name], stacks: [], resources: stack.resources, config: options.config });
  }
  throw new InputError(`${name}: not a Terraform plan (terraform show -json) nor a synthesized cdk.tf.json`);
}

function fromDirectory(dir: string, options: LoadOptions): Model {
  // A single stack's directory (cdktf.out/stacks/<name>) is a lone cdk.tf.json.
  if (!existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'cdk.tf.json'))) {
    const file = join(dir, 'cdk.tf.json');
    return fromDocument(readText(file, file), file, options);
  }
  const { stacks, sources } = readCdktfOut(dir);
  return createModel({
    kind: 'cdktf-out',
    sources,
    stacks: stacks.map((s) => s.name!),
    resources: stacks.flatMap((s) => s.resources),
    config: options.config,
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
