/** IAM roles as granted: predefined, custom (also by reference), or known only after apply. */
import type { Model, Reference, Resource, Value } from '../engine/model';
import { tri, type Tri } from '../engine/values';
import { displayValue, UNKNOWN_DISPLAY } from './principals';

export interface RoleInfo {
  /** True when the role's value is known only after apply (its name may still be determinable). */
  readonly unknown: boolean;
  /**
   * The role name when determinable: known values as written; for a custom role defined in the input,
   * `projects/<project>/roles/<role id>` or `organizations/<org>/roles/<role id>` (the parent may read
   * `(known after apply)`, the role id never does).
   */
  readonly name?: string;
  /** The known name, the synthesized expression, or `(known after apply)`. */
  readonly display: string;
}

const CUSTOM_ROLE_PARENTS: Readonly<Record<string, { attribute: string; prefix: string }>> = {
  google_project_iam_custom_role: { attribute: 'project', prefix: 'projects' },
  google_organization_iam_custom_role: { attribute: 'org_id', prefix: 'organizations' },
};

const literalString = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('${') ? v : undefined);

/** Custom role resource types, for finding the input's custom roles. */
export const CUSTOM_ROLE_TYPES: readonly string[] = Object.keys(CUSTOM_ROLE_PARENTS);

/**
 * The name a custom role resource of the input gets (`organizations/1/roles/x`); its parent may read
 * `(known after apply)`. Undefined for another resource or a role id known only after apply.
 */
export function customRoleNameOf(resource: Resource): string | undefined {
  const parent = CUSTOM_ROLE_PARENTS[resource.type];
  const roleId = literalString(resource.values.role_id);
  if (!parent || !roleId) return undefined;
  const parentId = literalString(resource.values[parent.attribute]) ?? UNKNOWN_DISPLAY;
  return `${parent.prefix}/${parentId.replace(new RegExp(`^${parent.prefix}/`), '')}/roles/${roleId}`;
}

/** The name of a custom role defined in the input and referenced by a role known only after apply. */
function customRoleName(model: Model, refs: readonly Reference[]): string | undefined {
  const names = refs.map((ref) => {
    const target = ref.target ? model.byId(ref.target) : undefined;
    return target ? customRoleNameOf(target) : undefined;
  });
  // One custom role, however many references to it (`.name`, `.id`, the resource itself) the input lists.
  const distinct = new Set(names);
  return distinct.size === 1 ? names[0] : undefined;
}

/** Everything the input tells about a grant's role, whether it is known now or only after apply. */
export function describeRole(model: Model, role: Value<string>): RoleInfo {
  if (role.state === 'known') return { unknown: false, name: role.value, display: role.value };
  if (role.state === 'absent') return { unknown: false, display: '(absent)' };
  // Only a whole-value reference (`${google_project_iam_custom_role.r.name}`) names the role; `roles/${var.x}` does not.
  const wholeReference = role.raw === undefined || /^\$\{[^}]*\}$/.test(role.raw);
  const name = wholeReference ? customRoleName(model, role.references) : undefined;
  return { unknown: true, name, display: name ?? displayValue(role) };
}

/**
 * Whether a role satisfies a predicate: decided when its name is determinable, 'unknown' when it is known only
 * after apply (the rule then reports `unknown`). An absent role grants nothing: 'no'.
 */
export function roleSatisfies(role: RoleInfo, predicate: (name: string) => boolean): Tri {
  if (role.name !== undefined) return tri(predicate(role.name));
  return role.unknown ? 'unknown' : 'no';
}
