/**
 * The logging rule tests' shared pieces: the example org's central bucket, org sink and writer grant
 * as the logging constructs synthesize them (literal destination URI, grant on the bucket's project
 * conditioned on the bucket, member = the sink's writer_identity), and their plan counterparts.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { plan, synth, type RuleInput } from '../../../../policies/testing/rule-tester';
import { TERRAFORM_VALIDATOR_PLANS } from '../../../support/fixtures';

export const ORG_ID = '123456789012';
export const LOGGING_PROJECT = 'example-logging-prd';
export const BUCKET_URI = `logging.googleapis.com/projects/${LOGGING_PROJECT}/locations/europe-west1/buckets/central-audit`;
/** The org sink filter the OrgSink construct writes: every audit log id, each as a `logName:` clause. */
export const AUDIT_FILTER = ['activity', 'system_event', 'data_access', 'policy', 'access_transparency']
  .map((s) => `logName:"/logs/cloudaudit.googleapis.com%2F${s}"`)
  .join(' OR ');

export const SINK = 'google_logging_organization_sink.org';
export const BUCKET = 'google_logging_project_bucket_config.central';
export const GRANT = 'google_project_iam_member.writer';

type Values = Record<string, unknown>;

export const centralBucket = (extra: Values = {}): Values => ({
  project: LOGGING_PROJECT,
  location: 'europe-west1',
  bucket_id: 'central-audit',
  retention_days: 400,
  locked: true,
  cmek_settings: { kms_key_name: '${google_kms_crypto_key.logs.id}' },
  ...extra,
});

export const orgSink = (extra: Values = {}): Values => ({
  org_id: ORG_ID,
  name: 'org-audit',
  destination: BUCKET_URI,
  include_children: true,
  filter: AUDIT_FILTER,
  ...extra,
});

export const bucketWriterGrant = (extra: Values = {}): Values => ({
  project: LOGGING_PROJECT,
  role: 'roles/logging.bucketWriter',
  member: '${google_logging_organization_sink.org.writer_identity}',
  condition: { title: 'write to log bucket central-audit only', expression: 'resource.name.endsWith("locations/europe-west1/buckets/central-audit")' },
  ...extra,
});

/** The central logging setup, synthesized: bucket, org sink, writer grant; `extra` adds or replaces resources. */
export function loggingSynth(extra: Record<string, Record<string, Values>> = {}): Record<string, Record<string, Values>> {
  return {
    google_logging_project_bucket_config: { central: centralBucket() },
    google_logging_organization_sink: { org: orgSink() },
    google_project_iam_member: { writer: bucketWriterGrant() },
    ...extra,
  };
}

const CORPUS = TERRAFORM_VALIDATOR_PLANS;

/** A terraform-validator plan from the vendored corpus, read in place. */
export function corpusPlan(file: string): RuleInput {
  return { plan: JSON.parse(readFileSync(path.join(CORPUS, file), 'utf8')) as object };
}

/** A Cloud Storage bucket an org sink archives to: where the bucket rules judge storage destinations. */
export const ARCHIVE = 'google_storage_bucket.archive';
export const ARCHIVE_URI = 'storage.googleapis.com/example-com-audit-archive';

export const archiveSynth = (bucket: Values) =>
  synth({
    google_storage_bucket: { archive: { name: 'example-com-audit-archive', location: 'EU', ...bucket } },
    google_logging_organization_sink: { archive: orgSink({ name: 'org-archive', destination: ARCHIVE_URI }) },
  });
export const archivePlan = (bucket: Values, unknown: object = {}) =>
  plan([
    { address: ARCHIVE, values: { name: 'example-com-audit-archive', location: 'EU', ...bucket }, unknown },
    { address: 'google_logging_organization_sink.archive', values: orgSink({ name: 'org-archive', destination: ARCHIVE_URI }), unknown: { writer_identity: true } },
  ]);
