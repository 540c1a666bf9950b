/**
 * A small organization written once and given to the review as both input formats: a synthesized
 * cdk.tf.json and a `terraform show -json` plan. Literal values only, so both formats say the same.
 * One folder with two projects (one has a project sink, one none of its own), an org sink to a locked
 * CMEK log bucket, grants of every kind a reviewer must see (public, user, external domain, privileged
 * with expiry, a folder grant that reaches its projects), two secrets (one read directly, both read
 * through a project grant), and the CIS 2.5 metric alerted on while CIS 2.6's metric has no alert.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cisFilter } from '../../../policies/catalog/cis-log-metrics';
import { plan, synth, type PlanResourceSpec } from '../../../policies/testing';

type Values = Record<string, unknown>;
export type OrgResources = Record<string, Record<string, Values>>;

export const ORG = '111111111111';
export const BUCKET_URI = 'logging.googleapis.com/projects/sec-logging/locations/global/buckets/central';

export function smallOrg(): OrgResources {
  return {
    google_folder: { apps: { display_name: 'Apps', parent: `organizations/${ORG}`, folder_id: '222' } },
    google_project: {
      shop: { project_id: 'shop-prd', name: 'shop', folder_id: 'folders/222' },
      lab: { project_id: 'lab-dev', name: 'lab', folder_id: 'folders/222' },
      logging: { project_id: 'sec-logging', name: 'logging', org_id: ORG },
    },
    google_organization_iam_member: {
      breakglass: {
        org_id: ORG,
        role: 'roles/resourcemanager.organizationAdmin',
        member: 'group:breakglass@corp.example',
        condition: { title: 'break-glass', expression: 'request.time < timestamp("2027-01-31T00:00:00Z")' },
      },
      auditors: { org_id: ORG, role: 'roles/iam.securityReviewer', member: 'group:auditors@corp.example' },
    },
    google_folder_iam_member: { devs: { folder: 'folders/222', role: 'roles/viewer', member: 'group:devs@corp.example' } },
    google_project_iam_member: {
      alice: { project: 'lab-dev', role: 'roles/editor', member: 'user:alice@corp.example' },
      partner: { project: 'shop-prd', role: 'roles/run.viewer', member: 'user:bob@partner.example' },
      ops: { project: 'shop-prd', role: 'roles/secretmanager.secretAccessor', member: 'group:ops@corp.example' },
    },
    google_storage_bucket_iam_member: { public: { bucket: 'shop-assets', role: 'roles/storage.objectViewer', member: 'allUsers' } },
    google_storage_bucket: { assets: { name: 'shop-assets', location: 'EU', project: 'shop-prd' } },
    google_logging_project_bucket_config: {
      central: {
        project: 'sec-logging',
        location: 'global',
        bucket_id: 'central',
        retention_days: 400,
        locked: true,
        cmek_settings: { kms_key_name: 'projects/sec-kms/locations/global/keyRings/r/cryptoKeys/logs' },
      },
    },
    google_logging_organization_sink: {
      org: { name: 'org-audit', org_id: ORG, include_children: true, destination: BUCKET_URI, filter: 'logName:"cloudaudit.googleapis.com"' },
    },
    google_logging_project_sink: {
      shop: { name: 'shop-errors', project: 'shop-prd', destination: BUCKET_URI, filter: 'severity>=ERROR' },
    },
    google_secret_manager_secret: {
      db: {
        secret_id: 'shop-db-password',
        project: 'shop-prd',
        replication: { user_managed: { replicas: [{ location: 'europe-west1' }, { location: 'europe-west4' }] } },
        rotation: { rotation_period: '2592000s', next_rotation_time: '2026-12-31T00:00:00Z' },
        topics: [{ name: 'projects/shop-prd/topics/rotate' }],
      },
      token: { secret_id: 'shop-api-token', project: 'shop-prd', replication: { auto: {} } },
    },
    google_secret_manager_secret_iam_member: {
      app: { secret_id: 'projects/shop-prd/secrets/shop-db-password', project: 'shop-prd', role: 'roles/secretmanager.secretAccessor', member: 'serviceAccount:app@shop-prd.iam.gserviceaccount.com' },
    },
    google_logging_metric: {
      owner: { name: 'cis-owner-changes', project: 'sec-logging', filter: cisFilter('2.5') },
      audit: { name: 'cis-audit-config-changes', project: 'sec-logging', filter: cisFilter('2.6') },
    },
    google_monitoring_notification_channel: {
      email: { display_name: 'security email', type: 'email', project: 'sec-logging', labels: { email_address: 'security@corp.example' } },
    },
    google_monitoring_alert_policy: {
      owner: {
        display_name: 'Project ownership changed',
        project: 'sec-logging',
        combiner: 'OR',
        notification_channels: ['projects/sec-logging/notificationChannels/1'],
        conditions: [
          {
            display_name: 'any',
            condition_threshold: {
              filter: 'metric.type="logging.googleapis.com/user/cis-owner-changes" AND resource.type="logging_bucket"',
              comparison: 'COMPARISON_GT',
              threshold_value: 0,
              duration: '0s',
            },
          },
        ],
      },
    },
  };
}

/** `synth()` needs single blocks as objects; a plan needs them as one-item lists. */
function planValues(values: Values): Values {
  const listy = ['condition', 'cmek_settings', 'replication', 'user_managed', 'rotation', 'auto', 'condition_threshold'];
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out[k] = listy.includes(k) ? [planValues(v as Values)] : v;
    else if (Array.isArray(v)) out[k] = v.map((item) => (item !== null && typeof item === 'object' ? planValues(item as Values) : item));
    else out[k] = v;
  }
  return out;
}

export interface PlanChange {
  readonly action?: PlanResourceSpec['action'];
}

/** The organization as a plan; `actions` gives some addresses another action than create. */
export function smallOrgPlan(resources: OrgResources = smallOrg(), actions: Record<string, PlanResourceSpec['action']> = {}): object {
  return plan(
    Object.entries(resources).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, values]) => ({ address: `${type}.${name}`, values: planValues(values), action: actions[`${type}.${name}`] })),
    ),
  );
}

export function smallOrgSynth(resources: OrgResources = smallOrg()): object {
  return synth(resources);
}

/** Writes a document to a fresh temporary file and returns its path. */
export function writeTemp(name: string, doc: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baseline-review-')), name);
  writeFileSync(file, JSON.stringify(doc, null, 1));
  return file;
}

/** A policy file for the small org: its domain is the only one allowed. */
export function smallOrgPolicy(): string {
  return writeTemp('policy.yaml', { allowedMemberDomains: ['corp.example'] });
}
