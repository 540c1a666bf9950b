/**
 * IAM principals: what kind a member is (also when it is known only after apply), its domain, and
 * whether it is a (default) Google service account or a Google-managed service agent. No rule parses member strings itself.
 */
import { DEFAULT_SERVICE_ACCOUNT_PATTERNS, SERVICE_AGENT_EMAIL_PATTERNS } from '../catalog/roles';
import { perModel, type Model, type Reference, type Value } from '../engine/model';
import { tri, type Tri } from '../engine/values';

export type MemberKind =
  | 'user'
  | 'group'
  | 'serviceAccount'
  | 'domain'
  | 'public'
  | 'principal'
  | 'principalSet'
  | 'principalHierarchy'
  | 'deleted'
  | 'convenience'
  | 'other';

export interface MemberInfo {
  /** True when the member's value is known only after apply (parts of it may still be determinable). */
  readonly unknown: boolean;
  /** What kind of principal; undefined when the member is known only after apply and nothing tells its kind. */
  readonly kind?: MemberKind;
  /** The member as written when known, else the synthesized expression, else `(known after apply)`. */
  readonly display: string;
  /** Lower-case domain of a user/group/serviceAccount email or of a `domain:` member, when determinable. */
  readonly domain?: string;
  /** Whether the member is a Google service account (`*.gserviceaccount.com`). */
  readonly googleServiceAccount: Tri;
  /** Whether it is a default service account (catalog/roles.ts patterns). */
  readonly defaultServiceAccount: Tri;
  /** Whether it is a Google-managed service agent (catalog/roles.ts SERVICE_AGENT_EMAIL_PATTERNS, or a reference to one). */
  readonly serviceAgent: Tri;
}

/** What an unknown value with no expression and no reference reads as, inside a message's parentheses. */
export const UNKNOWN_DISPLAY = 'no expression in the input';

/**
 * A value for messages: the known value, the synthesized expression, what a plan says it comes from
 * (`from random_string.suffix.result`), or that nothing says.
 */
export function displayValue(value: Value<string>): string {
  if (value.state === 'known') return value.value;
  if (value.state === 'unknown') {
    if (value.raw !== undefined) return value.raw;
    const source = value.references.find((r) => r.attribute !== undefined) ?? value.references[0];
    return source ? `from ${source.expression}` : UNKNOWN_DISPLAY;
  }
  return '(absent)';
}

const CONVENIENCE_PREFIXES = ['projectOwner', 'projectEditor', 'projectViewer'];

function kindOfPrefix(prefix: string): MemberKind {
  switch (prefix) {
    case 'user':
    case 'group':
    case 'serviceAccount':
    case 'domain':
    case 'principal':
    case 'principalSet':
    case 'principalHierarchy':
    case 'deleted':
      return prefix;
    default:
      return CONVENIENCE_PREFIXES.includes(prefix) ? 'convenience' : 'other';
  }
}

function isDefaultServiceAccountText(member: string): boolean {
  return DEFAULT_SERVICE_ACCOUNT_PATTERNS.some((p) => p.test(member));
}

const isGoogleServiceAccountDomain = (domain: string) => domain.endsWith('.gserviceaccount.com');

const isServiceAgentEmail = (email: string) => SERVICE_AGENT_EMAIL_PATTERNS.some((p) => p.test(email.toLowerCase()));

/**
 * Whether a member written with `${...}` holes is a service agent, from its text alone: decided when the holes
 * sit in the local part only (`serviceAccount:service-${data.google_project.p.number}@gcp-sa-pubsub...`), a hole
 * standing for digits there; open when the domain itself is computed.
 */
function serviceAgentFromTemplate(raw: string): Tri {
  const at = raw.lastIndexOf('@');
  const colon = raw.indexOf(':');
  if (at < 0 || colon < 0 || raw.slice(at).includes('${')) return 'unknown';
  return tri(isServiceAgentEmail(raw.slice(colon + 1).replace(/\$\{[^}]*\}/g, '0')));
}

const CASE_SENSITIVE = /^(?:principal|principalSet|principalHierarchy):/;

/**
 * A member as IAM compares it: the type prefix is case-sensitive, the value is not, except in `principal:`,
 * `principalSet:` and `principalHierarchy:` identifiers and the public principals; a `deleted:` member keeps its
 * prefixes. The provider's normalizeIamMemberCasing (google/tpgiamresource/iam.go) does exactly this.
 */
export function normalizeMember(member: string): string {
  if (/allUsers|allAuthenticatedUsers/.test(member)) return member;
  const deleted = member.startsWith('deleted:');
  const body = deleted ? member.slice('deleted:'.length) : member;
  if (CASE_SENSITIVE.test(body)) return member;
  const colon = body.indexOf(':');
  if (colon < 0) return member;
  return `${deleted ? 'deleted:' : ''}${body.slice(0, colon + 1)}${body.slice(colon + 1).toLowerCase()}`;
}

/**
 * What a `principal://` or `principalSet://` identifier stands for, in the terms of the other members
 * (https://cloud.google.com/iam/docs/principal-identifiers): one federated person is a user, every service
 * account of a project, folder or organization is a service account, `goog/` forms name a Google Account,
 * group or the public.
 */
function principalIdentifier(member: string): Pick<MemberInfo, 'kind' | 'domain' | 'googleServiceAccount' | 'defaultServiceAccount'> | undefined {
  const emailDomain = (email: string) => (email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : undefined);
  let m = /^principal:\/\/iam\.googleapis\.com\/locations\/global\/workforcePools\/[^/]+\/subject\/.+$/.exec(member);
  if (m) return { kind: 'user', googleServiceAccount: 'no', defaultServiceAccount: 'no' };
  m = /^principal:\/\/goog\/subject\/(.+)$/.exec(member);
  if (m) return { kind: 'user', domain: emailDomain(m[1]), googleServiceAccount: 'no', defaultServiceAccount: 'no' };
  m = /^principalSet:\/\/goog\/group\/(.+)$/.exec(member);
  if (m) return { kind: 'group', domain: emailDomain(m[1]), googleServiceAccount: 'no', defaultServiceAccount: 'no' };
  if (/^principalSet:\/\/goog\/public:all$/.test(member)) return { kind: 'public', googleServiceAccount: 'no', defaultServiceAccount: 'no' };
  // Every service account there, the default ones included where they exist.
  if (/^principalSet:\/\/cloudresourcemanager\.googleapis\.com\/(?:projects|folders|organizations)\/[^/]+\/type\/ServiceAccount$/.test(member)) {
    return { kind: 'serviceAccount', googleServiceAccount: 'yes', defaultServiceAccount: 'unknown' };
  }
  return undefined;
}

/** Parses a member written out in full: `user:a@example.com`, `domain:example.com`, `allUsers`, `principal://...`. */
export function parseMember(member: string): MemberInfo {
  if (/^(allUsers|allAuthenticatedUsers)$/i.test(member)) return { unknown: false, kind: 'public', display: member, googleServiceAccount: 'no', defaultServiceAccount: 'no', serviceAgent: 'no' };
  const identifier = principalIdentifier(member);
  if (identifier) return { unknown: false, display: member, serviceAgent: 'no', ...identifier };
  const normalized = normalizeMember(member);
  const colon = normalized.indexOf(':');
  const kind = colon > 0 ? kindOfPrefix(normalized.slice(0, colon)) : 'other';
  const rest = normalized.slice(colon + 1);
  let domain: string | undefined;
  if (kind === 'domain') domain = rest;
  else if (kind === 'user' || kind === 'group' || kind === 'serviceAccount') {
    const at = rest.lastIndexOf('@');
    domain = at >= 0 ? rest.slice(at + 1) : undefined;
  }
  const googleServiceAccount = tri(kind === 'serviceAccount' && domain !== undefined && isGoogleServiceAccountDomain(domain));
  const serviceAgent = tri(kind === 'serviceAccount' && isServiceAgentEmail(rest));
  return { unknown: false, kind, display: member, domain, googleServiceAccount, defaultServiceAccount: tri(isDefaultServiceAccountText(normalized)), serviceAgent };
}

/**
 * Where default service accounts live, read from config/roles.ts's patterns (`...@developer\.gserviceaccount\.com$`):
 * a member whose domain is written out and is none of these is no default service account.
 */
const DEFAULT_SERVICE_ACCOUNT_DOMAINS: readonly (string | undefined)[] = DEFAULT_SERVICE_ACCOUNT_PATTERNS.map(
  (p) => /@((?:[a-z0-9-]|\\\.)+)\$$/.exec(p.source)?.[1].replace(/\\\./g, '.'),
);

function couldBeDefaultDomain(domain: string | undefined): boolean {
  // A pattern whose domain cannot be read leaves every domain possible.
  return domain === undefined || DEFAULT_SERVICE_ACCOUNT_DOMAINS.some((d) => d === undefined || d === domain);
}

/**
 * Resources (type, mode, attributes) that are service account identities, for members known only after
 * apply (`serviceAccount:${google_service_account.app.email}`, a sink's `writer_identity`, a service agent
 * from the Logging settings). `attributes` undefined: any attribute. `default`: true when the identity is a
 * default service account, false when it never is, undefined when it depends on the data source's own values.
 * `agent`: a Google-managed service agent (the provider's docs for each: a sink's writer identity, the Logging
 * and Cloud Storage service agents, `google_project_service_identity`), or a user-managed account (false).
 */
const SERVICE_ACCOUNT_SOURCES: readonly { type: string; mode: 'managed' | 'data'; attributes?: readonly string[]; default?: boolean; agent: boolean }[] = [
  { type: 'google_service_account', mode: 'managed', default: false, agent: false },
  { type: 'google_service_account', mode: 'data', agent: false },
  { type: 'google_project_service_identity', mode: 'managed', default: false, agent: true },
  { type: 'google_logging_project_sink', mode: 'managed', attributes: ['writer_identity'], default: false, agent: true },
  { type: 'google_logging_folder_sink', mode: 'managed', attributes: ['writer_identity'], default: false, agent: true },
  { type: 'google_logging_organization_sink', mode: 'managed', attributes: ['writer_identity'], default: false, agent: true },
  { type: 'google_logging_billing_account_sink', mode: 'managed', attributes: ['writer_identity'], default: false, agent: true },
  { type: 'google_logging_project_cmek_settings', mode: 'data', attributes: ['service_account_id'], default: false, agent: true },
  { type: 'google_logging_organization_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false, agent: true },
  { type: 'google_logging_folder_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false, agent: true },
  { type: 'google_logging_project_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false, agent: true },
  { type: 'google_storage_project_service_account', mode: 'data', attributes: ['email_address', 'member'], default: false, agent: true },
  { type: 'google_bigquery_default_service_account', mode: 'data', attributes: ['email', 'member'], default: false, agent: true },
  { type: 'google_compute_default_service_account', mode: 'data', attributes: ['email', 'member'], default: true, agent: false },
  { type: 'google_app_engine_default_service_account', mode: 'data', attributes: ['email', 'member'], default: true, agent: false },
];

/** What a referenced resource says about the identity it provides, or undefined when it provides none. */
function identityOfReference(model: Model, ref: Reference): { default?: boolean; agent: boolean } | undefined {
  const target = ref.target ? model.byId(ref.target) : undefined;
  if (!target) return undefined;
  const source = SERVICE_ACCOUNT_SOURCES.find(
    (s) => s.type === target.type && s.mode === target.mode && (s.attributes === undefined || (ref.attribute !== undefined && s.attributes.includes(ref.attribute))),
  );
  if (!source) return undefined;
  if (source.default !== undefined) return { default: source.default, agent: source.agent };
  // A data source read at plan time has its email; in synthesized JSON only an email-shaped account_id tells.
  const email = [target.values.email, target.values.account_id].find((v) => typeof v === 'string' && v.includes('@') && !v.includes('${'));
  return typeof email === 'string' ? { default: isDefaultServiceAccountText(`serviceAccount:${email}`), agent: source.agent } : { agent: source.agent };
}

/**
 * Describes a member known only after apply from what is known: the prefix and domain written around the
 * token (`user:${var.name}@example.com`) and the resources it references. Nothing is guessed: anything not
 * shown by the input stays undefined.
 */
function describeUnknownMember(model: Model, member: Extract<Value<string>, { state: 'unknown' }>): MemberInfo {
  const display = displayValue(member);
  const identities = member.references.map((r) => identityOfReference(model, r));
  // Every reference is a service account identity: the member is one (the prefix, if written, must agree).
  const allServiceAccounts = identities.length > 0 && identities.every((i) => i !== undefined);
  const raw = member.raw;
  const prefix = raw ? /^([A-Za-z]+):/.exec(raw)?.[1] : undefined;
  const domainMatch = raw ? /@([A-Za-z0-9.-]+)$/.exec(raw) : null;
  const domain = domainMatch ? domainMatch[1].toLowerCase() : undefined;
  if (prefix !== undefined) {
    const kind = kindOfPrefix(prefix);
    if (kind !== 'serviceAccount') return { unknown: true, kind, display, domain, googleServiceAccount: 'no', defaultServiceAccount: 'no', serviceAgent: 'no' };
    if (!allServiceAccounts) {
      const googleServiceAccount: Tri = domain === undefined ? 'unknown' : tri(isGoogleServiceAccountDomain(domain));
      const defaultServiceAccount: Tri = couldBeDefaultDomain(domain) ? 'unknown' : 'no';
      return { unknown: true, kind, display, domain, googleServiceAccount, defaultServiceAccount, serviceAgent: serviceAgentFromTemplate(raw!) };
    }
  } else if (!allServiceAccounts) {
    return { unknown: true, display, googleServiceAccount: 'unknown', defaultServiceAccount: 'unknown', serviceAgent: 'unknown' };
  }
  const defaults = identities.map((i) => i?.default);
  const defaultServiceAccount: Tri = defaults.every((d) => d === false) ? 'no' : defaults.every((d) => d === true) ? 'yes' : 'unknown';
  const agents = identities.map((i) => i!.agent);
  const serviceAgent: Tri = agents.every((a) => !a) ? 'no' : agents.every((a) => a) ? 'yes' : 'unknown';
  return { unknown: true, kind: 'serviceAccount', display, domain, googleServiceAccount: 'yes', defaultServiceAccount, serviceAgent };
}

/** Whether a member is of a kind: 'unknown' when the member is known only after apply and its kind with it. */
export function memberIsKind(member: MemberInfo, kind: MemberKind): Tri {
  if (member.kind !== undefined) return tri(member.kind === kind);
  return member.unknown ? 'unknown' : 'no';
}

/**
 * Known members parsed once per model: half a dozen rules describe the member of every grant of a large
 * plan, and parsing it (a dozen patterns) was most of what they cost.
 */
const parsedMembers = perModel(() => new Map<string, MemberInfo>());

/** Everything the input tells about a grant's member, whether it is known now or only after apply. */
export function describeMember(model: Model, member: Value<string>): MemberInfo {
  if (member.state === 'known') {
    const parsed = parsedMembers(model);
    let info = parsed.get(member.value);
    if (info === undefined) parsed.set(member.value, (info = parseMember(member.value)));
    return info;
  }
  if (member.state === 'unknown') return describeUnknownMember(model, member);
  return { unknown: false, display: '(absent)', googleServiceAccount: 'no', defaultServiceAccount: 'no', serviceAgent: 'no' };
}

/** True for a Google-managed service agent written out in full (`serviceAccount:service-123@gcp-sa-x.iam.gserviceaccount.com`). */
export function isServiceAgent(member: string): boolean {
  return parseMember(member).serviceAgent === 'yes';
}

/** True for a principal IAM keeps after its deletion (`deleted:user:a@example.com?uid=123`). */
export function isDeletedMember(member: string): boolean {
  return /^deleted:/i.test(member);
}
