/**
 * Preventive controls at the top of the hierarchy: the configured boolean constraints enforced at the
 * organization, and CIS GCP 1.2's member-domain allow-list. Both resource generations are read
 * (google_org_policy_policy and the legacy google_organization_policy).
 */
import { modelRule, type RuleParams } from '../../engine/rule';
import { get, type Resource, type Value } from '../../engine/model';
import { anyYes, surviving, writtenText, type Tri } from '../../engine/values';
import { isOrganizationParent } from '../../gcp/ancestry';

type MessageId =
  | 'missing-constraint'
  | 'constraint-not-enforced'
  | 'missing-domain-restriction'
  | 'domain-restriction-without-allowlist'
  | 'policy-unknown';

/** CIS GCP 1.2: IAM members only from the organization's own directory (a list constraint). */
const DOMAIN_CONSTRAINT = 'iam.allowedPolicyMemberDomains';

/** An organization policy as both resource generations write it, reduced to what this rule needs. */
interface OrgPolicy {
  readonly resource: Resource;
  /** The constraint without `constraints/`; undefined when the name is known only after apply. */
  readonly constraint?: string;
  readonly atOrganization: Tri;
  readonly enforced: Tri;
  readonly allowList: Tri;
}

function truthy(value: Value<unknown>): Tri {
  if (value.state === 'unknown') return 'unknown';
  return value.state === 'known' && (value.value === true || value.value === 'TRUE') ? 'yes' : 'no';
}

function listLength(resource: Resource, path: string): Value<number> {
  const list = get<unknown[]>(resource, path);
  if (list.state === 'known') return { state: 'known', value: Array.isArray(list.value) ? list.value.length : 1 };
  return list;
}

function hasItems(value: Value<number>): Tri {
  if (value.state === 'unknown') return 'unknown';
  return value.state === 'known' && value.value > 0 ? 'yes' : 'no';
}

/** `google_org_policy_policy`: enforcement and allow-lists live in unconditional `spec.rules`. */
function fromPolicyV2(resource: Resource, params: RuleParams): OrgPolicy {
  const last = /\/policies\/([^/]+)$/.exec(writtenText(get<string>(resource, 'name')) ?? '')?.[1];
  const constraint = last && !last.includes('${') ? last : undefined;
  const rules = listLength(resource, 'spec.rules');
  let enforced: Tri = rules.state === 'unknown' ? 'unknown' : 'no';
  let allowList: Tri = enforced;
  if (rules.state === 'known') {
    const ruleStates = Array.from({ length: rules.value }, (_, i) => {
      const base = `spec.rules.${i}`;
      // A conditional rule enforces only where its condition matches: it does not make the constraint org-wide.
      const conditional = hasItems(listLength(resource, `${base}.condition`));
      const gate = (t: Tri): Tri => (conditional === 'no' ? t : conditional === 'yes' || t === 'no' ? 'no' : 'unknown');
      return {
        enforced: gate(truthy(get(resource, `${base}.enforce`))),
        allowList: gate(hasItems(listLength(resource, `${base}.values.allowed_values`))),
      };
    });
    enforced = anyYes(ruleStates.map((s) => s.enforced));
    allowList = anyYes(ruleStates.map((s) => s.allowList));
  }
  return { resource, constraint, atOrganization: isOrganizationParent(get(resource, 'parent'), params.organizationId), enforced, allowList };
}

/** Legacy `google_organization_policy`: `boolean_policy.enforced` and `list_policy.allow.values`. */
function fromLegacyPolicy(resource: Resource, params: RuleParams): OrgPolicy {
  const written = writtenText(get<string>(resource, 'constraint'));
  const constraint = written && !written.includes('${') ? written.replace(/^constraints\//, '') : undefined;
  const orgId = get<string>(resource, 'org_id');
  // The legacy resource always sits at an organization; only which one can be open.
  const atOrganization: Tri =
    orgId.state === 'known'
      ? isOrganizationParent({ state: 'known', value: `organizations/${orgId.value}` }, params.organizationId)
      : params.organizationId === undefined ? 'yes' : 'unknown';
  return {
    resource,
    constraint,
    atOrganization,
    enforced: truthy(get(resource, 'boolean_policy.enforced')),
    allowList: hasItems(listLength(resource, 'list_policy.allow.values')),
  };
}

export default modelRule<MessageId>({
  meta: {
    id: 'orgpolicy-required-constraints',
    description: 'Enforce every required boolean constraint at the organization, and restrict IAM members to allowed directory customers.',
    severity: 'high',
    category: 'org',
    controls: ['CIS GCP 1.2'],
    messages: {
      'missing-constraint': 'Constraint {{constraint}} is not set at the organization.',
      'constraint-not-enforced': 'Organization policy for {{constraint}} does not enforce it unconditionally.',
      'missing-domain-restriction': 'No organization policy restricts IAM members with {{constraint}}.',
      'domain-restriction-without-allowlist': 'Organization policy for {{constraint}} has no allowed customer ids: any domain (or none) may be granted.',
      'policy-unknown': 'Organization policy has its constraint, parent or enforcement known only after apply; it may be the one for {{constraint}}.',
    },
    help:
      'Organization policies are preventive: a constraint enforced at the organization stops service account keys, default editor grants, audit-log exemptions and public buckets in every project, whoever deploys them. Create a `google_org_policy_policy` with `parent = "organizations/<id>"`, `name = "organizations/<id>/policies/<constraint>"` and `spec { rules { enforce = "TRUE" } }` per required constraint, and one for iam.allowedPolicyMemberDomains whose `values.allowed_values` lists the directory customer ids (CIS GCP 1.2).',
  },
  check(context) {
    const { model, params } = context;
    const policies = [
      ...surviving(model.byType('google_org_policy_policy')).map((r) => fromPolicyV2(r, params)),
      ...surviving(model.byType('google_organization_policy')).map((r) => fromLegacyPolicy(r, params)),
    ].filter((p) => p.atOrganization !== 'no');
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
  },
});
