/**
 * The access matrix: every live grant, grouped by principal, with its scope, whether the role is
 * privileged, its condition and expiry, and the projects a folder or organization grant reaches.
 */
import { BASIC_ROLES, isAdminRole, PRIVILEGED_ROLES } from '../catalog/roles';
import { ancestors } from '../engine/hierarchy';
import type { Grant, Model } from '../engine/model';
import type { RuleParams } from '../engine/rule';
import { liveGrants } from '../gcp/iam-grants';
import { describeMember, type MemberInfo } from '../gcp/principals';
import { projectsOf } from '../gcp/projects';
import { describeRole } from '../gcp/roles';
import { lastSegment, type Tri } from '../engine/values';
import { AccessIndex, accessOf, type Access } from '../gcp/access-drift';
import { grantScope } from '../gcp/scopes';
import type { AccessGrant, HierarchyFact, Highlight, PrincipalAccess, RemovedGrant } from './facts';
import { keyLabel, memberLabel, resourceLabel, shortType } from './labels';

export function isPrivilegedRole(role: string): boolean {
  return PRIVILEGED_ROLES.includes(role) || BASIC_ROLES.includes(role) || isAdminRole(role);
}

export function highlightsOf(member: MemberInfo, allowedDomains: readonly string[]): Highlight[] {
  const out: Highlight[] = [];
  if (member.kind === 'public') out.push('public');
  if (member.kind === 'user') out.push('user');
  const external = member.domain !== undefined && member.googleServiceAccount !== 'yes' && allowedDomains.length > 0 && !allowedDomains.includes(member.domain);
  if (external) out.push('external-domain');
  if (member.unknown && member.kind === undefined) out.push('unknown');
  return out;
}

/** Project labels below each hierarchy key, for "a folder grant reaches its projects". */
function projectsBelow(model: Model, params: RuleParams): Map<string, string[]> {
  const below = new Map<string, string[]>();
  for (const project of projectsOf(model, params.projects)) {
    for (const node of ancestors(model, project.key)) {
      const list = below.get(node.key) ?? [];
      list.push(project.id);
      below.set(node.key, list);
    }
  }
  for (const list of below.values()) list.sort();
  return below;
}

/** A resource-level grant names the resource it is on (its chain's head may be a parent the id path names). */
function scopeLabel(model: Model, grant: Grant, head: string): string {
  if (grant.target.level !== 'resource') return keyLabel(model, head);
  const target = grant.target.resourceId === undefined ? undefined : model.byId(grant.target.resourceId);
  if (target) return resourceLabel(model, target);
  return grant.target.id.state === 'known' ? `${shortType(grant.target.type)} ${lastSegment(grant.target.id.value)}` : keyLabel(model, head);
}

/** Whether a live grant is covered by the declared access (`baseline audit` compares the same way). */
function undeclared(model: Model, grant: Grant, declared: AccessIndex<Access> | undefined): Tri | undefined {
  if (declared === undefined) return undefined;
  // Deleted principals and Google's own service agents are reported apart by the audit, not as drift.
  const member = describeMember(model, grant.member);
  if (member.kind === 'deleted' || member.serviceAgent === 'yes') return undefined;
  const access = accessOf(model, grant);
  if (access === undefined) return 'unknown';
  return declared.find(access) === undefined ? 'yes' : 'no';
}

function accessGrant(model: Model, grant: Grant, below: Map<string, string[]>, declared: AccessIndex<Access> | undefined): AccessGrant {
  const scope = grantScope(model, grant);
  const role = describeRole(model, grant.role).display;
  const condition = grant.condition
    ? { title: grant.condition.title, expression: grant.condition.expression, expires: grant.condition.expiresAt?.toISOString() }
    : undefined;
  return {
    role,
    scope: { level: grant.target.level, label: scopeLabel(model, grant, scope.chain[0]) },
    privileged: isPrivilegedRole(role),
    condition,
    reaches: grant.target.level === 'organization' || grant.target.level === 'folder' ? (below.get(scope.chain[0]) ?? []) : [],
    address: model.byId(grant.resourceId)?.address ?? grant.resourceId,
    planned: model.kind === 'plan' && (grant.action === 'create' || grant.action === 'update' || grant.action === 'replace') ? grant.action : undefined,
    undeclared: undeclared(model, grant, declared),
  };
}

/** Grants a plan deletes, by principal, role and scope. */
export function removedGrants(model: Model): RemovedGrant[] {
  return model.grants
    .filter((g) => g.action === 'delete')
    .map((grant) => ({
      principal: memberLabel(model, grant.member),
      role: describeRole(model, grant.role).display,
      scope: scopeLabel(model, grant, grantScope(model, grant).chain[0]),
      address: model.byId(grant.resourceId)?.address ?? grant.resourceId,
    }))
    .sort((a, b) => a.principal.localeCompare(b.principal) || a.role.localeCompare(b.role) || a.scope.localeCompare(b.scope));
}

const HIGHLIGHT_ORDER: readonly Highlight[] = ['public', 'external-domain', 'user', 'unknown'];

function highlightRank(p: PrincipalAccess): number {
  const ranks = p.highlights.map((h) => HIGHLIGHT_ORDER.indexOf(h));
  return ranks.length === 0 ? HIGHLIGHT_ORDER.length : Math.min(...ranks);
}

/** Principals with their grants; highlighted principals first, then by name; grants by scope then role. */
export function accessMatrix(model: Model, params: RuleParams): PrincipalAccess[] {
  const below = projectsBelow(model, params);
  const declared = model.kind === 'asset-export' && params.declaredAccess !== undefined ? new AccessIndex<Access>(params.declaredAccess) : undefined;
  const byPrincipal = new Map<string, { member: MemberInfo; grants: AccessGrant[] }>();
  for (const grant of liveGrants(model)) {
    const member = describeMember(model, grant.member);
    const label = memberLabel(model, grant.member);
    const entry = byPrincipal.get(label) ?? { member, grants: [] };
    entry.grants.push(accessGrant(model, grant, below, declared));
    byPrincipal.set(label, entry);
  }
  const levels = ['organization', 'folder', 'project', 'resource'];
  const principals = [...byPrincipal.entries()].map(([principal, { member, grants }]) => ({
    principal,
    kind: member.kind ?? 'unknown',
    highlights: highlightsOf(member, params.allowedMemberDomains),
    grants: grants.sort(
      (a, b) => levels.indexOf(a.scope.level) - levels.indexOf(b.scope.level) || a.scope.label.localeCompare(b.scope.label) || a.role.localeCompare(b.role),
    ),
  }));
  return principals.sort((a, b) => highlightRank(a) - highlightRank(b) || a.principal.localeCompare(b.principal));
}

/**
 * The hierarchy as a reviewer needs it: every project, every folder above one or holding grants, the
 * organization, each with the number of live grants made on it. Parents first, then by label.
 */
export function hierarchyFacts(model: Model, params: RuleParams): HierarchyFact[] {
  const grantsAt = new Map<string, number>();
  for (const grant of liveGrants(model)) {
    if (grant.target.level === 'resource') continue;
    const head = grantScope(model, grant).chain[0];
    grantsAt.set(head, (grantsAt.get(head) ?? 0) + 1);
  }
  const keep = new Set<string>();
  for (const project of projectsOf(model, params.projects)) {
    keep.add(project.key);
    for (const node of ancestors(model, project.key)) keep.add(node.key);
  }
  for (const key of grantsAt.keys()) if (model.hierarchy.has(key)) keep.add(key);
  const depth = (key: string) => ancestors(model, key).length;
  return [...keep]
    .map((key) => ({ key, node: model.hierarchy.get(key) }))
    .sort((a, b) => depth(a.key) - depth(b.key) || keyLabel(model, a.key).localeCompare(keyLabel(model, b.key)))
    .map(({ key, node }) => ({
      label: keyLabel(model, key),
      kind: node?.kind ?? 'project',
      parent: node?.parent === undefined ? undefined : keyLabel(model, node.parent),
      grants: grantsAt.get(key) ?? 0,
    }));
}
