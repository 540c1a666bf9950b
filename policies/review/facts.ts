/**
 * The reviewer's facts: what a change gives access to, where its logs go, who reads its secrets, which
 * threats raise an alert and what a plan destroys. Built once from the model and the evaluation
 * (review/build.ts); every renderer (Markdown, HTML, evidence, practices page) reads only this shape.
 */
import type { Tri } from '../engine/values';
import type { Action } from '../engine/model';
import type { Severity } from '../engine/rule';

/** Why a principal stands out to a reviewer. */
export type Highlight = 'public' | 'user' | 'external-domain' | 'unknown';

/** Where a grant applies, named for people. */
export interface ScopeRef {
  readonly level: 'organization' | 'folder' | 'project' | 'resource';
  /** `organization 123`, `folder Shared`, `project example-app-prd`, `secret app-db-password`. */
  readonly label: string;
}

export interface AccessGrant {
  readonly role: string;
  readonly scope: ScopeRef;
  /** Admin-level or basic role (policies/catalog/roles.ts). */
  readonly privileged: boolean;
  readonly condition?: { readonly title?: string; readonly expression?: string; readonly expires?: string };
  /** Projects the grant reaches through the hierarchy (a folder or organization grant), by label. */
  readonly reaches: readonly string[];
  /** Address of the resource that makes the grant. */
  readonly address: string;
  /** Plans only: what the plan does to the granting resource, when it changes it (`create`: new access). */
  readonly planned?: 'create' | 'update' | 'replace';
  /**
   * Live organization (an asset export reviewed with --declared) only: 'yes' when no declared grant covers this
   * one (shadow access), 'unknown' when its role is not known; absent when nothing was declared.
   */
  readonly undeclared?: Tri;
}

/** A grant a plan deletes: access that goes away. */
export interface RemovedGrant {
  readonly principal: string;
  readonly role: string;
  readonly scope: string;
  readonly address: string;
}

export interface PrincipalAccess {
  /** The member as written (`group:a@example.com`), or its expression when known only after apply. */
  readonly principal: string;
  readonly kind: string;
  readonly highlights: readonly Highlight[];
  readonly grants: readonly AccessGrant[];
}

/** A node of the resource hierarchy that holds grants or projects, with the grants made on it. */
export interface HierarchyFact {
  readonly label: string;
  readonly kind: 'organization' | 'folder' | 'project';
  readonly parent?: string;
  readonly grants: number;
}

export interface DestinationFact {
  readonly key: string;
  readonly label: string;
  readonly kind: 'logging-bucket' | 'storage-bucket' | 'pubsub-topic' | 'bigquery-dataset' | 'unknown';
  readonly address?: string;
  /** The project holding the destination, when known. */
  readonly project?: string;
  readonly retentionDays?: number;
  readonly locked?: Tri;
  readonly cmek?: Tri;
  /** Storage class (archive buckets). */
  readonly storageClass?: string;
}

export interface SinkFact {
  readonly address: string;
  readonly name: string;
  readonly level: string;
  /** The node the sink sits on, by label. */
  readonly source: string;
  readonly includeChildren: Tri;
  readonly filter: string;
  /** What the sink does with audit logs: `keeps every audit log`, `drops data access`, ... */
  readonly audit: string;
  readonly exclusions: readonly string[];
  readonly writer: string;
  readonly destination: string;
}

export interface RoutingFacts {
  /** Projects whose logs reach no sink, first in the section. */
  readonly unrouted: readonly string[];
  /** Every project and the sinks its logs reach (own or inherited). */
  readonly projects: readonly { readonly project: string; readonly sinks: readonly string[] }[];
  readonly sinks: readonly SinkFact[];
  readonly destinations: readonly DestinationFact[];
  /** Every destination sits in one project, which holds none of the input's secrets: logs are kept apart. */
  readonly dedicatedProject: boolean;
}

export interface SecretReader {
  readonly principal: string;
  readonly role: string;
  /** `direct` on the secret, else the scope it is inherited from. */
  readonly via: 'direct' | string;
  readonly condition?: string;
}

export interface SecretFact {
  readonly secret: string;
  readonly address: string;
  readonly project?: string;
  /** `automatic`, or the replica locations (with `CMEK` when a key is set). */
  readonly replication: string;
  readonly cmek: Tri;
  readonly rotationDays?: number;
  readonly readers: readonly SecretReader[];
}

export type DetectionStatus = 'covered' | 'no-metric' | 'no-alert' | 'alert-disabled' | 'no-channel' | 'unknown';

export interface DetectionRow {
  readonly threat: string;
  readonly title: string;
  readonly metric?: string;
  readonly alert?: string;
  readonly channels: readonly string[];
  /** The channels' types (`email`, `webhook_basicauth`), where the input declares the channel. */
  readonly channelTypes: readonly string[];
  readonly status: DetectionStatus;
}

/** A log source beyond the org's projects, or a tight-coupled project, and the alert that notices its silence. */
export interface LogSourceFact {
  /** The source's name, or the id of a tight-coupled project. */
  readonly name: string;
  /** What it is, for people. */
  readonly kind: string;
  readonly coupling: 'tight' | 'loose';
  /** Where its entries land before the central bucket (a bucket, a project); absent for data sharing. */
  readonly landing?: string;
  readonly silenceHours: number;
  readonly metric?: string;
  readonly alert?: string;
  readonly channels: readonly string[];
  /** `covered`: an enabled absence alert with a channel watches a metric counting exactly its entries. */
  readonly status: DetectionStatus;
}

export interface ChangeCount {
  readonly type: string;
  readonly counts: Readonly<Partial<Record<Action, number>>>;
}

export interface DestructiveChange {
  readonly address: string;
  readonly type: string;
  readonly action: 'delete' | 'replace';
  /** What it is when it is a security resource (`log sink`, `KMS key`), else undefined. */
  readonly security?: string;
}

export interface ChangeFacts {
  /** False for synthesized input: there is no plan, every resource is a create. */
  readonly plan: boolean;
  readonly byType: readonly ChangeCount[];
  /** Deletes and replaces, security resources first. */
  readonly destructive: readonly DestructiveChange[];
}

export interface VerdictFacts {
  readonly passed: boolean;
  readonly findings: Readonly<Record<Severity, number>>;
  readonly unknowns: number;
  readonly suppressed: number;
  readonly top: readonly { readonly severity: Severity; readonly ruleId: string; readonly address: string; readonly message: string; readonly outcome: 'finding' | 'unknown' }[];
  readonly suppressions: readonly { readonly rule: string; readonly address: string; readonly reason: string; readonly expires?: string; readonly used: number; readonly expired: boolean }[];
}

/** Facts about the baseline as a whole, for the practices page: rule outcomes and key rotation. */
export interface PostureFacts {
  /** Each evaluated rule's outcome, by rule id. */
  readonly rules: Readonly<Record<string, 'pass' | 'finding' | 'unknown' | 'not-applicable' | 'error'>>;
  /** The longest rotation period of the input's KMS keys, in days; undefined without keys or when unknown. */
  readonly keyRotationDays?: number;
  readonly kmsKeys: number;
  /** The org-policy rule passed with the key-creation and key-upload constraints among those it requires. */
  readonly keyCreationForbidden: boolean;
}

export interface Review {
  readonly input: { readonly kind: string; readonly sources: readonly string[]; readonly resources: number; readonly pack: string };
  readonly verdict: VerdictFacts;
  readonly access: readonly PrincipalAccess[];
  /** Plans only: grants the plan deletes. */
  readonly accessRemoved: readonly RemovedGrant[];
  /** Where grants sit in the hierarchy: organization, folders with grants or projects, projects. */
  readonly hierarchy: readonly HierarchyFact[];
  readonly routing: RoutingFacts;
  readonly secrets: readonly SecretFact[];
  readonly detection: readonly DetectionRow[];
  /** Declared log sources (from the config) and tight-coupled projects, each with its absence alert. */
  readonly logSources: readonly LogSourceFact[];
  readonly changes: ChangeFacts;
  readonly posture: PostureFacts;
}

/** What `--against OLD` adds: per section, the rows (as one line each) added and removed. */
export interface SectionDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface ReviewDiff {
  readonly against: string;
  readonly access: SectionDiff;
  readonly routing: SectionDiff;
  readonly secrets: SectionDiff;
  readonly detection: SectionDiff;
}
