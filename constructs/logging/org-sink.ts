/**
 * An organization sink that routes every audit log stream of every folder and project
 * (CIS GCP 2.3 [2.2]: `include_children = true`, a filter that keeps all audit logs) to one
 * destination, plus `grantWriter()`: the sink's writer identity gets exactly the one role its
 * destination kind needs (config/roles.ts SINK_WRITER_ROLE), on exactly that destination.
 *
 * Writer identity: `google_logging_organization_sink` has no `unique_writer_identity` argument;
 * an org sink always gets its own writer identity from Logging (exported as `writer_identity`,
 * already prefixed `serviceAccount:`), and nothing can write to a destination in another
 * project until that identity is granted there. So this construct sets nothing for it and grants
 * on `writer_identity`.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { LoggingOrganizationSink } from '@cdktf/provider-google/lib/logging-organization-sink';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import type { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { SINK_WRITER_ROLE } from '../../policies/catalog/roles';
import { auditLogFilter, auditSafeExclusionFilter } from './audit-log-filter';

/** Where a sink writes, with the resource it writes to (so the grant lands on exactly it). */
export type SinkDestination =
  | { readonly kind: 'logging-bucket'; readonly bucket: LoggingProjectBucketConfig }
  | { readonly kind: 'storage-bucket'; readonly bucket: StorageBucket }
  | { readonly kind: 'pubsub-topic'; readonly topic: PubsubTopic };

export interface SinkExclusion {
  /** Exclusion name, unique in the sink. */
  readonly name: string;
  /** Why these logs are not kept. */
  readonly description: string;
  /** Logging filter of the entries to drop; may never match audit logs. */
  readonly filter: string;
}

export interface OrgSinkProps {
  /** Numeric organization id. */
  readonly orgId: string;
  /** Sink name, unique in the organization. */
  readonly name: string;
  /** The destination and its resource. */
  readonly destination: SinkDestination;
  /**
   * Non-audit log filter clauses routed too, each OR-ed with the audit log filter.
   * @default - audit logs only
   */
  readonly extraFilters?: readonly string[];
  /**
   * Entries the sink drops; an exclusion naming cloudaudit throws, and every exclusion is
   * narrowed so that it cannot match an audit log.
   * @default - none
   */
  readonly exclusions?: readonly SinkExclusion[];
  /**
   * Sink description.
   * @default - a sentence naming the destination kind
   */
  readonly description?: string;
}

const DESTINATION_NOUN: Readonly<Record<SinkDestination['kind'], string>> = {
  'logging-bucket': 'log bucket',
  'storage-bucket': 'Cloud Storage bucket',
  'pubsub-topic': 'Pub/Sub topic',
};

/** A value read back from a destination resource's configuration; sinks need it known at synth. */
function known(value: string | undefined, what: string): string {
  if (value === undefined || Token.isUnresolved(value)) {
    throw new Error(`sink destination ${what} must be a literal at synth, got ${value === undefined ? 'nothing' : 'a token'}`);
  }
  return value;
}

/** Destination URI, written out literally so a reader (or a policy rule) sees its kind and target. */
function destinationUri(destination: SinkDestination): string {
  switch (destination.kind) {
    case 'logging-bucket': {
      const b = destination.bucket;
      return `logging.googleapis.com/projects/${known(b.projectInput, 'project')}/locations/${known(b.locationInput, 'location')}/buckets/${known(b.bucketIdInput, 'bucket id')}`;
    }
    case 'storage-bucket':
      return `storage.googleapis.com/${known(destination.bucket.nameInput, 'bucket name')}`;
    case 'pubsub-topic':
      return `pubsub.googleapis.com/projects/${known(destination.topic.projectInput, 'topic project')}/topics/${known(destination.topic.nameInput, 'topic name')}`;
  }
}

export type SinkWriterGrant = ProjectIamMember | StorageBucketIamMember | PubsubTopicIamMember;

export class OrgSink extends Construct {
  /** The sink (construct id `Resource`). */
  readonly sink: LoggingOrganizationSink;
  readonly destination: SinkDestination;
  private readonly name: string;
  private writerGrant?: SinkWriterGrant;

  constructor(scope: Construct, id: string, props: OrgSinkProps) {
    super(scope, id);
    this.destination = props.destination;
    this.name = props.name;
    const exclusions = (props.exclusions ?? []).map((e) => ({
      name: e.name,
      description: e.description,
      filter: auditSafeExclusionFilter(e.name, e.filter),
    }));
    const destinationResource = props.destination.kind === 'pubsub-topic' ? props.destination.topic : props.destination.bucket;
    this.sink = new LoggingOrganizationSink(this, 'Resource', {
      orgId: props.orgId,
      name: props.name,
      description: props.description ?? `Every audit log of the organization to a ${DESTINATION_NOUN[props.destination.kind]} (baseline).`,
      destination: destinationUri(props.destination),
      includeChildren: true,
      filter: auditLogFilter(props.extraFilters ?? []),
      exclusions: exclusions.length > 0 ? exclusions : undefined,
      // The URI is a literal, so the ordering the reference would give is stated explicitly.
      dependsOn: [destinationResource],
    });
  }

  /** The identity the sink writes as (`serviceAccount:...`), known after apply. */
  get writerIdentity(): string {
    return this.sink.writerIdentity;
  }

  /**
   * Grants the writer identity the one role its destination kind needs, on that destination
   * only; returns the binding (the same one on every call).
   * A log bucket has no IAM policy of its own, so `roles/logging.bucketWriter` goes on the
   * bucket's project with a condition that matches only this bucket.
   */
  grantWriter(): SinkWriterGrant {
    if (this.writerGrant) return this.writerGrant;
    const d = this.destination;
    const role = SINK_WRITER_ROLE[d.kind];
    const member = this.writerIdentity;
    switch (d.kind) {
      case 'logging-bucket': {
        const location = known(d.bucket.locationInput, 'location');
        const bucketId = known(d.bucket.bucketIdInput, 'bucket id');
        this.writerGrant = new ProjectIamMember(this, 'WriterGrant', {
          project: known(d.bucket.projectInput, 'project'),
          role,
          member,
          condition: {
            title: `write to log bucket ${bucketId} only`,
            description: `Sink ${this.name} writes to this one bucket; buckets have no IAM policy of their own.`,
            expression: `resource.name.endsWith("locations/${location}/buckets/${bucketId}")`,
          },
        });
        break;
      }
      case 'storage-bucket':
        this.writerGrant = new StorageBucketIamMember(this, 'WriterGrant', { bucket: d.bucket.name, role, member });
        break;
      case 'pubsub-topic':
        this.writerGrant = new PubsubTopicIamMember(this, 'WriterGrant', {
          project: d.topic.project,
          topic: d.topic.name,
          role,
          member,
        });
        break;
    }
    return this.writerGrant;
  }
}
