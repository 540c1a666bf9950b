/**
 * Preventive controls at the top of the hierarchy: the configured boolean constraints enforced at the
 * organization, and CIS GCP 1.2's member-domain allow-list. Both resource generations are read
 * (google_org_policy_policy and the legacy google_organization_policy).
 */
import { modelRule } from '../../engine/rule';
import type { Tri } from '../../engine/values';
import { DOMAIN_RESTRICTION as DOMAIN_CONSTRAINT, orgPolicies, type OrgPolicyView as OrgPolicy } from '../../gcp/org-policies';

type MessageId =
  | 'missing-constraint'
  | 'constraint-not-enforced'
  | 'missing-domain-restriction'
  | 'domain-restriction-without-allowlist'
  | 'policy-unknown'
  | 'constraint-overridden'
  | 'override-unknown';

export default modelRule<MessageId>({
  meta: {
    id: 'orgpolicy-required-constraints',
    description: 'Enforce every required boolean constraint at the organization, restrict IAM members to allowed directory customers, and turn none of them off below.',
    severity: 'high',
    category: 'org',
    controls: ['CIS GCP 1.2'],
    messages: {
      'missing-constraint': 'Constraint {{constraint}} is not set at the organization.',
      'constraint-not-enforced': 'Organization policy for {{constraint}} does not enforce it unconditionally.',
      'missing-domain-restriction': 'No organization policy restricts IAM members with {{constraint}}.',
      'domain-restriction-without-allowlist': 'Organization policy for {{constraint}} has no allowed customer ids: any domain (or none) may be granted.',
      'policy-unknown': 'Organization policy has its constraint, parent or enforcement known only after apply; it may be the one for {{constraint}}.',
      'constraint-overridden': 'Policy on {{node}} turns {{constraint}} off there and below, overriding the organization\'s enforcement.',
      'override-unknown': 'Policy on {{node}} for {{constraint}} has values known only after apply; it may turn the constraint off there and below.',
    },
    help:
      'Organization policies are preventive: a constraint enforced at the organization stops service account keys, default editor grants, audit-log exemptions and public buckets in every project, whoever deploys them. Create a `google_org_policy_policy` with `parent = "organizations/<id>"`, `name = "organizations/<id>/policies/<constraint>"` and `spec { rules { enforce = "TRUE" } }` per required constraint, and one for iam.allowedPolicyMemberDomains whose `values.allowed_values` lists the directory customer ids (CIS GCP 1.2).',
  },
  check(context) {
    const { model, params } = context;
    const policies = orgPolicies(model, params.organizationId).filter((p) => p.atOrganization !== 'no');
    const unknownReported = new Set<string>();
    const undecided = (p: OrgPolicy, constraint: string) => {
      if (unknownReported.has(p.resource.id)) return;
      unknownReported.add(p.resource.id);
      context.unknown(p.resource, 'policy-unknown', { constraint });
    };
    const judge = (constraint: string, state: (p: OrgPolicy) => Tri, missing: MessageId, notMet: MessageId) => {
      const verdicts = policies
        .filter((p) => p.constraint === undefined || p.constraint === constraint)
        .map((p) => {
          const s = state(p);
          // A policy that enforces nothing is irrelevant whatever it is about; one that may enforce counts only when all is known.
          const verdict: Tri = s === 'no' ? 'no' : s === 'yes' && p.constraint === constraint && p.atOrganization === 'yes' ? 'yes' : 'unknown';
          return { p, verdict };
        });
      if (verdicts.some((v) => v.verdict === 'yes')) return;
      const open = verdicts.filter((v) => v.verdict === 'unknown');
      if (open.length > 0) {
        for (const v of open) undecided(v.p, constraint);
        return;
      }
      const notMeeting = verdicts.filter((v) => v.p.constraint === constraint && v.p.atOrganization === 'yes');
      if (notMeeting.length === 0) context.reportMissing(missing, { constraint });
      for (const v of notMeeting) context.report(v.p.resource, notMet, { constraint });
    };
    for (const constraint of params.requiredConstraints) {
      judge(constraint, (p) => p.enforced, 'missing-constraint', 'constraint-not-enforced');
    }
    judge(DOMAIN_CONSTRAINT, (p) => p.allowList, 'missing-domain-restriction', 'domain-restriction-without-allowlist');
    // Below the organization, a policy that turns a constraint off wins over the organization's enforcement
    // for its node and everything under it (https://cloud.google.com/resource-manager/docs/organization-policy/understanding-hierarchy).
    const required = new Set([...params.requiredConstraints, DOMAIN_CONSTRAINT]);
    for (const p of orgPolicies(model, params.organizationId)) {
      if (p.atOrganization === 'yes' || unknownReported.has(p.resource.id) || p.turnedOff === 'no') continue;
      if (p.constraint !== undefined && !required.has(p.constraint)) continue;
      const data = { constraint: p.constraint ?? '(a constraint known only after apply)', node: p.nodeKey ?? '(a node known only after apply)' };
      if (p.turnedOff === 'yes' && p.constraint !== undefined && p.atOrganization === 'no') context.report(p.resource, 'constraint-overridden', data);
      else context.unknown(p.resource, 'override-unknown', data);
    }
  },
});
