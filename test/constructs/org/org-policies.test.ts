import { OrgPolicies } from '../../../constructs/org/org-policies';
import { resourcesOf, synthScope } from '../iam/synth-json';

const props = {
  organizationId: '111222333444',
  enforce: ['iam.disableServiceAccountKeyCreation', 'storage.publicAccessPrevention'],
  customerId: 'C01abc2de',
};

describe('OrgPolicies', () => {
  it('enforces each boolean constraint at the org and limits member domains to the org customer id', () => {
    const { doc } = synthScope((scope) => new OrgPolicies(scope, 'policies', props));
    expect(resourcesOf(doc, 'google_org_policy_policy')).toEqual([
      {
        name: 'organizations/111222333444/policies/iam.allowedPolicyMemberDomains',
        parent: 'organizations/111222333444',
        spec: { rules: [{ values: { allowed_values: ['C01abc2de'] } }] },
      },
      {
        name: 'organizations/111222333444/policies/iam.disableServiceAccountKeyCreation',
        parent: 'organizations/111222333444',
        spec: { rules: [{ enforce: 'TRUE' }] },
      },
      {
        name: 'organizations/111222333444/policies/storage.publicAccessPrevention',
        parent: 'organizations/111222333444',
        spec: { rules: [{ enforce: 'TRUE' }] },
      },
    ]);
  });

  it('allows the extra customer ids after the org own, once each', () => {
    const { doc } = synthScope(
      (scope) => new OrgPolicies(scope, 'policies', { ...props, enforce: [], extraAllowedCustomerIds: ['C09partner', 'C01abc2de'] }),
    );
    expect(resourcesOf(doc, 'google_org_policy_policy')).toEqual([
      {
        name: 'organizations/111222333444/policies/iam.allowedPolicyMemberDomains',
        parent: 'organizations/111222333444',
        spec: { rules: [{ values: { allowed_values: ['C01abc2de', 'C09partner'] } }] },
      },
    ]);
  });

  it('fails when the list constraint is listed as a boolean one', () => {
    expect(() => synthScope((scope) => new OrgPolicies(scope, 'p', { ...props, enforce: ['iam.allowedPolicyMemberDomains'] }))).toThrow(
      'iam.allowedPolicyMemberDomains is a list constraint set from customerId; remove it from the enforced constraints',
    );
  });

  it('fails on a malformed or repeated constraint', () => {
    expect(() => synthScope((scope) => new OrgPolicies(scope, 'p', { ...props, enforce: ['constraints/iam.x'] }))).toThrow(
      'org policy constraint must look like "service.constraintName", got "constraints/iam.x"',
    );
    expect(() => synthScope((scope) => new OrgPolicies(scope, 'p', { ...props, enforce: ['iam.a', 'iam.a'] }))).toThrow(
      'org policy constraint "iam.a" is listed twice',
    );
  });
});
