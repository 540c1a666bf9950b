/**
 * Central logging: every audit log of the organization into one CMEK-encrypted log bucket in the
 * logging project, locked in a second apply once the first is verified (CIS GCP 2.3, 2.4), optionally also into a locked archive bucket
 * and a SIEM topic, each through its own org sink; the org's default Logging settings; log views
 * for auditors. Keys live in the kms project and rotate within 90 days (CIS 1.11).
 */
import type { Construct } from 'constructs';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { RotatingKey } from '../constructs/kms/rotating-key';
import { kmsLocationForStorage } from '../constructs/kms/key-location';
import { CentralLogBucket } from '../constructs/logging/central-log-bucket';
import { OrgSink } from '../constructs/logging/org-sink';
import { OrgLoggingSettings } from '../constructs/logging/org-logging-settings';
import { LogView } from '../constructs/logging/log-view';
import { ArchiveBucket } from '../constructs/logging/archive-bucket';
import { SiemExport } from '../constructs/logging/siem-export';
import { SecurityEventViews } from '../constructs/logging/security-event-views';
import { LogApiWriter, StreamLandingBucket } from '../constructs/logging/log-landing';
import type { BaselineConfig } from '../policies/config/org-config';

/** The dataset that holds the security-event views, beside the central bucket's linked dataset. */
export const SECURITY_EVENTS_DATASET = 'security_events';

/**
 * The sink filter clauses the config asks for, plus the log of every logging-api source: a source whose entries
 * never reach the central bucket could not be watched there.
 */
export function centralLogFilters(logging: BaselineConfig['logging']): string[] {
  const filters = [...logging.extraLogFilters];
  for (const source of logging.sources) {
    if (source.kind !== 'logging-api') continue;
    const clause = `log_id("${source.logId}")`;
    if (!filters.includes(clause)) filters.push(clause);
  }
  return filters;
}

/**
 * The BigQuery location of a bucket's linked dataset: a regional bucket's own region. For a `global` bucket we
 * assume the US multi-region (BigQuery's default); not confirmed against Google's documentation.
 */
function linkedDatasetLocation(bucketLocation: string): string {
  return bucketLocation === 'global' ? 'US' : bucketLocation;
}

export class LoggingStack extends BaselineStack {
  /** The central log bucket; its `.id` is what `google_logging_metric.bucket_name` takes. */
  readonly centralBucket: LoggingProjectBucketConfig;
  readonly centralSink: OrgSink;
  readonly archiveSink?: OrgSink;
  readonly siemSink?: OrgSink;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, props);
    const { config } = this;
    const { logging } = config;
    const orgId = config.organization.id;
    const loggingProject = this.project(config.foundationProjects.logging).id;
    const key = (constructId: string, name: string, location: string) =>
      new RotatingKey(this, constructId, {
        project: this.project(config.foundationProjects.kms).id,
        location,
        keyRingName: `${config.kms.keyRingName}-${name}`,
        keyName: name,
        rotationDays: config.kms.rotationDays,
      });

    // Logging CMEK keys must sit in the bucket's own location, whatever kms.location says.
    const central = new CentralLogBucket(this, 'CentralBucket', {
      project: loggingProject,
      bucketId: logging.bucket.id,
      location: logging.bucket.location,
      key: key('CentralBucketKey', 'central-log-bucket', logging.bucket.location),
      retentionDays: logging.bucket.retentionDays,
      locked: logging.bucket.locked,
      analytics: logging.bucket.analytics,
      linkedDatasetId: logging.bucket.analytics ? logging.bucket.linkedDatasetId : undefined,
    });
    this.centralBucket = central.bucket;

    if (central.linkedDataset) {
      // One security-event schema over every log, from the mapping `baseline events` uses (catalog/security-events).
      new SecurityEventViews(this, 'SecurityEvents', {
        project: loggingProject,
        location: linkedDatasetLocation(logging.bucket.location),
        linkedDatasetId: logging.bucket.linkedDatasetId,
        datasetId: SECURITY_EVENTS_DATASET,
        applicationLogs: logging.applicationLogs,
        dependsOn: [central.linkedDataset],
      });
    }

    this.centralSink = new OrgSink(this, 'CentralSink', {
      orgId,
      name: 'baseline-central-logs',
      destination: { kind: 'logging-bucket', bucket: central.bucket },
      extraFilters: centralLogFilters(logging),
      exclusions: logging.exclusions.map((e) => ({ name: e.name, description: e.description, filter: e.filter })),
    });
    this.centralSink.grantWriter();

    new OrgLoggingSettings(this, 'OrgSettings', {
      orgId,
      storageLocation: logging.bucket.location,
      key: key('OrgSettingsKey', 'org-log-settings', logging.bucket.location),
    });

    // Landing points of the log sources beyond the org's projects, each with a writer that can only write.
    for (const source of logging.sources) {
      if (source.kind === 'github-audit-stream') {
        new StreamLandingBucket(this, `Landing-${source.name}`, {
          project: loggingProject,
          bucketName: source.bucketName,
          location: source.location,
          key: key(`LandingKey-${source.name}`, `landing-${source.name}`, kmsLocationForStorage(source.location)),
          retentionDays: source.retentionDays,
          writerAccountId: source.writerAccountId,
          writerFor: `GitHub audit log stream "${source.name}"`,
        });
      } else if (source.kind === 'logging-api') {
        new LogApiWriter(this, `Writer-${source.name}`, { project: this.project(source.project).id, member: source.writer });
      }
    }

    const auditors = `group:${config.groups.auditors}`;
    for (const view of logging.auditorViews) {
      new LogView(this, `View-${view.id}`, { bucket: central.bucket, viewId: view.id, filter: view.filter }).grantViewAccess(auditors);
    }

    if (logging.archive) {
      const archive = new ArchiveBucket(this, 'Archive', {
        project: loggingProject,
        name: logging.archive.bucketName,
        location: logging.archive.location,
        key: key('ArchiveKey', 'audit-archive', kmsLocationForStorage(logging.archive.location)),
        retentionDays: logging.archive.retentionDays,
        locked: logging.archive.locked,
        storageClass: logging.archive.storageClass,
      });
      this.archiveSink = new OrgSink(this, 'ArchiveSink', {
        orgId,
        name: 'baseline-audit-archive',
        destination: { kind: 'storage-bucket', bucket: archive.bucket },
      });
      this.archiveSink.grantWriter();
    }

    if (logging.siem) {
      const siem = new SiemExport(this, 'Siem', {
        project: loggingProject,
        topicName: logging.siem.topicName,
        key: key('SiemKey', 'siem-topic', config.kms.location ?? config.defaultRegion),
        readerAccountId: logging.siem.readerAccountId,
      });
      for (const subscriber of logging.siem.subscribers) siem.grantSubscribe(subscriber);
      this.siemSink = new OrgSink(this, 'SiemSink', {
        orgId,
        name: 'baseline-audit-siem',
        destination: { kind: 'pubsub-topic', topic: siem.topic },
      });
      this.siemSink.grantWriter();
    }
  }
}
