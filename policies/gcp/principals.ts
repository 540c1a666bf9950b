/**
 * IAM principals: what kind a member is (also when it is known only after apply), its domain, and
 * whether it is a (default) Google service account. No rule parses member strings itself.
 */
import { DEFAULT_SERVICE_ACCOUNT_PATTERNS, SERVICE_AGENT_PATTERNS } from '../catalog/roles';
import type { Model, Reference, Value } from '../engine/model';

export type MemberKind =
  | 'user'
  | 'group'
  | 'serviceAccount'
  | 'domain'
  | 'public'
  | 'principal'
  | 'principalSet'
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
  /** True when the member is a Google service account (`*.gserviceaccount.com`); undefined when undecidable. */
  readonly googleServiceAccount?: boolean;
  /** True for a default service account (config/roles.ts patterns); undefined when undecidable. */
  readonly defaultServiceAccount?: boolean;
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

/** Parses a member written out in full: `user:a@example.com`, `domain:example.com`, `allUsers`. */
export function parseMember(member: string): MemberInfo {
  if (/^(allUsers|allAuthenticatedUsers)$/i.test(member)) return { unknown: false, kind: 'public', display: member, googleServiceAccount: false, defaultServiceAccount: false };
  const colon = member.indexOf(':');
  const kind = colon > 0 ? kindOfPrefix(member.slice(0, colon)) : 'other';
  const rest = member.slice(colon + 1);
  let domain: string | undefined;
  if (kind === 'domain') domain = rest.toLowerCase();
  else if (kind === 'user' || kind === 'group' || kind === 'serviceAccount') {
    const at = rest.lastIndexOf('@');
    domain = at >= 0 ? rest.slice(at + 1).toLowerCase() : undefined;
  }
  const googleServiceAccount = kind === 'serviceAccount' && domain !== undefined && isGoogleServiceAccountDomain(domain);
  return { unknown: false, kind, display: member, domain, googleServiceAccount, defaultServiceAccount: isDefaultServiceAccountText(member) };
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
 */
const SERVICE_ACCOUNT_SOURCES: readonly { type: string; mode: 'managed' | 'data'; attributes?: readonly string[]; default?: boolean }[] = [
  { type: 'google_service_account', mode: 'managed', default: false },
  { type: 'google_service_account', mode: 'data' },
  { type: 'google_project_service_identity', mode: 'managed', default: false },
  { type: 'google_logging_project_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_folder_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_organization_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_billing_account_sink', mode: 'managed', attributes: ['writer_identity'], default: false },
  { type: 'google_logging_project_cmek_settings', mode: 'data', attributes: ['service_account_id'], default: false },
  { type: 'google_logging_organization_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false },
  { type: 'google_logging_folder_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false },
  { type: 'google_logging_project_settings', mode: 'data', attributes: ['kms_service_account_id', 'logging_service_account_id'], default: false },
  { type: 'google_storage_project_service_account', mode: 'data', attributes: ['email_address', 'member'], default: false },
  { type: 'google_bigquery_default_service_account', mode: 'data', attributes: ['email', 'member'], default: false },
  { type: 'google_compute_default_service_account', mode: 'data', attributes: ['email', 'member'], default: true },
  { type: 'google_app_engine_default_service_account', mode: 'data', attributes: ['email', 'member'], default: true },
];

/** What a referenced resource says about the identity it provides, or undefined when it provides none. */
function identityOfReference(model: Model, ref: Reference): { default?: boolean } | undefined {
  const target = ref.target ? model.byId(ref.target) : undefined;
  if (!target) return undefined;
  const source = SERVICE_ACCOUNT_SOURCES.find(
    (s) => s.type === target.type && s.mode === target.mode && (s.attributes === undefined || (ref.attribute !== undefined && s.attributes.includes(ref.attribute))),
  );
  if (!source) return undefined;
  if (source.default !== undefined) return { default: source.default };
  // A data source read at plan time has its email; in synthesized JSON only an email-shaped account_id tells.
  const email = [target.values.email, target.values.account_id].find((v) => typeof v === 'string' && v.includes('@') && !v.includes('${'));
  return typeof email === 'string' ? { default: isDefaultServiceAccountText(`serviceAccount:${email}`) } : {};
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
    if (kind !== 'serviceAccount') return { unknown: true, kind, display, domain, googleServiceAccount: false, defaultServiceAccount: false };
    if (!allServiceAccounts) {
      const googleServiceAccount = domain === undefined ? undefined : isGoogleServiceAccountDomain(domain);
      const defaultServiceAccount = couldBeDefaultDomain(domain) ? undefined : false;
      return { unknown: true, kind, display, domain, googleServiceAccount, defaultServiceAccount };
    }
  } else if (!allServiceAccounts) {
    return { unknown: true, display };
  }
  const defaults = identities.map((i) => i?.default);
  const defaultServiceAccount = defaults.every((d) => d === false) ? false : defaults.every((d) => d === true) ? true : undefined;
  return { unknown: true, kind: 'serviceAccount', display, domain, googleServiceAccount: true, defaultServiceAccount };
}

/** A tri-state test of a member's kind: undefined when the member is known only after apply and its kind with it. */
export function memberIsKind(member: MemberInfo, kind: MemberKind): boolean | undefined {
  if (member.kind !== undefined) return member.kind === kind;
  return member.unknown ? undefined : false;
}

/** Everything the input tells about a grant's member, whether it is known now or only after apply. */
export function describeMember(model: Model, member: Value<string>): MemberInfo {
  if (member.state === 'known') return parseMember(member.value);
  if (member.state === 'unknown') return describeUnknownMember(model, member);
  return { unknown: false, display: '(absent)' };
}

/** True for a Google-managed service agent (`serviceAccount:service-123@gcp-sa-x.iam.gserviceaccount.com`). */
export function isServiceAgent(member: string): boolean {
  return SERVICE_AGENT_PATTERNS.some((p) => p.test(member));
}

/** True for a principal IAM keeps after its deletion (`deleted:user:a@example.com?uid=123`). */
export function isDeletedMember(member: string): boolean {
  return /^deleted:/i.test(member);
}
