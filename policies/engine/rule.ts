/**
 * What a rule is: data (meta) plus one check function. Resource rules see one resource at a time
 * (the evaluator hands them only resources of their declared types, from a type index: no rule
 * walks the whole model to find its resources); model rules see the whole model once.
 */
import type { Model, Resource } from './model';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export type Category = 'iam' | 'logging' | 'alerting' | 'secrets' | 'org' | 'change' | 'deploy' | 'scanning';

export interface RuleMeta<M extends string = string> {
  /** kebab-case, equal to the file name: `iam-no-basic-roles`. */
  readonly id: string;
  /** An imperative sentence: "Grant no basic roles (owner, editor, viewer)." */
  readonly description: string;
  /** Default severity; a pack may override it. */
  readonly severity: Severity;
  readonly category: Category;
  /** Controls this rule evidences, cited exactly: `CIS GCP 1.6`, `SOC 2 CC6.1`. Empty when none fits. */
  readonly controls: readonly string[];
  /** Message templates keyed by message id; `{{name}}` is replaced by report data. */
  readonly messages: Readonly<Record<M, string>>;
  /** One paragraph for SARIF help and the text report: why it matters and how to fix it. */
  readonly help: string;
}

/**
 * Parameters every rule may read. Built from the baseline config when one is given
 * (`--config`), else from safe defaults (see params.ts).
 */
export interface RuleParams {
  /** The org's domain(s) allowed in IAM members (`user:`, `group:`, `domain:`). */
  readonly allowedMemberDomains: readonly string[];
  /** `user:` principals allowed as break-glass accounts. */
  readonly breakGlassPrincipals: readonly string[];
  /** Minimum retention in days for log buckets and archive buckets. */
  readonly minimumRetentionDays: number;
  /** Maximum rotation period in days for KMS keys and secrets. */
  readonly maxRotationDays: number;
  /** Boolean org policy constraints that must be enforced at the organization. */
  readonly requiredConstraints: readonly string[];
  /** Essential contact categories the org must cover (ALL covers every one). */
  readonly requiredContactCategories: readonly string[];
  /** Projects declared in config (id, coupling, folder key), for coverage and coupling rules. Empty without config. */
  readonly projects: readonly { readonly id: string; readonly coupling: 'tight' | 'loose'; readonly folder?: string }[];
  /**
   * Audit log narrowings declared in config (`audit.narrowing`): a folder (config key) or service that
   * keeps fewer log types, each with its reason. Absent or empty: nothing is narrowed.
   */
  readonly auditNarrowing?: readonly {
    readonly service?: string;
    readonly folder?: string;
    readonly logTypes: readonly string[];
    readonly reason: string;
  }[];
  /**
   * Access the code declares, for comparing with a live asset export (`baseline audit --declared`).
   * Absent: no declaration was given and the drift rules have nothing to compare.
   */
  readonly declaredAccess?: readonly DeclaredAccess[];
  /** Numeric organization id, when known from config. */
  readonly organizationId?: string;
  /**
   * Log sources the org config declares beyond its projects (`logging.sources`), each with the Cloud Logging filter
   * its absence metric counts. Absent or empty: none declared.
   */
  readonly logSources?: readonly DeclaredSourceParam[];
  /** Hours of silence after which a tight-coupled project's absence alert fires (config). @default 12 */
  readonly tightProjectSilenceHours?: number;
  /** The failed-login filter the alerting rules look for. */
  readonly failedLoginFilter: string;
  /** The evaluation time; rules compare expiries against it (never `new Date()` inside a rule). */
  readonly now: Date;
}

/**
 * One (target, role, member) grant the code declares, in comparable form (see gcp/access-drift.ts).
 * `target`, `member` or `condition` undefined: known only after apply, so it matches any live value.
 */
export interface DeclaredAccess {
  /** `organizations/1`, `folders/2`, `projects/<id>`, or `<terraform type>:<name>` for a resource. */
  readonly target?: string;
  /** Where the grant applies, also when the target itself is known only after apply. */
  readonly level: 'organization' | 'folder' | 'project' | 'resource';
  /** Terraform type of the target (`google_project`, `google_storage_bucket`). */
  readonly targetType: string;
  readonly role: string;
  /** Lower case (IAM compares members case-insensitively). */
  readonly member?: string;
  /** The IAM condition's expression with white space collapsed; `''` for none; undefined when unknown. */
  readonly condition?: string;
  /** The declaring resource's address, for messages. */
  readonly address: string;
}

/** One declared log source, as rules and the review see it. */
export interface DeclaredSourceParam {
  readonly name: string;
  /** `workspace`, `github-audit-stream`, `logging-api`. */
  readonly kind: string;
  readonly coupling: 'tight' | 'loose';
  readonly silenceHours: number;
  /** The Logging filter that counts its entries in the central bucket. */
  readonly filter: string;
  /** Where its entries land before Logging sees them (a bucket, a project), for people. */
  readonly landing?: string;
  /**
   * A tight-coupled project's id: a metric counting several projects (catalog/log-sources projectsDeliveryFilter)
   * watches it too when it tells them apart by LOG_PROJECT_LABEL and its absence condition groups by that label.
   */
  readonly projectId?: string;
}

export type ReportData = Readonly<Record<string, string | number>>;

export interface ReportOptions {
  /** The attribute path the finding is about, e.g. `policy_data.bindings.0.members.1`. */
  readonly path?: string;
  /**
   * This finding's severity, when the rule grades its findings (an undeclared grant is as severe as
   * its role is privileged). A pack's severity override still wins. @default - the rule's severity
   */
  readonly severity?: Severity;
  /** Facts reports show beside the message (SARIF `properties`): `role`, `member`. @default - none */
  readonly properties?: Readonly<Record<string, string>>;
}

export interface RuleContext<M extends string = string> {
  readonly model: Model;
  readonly params: RuleParams;
  /** A violation of the invariant. */
  report(resource: Resource, messageId: M, data?: ReportData, options?: ReportOptions): void;
  /** The invariant cannot be decided before apply (a value is unknown). Never a silent pass. */
  unknown(resource: Resource, messageId: M, data?: ReportData, options?: ReportOptions): void;
  /**
   * A model rule's finding that belongs to no one resource (e.g. "no org sink exists").
   * It is reported at a synthetic address `<rule id>` so it can still be suppressed and located.
   */
  reportMissing(messageId: M, data?: ReportData, options?: ReportOptions): void;
  /** The rule has nothing to judge in this input (e.g. no log buckets). */
  notApplicable(reason: string): void;
}

export interface ResourceRule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  readonly scope: 'resource';
  /** Resource types the rule looks at; `*` for every managed resource. */
  readonly types: readonly string[];
  check(resource: Resource, context: RuleContext<M>): void;
}

export interface ModelRule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  readonly scope: 'model';
  check(context: RuleContext<M>): void;
}

export type Rule<M extends string = string> = ResourceRule<M> | ModelRule<M>;

/** Typed helpers so a rule file reads as data plus one function. */
export function resourceRule<M extends string>(rule: Omit<ResourceRule<M>, 'scope'>): ResourceRule<M> {
  return { ...rule, scope: 'resource' };
}

export function modelRule<M extends string>(rule: Omit<ModelRule<M>, 'scope'>): ModelRule<M> {
  return { ...rule, scope: 'model' };
}

/** One rule of a pack, at the severity the pack gives it. */
export interface PackEntry {
  readonly rule: string;
  /** Overrides the rule's default severity in this pack. */
  readonly severity?: Severity;
}

/** Which rules run, and at which level: the rules themselves stay pack-agnostic (policies/packs holds the packs). */
export interface Pack<N extends string = string> {
  readonly name: N;
  readonly description: string;
  readonly rules: readonly PackEntry[];
}
