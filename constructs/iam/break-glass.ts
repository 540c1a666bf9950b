/**
 * Emergency access: one group gets one privileged role at the organization, and only until a
 * fixed time, through an IAM condition. After `expires` the grant matches nothing, so forgotten
 * emergency access lapses by itself instead of lingering.
 */
import { Construct } from 'constructs';
import { OrganizationIamMember } from '@cdktf/provider-google/lib/organization-iam-member';
import { assertGrantableMember, assertNotBasicRole } from './principals';

export interface BreakGlassAccessProps {
  /** Numeric organization id. */
  readonly organizationId: string;
  /** The break-glass group's email address. */
  readonly group: string;
  /**
   * The privileged role it holds until `expires`.
   * @default 'roles/resourcemanager.organizationAdmin'
   */
  readonly role?: string;
  /** ISO-8601 timestamp with offset after which the grant no longer applies. */
  readonly expires: string;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class BreakGlassAccess extends Construct {
  /** The expiring grant. */
  readonly grant: OrganizationIamMember;
  /** `group:<email>` of the break-glass group. */
  readonly member: string;

  constructor(scope: Construct, id: string, props: BreakGlassAccessProps) {
    super(scope, id);
    const role = props.role ?? 'roles/resourcemanager.organizationAdmin';
    if (!ISO_WITH_OFFSET.test(props.expires) || Number.isNaN(Date.parse(props.expires))) {
      throw new Error(`break-glass expires must be an ISO-8601 timestamp with offset, got "${props.expires}"`);
    }
    this.member = `group:${props.group}`;
    assertNotBasicRole(role, 'break-glass');
    assertGrantableMember(this.member, 'break-glass');
    this.grant = new OrganizationIamMember(this, 'Resource', {
      orgId: props.organizationId,
      role,
      member: this.member,
      condition: {
        title: `break-glass until ${props.expires}`,
        description: 'Emergency access; lapses at the timestamp. Extend it only by a reviewed change.',
        expression: `request.time < timestamp("${props.expires}")`,
      },
    });
  }
}

/**
 * `group:` members of the break-glass group(s) config names (`groups.breakGlass` and
 * `iam.breakGlass.group`): members no other grant may include.
 */
export function breakGlassMembers(...groups: (string | undefined)[]): string[] {
  return [...new Set(groups.filter((g): g is string => g !== undefined).map((g) => `group:${g}`))];
}
