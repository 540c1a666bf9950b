/**
 * The one model every input becomes. Loaders (cdktf.out, cdk.tf.json, plan JSON, Cloud Asset Inventory
 * exports) produce it; rules and reports read only it. No cdktf import here, ever.
 */

/**
 * What Terraform will do to a resource. Synthesized JSON has no plan, so its resources are `create`
 * (those an `import` block adopts are marked by `Resource.importing`).
 */
export type Action = 'create' | 'update' | 'delete' | 'replace' | 'read' | 'no-op';

/** `asset-export`: the live IAM policies of a Cloud Asset Inventory export (see load/asset-export.ts). */
export type InputKind = 'cdktf-out' | 'synth-json' | 'plan' | 'asset-export';

/** A part of the input the loader saw but could not read into resources (a module call in a cdk.tf.json). */
export interface UnreadInput {
  /** Where it is: `module.network`. */
  readonly address: string;
  /** What it is and why its resources are missing, as a sentence. */
  readonly what: string;
  readonly stack?: string;
  readonly sourceFile: string;
}

/** A reference from one resource's attribute to another resource (or one of its attributes). */
export interface Reference {
  /** Dotted attribute path in the referring resource, e.g. `member` or `retention_policy.0.x`. */
  readonly path: string;
  /** Model id of the referenced resource (`<stack>/<address>` or `<address>`); undefined when it is a variable, local or unresolvable. */
  readonly target?: string;
  /** The referenced attribute of the target, e.g. `writer_identity`; undefined for a whole-resource reference. */
  readonly attribute?: string;
  /** The expression as written: `google_logging_organization_sink.org.writer_identity`, `var.x`. */
  readonly expression: string;
}

/**
 * Marks of values not known before apply, shaped like the values: `true` marks an unknown
 * subtree, objects and arrays descend. Same shape as a plan's `after_unknown`.
 */
export type UnknownTree = boolean | { readonly [k: string]: UnknownTree } | readonly UnknownTree[];

/** An inline suppression written by a construct into the resource's `//` metadata (see policies/suppress.ts). */
export interface InlineSuppression {
  readonly rule: string;
  readonly reason: string;
  /** YYYY-MM-DD; undefined means no expiry was given (itself reported by the engine). */
  readonly expires?: string;
}

export interface Resource {
  /** Unique in the model: `<stack>/<address>` when the input has stacks, else the address. */
  readonly id: string;
  /** cdktf stack name (synth input) or undefined (a single plan / cdk.tf.json). */
  readonly stack?: string;
  /** Full Terraform address: `module.a.module.b["x"].google_foo.bar[0]`, `data.google_iam_policy.p`. */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `count` / `for_each` index, when the plan expanded one. */
  readonly index?: string | number;
  /** Module calls from the root, e.g. [`module.a`, `module.b["x"]`]. Empty at the root. */
  readonly modulePath: readonly string[];
  /**
   * Attribute values after the change: planned values (plan) or configuration (synth JSON).
   * Nested blocks keep the shape of their input (plans: arrays; synth JSON: object or array);
   * read them with `get()`, which steps through single-item arrays. Meta keys (`//`, `depends_on`,
   * `lifecycle`, `provider`, `count`, `for_each`) are removed.
   * Synthesized token strings (`${...}`) stay here as written and are also marked unknown.
   * Attributes listed in load/attribute-types.ts hold their listed type when known (the loader
   * rejects others; a synthesized `"365"` for a number reads 365).
   */
  readonly values: Readonly<Record<string, unknown>>;
  /** Values before the change (plan `change.before`), for updates, deletes and replaces; undefined otherwise. */
  readonly before?: Readonly<Record<string, unknown>>;
  readonly unknown: UnknownTree;
  /** Same shape: `true` marks sensitive subtrees. Values under them never reach any output. */
  readonly sensitive: UnknownTree;
  readonly action: Action;
  /**
   * True when the input adopts an existing object rather than creating one: a synthesized `import`
   * block whose `to` is this resource (cdktf `importFrom`), or a plan's `change.importing`.
   */
  readonly importing: boolean;
  readonly references: readonly Reference[];
  /**
   * Model ids of the resources this one names in `depends_on` (synth JSON: the resource's own list;
   * plans: the configuration's), every instance of a counted one; names that resolve to no resource
   * of the input (a module, another stack) are left out.
   */
  readonly dependsOn: readonly string[];
  /** The cdktf construct path (`stack/logging/Resource`), when the input says. */
  readonly constructPath?: string;
  readonly inlineSuppressions: readonly InlineSuppression[];
  /** The file the resource came from (for messages and SARIF artifact locations). */
  readonly sourceFile: string;
}

/** A value read from a resource: known, known only after apply (with what it refers to), or absent. */
export type Value<T = unknown> =
  | { readonly state: 'known'; readonly value: T }
  | { readonly state: 'unknown'; readonly references: readonly Reference[]; readonly raw?: string }
  | { readonly state: 'absent' };

/** Where a grant applies. */
export type GrantLevel = 'organization' | 'folder' | 'project' | 'resource';

export interface GrantTarget {
  readonly level: GrantLevel;
  /** Resource type of the thing granted on, without the `_iam_*` suffix: `google_project`, `google_secret_manager_secret`. */
  readonly type: string;
  /** The id attribute as written (`org_id`, `folder`, `project`, `secret_id`, `crypto_key_id`, ...). */
  readonly id: Value<string>;
  /** The name of that attribute (`topic`, `secret_id`); undefined when the resource has none. */
  readonly attribute?: string;
  /** When the id refers to a resource in the model, that resource's model id. */
  readonly resourceId?: string;
}

export interface GrantCondition {
  readonly title?: string;
  readonly expression?: string;
  /**
   * When the grant ends: set only when `request.time < timestamp("...")` (or `<=`, or the mirror image) is a
   * conjunct of the whole expression, so that it bounds every way the condition can be true (the earliest
   * such bound). `A || request.time < ...`, a negation, or the text inside a string literal bound nothing.
   */
  readonly expiresAt?: Date;
  /**
   * `bounded`: expiresAt is proven; `none`: the expression does not read `request.time` at all; `unclear`: it
   * reads it but not as a bounding conjunct, or it is not CEL this checker can read (judge it unknown).
   */
  readonly expiry: 'bounded' | 'none' | 'unclear';
}

/** One (role, member) pair that an IAM resource grants. Extracted once per model, read by every IAM rule. */
export interface Grant {
  /** Model id of the resource that makes the grant (`*_iam_member`, `*_iam_binding`, `*_iam_policy`). */
  readonly resourceId: string;
  /**
   * member: additive; binding: authoritative for the role; policy: authoritative for the whole policy;
   * acl: an access-control entry (Cloud Storage ACLs, BigQuery dataset access), never in `model.grants`,
   * which holds IAM grants only (policies/gcp/acl-grants.ts reads the ACLs).
   */
  readonly kind: 'member' | 'binding' | 'policy' | 'acl';
  readonly target: GrantTarget;
  readonly role: Value<string>;
  readonly member: Value<string>;
  readonly condition?: GrantCondition;
  /** Where in the granting resource the member sits: `member`, `members.2`, `policy_data.bindings.0.members.1`. */
  readonly path: string;
  /** When the grant came from a `data.google_iam_policy` through `policy_data`, that data source's id. */
  readonly viaDataSource?: string;
  /** The planned action of the granting resource (a grant being deleted is not access being given). */
  readonly action: Action;
}

/** A node of the resource hierarchy (organization > folders > projects) as declared in the input or config. */
export interface HierarchyNode {
  readonly kind: 'organization' | 'folder' | 'project';
  /** `organizations/123`, `folders/<id or resource id>`, `projects/<project id>`. */
  readonly key: string;
  /** Model id of the declaring resource, if any (a config-only project has none). */
  readonly resourceId?: string;
  /** Key of the parent node; undefined at the organization or when unknown. */
  readonly parent?: string;
  /** True when the parent could not be determined before apply. */
  readonly parentUnknown?: boolean;
  readonly coupling?: 'tight' | 'loose';
}

export interface Model {
  readonly kind: InputKind;
  /** Files read, in order. */
  readonly sources: readonly string[];
  readonly stacks: readonly string[];
  /**
   * For a cdktf.out: the stacks each stack depends on (manifest.json `dependencies`, from `addDependency` and
   * cross-stack references); `cdktf deploy` applies those first. Empty for other inputs.
   */
  readonly stackDependencies: ReadonlyMap<string, readonly string[]>;
  readonly resources: readonly Resource[];
  /** What the input holds that the loader could not read: each becomes an `unknown`, never a silent pass. */
  readonly unread: readonly UnreadInput[];
  readonly grants: readonly Grant[];
  /** Hierarchy nodes by key; includes config-declared projects when a config is given. */
  readonly hierarchy: ReadonlyMap<string, HierarchyNode>;
  byId(id: string): Resource | undefined;
  /** Managed and data resources of one type, in input order. Indexed: O(1). */
  byType(type: string): readonly Resource[];
  /** Grants made by one IAM resource. */
  grantsOf(resourceId: string): readonly Grant[];
  /** Resources whose references point at the given resource id (reverse index). */
  referrers(resourceId: string): readonly Resource[];
}

/**
 * `compute` run at most once per model: for indexes that several rules (or one rule per resource) ask of the
 * same model. Kept in a WeakMap, so a model and what was computed from it are released together.
 */
export function perModel<T>(compute: (model: Model) => T): (model: Model) => T {
  const cache = new WeakMap<Model, T>();
  return (model) => {
    if (cache.has(model)) return cache.get(model) as T;
    const value = compute(model);
    cache.set(model, value);
    return value;
  };
}

/** Path segments of a dotted path: `a.0.b` -> ['a', 0, 'b']. */
export function splitPath(path: string): (string | number)[] {
  if (path === '') return [];
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function withoutIndexes(path: string): string {
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

/**
 * Paths read by get() and isSensitive(), split once: rules read a few dozen paths, each of hundreds of
 * thousands of resources, and splitting them on every read was a tenth of evaluating a large plan.
 * Bounded, so paths built from input (rare) cannot grow it without end.
 */
const splitPaths = new Map<string, { readonly segments: readonly (string | number)[]; readonly wanted: string }>();
const SPLIT_PATHS_KEPT = 4096;

function splitOnce(path: string): { readonly segments: readonly (string | number)[]; readonly wanted: string } {
  let split = splitPaths.get(path);
  if (split === undefined) {
    split = { segments: splitPath(path), wanted: withoutIndexes(path) };
    if (splitPaths.size >= SPLIT_PATHS_KEPT) splitPaths.clear();
    splitPaths.set(path, split);
  }
  return split;
}

function unknownAt(tree: UnknownTree | undefined): boolean {
  return tree === true;
}

function child(tree: UnknownTree | undefined, key: string | number): UnknownTree | undefined {
  if (tree === undefined || typeof tree === 'boolean') return undefined;
  return (tree as Record<string, UnknownTree>)[key as string];
}

/**
 * Reads an attribute by dotted path (`retention_policy.is_locked`, `binding.0.members`).
 * Single-item arrays (nested blocks in plans) are stepped through when the next segment is a name,
 * so the same path works for plan JSON and synthesized JSON.
 */
export function get<T = unknown>(resource: Resource, path: string, from: 'after' | 'before' = 'after'): Value<T> {
  let value: unknown = from === 'after' ? resource.values : resource.before;
  let tree: UnknownTree | undefined = from === 'after' ? resource.unknown : undefined;
  // Plans index single nested blocks (`binding.0.members`) where callers may not (`binding.members`):
  // compare paths without their numeric segments.
  const { segments, wanted } = splitOnce(path);
  const refsFor = () =>
    resource.references.filter((r) => {
      const have = withoutIndexes(r.path);
      return have === wanted || wanted.startsWith(`${have}.`) || have.startsWith(`${wanted}.`);
    });
  for (const seg of segments) {
    if (unknownAt(tree)) return { state: 'unknown', references: refsFor() };
    if (typeof seg === 'string' && Array.isArray(value) && value.length === 1) {
      value = value[0];
      tree = Array.isArray(tree) ? (tree as UnknownTree[])[0] : tree;
    }
    if (value === null || value === undefined || typeof value !== 'object') {
      return unknownAt(child(tree, seg)) ? { state: 'unknown', references: refsFor() } : { state: 'absent' };
    }
    // A name selects nothing from a list of zero or several blocks (and never one of the list's own methods: `filter`, `values`).
    if (typeof seg === 'string' && Array.isArray(value)) return { state: 'absent' };
    // Own properties only: input names like `constructor` or `toString` must not reach Object.prototype.
    value = Object.prototype.hasOwnProperty.call(value, seg) ? (value as Record<string | number, unknown>)[seg] : undefined;
    tree = child(tree, seg);
  }
  // Only the unknown marks say what is unknown: the synth loader marks every template string (`${...}`, `%{...}`),
  // while a plan's known value is known whatever text it holds.
  if (unknownAt(tree)) {
    return { state: 'unknown', references: refsFor(), raw: typeof value === 'string' ? value : undefined };
  }
  if (value === undefined || value === null) return { state: 'absent' };
  return { state: 'known', value: value as T };
}

/** True when a value at the path (or below it) is marked sensitive. */
export function isSensitive(resource: Resource, path: string): boolean {
  let tree: UnknownTree | undefined = resource.sensitive;
  for (const seg of splitOnce(path).segments) {
    if (tree === true) return true;
    if (typeof seg === 'string' && Array.isArray(tree) && tree.length === 1) tree = tree[0];
    tree = child(tree, seg);
  }
  return tree === true;
}
