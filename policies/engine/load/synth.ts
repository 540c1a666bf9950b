/**
 * Reads one synthesized cdk.tf.json: `resource.<type>.<name>`, `data.<type>.<name>` and `output`.
 * Token strings (`${...}`) stay in the values as written, are marked unknown and become References.
 */
import { InputError } from '../errors';
import type { InlineSuppression, Reference, UnknownTree, UnreadInput } from '../model';
import { parseAddress } from './address';
import { attributeTypeChecker } from './check-attribute-types';
import { newResource, resourceId, type ResourceDraft } from './draft';
import { isToken, traversalsInToken, type Traversal } from './expressions';
import { isObject, quoteShort } from './json';
import { SENSITIVE_ATTRIBUTE_NAMES } from './sensitive';

/** The key under a resource's `//` metadata that inline suppressions are read from (cdktf's suppress() writes it). */
export const SUPPRESSION_METADATA_KEY = 'baseline';

/** Terraform meta-arguments: how to manage a resource, not what it is. */
const META_KEYS = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'connection', 'provisioner']);

/** Where a stack keeps its state; cross-stack remote-state data sources point at it. */
export interface BackendInfo {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface SynthStack {
  /** Stack name, undefined for a lone cdk.tf.json. */
  readonly name?: string;
  readonly sourceFile: string;
  readonly resources: ResourceDraft[];
  /** Module calls: their resources live in the module's source, not in this document. */
  readonly unread: UnreadInput[];
  /** `output.<name>.value` as written. */
  readonly outputs: ReadonlyMap<string, unknown>;
  readonly backend?: BackendInfo;
  /** Parsed traversals per reference, so resolution need not parse twice. */
  readonly traversals: Map<Reference, Traversal>;
}

/** Marks token strings unknown and collects their references, walking values once. */
function scanTokens(value: unknown, path: string, refs: Reference[], traversals: Map<Reference, Traversal>): UnknownTree | undefined {
  if (typeof value === 'string') {
    if (!isToken(value)) return undefined;
    for (const t of traversalsInToken(value)) {
      const reference: Reference = { path, expression: t.expression };
      refs.push(reference);
      traversals.set(reference, t);
    }
    return true;
  }
  if (value === null || typeof value !== 'object') return undefined;
  let tree: Record<string, UnknownTree> | UnknownTree[] | undefined;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const sub = scanTokens(item, path === '' ? String(i) : `${path}.${i}`, refs, traversals);
      if (sub !== undefined) {
        tree ??= value.map(() => false);
        (tree as UnknownTree[])[i] = sub;
      }
    });
    return tree;
  }
  for (const key of Object.keys(value)) {
    const sub = scanTokens((value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, refs, traversals);
    if (sub !== undefined) {
      tree ??= {};
      // defineProperty: a `__proto__` key must stay an own key, never become the tree's prototype.
      Object.defineProperty(tree, key, { value: sub, enumerable: true, writable: true, configurable: true });
    }
  }
  return tree;
}

/**
 * `dynamic "<block>" { for_each = ..., content { ... } }` (cdktf iterators write it) generates nested blocks at
 * apply. Its spec moves to the block's own name, so rules find the block there, marked unknown, with the
 * references of its `for_each` and `content`; the `dynamic` key goes. Returns the block names.
 */
function expandDynamicBlocks(values: Record<string, unknown>, address: string, where: string): string[] {
  const dynamic = values.dynamic;
  if (dynamic === undefined) return [];
  if (!isObject(dynamic)) throw new InputError(`${where}: ${quoteShort(address)}: "dynamic" must be an object`);
  delete values.dynamic;
  const names = Object.keys(dynamic);
  for (const name of names) {
    const spec = dynamic[name];
    const written = values[name];
    // Static blocks of the same name sit beside the generated ones.
    values[name] = written === undefined ? [spec] : [...(Array.isArray(written) ? written : [written]), spec];
  }
  return names;
}

function inlineSuppressionsOf(metadata: unknown): InlineSuppression[] {
  const own = isObject(metadata) ? metadata[SUPPRESSION_METADATA_KEY] : undefined;
  if (!isObject(own) || !Array.isArray(own.suppressions)) return [];
  return own.suppressions.filter(isObject).map((s) => ({
    rule: typeof s.rule === 'string' ? s.rule : '',
    reason: typeof s.reason === 'string' ? s.reason : '',
    expires: typeof s.expires === 'string' ? s.expires : undefined,
  }));
}

function backendOf(doc: Record<string, unknown>): BackendInfo | undefined {
  const terraform = doc.terraform;
  if (!isObject(terraform) || !isObject(terraform.backend)) return undefined;
  const [type] = Object.keys(terraform.backend);
  const config = type === undefined ? undefined : terraform.backend[type];
  return type === undefined ? undefined : { type, config: isObject(config) ? config : {} };
}

function sensitiveTopLevel(values: Record<string, unknown>): UnknownTree {
  const tree: Record<string, UnknownTree> = {};
  for (const key of Object.keys(values)) if (SENSITIVE_ATTRIBUTE_NAMES.has(key)) tree[key] = true;
  return tree;
}

/**
 * Addresses (`type.name`) that the document's `import` blocks adopt. cdktf 0.21's `importFrom()` writes
 * `"import": [{ "to": "google_x.y", "id": "...", "provider"?: "..." }]` (lib/terraform-resource.js
 * toTerraform); a `to` with an index (`google_x.y["k"]`) adopts one instance of that resource.
 */
function importedAddresses(doc: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(doc.import)) return out;
  for (const block of doc.import) {
    if (!isObject(block) || typeof block.to !== 'string') continue;
    const to = block.to.replace(/^\$\{(.*)\}$/, '$1').trim();
    const parsed = parseAddress(to);
    if (parsed && parsed.mode === 'managed' && parsed.modulePath.length === 0) out.add(`${parsed.type}.${parsed.name}`);
  }
  return out;
}

export function readSynthDocument(doc: Record<string, unknown>, source: { stack?: string; sourceFile: string }): SynthStack {
  const resources: ResourceDraft[] = [];
  const traversals = new Map<Reference, Traversal>();
  const where = source.stack === undefined ? source.sourceFile : `${source.sourceFile} (stack ${source.stack})`;
  const attributeTypes = attributeTypeChecker('synth');
  const imported = importedAddresses(doc);
  for (const mode of ['managed', 'data'] as const) {
    const block = doc[mode === 'managed' ? 'resource' : 'data'];
    if (block === undefined) continue;
    if (!isObject(block)) throw new InputError(`${where}: "${mode === 'managed' ? 'resource' : 'data'}" must be an object`);
    for (const type of Object.keys(block)) {
      const byName = block[type];
      if (!isObject(byName)) throw new InputError(`${where}: ${quoteShort(type)} must map names to resources`);
      for (const name of Object.keys(byName)) {
        const raw = byName[name];
        const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        if (!isObject(raw)) throw new InputError(`${where}: ${quoteShort(address)} must be an object`);
        const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !META_KEYS.has(k)));
        const dynamicBlocks = expandDynamicBlocks(values, address, where);
        const references: Reference[] = [];
        const unknown = (scanTokens(values, '', references, traversals) ?? {}) as Record<string, UnknownTree>;
        // The blocks a `dynamic` generates are known only after apply: how many, and what each holds. The
        // generated one is the last item of the block list; static items before it keep their own marks.
        for (const name of dynamicBlocks) {
          const items = values[name] as unknown[];
          const own = unknown[name];
          const marks: UnknownTree[] = items.map((_, i) => (i === items.length - 1 ? true : Array.isArray(own) ? (own[i] ?? false) : false));
          Object.defineProperty(unknown, name, { value: marks, enumerable: true, writable: true, configurable: true });
        }
        const metadata = raw['//'];
        const path = isObject(metadata) && isObject(metadata.metadata) ? metadata.metadata.path : undefined;
        const draft = newResource({
          id: resourceId(source.stack, address),
          stack: source.stack,
          address,
          mode,
          type,
          name,
          modulePath: [],
          values,
          unknown,
          sensitive: sensitiveTopLevel(values),
          action: mode === 'data' ? 'read' : 'create',
          importing: mode === 'managed' && imported.has(address),
          references,
          // Kept as written until resolveLocalReferences knows the stack's addresses.
          dependsOn: Array.isArray(raw.depends_on) ? raw.depends_on.filter((d): d is string => typeof d === 'string') : [],
          constructPath: typeof path === 'string' ? path : undefined,
          inlineSuppressions: inlineSuppressionsOf(metadata),
          sourceFile: source.sourceFile,
        });
        attributeTypes.check(draft);
        resources.push(draft);
      }
    }
  }
  const unread: UnreadInput[] = [];
  if (doc.module !== undefined) {
    if (!isObject(doc.module)) throw new InputError(`${where}: "module" must be an object`);
    for (const name of Object.keys(doc.module)) {
      unread.push({
        address: `module.${name}`,
        what: 'is a module call: its resources are in the module\'s source, not in this file, and were not checked; check a plan (terraform show -json), which lists them',
        stack: source.stack,
        sourceFile: source.sourceFile,
      });
    }
  }
  const outputs = new Map<string, unknown>();
  if (isObject(doc.output)) {
    for (const [name, output] of Object.entries(doc.output)) if (isObject(output)) outputs.set(name, output.value);
  }
  return { name: source.stack, sourceFile: source.sourceFile, resources, unread, outputs, backend: backendOf(doc), traversals };
}

/** Points each reference and `depends_on` entry at the resource it names in the same stack (cross-stack references: see cdktf-out.ts). */
export function resolveLocalReferences(stack: SynthStack): void {
  const addresses = new Set(stack.resources.map((r) => r.address));
  for (const resource of stack.resources) {
    resource.dependsOn = resource.dependsOn.filter((address) => addresses.has(address)).map((address) => resourceId(stack.name, address));
    resource.references = resource.references.map((reference) => {
      const t = stack.traversals.get(reference);
      if (!t || (t.root !== 'resource' && t.root !== 'data') || !addresses.has(t.address)) return reference;
      const resolved: Reference = { ...reference, target: resourceId(stack.name, t.address), attribute: t.attribute };
      stack.traversals.set(resolved, t);
      return resolved;
    });
  }
}

/** True when a document looks like synthesized Terraform JSON rather than a plan. */
export function looksLikeSynth(doc: Record<string, unknown>): boolean {
  return ['resource', 'data', 'terraform', 'output', 'provider', '//'].some((k) => k in doc) && !('format_version' in doc);
}
