/**
 * A Cloud Storage bucket for the long-term audit log archive (CIS GCP 2.4 [2.3]: a retention
 * policy that is locked). Uniform bucket-level access, public access prevention enforced, CMEK
 * by default, Cloud Storage service agent granted use of the key before the bucket exists.
 *
 * No Object Versioning: Cloud Storage does not allow it on a bucket with a retention policy,
 * and the locked policy is the stronger protection (no object can be deleted or replaced until it
 * is `retentionDays` old), so versioning is written out as disabled.
 */
import { Construct } from 'constructs';
import { Op, Token } from 'cdktf';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { DataGoogleStorageProjectServiceAccount } from '@cdktf/provider-google/lib/data-google-storage-project-service-account';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { RotatingKey } from '../kms/rotating-key';
import { MIN_LOG_RETENTION_DAYS } from './central-log-bucket';

export type ArchiveStorageClass = 'STANDARD' | 'NEARLINE' | 'COLDLINE' | 'ARCHIVE';

export interface ArchiveBucketProps {
  /** Project id that holds the bucket (the logging project). */
  readonly project: string;
  /** Globally unique bucket name. */
  readonly name: string;
  /** Bucket location (`EU`, `europe-west1`); the key must be in the matching KMS location. */
  readonly location: string;
  /** Customer-managed key new objects are encrypted with. */
  readonly key: RotatingKey;
  /**
   * Days each object is kept before it may be deleted; at least 365.
   * @default 2555
   */
  readonly retentionDays?: number;
  /**
   * Lock the retention policy: irreversible, the period can then only grow (CIS 2.4). Lock in a second apply,
   * once the first has created the bucket and it is verified; `true` is that phase, so the bucket is also
   * adopted with an import block (id `<project>/<name>`, the provider's import format): Terraform ignores it
   * while the bucket is in state and refuses to plan if the bucket does not exist, so a locked retention policy
   * is never created in one step.
   * @default false
   */
  readonly locked?: boolean;
  /**
   * Storage class; ARCHIVE suits logs that are written once and rarely read.
   * @default 'ARCHIVE'
   */
  readonly storageClass?: ArchiveStorageClass;
}

export class ArchiveBucket extends Construct {
  /** The bucket (construct id `Resource`). */
  readonly bucket: StorageBucket;
  /** The Cloud Storage service agent's use of the CMEK key, made before the bucket. */
  readonly keyGrant: KmsCryptoKeyIamMember;

  constructor(scope: Construct, id: string, props: ArchiveBucketProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 2555;
    if (!Token.isUnresolved(retentionDays) && (!Number.isInteger(retentionDays) || retentionDays < MIN_LOG_RETENTION_DAYS)) {
      throw new Error(`retentionDays must be a whole number >= ${MIN_LOG_RETENTION_DAYS}, got ${retentionDays}`);
    }

    const storageAgent = new DataGoogleStorageProjectServiceAccount(this, 'StorageServiceAgent', { project: props.project });
    this.keyGrant = props.key.grantEncrypterDecrypter(storageAgent.member);

    this.bucket = new StorageBucket(this, 'Resource', {
      project: props.project,
      name: props.name,
      location: props.location,
      storageClass: props.storageClass ?? 'ARCHIVE',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: false },
      retentionPolicy: { retentionPeriod: daysToSeconds(retentionDays), isLocked: props.locked ?? false },
      encryption: { defaultKmsKeyName: props.key.keyId },
      forceDestroy: false,
      dependsOn: [this.keyGrant],
    });
    if (props.locked === true) this.bucket.importFrom(`${props.project}/${props.name}`);
  }
}

function daysToSeconds(days: number): number {
  return Token.isUnresolved(days) ? Token.asNumber(Op.mul(days, 86_400)) : days * 86_400;
}
