/**
 * Custom roles declared in config, defined at the organization or in one project, and the
 * resolution of a binding's role id to the full role name IAM expects.
 */
import { Construct } from 'constructs';
import { OrganizationIamCustomRole } from '@cdktf/provider-google/lib/organization-iam-custom-role';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';

export interface CustomRoleSpec {
  /** Role id (camelCase, as IAM requires). */
  readonly id: string;
  /** Title shown in the console. */
  readonly title: string;
  /**
   * What the role is for.
   * @default ''
   */
  readonly description?: string;
  /** Permissions the role holds. */
  readonly permissions: readonly string[];
  /**
   * Project id the role is defined in.
   * @default - defined at the organization, usable everywhere in it
   */
  readonly projectId?: string;
}

export interface CustomRolesProps {
  /** Numeric organization id org-level roles are defined in. */
  readonly organizationId: string;
  /** The roles to define. */
  readonly roles: readonly CustomRoleSpec[];
}

/** Where a grant applies, as far as role resolution cares: a project id, or above any project. */
export interface RoleUse {
  /** Project id the grant is on; undefined for organization and folder grants. */
  readonly projectId?: string;
  /** Names the grant in errors. */
  readonly where: string;
}

export interface ResolvedRole {
  /** `roles/...`, `organizations/<id>/roles/<roleId>` or `projects/<p>/roles/<roleId>`. */
  readonly name: string;
  /** The resource defining the custom role, for the grant to depend on; undefined for predefined roles. */
  readonly definedBy?: OrganizationIamCustomRole | ProjectIamCustomRole;
}

export class CustomRoles extends Construct {
  private readonly defined = new Map<string, { spec: CustomRoleSpec; resource: OrganizationIamCustomRole | ProjectIamCustomRole }>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CustomRolesProps,
  ) {
    super(scope, id);
    for (const spec of props.roles) {
      if (this.defined.has(spec.id)) throw new Error(`custom role "${spec.id}" is declared twice`);
      if (spec.permissions.length === 0) throw new Error(`custom role "${spec.id}" must hold at least one permission, got none`);
      const common = {
        roleId: spec.id,
        title: spec.title,
        description: spec.description ?? '',
        permissions: [...spec.permissions],
        stage: 'GA',
      };
      const resource =
        spec.projectId === undefined
          ? new OrganizationIamCustomRole(this, `Role-${spec.id}`, { ...common, orgId: props.organizationId })
          : new ProjectIamCustomRole(this, `Role-${spec.id}`, { ...common, project: spec.projectId });
      this.defined.set(spec.id, { spec, resource });
    }
  }

  /**
   * The full role name for a binding's role: predefined `roles/...` names pass through, a declared
   * custom role id becomes its org- or project-qualified name. A project's custom role can only be
   * granted in that project.
   */
  resolve(role: string, use: RoleUse): ResolvedRole {
    if (role.startsWith('roles/')) return { name: role };
    const custom = this.defined.get(role);
    if (!custom) {
      throw new Error(
        `${use.where}: role must be roles/... or a declared custom role id (${[...this.defined.keys()].join(', ') || 'none declared'}), got "${role}"`,
      );
    }
    const { spec, resource } = custom;
    if (spec.projectId === undefined) {
      return { name: `organizations/${this.props.organizationId}/roles/${spec.id}`, definedBy: resource };
    }
    if (use.projectId !== spec.projectId) {
      throw new Error(`${use.where}: custom role "${spec.id}" is defined in project ${spec.projectId} and can only be granted there`);
    }
    return { name: `projects/${spec.projectId}/roles/${spec.id}`, definedBy: resource };
  }
}
