/**
 * Turns role bindings into additive grants: one `*_iam_member` per (role, member), at the scope the
 * binding names, with custom role ids resolved to their full names.
 */
import type { ITerraformDependable } from 'cdktf';
import type { CustomRoles } from './custom-roles';
import type { IamGrants } from './iam-grants';

/** Where a binding applies: the organization, a folder (config key) or a project (config key). */
export type BindingScope = { readonly organization: true } | { readonly folder: string } | { readonly project: string };

/** One role for some members at one scope. */
export interface GrantBinding {
  readonly scope: BindingScope;
  /** `roles/...` or a custom role id declared in CustomRoles. */
  readonly role: string;
  /** `group:` or `serviceAccount:` principals. */
  readonly members: readonly string[];
  /**
   * Position in `iam.bindings`, for errors, when only some of the bindings are given.
   * @default - the position in the list given
   */
  readonly index?: number;
}

export interface ConfigGrantsContext {
  /** Where the grants are made. */
  readonly grants: IamGrants;
  /** Resolves custom role ids. */
  readonly customRoles: Pick<CustomRoles, 'resolve'>;
  /** `folders/<id>` of a folder key. */
  readonly folderName: (key: string) => string;
  /** Project id of a project key. */
  readonly projectId: (key: string) => string;
  /** Members that may not appear in any binding (the break-glass group holds nothing but its expiring grant). */
  readonly reservedMembers: readonly string[];
  /**
   * What a grant on a project must wait for, by project key: the project itself when the same stack creates it.
   * @default - nothing (the project exists before the stack is applied)
   */
  readonly projectDependsOn?: (key: string) => ITerraformDependable[];
}

/** Makes every grant the bindings describe; returns them in binding order. Errors name `iam.bindings[i]`. */
export function grantBindings(bindings: readonly GrantBinding[], context: ConfigGrantsContext) {
  return bindings.flatMap((binding, i) => {
    const where = `iam.bindings[${binding.index ?? i}]`;
    for (const member of binding.members) {
      if (context.reservedMembers.includes(member)) {
        throw new Error(`${where}: ${member} is the break-glass group and holds nothing except its expiring grant`);
      }
    }
    const { scope } = binding;
    const projectId = 'project' in scope ? context.projectId(scope.project) : undefined;
    const role = context.customRoles.resolve(binding.role, { projectId, where });
    const waitFor = [...(role.definedBy ? [role.definedBy] : []), ...('project' in scope ? (context.projectDependsOn?.(scope.project) ?? []) : [])];
    const options = { dependsOn: waitFor.length > 0 ? waitFor : undefined };
    return binding.members.map((member) => {
      if ('organization' in scope) return context.grants.onOrganization(role.name, member, options);
      if ('folder' in scope) return context.grants.onFolder(scope.folder, context.folderName(scope.folder), role.name, member, options);
      return context.grants.onProject(projectId!, role.name, member, options);
    });
  });
}
