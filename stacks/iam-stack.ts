/**
 * Who may do what across the organization: custom roles, the config's grants (groups and service
 * accounts only, additive), expiring break-glass access, org policies and essential contacts.
 * Projects are named by their config ids and folders by reference to the hierarchy stack's
 * folders (remote state). This stack deploys last (stacks/index.ts): its domain restriction refuses
 * grants to Google service agents, which the logging, secrets and alerting stacks make first.
 */
import type { Construct } from 'constructs';
import { BaselineStack } from './baseline-stack';
import type { FolderConsumerStackProps } from './hierarchy-stack';
import type { IndexedBinding } from './sharding';
import { CustomRoles } from '../constructs/iam/custom-roles';
import { IamGrants } from '../constructs/iam/iam-grants';
import { grantBindings } from '../constructs/iam/config-grants';
import { BreakGlassAccess, breakGlassMembers } from '../constructs/iam/break-glass';
import { OrgPolicies } from '../constructs/org/org-policies';
import { EssentialContacts } from '../constructs/org/essential-contacts';

export interface IamStackProps extends FolderConsumerStackProps {
  /**
   * The bindings this stack makes (with sharding, the folders' stacks make the rest: stacks/sharding.ts).
   * @default - every binding of `iam.bindings`
   */
  readonly bindings?: readonly IndexedBinding[];
}

export class IamStack extends BaselineStack {
  readonly grants: IamGrants;
  readonly customRoles: CustomRoles;
  /** Undefined when the config declares no break-glass group. */
  readonly breakGlass?: BreakGlassAccess;
  readonly orgPolicies: OrgPolicies;
  readonly essentialContacts: EssentialContacts;

  constructor(scope: Construct, id: string, props: IamStackProps) {
    super(scope, id, props);
    const { config } = props;
    const organizationId = config.organization.id;

    this.customRoles = new CustomRoles(this, 'CustomRoles', {
      organizationId,
      roles: config.iam.customRoles.map((role) => ({
        id: role.id,
        title: role.title,
        description: role.description,
        permissions: role.permissions,
        projectId: 'project' in role.scope ? this.project(role.scope.project).id : undefined,
      })),
    });

    const breakGlass = config.iam.breakGlass;
    if (breakGlass) {
      this.breakGlass = new BreakGlassAccess(this, 'BreakGlass', {
        organizationId,
        group: breakGlass.group,
        role: breakGlass.role,
        expires: breakGlass.expires,
      });
    }

    const { folderNames } = props;
    this.grants = new IamGrants(this, 'Grants', { organizationId });
    const bindings = props.bindings ?? config.iam.bindings.map((b, index) => ({ scope: b.scope, role: b.role, members: b.members, index }));
    grantBindings(bindings, {
      grants: this.grants,
      customRoles: this.customRoles,
      folderName: (key) => {
        const name = folderNames.get(key);
        if (name === undefined) throw new Error(`no folder with key "${key}" among the hierarchy's folders: ${[...folderNames.keys()].join(', ')}`);
        return name;
      },
      projectId: (key) => this.project(key).id,
      reservedMembers: breakGlassMembers(config.groups.breakGlass, breakGlass?.group),
    });

    this.orgPolicies = new OrgPolicies(this, 'OrgPolicies', {
      organizationId,
      enforce: config.orgPolicies.enforce,
      customerId: config.organization.customerId,
      extraAllowedCustomerIds: config.orgPolicies.extraAllowedCustomerIds,
    });
    this.essentialContacts = new EssentialContacts(this, 'EssentialContacts', {
      organizationId,
      contacts: config.essentialContacts.map((c) => ({ email: c.email, categories: c.categories, language: c.language })),
    });
  }
}

