/**
 * Additive IAM grants at organization, folder and project level. Only `*_iam_member` resources:
 * they add one (role, member) pair and leave everything else in the policy alone, so nothing here
 * fights grants other stacks or Google make (authoritative `*_iam_binding` / `*_iam_policy` would).
 */
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { OrganizationIamMember } from '@cdktf/provider-google/lib/organization-iam-member';
import { FolderIamMember } from '@cdktf/provider-google/lib/folder-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { assertGrantableMember, assertNotBasicRole, grantId } from './principals';

/** An IAM condition (CEL) limiting when a grant applies. */
export interface IamCondition {
  /** Short title shown in the console. */
  readonly title: string;
  /** CEL expression, e.g. `request.time < timestamp("2027-01-01T00:00:00Z")`. */
  readonly expression: string;
  /**
   * Longer explanation.
   * @default - none
   */
  readonly description?: string;
}

export interface GrantOptions {
  /**
   * Limits when the grant applies.
   * @default - unconditional
   */
  readonly condition?: IamCondition;
  /**
   * Resources the grant waits for (e.g. the custom role it names).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

export interface IamGrantsProps {
  /** Numeric organization id org-level grants apply to. */
  readonly organizationId: string;
}

export class IamGrants extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: IamGrantsProps,
  ) {
    super(scope, id);
  }

  /** Grants `role` to `member` on the organization. */
  onOrganization(role: string, member: string, options: GrantOptions = {}): OrganizationIamMember {
    const id = this.checked('Org', role, member, 'organization');
    return new OrganizationIamMember(this, id, { orgId: this.props.organizationId, role, member, ...options });
  }

  /**
   * Grants `role` to `member` on a folder.
   * @param folderKey names the folder in construct ids and errors
   * @param folderName `folders/<id>` (usually the hierarchy stack's `google_folder.name`, a cross-stack reference)
   */
  onFolder(folderKey: string, folderName: string, role: string, member: string, options: GrantOptions = {}): FolderIamMember {
    const id = this.checked(`Folder-${folderKey}`, role, member, `folder ${folderKey}`);
    return new FolderIamMember(this, id, { folder: folderName, role, member, ...options });
  }

  /** Grants `role` to `member` on a project, named by its project id. */
  onProject(projectId: string, role: string, member: string, options: GrantOptions = {}): ProjectIamMember {
    const id = this.checked(`Project-${projectId}`, role, member, `project ${projectId}`);
    return new ProjectIamMember(this, id, { project: projectId, role, member, ...options });
  }

  private checked(target: string, role: string, member: string, where: string): string {
    assertNotBasicRole(role, `grant on ${where}`);
    assertGrantableMember(member, `grant of ${role} on ${where}`);
    const id = grantId(target, role, member);
    if (this.node.tryFindChild(id)) throw new Error(`grant of ${role} to ${member} on ${where} is made twice`);
    return id;
  }
}
