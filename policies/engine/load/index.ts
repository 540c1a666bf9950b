/**
 * loadModel: the one entry to the engine's input. Detects what it was given (a cdktf.out directory,
 * one cdk.tf.json, `terraform show -json` plan JSON, or a Cloud Asset Inventory export; `-` is stdin)
 * and hands it to that loader. Every loader yields resource drafts; createModel indexes them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DeclaredHierarchy } from '../hierarchy';
import { createModel } from '../create-model';
import { InputError } from '../errors';
import type { Model } from '../model';
import { readCdktfOut } from './cdktf-out';
import { resourceId, type ResourceDraft } from './draft';
import { AssetCollector, assetModelParts, isExportedAsset, isSearchResult, projectIdsFromItems } from './asset-export';
import { describeJsonType, isObject, parseJson, parseJsonObject } from './json';
import { isPlanDocument, readPlan, readPlanSections } from './plan';
import { decodeText, forEachLine, forEachTextLine, peekText, readBytes, readText } from './read-text';
import { looksLikeSynth, readSynthDocument, resolveLocalReferences } from './synth';

export interface LoadOptions {
  /** Folders and projects a config declares, added to the model's hierarchy. @default - none */
  readonly declared?: DeclaredHierarchy;
  /**
   * Project numbers -> project ids, for Cloud Asset Inventory exports (which name projects by number).
   * @default - the config's project numbers and the export's own Project assets only
   */
  readonly projectIds?: ReadonlyMap<string, string>;
}

export type ModelInput = string | { readonly text: string; readonly name: string };

/**
 * The first line of newline-delimited JSON whose first key is an asset's: `{"name":"//...","asset_type":...}`.
 * Plans start with `format_version`, cdk.tf.json with `//`, and neither puts a whole document on a line that opens so.
 */
const ASSET_LINE = /^\uFEFF?\s*\{\s*"(name|asset_type|assetType|ancestors|resource)"\s*:/;

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}

function looksLikeAssetLines(text: string): boolean {
  const line = firstLine(text);
  return ASSET_LINE.test(line) && /"(asset_type|assetType)"\s*:|"resource"\s*:\s*"\/\//.test(line);
}

function projectIdsOf(options: LoadOptions, collector: AssetCollector): Map<string, string> {
  const ids = new Map<string, string>();
  for (const p of options.declared?.projects ?? []) if (p.number !== undefined) ids.set(p.number, p.id);
  for (const [number, id] of collector.projectIds) ids.set(number, id);
  for (const [number, id] of options.projectIds ?? []) ids.set(number, id);
  return ids;
}

function fromAssets(collector: AssetCollector, name: string, options: LoadOptions): Model {
  const { resources, nodes } = assetModelParts(collector.takeAssets(), projectIdsOf(options, collector), name);
  return createModel({ kind: 'asset-export', sources: [name], stacks: [], resources, declared: options.declared, nodes });
}

/** Newline-delimited assets (`gcloud asset export` output), one JSON object per line; blank lines are skipped. */
function addAssetLine(collector: AssetCollector, line: string, lineNumber: number, name: string): void {
  if (line.trim() === '') return;
  const where = `${name}: line ${lineNumber}`;
  collector.addItem(parseJson(line, where), where);
}

function fromAssetList(list: unknown[], name: string, options: LoadOptions): Model {
  if (list.length === 0) throw new InputError(`${name}: an empty list, expected Cloud Asset Inventory assets or IAM policy search results`);
  const collector = new AssetCollector();
  list.forEach((item, i) => collector.addItem(item, `${name}: item ${i}`));
  return fromAssets(collector, name, options);
}

/** A document as text or, read from a file or stdin, as bytes: a plan's are decoded only where it is read. */
function fromDocument(document: string | Buffer, name: string, options: LoadOptions): Model {
  // A plan is parsed member by member, only what the loader reads (see readPlanSections).
  const plan = readPlanSections(document);
  if (plan !== undefined) return createModel({ kind: 'plan', sources: [name], stacks: [], resources: readPlan(plan, name), declared: options.declared });
  const text = typeof document === 'string' ? document : decodeText(document, name);
  if (looksLikeAssetLines(text)) {
    const collector = new AssetCollector();
    forEachTextLine(text, (line, lineNumber) => addAssetLine(collector, line, lineNumber, name));
    return fromAssets(collector, name, options);
  }
  const parsed = parseJson(text, name);
  if (Array.isArray(parsed)) {
    if (parsed.length > 0 && !isExportedAsset(parsed[0]) && !isSearchResult(parsed[0])) {
      throw new InputError(`${name}: a JSON list that is neither Cloud Asset Inventory assets nor IAM policy search results`);
    }
    return fromAssetList(parsed, name, options);
  }
  if (!isObject(parsed)) throw new InputError(`${name}: expected a JSON object or list, got ${describeJsonType(parsed)}`);
  const doc = parsed;
  if (isPlanDocument(doc)) {
    const resources = readPlan(doc, name);
    return createModel({ kind: 'plan', sources: [name], stacks: [], resources, declared: options.declared });
  }
  if (looksLikeSynth(doc)) {
    const stack = readSynthDocument(doc, { sourceFile: name });
    resolveLocalReferences(stack);
    return createModel({ kind: 'synth-json', sources: [name], stacks: [], resources: stack.resources, unread: stack.unread, declared: options.declared });
  }
  throw new InputError(`${name}: not a Terraform plan (terraform show -json), a synthesized cdk.tf.json nor a Cloud Asset Inventory export`);
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
    const bytes = readBytes(file, file);
    const doc = readPlanSections(bytes) ?? parseJsonObject(decodeText(bytes, file), file);
    if (!isPlanDocument(doc)) throw new InputError(`${file}: not a Terraform plan (terraform show -json); a folder holds plan files or a cdktf.out manifest`);
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
      return fromDocument(readBytes(file, file), file, options);
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
  if (input === '-') return fromDocument(readBytes(0, '<stdin>'), '<stdin>', options);
  let stats;
  try {
    stats = statSync(input);
  } catch (error) {
    throw new InputError(`${input}: no such file or directory (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if (stats.isDirectory()) return fromDirectory(input, options);
  // Pointing at cdktf.out/manifest.json means the whole directory.
  if (basename(input) === 'manifest.json') return fromDirectory(dirname(input), options);
  // An asset export may be larger than any one string: read it line by line, keeping only the model.
  if (looksLikeAssetLines(peekText(input, input))) {
    const collector = new AssetCollector();
    forEachLine(input, input, (line, lineNumber) => addAssetLine(collector, line, lineNumber, input));
    return fromAssets(collector, input, options);
  }
  return fromDocument(readBytes(input, input), input, options);
}

/**
 * Project numbers -> ids from a file (`baseline audit --projects`): `gcloud projects list --format=json`,
 * or a `gcloud asset export --content-type=resource` export (newline-delimited or a JSON list) whose
 * Project assets carry `projectId` and `projectNumber`.
 */
export function loadProjectIds(file: string): Map<string, string> {
  const items: { item: unknown; where: string }[] = [];
  if (looksLikeAssetLines(peekText(file, file, undefined, 'project list'))) {
    forEachLine(
      file,
      file,
      (line, lineNumber) => {
        if (line.trim() === '') return;
        const where = `${file}: line ${lineNumber}`;
        const item = parseJson(line, where);
        // Only Project assets matter here; keep nothing else of a large resource export.
        if (isObject(item) && (item.asset_type ?? item.assetType) !== 'cloudresourcemanager.googleapis.com/Project') return;
        items.push({ item, where });
      },
      'project list',
    );
  } else {
    const list = parseJson(readText(file, file, 'project list'), file);
    if (!Array.isArray(list)) throw new InputError(`${file}: expected a JSON list of projects (gcloud projects list --format=json), got ${describeJsonType(list)}`);
    list.forEach((item, i) => items.push({ item, where: `${file}: item ${i}` }));
  }
  return projectIdsFromItems(items, file);
}
