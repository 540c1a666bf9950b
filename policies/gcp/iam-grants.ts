/**
 * IAM grants beyond their raw values: which are live, which resource makes them, and the identity of
 * their target and member, for comparing grants with each other.
 */
import { get, perModel, type Grant, type Model, type Resource } from '../engine/model';
import type { RuleContext } from '../engine/rule';
import type { Tri } from '../engine/values';
import { aclGrants } from './acl-grants';
import { normalizeMember } from './principals';

/** A live grant and the resource that makes it (where findings go). */
type LiveGrant = readonly [Grant, Resource];

/**
 * Per model, computed once: a dozen rules walk the live grants, and filtering them and looking up each
 * one's resource per rule was a large share of evaluating a big plan.
 */
const liveOf = perModel((model): { readonly grants: readonly Grant[]; readonly iam: readonly LiveGrant[]; members?: readonly LiveGrant[] } => {
  const grants = model.grants.filter((g) => g.action !== 'delete');
  return { grants, iam: grants.map((g) => [g, grantingResource(model, g)] as const) };
});

/** Grants that give access after apply: a grant whose resource is being deleted gives none. */
export function liveGrants(model: Model): readonly Grant[] {
  return liveOf(model).grants;
}

/**
 * Visits every live grant with the resource that makes it (where findings go); an input without live
 * grants makes the rule not-applicable rather than a silent pass.
 */
export function eachLiveGrant<M extends string>(context: RuleContext<M>, visit: (grant: Grant, resource: Resource) => void): void {
  const grants = liveOf(context.model).iam;
  if (grants.length === 0) {
    context.notApplicable('no IAM grants in the input');
    return;
  }
  for (const [grant, resource] of grants) visit(grant, resource);
}

/**
 * Like eachLiveGrant, for rules that judge who is given access whatever the mechanism: IAM grants and the
 * ACL entries of Cloud Storage and BigQuery datasets (gcp/acl-grants.ts), which reach the same people.
 */
export function eachLiveMemberGrant<M extends string>(context: RuleContext<M>, visit: (grant: Grant, resource: Resource) => void): void {
  const entry = liveOf(context.model);
  const acl = (): LiveGrant[] => aclGrants(context.model).filter((g) => g.action !== 'delete').map((g) => [g, grantingResource(context.model, g)] as const);
  const grants = (entry.members ??= [...entry.iam, ...acl()]);
  if (grants.length === 0) {
    context.notApplicable('no IAM grants or ACL entries in the input');
    return;
  }
  for (const [grant, resource] of grants) visit(grant, resource);
}

/** The resource that makes the grant (the `*_iam_*` resource), where findings are reported. */
export function grantingResource(model: Model, grant: Grant): Resource {
  const resource = model.byId(grant.resourceId);
  // The loader builds grants from the model's own resources, so a miss is an engine defect worth a rule-error.
  if (!resource) throw new Error(`grant refers to resource "${grant.resourceId}" that is not in the model`);
  return resource;
}

/**
 * True when the grant's IAM condition is there but its expression is known only after apply, so
 * `grant.condition` (parsed from known expressions only) cannot say whether it expires.
 */
export function conditionIsUnknown(model: Model, grant: Grant): boolean {
  if (grant.condition?.expression !== undefined) return false;
  if (grant.kind !== 'policy') return get(grantingResource(model, grant), 'condition.expression').state === 'unknown';
  const dataSource = grant.viaDataSource === undefined ? undefined : model.byId(grant.viaDataSource);
  if (!dataSource) return false;
  // `binding.0.members.1` -> `binding.0.condition.expression` in the data source the grant came from.
  const binding = grant.path.replace(/\.members(\.\d+)?$/, '');
  return [binding, binding.replace(/\.0$/, '')].some((at) => get(dataSource, `${at}.condition.expression`).state === 'unknown');
}

/**
 * How the input identifies a target or a member, for telling whether two grants name the same one.
 * `known`: a literal (or the known value of the attribute a reference reads); `reference`: resources of the
 * input whose values are known only after apply; `expression`: a token such as `${var.project}` (the same
 * text is the same thing, other text may or may not be); `unknown`: nothing to compare.
 */
export type Identity = { readonly state: 'known' | 'reference' | 'expression'; readonly key: string } | { readonly state: 'unknown' };

/** Whether two identities name the same thing ('unknown' when only apply can tell). */
export function sameIdentity(a: Identity, b: Identity): Tri {
  if (a.state === 'unknown' || b.state === 'unknown') return 'unknown';
  if (a.state === b.state && a.key === b.key) return 'yes';
  // Two literals, or two different resources of the input, differ; a literal may still equal a computed value.
  return a.state === b.state && a.state !== 'expression' ? 'no' : 'unknown';
}

export type TargetIdentity = Identity & { readonly type: string };

export const LEVEL_PREFIX: Readonly<Record<string, string>> = { organization: 'organizations/', folder: 'folders/', project: 'projects/' };

/** `projects/-/serviceAccounts/sa@p.iam.gserviceaccount.com`: the `-` stands for the project the account's email names. */
const WILDCARD_SERVICE_ACCOUNT = /^projects\/-\/serviceAccounts\/([^/@]+@([a-z][a-z0-9-]*)\.iam\.gserviceaccount\.com)$/i;

/**
 * `projects/p` and `p` name the same project (likewise folders and organizations); a service account named
 * through the `projects/-` wildcard is the one in the project its email names.
 */
export function normalizeTargetId(level: string, id: string): string {
  const prefix = LEVEL_PREFIX[level];
  if (prefix) return id.startsWith(prefix) ? id.slice(prefix.length) : id;
  const wildcard = WILDCARD_SERVICE_ACCOUNT.exec(id);
  return wildcard ? `projects/${wildcard[2].toLowerCase()}/serviceAccounts/${wildcard[1]}` : id;
}

/** The known value of the attribute a grant's target reference reads (`${google_project.p.project_id}`). */
function referencedTargetValue(model: Model, grant: Grant): string | undefined {
  const { resourceId } = grant.target;
  if (resourceId === undefined) return undefined;
  // The reference in the target attribute itself: the granting resource may also read other attributes of the
  // same resource (`project = google_pubsub_topic.t.project` beside `topic = google_pubsub_topic.t.name`).
  const reference = grantingResource(model, grant).references.find((r) => r.target === resourceId && r.attribute !== undefined && r.path === grant.target.attribute);
  const referenced = model.byId(resourceId);
  const value = reference && referenced ? get<string>(referenced, reference.attribute!) : undefined;
  return value?.state === 'known' && typeof value.value === 'string' ? value.value : undefined;
}

export function targetIdentity(model: Model, grant: Grant): TargetIdentity {
  const { target } = grant;
  const type = target.type;
  if (target.id.state === 'absent') return { type, state: 'unknown' };
  const id = target.id.state === 'known' ? target.id.value : referencedTargetValue(model, grant);
  if (id !== undefined) return { type, state: 'known', key: normalizeTargetId(target.level, id) };
  if (target.resourceId !== undefined) return { type, state: 'reference', key: target.resourceId };
  const raw = target.id.state === 'unknown' ? target.id.raw : undefined;
  return raw !== undefined ? { type, state: 'expression', key: raw } : { type, state: 'unknown' };
}

/** Whether two grants apply to the same thing ('unknown' when only apply can tell). */
export function sameTarget(a: TargetIdentity, b: TargetIdentity): Tri {
  return a.type === b.type ? sameIdentity(a, b) : 'no';
}

/**
 * Who a grant's member is, for telling whether two grants go to the same principal. A member known only
 * after apply that references resources of the input is identified by those resources
 * (`serviceAccount:${google_service_account.app.email}` and `${google_service_account.app.member}` are one).
 */
export function memberIdentity(grant: Grant): Identity {
  const { member } = grant;
  if (member.state === 'known') return { state: 'known', key: normalizeMember(member.value) };
  if (member.state === 'absent') return { state: 'unknown' };
  const targets = [...new Set(member.references.map((r) => r.target))];
  if (targets.length > 0 && targets.every((t) => t !== undefined)) return { state: 'reference', key: targets.sort().join(' ') };
  return member.raw !== undefined ? { state: 'expression', key: member.raw } : { state: 'unknown' };
}
