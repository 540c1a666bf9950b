/**
 * Cloud Asset Inventory exports: the live IAM policies of an organization, read into the same model as
 * Terraform input so every IAM rule and the audit-config rule judge the live state unchanged.
 *
 * Three shapes, told apart by their first asset:
 * - `gcloud asset export --content-type=iam-policy`: newline-delimited JSON, one asset per line
 *   (`name`, `asset_type`, `ancestors`, `iam_policy` with `bindings` and `audit_configs`); read line by line;
 * - the same assets as one JSON array (as the policy-library fixtures keep them);
 * - `gcloud asset search-all-iam-policies --format=json`: a JSON list of `resource`, `assetType`,
 *   `project`, `folders`, `organization` and `policy` (bindings only: search results carry no audit configs).
 * Field names are read in snake_case (export files) and camelCase (the API's JSON, gcloud's --format=json).
 *
 * Each asset with an IAM policy becomes one `google_<type>_iam_policy` resource whose address is the
 * asset's full resource name and whose `policy_data` is the live policy in the IAM API's JSON form
 * (bindings, conditions, audit configs with named log types): authoritative, as a live policy is whole.
 * Assets become hierarchy nodes through their ancestors. Projects are named by number in exports and by
 * id in code: numbers are mapped to ids wherever a mapping is known (LoadOptions.projectIds, Project
 * assets of a `--content-type=resource` export in the same input, the config's project numbers).
 */
import { AUDIT_LOG_TYPE_BY_NUMBER, HIERARCHY_ASSET_TYPES, RESOURCE_MANAGER_PREFIX, terraformTypeOfAsset } from './asset-types';
import { InputError } from '../errors';
import type { HierarchyNode } from '../model';
import { lastSegment } from '../values';
import { newResource, type ResourceDraft } from './draft';
import { describeJsonType, isObject, quoteShort } from './json';

/** One asset as read, before project numbers are mapped: only what the model needs is kept. */
export interface AssetRecord {
  /** Full resource name: `//cloudresourcemanager.googleapis.com/projects/123`. */
  readonly name: string;
  readonly assetType: string;
  /** Nearest first, up to the organization (`projects/123`, `folders/4`, `organizations/5`); a hierarchy asset starts with itself. */
  readonly ancestors: readonly string[];
  /** True when the ancestors are known in order (exports); search results give a set of folders instead. */
  readonly ordered: boolean;
  readonly bindings: readonly PolicyBinding[];
  readonly auditConfigs: readonly PolicyAuditConfig[];
  /** True when the asset carried an IAM policy (an asset of a resource export does not). */
  readonly hasPolicy: boolean;
}

export interface PolicyBinding {
  readonly role: string;
  readonly members: readonly string[];
  readonly condition?: { readonly title?: string; readonly expression?: string; readonly description?: string };
}

export interface PolicyAuditConfig {
  readonly service: string;
  readonly auditLogConfigs: readonly { readonly logType: string; readonly exemptedMembers: readonly string[] }[];
}

/** Where an asset came from, for one-line errors: `export.json: line 3` or `export.json: item 2`. */
type Where = string;

function field(object: Record<string, unknown>, snake: string, camel: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, snake) ? object[snake] : Object.prototype.hasOwnProperty.call(object, camel) ? object[camel] : undefined;
}

function stringList(value: unknown, where: Where, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError(`${where}: ${what} is ${describeJsonType(value)}, expected a list of strings`);
  const other = value.find((v) => typeof v !== 'string');
  if (other !== undefined) throw new InputError(`${where}: ${what} holds ${describeJsonType(other)}, expected strings only`);
  return value as string[];
}

function optionalString(value: unknown, where: Where, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`${where}: ${what} is ${describeJsonType(value)}, expected a string`);
  return value;
}

function bindingsOf(policy: Record<string, unknown>, where: Where): PolicyBinding[] {
  const list = policy.bindings;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new InputError(`${where}: bindings is ${describeJsonType(list)}, expected a list`);
  return list.map((binding, i) => {
    if (!isObject(binding) || typeof binding.role !== 'string') throw new InputError(`${where}: bindings.${i} has no role string`);
    const members = stringList(binding.members, where, `bindings.${i}.members`);
    const c = binding.condition;
    if (c === undefined || c === null) return { role: binding.role, members };
    if (!isObject(c)) throw new InputError(`${where}: bindings.${i}.condition is ${describeJsonType(c)}, expected an object`);
    const condition = {
      title: optionalString(c.title, where, `bindings.${i}.condition.title`),
      expression: optionalString(c.expression, where, `bindings.${i}.condition.expression`),
      description: optionalString(c.description, where, `bindings.${i}.condition.description`),
    };
    return { role: binding.role, members, condition };
  });
}

/** A log type as exports write it (a number) or as the API's JSON does (a name). */
function logTypeName(value: unknown, where: Where, path: string): string {
  if (typeof value === 'number' && AUDIT_LOG_TYPE_BY_NUMBER[value] !== undefined) return AUDIT_LOG_TYPE_BY_NUMBER[value];
  if (typeof value === 'string' && /^[A-Z_]+$/.test(value)) return value;
  throw new InputError(`${where}: ${path} is ${quoteShort(value)}, expected ADMIN_READ, DATA_WRITE, DATA_READ or 1, 2, 3`);
}

function auditConfigsOf(policy: Record<string, unknown>, where: Where): PolicyAuditConfig[] {
  const list = field(policy, 'audit_configs', 'auditConfigs');
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new InputError(`${where}: audit_configs is ${describeJsonType(list)}, expected a list`);
  return list.map((config, i) => {
    if (!isObject(config) || typeof config.service !== 'string') throw new InputError(`${where}: audit_configs.${i} has no service string`);
    const logs = field(config, 'audit_log_configs', 'auditLogConfigs') ?? [];
    if (!Array.isArray(logs)) throw new InputError(`${where}: audit_configs.${i}.audit_log_configs is ${describeJsonType(logs)}, expected a list`);
    const auditLogConfigs = logs.map((log, j) => {
      const path = `audit_configs.${i}.audit_log_configs.${j}`;
      if (!isObject(log)) throw new InputError(`${where}: ${path} is ${describeJsonType(log)}, expected an object`);
      return {
        logType: logTypeName(field(log, 'log_type', 'logType'), where, `${path}.log_type`),
        exemptedMembers: stringList(field(log, 'exempted_members', 'exemptedMembers'), where, `${path}.exempted_members`),
      };
    });
    return { service: config.service, auditLogConfigs };
  });
}

function policyOf(value: unknown, where: Where): Pick<AssetRecord, 'bindings' | 'auditConfigs' | 'hasPolicy'> {
  if (value === undefined || value === null) return { bindings: [], auditConfigs: [], hasPolicy: false };
  if (!isObject(value)) throw new InputError(`${where}: iam_policy is ${describeJsonType(value)}, expected an object`);
  return { bindings: bindingsOf(value, where), auditConfigs: auditConfigsOf(value, where), hasPolicy: true };
}

/** True for an object shaped like an exported asset (`name` and `asset_type`). */
export function isExportedAsset(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value.name === 'string' && typeof field(value, 'asset_type', 'assetType') === 'string' && !('resource' in value && typeof value.resource === 'string');
}

/** True for one result of `gcloud asset search-all-iam-policies --format=json` (`resource` and `policy`). */
export function isSearchResult(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value.resource === 'string' && (isObject(value.policy) || typeof field(value, 'asset_type', 'assetType') === 'string');
}

/** A project's id and number, from a Project asset of a `--content-type=resource` export. */
export interface ProjectNumber {
  readonly number: string;
  readonly id: string;
}

/** The project a `--content-type=resource` Project asset describes (`resource.data.projectId` / `projectNumber`). */
export function projectOfResourceAsset(asset: Record<string, unknown>): ProjectNumber | undefined {
  if (field(asset, 'asset_type', 'assetType') !== 'cloudresourcemanager.googleapis.com/Project') return undefined;
  const data = isObject(asset.resource) && isObject(asset.resource.data) ? asset.resource.data : undefined;
  const id = data?.projectId;
  const number = data?.projectNumber;
  return typeof id === 'string' && (typeof number === 'string' || typeof number === 'number') ? { id, number: String(number) } : undefined;
}

/** Reads one asset of an export (a line of NDJSON or an item of a JSON array). */
export function readExportedAsset(asset: unknown, where: Where): AssetRecord {
  if (!isExportedAsset(asset)) throw new InputError(`${where}: not a Cloud Asset Inventory asset (expected an object with name and asset_type)`);
  const ancestors = stringList(asset.ancestors, where, 'ancestors');
  return {
    name: asset.name as string,
    assetType: field(asset, 'asset_type', 'assetType') as string,
    ancestors,
    ordered: true,
    ...policyOf(field(asset, 'iam_policy', 'iamPolicy'), where),
  };
}

/** Reads one result of `search-all-iam-policies`: its place in the hierarchy comes from project, folders and organization. */
export function readSearchResult(result: unknown, where: Where): AssetRecord {
  if (!isSearchResult(result)) throw new InputError(`${where}: not an IAM policy search result (expected an object with resource and policy)`);
  const name = result.resource as string;
  const hierarchy = Object.entries(HIERARCHY_ASSET_TYPES).find(([, h]) => name.startsWith(`${RESOURCE_MANAGER_PREFIX}${h.level === 'organization' ? 'organizations' : `${h.level}s`}/`));
  const assetType = (field(result, 'asset_type', 'assetType') as string | undefined) ?? hierarchy?.[0] ?? 'unknown.googleapis.com/Resource';
  const project = optionalString(result.project, where, 'project');
  const folders = stringList(result.folders, where, 'folders');
  const organization = optionalString(result.organization, where, 'organization');
  const own = hierarchy ? [name.slice(RESOURCE_MANAGER_PREFIX.length)] : [];
  const ancestors = [...new Set([...own, ...(project ? [project] : []), ...folders, ...(organization ? [organization] : [])])];
  // Search results list a resource's folders as a set; with more than one, their order is not the nesting.
  return { name, assetType, ancestors, ordered: folders.length <= 1, ...policyOf(result.policy, where) };
}

/** Collects assets, merging records of one resource name (a search may return a resource's policy in parts). */
export class AssetCollector {
  private readonly records = new Map<string, AssetRecord>();
  /** Project numbers -> ids learnt from Project assets of a resource export. */
  readonly projectIds = new Map<string, string>();

  add(record: AssetRecord): void {
    const existing = this.records.get(record.name);
    if (!existing) {
      this.records.set(record.name, record);
      return;
    }
    this.records.set(record.name, {
      ...existing,
      ancestors: existing.ancestors.length >= record.ancestors.length ? existing.ancestors : record.ancestors,
      bindings: [...existing.bindings, ...record.bindings],
      auditConfigs: [...existing.auditConfigs, ...record.auditConfigs],
      hasPolicy: existing.hasPolicy || record.hasPolicy,
    });
  }

  /** One line or item: an exported asset (also a resource export's Project, for its number) or a search result. */
  addItem(item: unknown, where: Where): void {
    if (isObject(item) && isExportedAsset(item)) {
      const project = projectOfResourceAsset(item);
      if (project) this.projectIds.set(project.number, project.id);
    }
    this.add(isSearchResult(item) ? readSearchResult(item, where) : readExportedAsset(item, where));
  }

  /** The assets read, handed over once: the collector lets go of them, so only the model stays in memory. */
  takeAssets(): AssetRecord[] {
    const assets = [...this.records.values()];
    this.records.clear();
    return assets;
  }
}

/** Maps `projects/<number>` to `projects/<id>` where the id is known; ids and unknown numbers stay as they are. */
function projectMapper(projectIds: ReadonlyMap<string, string>): (path: string) => string {
  return (path) => path.replace(/^projects\/(\d+)(?=\/|$)/, (whole, number: string) => {
    const id = projectIds.get(number);
    return id === undefined ? whole : `projects/${id}`;
  });
}

/** The relative name of an asset (`projects/123/datasets/d`, `b` for a bucket): its full name without `//<service>/`. */
function relativeName(name: string): string {
  const match = /^\/\/[^/]+\/(.*)$/.exec(name);
  return match ? match[1] : name;
}

function nodeKind(key: string): HierarchyNode['kind'] | undefined {
  if (key.startsWith('organizations/')) return 'organization';
  if (key.startsWith('folders/')) return 'folder';
  if (key.startsWith('projects/')) return 'project';
  return undefined;
}

export interface AssetModelParts {
  readonly resources: ResourceDraft[];
  readonly nodes: HierarchyNode[];
}

/**
 * The model's resources and hierarchy nodes from the assets read: one `google_<type>_iam_policy` per asset
 * with a policy; hierarchy nodes from every ancestor chain.
 */
export function assetModelParts(assets: readonly AssetRecord[], projectIds: ReadonlyMap<string, string>, sourceFile: string): AssetModelParts {
  const mapProject = projectMapper(projectIds);
  const nodes = new Map<string, HierarchyNode & { resourceId?: string }>();
  const resources: ResourceDraft[] = [];
  for (const asset of assets) {
    const chain = asset.ancestors.map(mapProject);
    const hierarchy = HIERARCHY_ASSET_TYPES[asset.assetType];
    const ownKey = hierarchy ? mapProject(relativeName(asset.name)) : undefined;
    chain.forEach((key, i) => {
      const kind = nodeKind(key);
      if (!kind) return;
      // Unordered (a search result's set of folders): which one holds which is not known.
      const parent = asset.ordered ? chain[i + 1] : undefined;
      const existing = nodes.get(key);
      if (existing && (existing.parent !== undefined || parent === undefined)) return;
      const parentUnknown = kind !== 'organization' && parent === undefined ? true : undefined;
      nodes.set(key, { kind, key, parent, parentUnknown, resourceId: existing?.resourceId });
    });
    if (ownKey !== undefined && !nodes.has(ownKey)) {
      nodes.set(ownKey, { kind: hierarchy!.level, key: ownKey, parentUnknown: hierarchy!.level === 'organization' ? undefined : true });
    }
    if (!asset.hasPolicy) continue;
    const type = terraformTypeOfAsset(asset.assetType);
    const level = hierarchy?.level ?? 'resource';
    const values: Record<string, unknown> = {};
    if (level === 'organization') values.org_id = lastSegment(ownKey!);
    else if (level === 'folder') values.folder = ownKey;
    else if (level === 'project') values.project = lastSegment(ownKey!);
    else {
      values.name = mapProject(relativeName(asset.name));
      const project = chain.find((k) => k.startsWith('projects/'));
      if (project !== undefined) values.project = lastSegment(project);
    }
    values.policy_data = JSON.stringify(policyJson(asset));
    if (ownKey !== undefined) nodes.set(ownKey, { ...nodes.get(ownKey)!, resourceId: asset.name });
    resources.push(
      newResource({
        id: asset.name,
        address: asset.name,
        mode: 'managed',
        type: `${type}_iam_policy`,
        name: lastSegment(asset.name),
        modulePath: [],
        values,
        unknown: {},
        sensitive: {},
        // The live state: nothing is being created, changed or deleted.
        action: 'no-op',
        references: [],
        inlineSuppressions: [],
        sourceFile,
      }),
    );
  }
  return { resources, nodes: [...nodes.values()] };
}

/** The policy in the IAM API's JSON form, as Terraform's `policy_data` holds it. */
function policyJson(asset: AssetRecord): Record<string, unknown> {
  const policy: Record<string, unknown> = {
    bindings: asset.bindings.map((b) => (b.condition ? { role: b.role, members: b.members, condition: b.condition } : { role: b.role, members: b.members })),
  };
  if (asset.auditConfigs.length > 0) {
    policy.auditConfigs = asset.auditConfigs.map((c) => ({
      service: c.service,
      auditLogConfigs: c.auditLogConfigs.map((l) => (l.exemptedMembers.length > 0 ? { logType: l.logType, exemptedMembers: l.exemptedMembers } : { logType: l.logType })),
    }));
  }
  return policy;
}

/**
 * Project numbers -> ids from a file given with `--projects`: `gcloud projects list --format=json`
 * (`projectId`, `projectNumber`) or the Project assets of a `--content-type=resource` export.
 */
export function projectIdsFromItems(items: Iterable<{ item: unknown; where: Where }>, shown: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { item, where } of items) {
    if (!isObject(item)) throw new InputError(`${where}: expected a project object, got ${describeJsonType(item)}`);
    const asset = projectOfResourceAsset(item);
    if (asset) {
      ids.set(asset.number, asset.id);
      continue;
    }
    const id = field(item, 'project_id', 'projectId');
    const number = field(item, 'project_number', 'projectNumber');
    if (typeof id === 'string' && (typeof number === 'string' || typeof number === 'number')) ids.set(String(number), id);
    else if (!isExportedAsset(item)) throw new InputError(`${where}: expected projectId and projectNumber (gcloud projects list --format=json) or a Project asset`);
  }
  if (ids.size === 0) throw new InputError(`${shown}: no project ids and numbers found (expected gcloud projects list --format=json or a --content-type=resource export)`);
  return ids;
}
