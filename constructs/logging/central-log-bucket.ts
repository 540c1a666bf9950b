/**
 * The central Cloud Logging bucket (locked in a second step) that the org sink fills (CIS GCP 2.4 [2.3]: exported
 * logs sit in a bucket that is locked and has a retention period). Encrypted with a CMEK key,
 * optionally upgraded to Log Analytics with a linked BigQuery dataset.
 *
 * CMEK needs the project's Logging service agent to hold encrypterDecrypter on the key before
 * the bucket is created, or creation fails; the bucket depends on that grant. The agent comes
 * from `google_logging_project_cmek_settings.service_account_id`: for a project bucket that is
 * the identity Logging uses for the key (the org-level settings' agent is for org defaults only).
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { LoggingLinkedDataset } from '@cdktf/provider-google/lib/logging-linked-dataset';
import { DataGoogleLoggingProjectCmekSettings } from '@cdktf/provider-google/lib/data-google-logging-project-cmek-settings';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { RotatingKey } from '../kms/rotating-key';

/** Below a year the bucket is no audit trail; 3650 is the Logging API's maximum. */
export const MIN_LOG_RETENTION_DAYS = 365;
export const MAX_LOG_RETENTION_DAYS = 3650;

export interface CentralLogBucketProps {
  /** Project id of the logging project that holds the bucket. */
  readonly project: string;
  /** Bucket id, e.g. `central-audit`. */
  readonly bucketId: string;
  /** Bucket location; the CMEK key must be in the same location. */
  readonly location: string;
  /** Customer-managed key the bucket is encrypted with (always CMEK: it holds the audit trail). */
  readonly key: RotatingKey;
  /**
   * Days log entries are kept, 365 to 3650.
   * @default 400
   */
  readonly retentionDays?: number;
  /**
   * Lock the bucket so retention can be neither shortened nor the bucket deleted (CIS 2.4). Irreversible,
   * and the create call would lock it together with CMEK and Log Analytics, so a rejected or wrong setting
   * could never be fixed: lock in a second apply, once the first is verified. The provider's update then
   * locks last, after every other field (resource_logging_project_bucket_config.go, update).
   * `true` is that second phase: the bucket already exists, so it is also adopted with an import block
   * (id `projects/<project>/locations/<location>/buckets/<id>`, the provider's import format). Terraform
   * ignores the block while the bucket is in state, and refuses to plan if the bucket does not exist: a locked
   * bucket is never created in one step (the checker's `deploy-locked-at-creation` sees the adoption).
   * @default false
   */
  readonly locked?: boolean;
  /**
   * Upgrade the bucket to Log Analytics.
   * @default true
   */
  readonly analytics?: boolean;
  /**
   * Id of a BigQuery dataset linked to the bucket (needs analytics).
   * @default - no linked dataset
   */
  readonly linkedDatasetId?: string;
}

export class CentralLogBucket extends Construct {
  /** The bucket (construct id `Resource`); `.id` is what `google_logging_metric.bucket_name` takes. */
  readonly bucket: LoggingProjectBucketConfig;
  /** The Logging service agent's use of the CMEK key, made before the bucket. */
  readonly keyGrant: KmsCryptoKeyIamMember;
  readonly linkedDataset?: LoggingLinkedDataset;

  constructor(scope: Construct, id: string, props: CentralLogBucketProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 400;
    const analytics = props.analytics ?? true;
    checkRetention(retentionDays);
    if (props.linkedDatasetId !== undefined && analytics === false) {
      throw new Error(`linkedDatasetId needs analytics, got linkedDatasetId "${props.linkedDatasetId}" with analytics false`);
    }

    const cmekSettings = new DataGoogleLoggingProjectCmekSettings(this, 'CmekSettings', { project: props.project });
    this.keyGrant = props.key.grantEncrypterDecrypter(`serviceAccount:${cmekSettings.serviceAccountId}`);

    this.bucket = new LoggingProjectBucketConfig(this, 'Resource', {
      project: props.project,
      location: props.location,
      bucketId: props.bucketId,
      description: 'Central audit log bucket for the organization (baseline).',
      retentionDays,
      locked: props.locked ?? false,
      enableAnalytics: analytics,
      cmekSettings: { kmsKeyName: props.key.keyId },
      dependsOn: [this.keyGrant],
    });
    if (props.locked === true) this.bucket.importFrom(`projects/${props.project}/locations/${props.location}/buckets/${props.bucketId}`);

    if (props.linkedDatasetId !== undefined) {
      this.linkedDataset = new LoggingLinkedDataset(this, 'LinkedDataset', {
        bucket: this.bucket.id,
        linkId: props.linkedDatasetId,
        description: 'Log Analytics over the central audit log bucket.',
      });
    }
  }
}

function checkRetention(retentionDays: number): void {
  if (Token.isUnresolved(retentionDays)) return;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_LOG_RETENTION_DAYS || retentionDays > MAX_LOG_RETENTION_DAYS) {
    throw new Error(
      `retentionDays must be a whole number from ${MIN_LOG_RETENTION_DAYS} to ${MAX_LOG_RETENTION_DAYS}, got ${retentionDays}`,
    );
  }
}
