/**
 * Landing points for log sources outside the organization's projects (policies/catalog/log-sources.ts), each
 * with a writer that may do one thing: put entries in.
 *
 * - StreamLandingBucket: where GitHub Enterprise streams its audit log. An ArchiveBucket (uniform access, public
 *   access prevention, CMEK, a retention policy) plus a service account holding only roles/storage.objectCreator on
 *   that one bucket: it can add objects, never read, list, overwrite or delete them. GitHub's streaming page
 *   (docs.github.com, enterprise-cloud, "Streaming the audit log for your enterprise") documents OpenID Connect for
 *   Amazon S3; its Google Cloud Storage section (not in our reference corpus, so unquoted here) takes a service
 *   account's JSON credentials. That key is never created here: a key in Terraform state is a secret anyone who
 *   reads the state holds. It is made by hand (README, "Log sources").
 * - LogApiWriter: a service or workload identity writing its own log through the Logging API, granted
 *   roles/logging.logWriter on the one project it writes into. entries.write checks logging.logEntries.create "on
 *   each project, organization, billing account, or folder that is receiving new log entries"
 *   (https://cloud.google.com/logging/docs/reference/v2/rest/v2/entries/write, `logName`): the project receiving
 *   them is the narrowest scope there is; Logging has no IAM per log.
 */
import { Construct } from 'constructs';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import type { RotatingKey } from '../kms/rotating-key';
import { ArchiveBucket } from './archive-bucket';

/** Creates objects; cannot read, list, overwrite or delete them. */
export const OBJECT_CREATOR_ROLE = 'roles/storage.objectCreator';
/** Writes log entries; reads nothing. */
export const LOG_WRITER_ROLE = 'roles/logging.logWriter';

export interface StreamLandingBucketProps {
  /** Project id holding the bucket and its writer (the logging project). */
  readonly project: string;
  readonly bucketName: string;
  readonly location: string;
  readonly key: RotatingKey;
  /** Days each streamed file is kept; at least 365. */
  readonly retentionDays: number;
  /** Account id of the writer service account. */
  readonly writerAccountId: string;
  /** What writes here, for the service account's description (`GitHub audit log stream "github-audit"`). */
  readonly writerFor: string;
}

export class StreamLandingBucket extends Construct {
  readonly bucket: StorageBucket;
  readonly writer: ServiceAccount;
  readonly writerGrant: StorageBucketIamMember;

  constructor(scope: Construct, id: string, props: StreamLandingBucketProps) {
    super(scope, id);
    this.bucket = new ArchiveBucket(this, 'Bucket', {
      project: props.project,
      name: props.bucketName,
      location: props.location,
      key: props.key,
      retentionDays: props.retentionDays,
      // Streamed files are read by investigations, not kept cold.
      storageClass: 'STANDARD',
    }).bucket;
    this.writer = new ServiceAccount(this, 'Writer', {
      project: props.project,
      accountId: props.writerAccountId,
      displayName: `Writer of ${props.bucketName} (baseline)`,
      description: `${props.writerFor} creates objects in gs://${props.bucketName}; nothing else. Its key is made by hand, never in Terraform.`,
    });
    this.writerGrant = new StorageBucketIamMember(this, 'WriterGrant', {
      bucket: this.bucket.name,
      role: OBJECT_CREATOR_ROLE,
      member: this.writer.member,
    });
  }
}

export interface LogApiWriterProps {
  /** Project id the writer writes its log into. */
  readonly project: string;
  /** The writer as an IAM member (`serviceAccount:...`, `principal://...`, `principalSet://...`). */
  readonly member: string;
}

export class LogApiWriter extends Construct {
  readonly grant: ProjectIamMember;

  constructor(scope: Construct, id: string, props: LogApiWriterProps) {
    super(scope, id);
    if (!/^(serviceAccount:|principal:\/\/|principalSet:\/\/)/.test(props.member)) {
      throw new Error(`member must be a service account or a workload identity principal, got "${props.member.split(':')[0]}:"`);
    }
    this.grant = new ProjectIamMember(this, 'Resource', { project: props.project, role: LOG_WRITER_ROLE, member: props.member });
  }
}
