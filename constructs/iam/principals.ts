/**
 * The checks every grant in this project passes before it becomes a resource. People come in
 * through groups and workloads as service accounts; basic roles go to nobody.
 */
import { Token } from 'cdktf';
import { BASIC_ROLES } from '../../policies/catalog/roles';

const GRANTABLE_MEMBER = /^(group|serviceAccount):[^\s:]+@[^\s:]+$/;

/** Throws unless the member is `group:<email>` or `serviceAccount:<email>`, naming what it got. */
export function assertGrantableMember(member: string, where: string): void {
  if (Token.isUnresolved(member)) return;
  if (!GRANTABLE_MEMBER.test(member)) {
    throw new Error(`${where}: member must be a group: or serviceAccount: principal, got "${member}"`);
  }
}

/** Throws on roles/owner, roles/editor and roles/viewer. */
export function assertNotBasicRole(role: string, where: string): void {
  if (Token.isUnresolved(role)) return;
  if (BASIC_ROLES.includes(role)) {
    throw new Error(`${where}: basic roles are granted to nobody, got "${role}"`);
  }
}

/** `roles/iam.securityReviewer` -> `iam-securityReviewer`: a fragment usable in construct ids. */
export function idFragment(value: string): string {
  return value.replace(/^roles\//, '').replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** A construct id for one grant, readable in plans: `Org-iam-securityReviewer-group-sec-example-com`. */
export function grantId(target: string, role: string, member: string): string {
  return [target, idFragment(role), idFragment(member)].join('-');
}
