/**
 * The one typed org config. Everything the stacks build and everything the policy rules are
 * parameterised with comes from here. Runtime validation (zod) and static types come from one
 * definition; `npm run schema` writes the JSON Schema editors use for completion.
 *
 * This module must not import cdktf: the checker reads it too (policies/config/adapter.ts).
 */
import { z } from 'zod';
import { ALWAYS_NOTIFIED_SEVERITIES, DEFAULT_REQUIRED_CONSTRAINTS, FINDING_SEVERITIES, GOOGLE_SIGN_IN_FAILURE_FILTER, GOOGLE_SIGN_IN_FILTER } from '../catalog/defaults';
import { MIN_REASON_LENGTH } from '../engine/suppressions';
import { EVENT_CLASSES } from '../catalog/security-events';

const email = z.email();
const projectKey = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lower-case key like "app-prod"');
/** Durations are whole days in config; constructs convert them to the `NNNs` form the API wants. */
const days = (max: number) => z.number().int().min(1).max(max);

/** A reason a person wrote: at least MIN_REASON_LENGTH characters that are not white space. */
export const reasonText = z.string().refine((r) => r.trim().length >= MIN_REASON_LENGTH, `at least ${MIN_REASON_LENGTH} characters other than white space`);

/** An IAM principal in the form IAM uses. People come in through groups; users only for break-glass. */
export const principal = z
  .string()
  .regex(
    /^(group|serviceAccount|user|domain|principal|principalSet):[^\s]+$/,
    'an IAM principal such as "group:security@example.com"',
  );

export const auditLogType = z.enum(['ADMIN_READ', 'DATA_READ', 'DATA_WRITE']);

/** `tight`: runs the production deployment or holds its data; `loose`: reaches it only indirectly. */
export const coupling = z.enum(['tight', 'loose']);

/**
 * How the baseline holds a folder or project of the config:
 * - `create`: the hierarchy stack creates it (and, with deletion protection, never deletes it);
 * - `import`: it exists already; the first plan imports it (a Terraform `import` block) and the baseline
 *   manages it from then on, as if it had created it;
 * - `existing`: it exists and stays outside the baseline: referred to by id, never created, changed or deleted.
 */
export const adoption = z.enum(['create', 'import', 'existing']);
const ADOPTED: readonly string[] = ['import', 'existing'];

/** The Google APIs a project must have enabled; the stacks add what they use (see stacks/project-services.ts). */
const serviceName = z.string().regex(/^[a-z][a-z0-9.-]*\.googleapis\.com$/, 'a service name like "compute.googleapis.com"');

const folder = z.strictObject({
  key: projectKey,
  displayName: z.string().min(1),
  /** Parent folder key; omitted means directly under the organization. */
  parent: projectKey.optional(),
  adopt: adoption.default('create'),
  /** Numeric folder id (`folders/<id>` without the prefix); required when `adopt` is `import` or `existing`. */
  id: z.string().regex(/^[0-9]{6,20}$/, 'a numeric folder id').optional(),
});

const project = z.strictObject({
  key: projectKey,
  /** The GCP project id (6-30 chars). */
  id: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a GCP project id (6-30 chars, lower case)'),
  name: z.string().min(1).optional(),
  folder: projectKey,
  coupling,
  /** Labels added to the project. */
  labels: z.record(z.string(), z.string()).default({}),
  /** Imported and existing projects are referred to by project id: the provider imports by id, never by number. */
  adopt: adoption.default('create'),
  /**
   * The project number, once Google has assigned it: Cloud Asset Inventory exports name projects by number, and
   * `baseline audit --config` maps them to this project's id with it.
   */
  number: z.string().regex(/^[0-9]{6,20}$/, 'a numeric project number').optional(),
  /** APIs to enable beyond the ones the baseline's stacks need in this project. */
  services: z.array(serviceName).default([]),
});

const scope = z.union([
  z.strictObject({ organization: z.literal(true) }),
  z.strictObject({ folder: projectKey }),
  z.strictObject({ project: projectKey }),
]);

const binding = z.strictObject({
  scope,
  /** A predefined role (`roles/...`) or a custom role id declared under `iam.customRoles`. */
  role: z.string().min(1),
  members: z.array(principal).min(1),
  /** Why this access exists; shown to reviewers. */
  reason: reasonText,
});

const customRole = z.strictObject({
  /** Role id (camelCase, as IAM requires). */
  id: z.string().regex(/^[a-zA-Z0-9_.]{3,64}$/),
  title: z.string().min(1),
  description: z.string().default(''),
  permissions: z.array(z.string().regex(/^[a-z0-9]+\.[a-zA-Z0-9]+\.[a-zA-Z0-9]+$/)).min(1),
  /** Where the role is defined: the org (usable everywhere) or one project. */
  scope: z.union([z.strictObject({ organization: z.literal(true) }), z.strictObject({ project: projectKey })]),
});

const breakGlass = z.strictObject({
  /** The break-glass group; it holds nothing except through the expiring grant below. */
  group: email,
  /** The privileged role it gets at the org, only until `expires`. */
  role: z.string().default('roles/resourcemanager.organizationAdmin'),
  /** ISO-8601 timestamp after which the grant's IAM condition no longer matches. */
  expires: z.iso.datetime({ offset: true }),
  /**
   * The accounts that are members of the group. Members act as themselves, so only their own email in
   * `principalEmail` shows break-glass in use; each call they make raises an alert.
   */
  accounts: z.array(email).min(1),
});

const logBucket = z.strictObject({
  id: z.string().regex(/^[a-zA-Z0-9_-]{1,100}$/).default('central-audit'),
  location: z.string().default('global'),
  /** >= 365 is enforced: CIS 2.4 and most audit regimes want a year and a bit. */
  retentionDays: z.number().int().min(365).max(3650).default(400),
  /**
   * Lock the bucket (irreversible: retention can then never be shortened nor the bucket deleted or fixed).
   * A deliberate second step: false for the first deploy, true only after that apply is verified.
   */
  locked: z.boolean().default(false),
  analytics: z.boolean().default(true),
  /** BigQuery dataset id linked to the bucket for Log Analytics. */
  linkedDatasetId: z.string().regex(/^[a-zA-Z0-9_]{1,100}$/).default('central_audit_logs'),
});

/** A field of an application's structured log: a jsonPayload path of plain names (it is also written into SQL). */
const payloadField = z.string().regex(/^jsonPayload(\.[A-Za-z_][A-Za-z0-9_]*)+$/, 'a jsonPayload field path like "jsonPayload.user.email"');

/** An application's own structured log, mapped to the security-event schema (`baseline events`, the BigQuery views). */
const applicationLog = z.strictObject({
  /** The log id as Cloud Logging names it (`logName` after `/logs/`, decoded), e.g. `checkout-api`. */
  logId: z.string().regex(/^[A-Za-z0-9_./-]{1,512}$/, 'a log id like "checkout-api"'),
  /** The event class its entries are. */
  className: z.enum(EVENT_CLASSES).default('Other'),
  /** Field naming who acted (an email). */
  actorField: payloadField.optional(),
  /** Field holding the caller's IP address. */
  ipField: payloadField.optional(),
  userAgentField: payloadField.optional(),
  operationField: payloadField.optional(),
  resourceField: payloadField.optional(),
  /** Field holding the outcome; `successValues` (case-insensitive) are a success, any other value a failure. */
  outcomeField: payloadField.optional(),
  successValues: z.array(z.string().min(1)).min(1).default(['success']),
});

/**
 * A log source beyond the organization's own projects (policies/catalog/log-sources.ts). Each has a coupling and
 * the hours of silence after which its absence alert fires. The API states only a 120 s minimum for an absence
 * duration (MetricAbsence.duration, https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies);
 * no maximum was found documented, so the config stays under a day, which is already long for a tight-coupled source.
 */
const silenceHours = z.number().int().min(1).max(23);
const sourceCommon = {
  /** Names the source in alerts, the review and `baseline events --coverage`. */
  name: z.string().regex(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/, 'a lower-case name like "github-audit"'),
  coupling,
  silenceHours: silenceHours.default(12),
};
const serviceAccountId = z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a service account id (6-30 chars)');

const logSource = z.discriminatedUnion('kind', [
  /** Workspace / Cloud Identity sign-in and Admin logs: data sharing is an Admin console setting, so no landing point. */
  z.strictObject({ kind: z.literal('workspace'), ...sourceCommon }),
  /**
   * GitHub Enterprise audit log streaming into a Cloud Storage landing bucket the baseline creates in the logging
   * project, with a writer service account that may only create objects in it. Its key is made by hand (README).
   */
  z.strictObject({
    kind: z.literal('github-audit-stream'),
    ...sourceCommon,
    bucketName: z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/, 'a Cloud Storage bucket name'),
    location: z.string().min(2),
    retentionDays: z.number().int().min(365).max(36500).default(400),
    writerAccountId: serviceAccountId,
  }),
  /** A service writing through the Logging API under its own identity, into one project of the config. */
  z.strictObject({
    kind: z.literal('logging-api'),
    ...sourceCommon,
    /** The writer: a service account, or a workload identity principal (`principal://` / `principalSet://`). */
    writer: z.string().regex(/^(serviceAccount:[^\s@]+@[^\s]+|principal:\/\/[^\s]+|principalSet:\/\/[^\s]+)$/, 'a serviceAccount:, principal:// or principalSet:// member'),
    /** The log id it writes under; the central sink routes it to the central bucket. */
    logId: z.string().regex(/^[A-Za-z0-9_./-]{1,512}$/, 'a log id like "deploy-bot"'),
    /** Project key it writes into: roles/logging.logWriter is granted there and nowhere wider. */
    project: projectKey,
  }),
]);

const exclusion = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/),
  description: z.string().min(10),
  filter: z.string().min(1),
});

const archive = z.strictObject({
  /** Globally unique Cloud Storage bucket name. */
  bucketName: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/),
  location: z.string().default('EU'),
  retentionDays: z.number().int().min(365).max(36500).default(2555),
  storageClass: z.enum(['STANDARD', 'NEARLINE', 'COLDLINE', 'ARCHIVE']).default('ARCHIVE'),
  /** Lock the retention policy: a second, deliberate apply, like logging.bucket.locked (locking is irreversible). */
  locked: z.boolean().default(false),
});

const siem = z.strictObject({
  topicName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9._~%+-]{2,254}$/),
  /** Account id of a service account the baseline creates in the logging project for the SIEM to pull as. */
  readerAccountId: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a service account id (6-30 chars)').optional(),
  /** Further principals that may subscribe: service accounts that exist outside the baseline. */
  subscribers: z.array(principal).default([]),
});

const auditNarrowing = z.strictObject({
  /** Narrow the org-wide default for this service... */
  service: z.string().optional(),
  /** ...or for this folder. Tight-coupled projects always keep all three log types. */
  folder: projectKey.optional(),
  /** The log types this service/folder keeps (a subset of the three). */
  logTypes: z.array(auditLogType).min(1),
  /** Data Access logs cost money; say why they are narrowed. */
  reason: reasonText,
});

const iamChangeFeed = z.strictObject({
  /** Topic the baseline creates in the logging project; the SIEM subscribes to it. */
  topicName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9._~%+-]{2,254}$/),
  /** The feed's id in the organization. */
  feedId: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-_]{0,99}$/).default('baseline-iam-changes'),
});

/**
 * A Security Command Center mute config: silences the findings its filter matches. Only from config, each with
 * a reason and an expiry, like suppressions; both are written into the mute config's description as
 * `reason: <reason>; expires: <YYYY-MM-DD>` (the API has no expiry for a static mute config), where the
 * scanning-mute-configs-reasoned rule reads them.
 */
const muteConfig = z.strictObject({
  /** The mute config's id in the organization. */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'a lower-case id like "mute-test-project-findings"'),
  /** SCC findings filter of the findings to mute, e.g. `category="OPEN_FIREWALL" AND resource.project_display_name="sandbox"`. */
  filter: z.string().min(1),
  reason: reasonText,
  /** Date (YYYY-MM-DD) from which the mute is a finding of scanning-mute-configs-reasoned: delete or renew it. */
  expires: z.iso.date(),
});

const scanning = z.strictObject({
  /** Project key that holds the findings topic and subscription. @default the logging project */
  project: projectKey.optional(),
  /** Pub/Sub topic Security Command Center publishes findings to. */
  topicName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9._~%+-]{2,254}$/).default('scc-findings'),
  /** Pull subscription that keeps each finding for the responder (and a SIEM) for 7 days. */
  subscriptionName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9._~%+-]{2,254}$/).default('scc-findings-triage'),
  /** The organization-level notification config's id. */
  notificationConfigId: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/).default('baseline-active-findings'),
  /** Severities of active findings that are routed to a person; CRITICAL and HIGH always. */
  severities: z.array(z.enum(FINDING_SEVERITIES)).min(1).default([...ALWAYS_NOTIFIED_SEVERITIES]),
  /** Project keys that host container images (Artifact Registry): Artifact Analysis scans them. */
  imageProjects: z.array(projectKey).default([]),
  /** Mute configs, each with a reason and an expiry. */
  muteConfigs: z.array(muteConfig).default([]),
});

const channel = z.discriminatedUnion('type', [
  z.strictObject({ key: projectKey, type: z.literal('email'), address: email }),
  z.strictObject({
    key: projectKey,
    type: z.literal('webhook'),
    /** The endpoint, with no credential in it (no user info, no query string): the password authenticates. */
    url: z.url({ protocol: /^https$/ }).refine((u) => !/[?@#]/.test(u.replace(/^https:\/\//, '')), 'an https URL with no user info, query or fragment'),
    username: z.string().min(1),
    /** Name of a sensitive Terraform variable that holds the basic-auth password at apply time (TF_VAR_<name>). */
    passwordVariable: z.string().regex(/^[a-z][a-z0-9_]*$/),
  }),
  /** A channel made outside Terraform (its credential never enters state), named `projects/<p>/notificationChannels/<n>`. */
  z.strictObject({ key: projectKey, type: z.literal('existing'), name: z.string().regex(/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/notificationChannels\/[0-9]+$/) }),
  z.strictObject({ key: projectKey, type: z.literal('pubsub'), topic: z.string().regex(/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/[a-zA-Z][a-zA-Z0-9._~%+-]{2,254}$/, 'projects/<project>/topics/<topic>') }),
]);

const failedLogins = z.strictObject({
  /** Failed sign-ins to one account within the window above which an alert is raised (COMPARISON_GT). */
  perAccountThreshold: z.number().int().min(1).default(5),
  /** Failed sign-ins across the organization within the window above which an alert is raised. */
  organizationThreshold: z.number().int().min(1).default(50),
  windowSeconds: z.number().int().min(60).max(86400).default(300),
  /** The application's own failed-login log filter; default: Google sign-in failures. */
  filter: z.string().default(GOOGLE_SIGN_IN_FAILURE_FILTER),
  /** Log field that names the account, for the per-account label. */
  accountField: z.string().default('protoPayload.authenticationInfo.principalEmail'),
  /**
   * Sign-in logs reach Cloud Logging only while Workspace / Cloud Identity data sharing with Google Cloud
   * is on; an alert fires when none at all arrive for this long (a multiple of 60 seconds).
   */
  silenceSeconds: z.number().int().min(3600).max(86400).multipleOf(60).default(43200),
  /** Logs that show a sign-in happened at all (success or failure), counted for the silence alert. */
  signInFilter: z.string().default(GOOGLE_SIGN_IN_FILTER),
});

const secret = z.strictObject({
  id: z.string().regex(/^[a-zA-Z0-9_-]{1,255}$/),
  description: z.string().default(''),
  /** Which workloads may read this secret's versions (service accounts only: people never read payloads); granted on the secret. */
  accessors: z.array(principal).default([]),
  rotationDays: days(90).optional(),
});

export const suppression = z.strictObject({
  rule: z.string().regex(/^[a-z0-9-]+$/),
  /** Resource address glob, e.g. `logging/google_project_iam_member.*`. */
  address: z.string().min(1),
  reason: reasonText,
  /** Date (YYYY-MM-DD) after which the suppression no longer applies and is itself a finding. */
  expires: z.iso.date(),
});

/** A Cloud Identity / Workspace directory customer id, as iam.allowedPolicyMemberDomains takes it. */
const customerId = z.string().regex(/^C[0-9a-z]{6,12}$/, 'a directory customer id like C01abc2de');

/** Permissions that read Data Access (private) log payloads; the baseline grants them per view, never in a custom role. */
export const PRIVATE_LOG_PERMISSIONS: readonly string[] = ['logging.views.access', 'logging.privateLogEntries.list'];

export const baselineConfigSchema = z
  .strictObject({
    organization: z.strictObject({
      /** Numeric organization id. */
      id: z.string().regex(/^[0-9]{6,20}$/, 'a numeric organization id'),
      domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'a DNS domain'),
      /** Cloud Identity / Workspace customer id, for iam.allowedPolicyMemberDomains. */
      customerId,
      /**
       * Billing account linked to every project the baseline creates or imports. Required then: a new project
       * without billing cannot enable the Compute API that removing its default network needs.
       */
      billingAccount: z.string().regex(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/).optional(),
      /**
       * An existing project, outside the baseline, that pays quota for every API call the deployer makes
       * (provider `billing_project` with `user_project_override`): user credentials need one for org-level APIs.
       */
      quotaProject: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a GCP project id (6-30 chars, lower case)'),
      /**
       * The identity `terraform apply` runs as, as audit logs name it (`protoPayload.authenticationInfo.principalEmail`).
       * An IAM policy change by any other principal was made outside the code and raises an alert.
       */
      deployer: email.optional(),
    }),
    defaultRegion: z.string().default('europe-west1'),
    /** Terraform state: a local file per stack unless a bucket is named. */
    state: z
      .strictObject({ bucket: z.string().min(3).optional(), prefix: z.string().default('baseline') })
      .prefault({}),
    /**
     * How the baseline is split into stacks. `shardByFolder: true` puts the projects of each folder (their
     * APIs, import blocks and project-scoped grants with predefined roles) into a stack of their own,
     * `projects-<folder>`, with its own state, for orgs too large for one hierarchy stack; the foundation
     * projects (`foundationProjects`, `scanning.project`) stay in the hierarchy stack (stacks/sharding.ts).
     */
    stacks: z.strictObject({ shardByFolder: z.boolean().default(false) }).prefault({}),
    folders: z.array(folder).min(1),
    projects: z.array(project).min(1),
    groups: z.strictObject({
      platformAdmins: email,
      security: email,
      auditors: email,
      developers: email,
      breakGlass: email,
    }),
    /** Which project keys play the foundation roles. */
    foundationProjects: z.strictObject({ logging: projectKey, secrets: projectKey, kms: projectKey }),
    kms: z
      .strictObject({
        keyRingName: z.string().default('baseline'),
        location: z.string().optional(),
        /** At most 90 days (CIS 1.11). */
        rotationDays: days(90).default(90),
      })
      .prefault({}),
    logging: z.strictObject({
      bucket: logBucket.prefault({}),
      /** Extra (non-audit) logs routed to the central bucket, as Logging filter clauses. */
      extraLogFilters: z.array(z.string().min(1)).default([]),
      /** Exclusions on the org sink. They can never drop audit logs. */
      exclusions: z.array(exclusion).default([]),
      archive: archive.optional(),
      siem: siem.optional(),
      /** Log views on the central bucket readable by the auditor group. */
      auditorViews: z
        .array(z.strictObject({ id: z.string().regex(/^[a-zA-Z0-9_-]{1,100}$/), filter: z.string().default('') }))
        .default([{ id: 'audit-all', filter: '' }]),
      /** Applications' own structured logs and the fields that carry the security-event context. */
      applicationLogs: z.array(applicationLog).default([]),
      /** Log sources beyond the org's own projects, each with its coupling and an absence alert. */
      sources: z.array(logSource).default([]),
      /** Hours without any entry from a tight-coupled project after which its absence alert fires. */
      tightProjectSilenceHours: silenceHours.default(12),
    }),
    audit: z
      .strictObject({
        narrowing: z.array(auditNarrowing).default([]),
        /** A Cloud Asset Inventory feed of every IAM policy change in the organization to a Pub/Sub topic for the SIEM. */
        iamChangeFeed: iamChangeFeed.optional(),
      })
      .prefault({}),
    iam: z
      .strictObject({
        bindings: z.array(binding).default([]),
        customRoles: z.array(customRole).default([]),
        breakGlass: breakGlass.optional(),
      })
      .prefault({}),
    orgPolicies: z
      .strictObject({
        /** Boolean constraints enforced at the org. */
        enforce: z.array(z.string()).default([...DEFAULT_REQUIRED_CONSTRAINTS]),
        /** Extra directory customer ids allowed in IAM policies (the org's own is always allowed). */
        extraAllowedCustomerIds: z.array(customerId).default([]),
      })
      .prefault({}),
    essentialContacts: z
      .array(
        z.strictObject({
          email,
          categories: z.array(z.enum(['ALL', 'SECURITY', 'TECHNICAL', 'LEGAL', 'SUSPENSION', 'BILLING', 'PRODUCT_UPDATES', 'TECHNICAL_INCIDENTS'])).min(1),
          language: z.string().default('en'),
        }),
      )
      .min(1),
    secrets: z
      .strictObject({
        locations: z.array(z.string()).min(1),
        rotationDays: days(90).default(90),
        cmek: z.boolean().default(false),
        items: z.array(secret).default([]),
        /** A secret nobody should ever read; any access raises an alert. */
        canary: z.strictObject({ id: z.string().regex(/^[a-zA-Z0-9_-]{1,255}$/) }),
      }),
    alerting: z.strictObject({
      channels: z.array(channel).min(1),
      failedLogins: failedLogins.prefault({}),
      /**
       * Seconds the alerting stack waits after creating log-based metrics before it creates the alert
       * policies on them: Monitoring answers 404 "Cannot find metric(s)" for up to ten minutes.
       */
      metricPropagationSeconds: z.number().int().min(0).max(1800).default(600),
    }),
    /**
     * Continuous scanning: Security Command Center findings of the listed severities to a Pub/Sub topic and an
     * alert to the alerting channels; Artifact Analysis on image projects; mute configs with reason and expiry.
     */
    scanning: scanning.optional(),
    /** Parameters and suppressions for the policy checks (`baseline check --config`). */
    policy: z
      .strictObject({
        minimumRetentionDays: z.number().int().min(1).default(365),
        /** Principals allowed to be `user:` (break-glass accounts). */
        breakGlassPrincipals: z.array(principal).default([]),
        /** Member domains allowed in IAM (default: the organization's domain). */
        allowedMemberDomains: z.array(z.string()).default([]),
        suppressions: z.array(suppression).default([]),
      })
      .prefault({}),
  })
  .superRefine((cfg, ctx) => {
    const folderKeys = new Set(cfg.folders.map((f) => f.key));
    const projectKeys = new Set(cfg.projects.map((p) => p.key));
    const unknownKey = (path: (string | number)[], kind: string, key: string, known: Set<string>) =>
      ctx.addIssue({
        code: 'custom',
        path,
        message: `expected one of the declared ${kind} keys (${[...known].join(', ')}), got "${key}"`,
      });
    const dupes = (items: { key: string }[], field: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.key)) ctx.addIssue({ code: 'custom', path: [field, i, 'key'], message: `expected a unique key, got duplicate "${it.key}"` });
        seen.add(it.key);
      });
    };
    dupes(cfg.folders, 'folders');
    dupes(cfg.projects, 'projects');
    // Two keys for one project id would make two resources for one project (in two stacks, when sharded).
    const projectIds = new Set<string>();
    cfg.projects.forEach((p, i) => {
      if (projectIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['projects', i, 'id'], message: `expected a unique project id, got duplicate "${p.id}"` });
      projectIds.add(p.id);
    });
    cfg.folders.forEach((f, i) => {
      if (ADOPTED.includes(f.adopt) && f.id === undefined) {
        ctx.addIssue({ code: 'custom', path: ['folders', i, 'id'], message: `expected the numeric id of the folder to ${f.adopt === 'import' ? 'import' : 'refer to'}, got nothing` });
      }
      if (f.adopt === 'create' && f.id !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['folders', i, 'id'], message: `expected no id for a folder the baseline creates (Google assigns it), got "${f.id}"; set adopt: import to take over that folder` });
      }
    });
    const billed = cfg.projects.filter((p) => p.adopt !== 'existing');
    if (billed.length > 0 && cfg.organization.billingAccount === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['organization', 'billingAccount'],
        message: `expected a billing account for the projects the baseline creates or imports (${billed.map((p) => p.key).join(', ')}), got nothing`,
      });
    }
    const otherCustomers = cfg.orgPolicies.extraAllowedCustomerIds;
    otherCustomers.forEach((id, i) => {
      if (id === cfg.organization.customerId) {
        ctx.addIssue({ code: 'custom', path: ['orgPolicies', 'extraAllowedCustomerIds', i], message: `expected another organization's customer id (the org's own is always allowed), got "${id}"` });
      } else if (otherCustomers.indexOf(id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['orgPolicies', 'extraAllowedCustomerIds', i], message: `expected a unique customer id, got duplicate "${id}"` });
      }
    });
    const appLogIds = cfg.logging.applicationLogs.map((a) => a.logId);
    appLogIds.forEach((id, i) => {
      if (appLogIds.indexOf(id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['logging', 'applicationLogs', i, 'logId'], message: `expected a unique log id (one mapping per log), got duplicate "${id}"` });
      }
    });
    const sourceNames = cfg.logging.sources.map((s) => s.name);
    cfg.logging.sources.forEach((source, i) => {
      if (sourceNames.indexOf(source.name) !== i) {
        ctx.addIssue({ code: 'custom', path: ['logging', 'sources', i, 'name'], message: `expected a unique source name, got duplicate "${source.name}"` });
      }
      if (source.kind === 'logging-api' && !projectKeys.has(source.project)) unknownKey(['logging', 'sources', i, 'project'], 'project', source.project, projectKeys);
    });
    cfg.iam.customRoles.forEach((r, i) => {
      r.permissions.forEach((permission, j) => {
        if (PRIVATE_LOG_PERMISSIONS.includes(permission)) {
          ctx.addIssue({
            code: 'custom',
            path: ['iam', 'customRoles', i, 'permissions', j],
            message: `expected no permission that reads Data Access logs (grant a log view through logging.auditorViews instead), got "${permission}"`,
          });
        }
      });
    });
    const channelKeys = new Set<string>();
    cfg.alerting.channels.forEach((c, i) => {
      if (channelKeys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['alerting', 'channels', i, 'key'], message: `expected a unique channel key, got duplicate "${c.key}"` });
      channelKeys.add(c.key);
    });
    cfg.folders.forEach((f, i) => {
      if (f.parent && !folderKeys.has(f.parent)) unknownKey(['folders', i, 'parent'], 'folder', f.parent, folderKeys);
    });
    cfg.projects.forEach((p, i) => {
      if (!folderKeys.has(p.folder)) unknownKey(['projects', i, 'folder'], 'folder', p.folder, folderKeys);
    });
    for (const [role, key] of Object.entries(cfg.foundationProjects)) {
      if (!projectKeys.has(key)) unknownKey(['foundationProjects', role], 'project', key, projectKeys);
    }
    cfg.iam.bindings.forEach((b, i) => {
      if ('folder' in b.scope && !folderKeys.has(b.scope.folder)) unknownKey(['iam', 'bindings', i, 'scope', 'folder'], 'folder', b.scope.folder, folderKeys);
      if ('project' in b.scope && !projectKeys.has(b.scope.project)) unknownKey(['iam', 'bindings', i, 'scope', 'project'], 'project', b.scope.project, projectKeys);
      if (/^roles\/(owner|editor|viewer)$/.test(b.role)) {
        ctx.addIssue({ code: 'custom', path: ['iam', 'bindings', i, 'role'], message: `expected a predefined or custom role, got basic role "${b.role}"` });
      }
      b.members.forEach((m, j) => {
        if (!/^(group|serviceAccount):/.test(m)) {
          ctx.addIssue({ code: 'custom', path: ['iam', 'bindings', i, 'members', j], message: `expected a group: or serviceAccount: principal, got "${m.split(':')[0]}:"` });
        }
      });
    });
    cfg.audit.narrowing.forEach((n, i) => {
      if (!n.service === !n.folder) {
        ctx.addIssue({ code: 'custom', path: ['audit', 'narrowing', i], message: 'expected exactly one of service or folder, got both or neither' });
      }
      if (n.folder && !folderKeys.has(n.folder)) unknownKey(['audit', 'narrowing', i, 'folder'], 'folder', n.folder, folderKeys);
    });
    cfg.logging.exclusions.forEach((e, i) => {
      if (/cloudaudit\.googleapis\.com/.test(e.filter) || /protoPayload\.@type/.test(e.filter)) {
        ctx.addIssue({ code: 'custom', path: ['logging', 'exclusions', i, 'filter'], message: 'expected a filter that leaves audit logs alone, got one naming cloudaudit.googleapis.com' });
      }
    });
    const scan = cfg.scanning;
    if (scan) {
      if (scan.project && !projectKeys.has(scan.project)) unknownKey(['scanning', 'project'], 'project', scan.project, projectKeys);
      scan.imageProjects.forEach((key, i) => {
        if (!projectKeys.has(key)) unknownKey(['scanning', 'imageProjects', i], 'project', key, projectKeys);
      });
      for (const severity of ALWAYS_NOTIFIED_SEVERITIES) {
        if (!scan.severities.includes(severity)) {
          ctx.addIssue({ code: 'custom', path: ['scanning', 'severities'], message: `expected ${ALWAYS_NOTIFIED_SEVERITIES.join(' and ')} among the notified severities, got ${scan.severities.join(', ')}` });
          break;
        }
      }
      const muteIds = new Set<string>();
      scan.muteConfigs.forEach((m, i) => {
        if (muteIds.has(m.id)) ctx.addIssue({ code: 'custom', path: ['scanning', 'muteConfigs', i, 'id'], message: `expected a unique mute config id, got duplicate "${m.id}"` });
        muteIds.add(m.id);
      });
    }
    const secretIds = new Set<string>();
    cfg.secrets.items.forEach((s, i) => {
      if (secretIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['secrets', 'items', i, 'id'], message: `expected a unique secret id, got duplicate "${s.id}"` });
      secretIds.add(s.id);
      s.accessors.forEach((member, j) => {
        if (!member.startsWith('serviceAccount:')) {
          ctx.addIssue({
            code: 'custom',
            path: ['secrets', 'items', i, 'accessors', j],
            message: `expected a serviceAccount: principal (workloads read secrets; people use break-glass), got "${member.split(':')[0]}:"`,
          });
        }
      });
    });
    if (secretIds.has(cfg.secrets.canary.id)) {
      ctx.addIssue({ code: 'custom', path: ['secrets', 'canary', 'id'], message: `expected the canary to be a secret of its own, got "${cfg.secrets.canary.id}" which is also in secrets.items` });
    }
  });

/** The config as written (defaults optional). */
export type BaselineConfigInput = z.input<typeof baselineConfigSchema>;
/** The config after validation, defaults filled in: what constructs and rules receive. */
export type BaselineConfig = z.output<typeof baselineConfigSchema>;
export type Principal = z.infer<typeof principal>;
export type AuditLogType = z.infer<typeof auditLogType>;
export type Coupling = z.infer<typeof coupling>;
export type ProjectConfig = BaselineConfig['projects'][number];
export type FolderConfig = BaselineConfig['folders'][number];
export type ChannelConfig = BaselineConfig['alerting']['channels'][number];
export type Adoption = z.infer<typeof adoption>;
export type SuppressionConfig = BaselineConfig['policy']['suppressions'][number];
export type ScanningConfig = NonNullable<BaselineConfig['scanning']>;
export type LogSourceConfig = BaselineConfig['logging']['sources'][number];
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
