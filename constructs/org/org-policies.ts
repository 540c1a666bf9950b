/**
 * Organization policies set at the organization: boolean constraints enforced, and
 * `iam.allowedPolicyMemberDomains` limited to the org's own directory (plus any named partners),
 * so no consumer account or foreign domain can be granted anything (CIS GCP 1.2).
 */
import { Construct } from 'constructs';
import { OrgPolicyPolicy } from '@cdktf/provider-google/lib/org-policy-policy';
import { idFragment } from '../iam/principals';

/** The list constraint this construct manages itself; it is not a boolean one. */
export const ALLOWED_MEMBER_DOMAINS = 'iam.allowedPolicyMemberDomains';

const CONSTRAINT = /^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9]+$/;

export interface OrgPoliciesProps {
  /** Numeric organization id. */
  readonly organizationId: string;
  /** Boolean constraints to enforce, e.g. `iam.disableServiceAccountKeyCreation`. */
  readonly enforce: readonly string[];
  /** The organization's Cloud Identity / Workspace customer id, always allowed in IAM policies. */
  readonly customerId: string;
  /**
   * Further directory customer ids allowed in IAM policies.
   * @default - none
   */
  readonly extraAllowedCustomerIds?: readonly string[];
}

export class OrgPolicies extends Construct {
  /** Enforced boolean constraints by constraint name. */
  readonly enforced: ReadonlyMap<string, OrgPolicyPolicy>;
  /** The `iam.allowedPolicyMemberDomains` policy. */
  readonly allowedMemberDomains: OrgPolicyPolicy;

  constructor(scope: Construct, id: string, props: OrgPoliciesProps) {
    super(scope, id);
    const parent = `organizations/${props.organizationId}`;
    const enforced = new Map<string, OrgPolicyPolicy>();
    for (const constraint of props.enforce) {
      if (!CONSTRAINT.test(constraint)) throw new Error(`org policy constraint must look like "service.constraintName", got "${constraint}"`);
      if (constraint === ALLOWED_MEMBER_DOMAINS) {
        throw new Error(`${ALLOWED_MEMBER_DOMAINS} is a list constraint set from customerId; remove it from the enforced constraints`);
      }
      if (enforced.has(constraint)) throw new Error(`org policy constraint "${constraint}" is listed twice`);
      enforced.set(
        constraint,
        new OrgPolicyPolicy(this, `Policy-${idFragment(constraint)}`, {
          name: `${parent}/policies/${constraint}`,
          parent,
          spec: { rules: [{ enforce: 'TRUE' }] },
        }),
      );
    }
    this.enforced = enforced;
    const allowed = [...new Set([props.customerId, ...(props.extraAllowedCustomerIds ?? [])])];
    this.allowedMemberDomains = new OrgPolicyPolicy(this, `Policy-${idFragment(ALLOWED_MEMBER_DOMAINS)}`, {
      name: `${parent}/policies/${ALLOWED_MEMBER_DOMAINS}`,
      parent,
      spec: { rules: [{ values: { allowedValues: allowed } }] },
    });
  }
}
