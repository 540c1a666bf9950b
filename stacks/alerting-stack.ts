/**
 * Alerting: the notification channels, one log-based metric and alert policy per row of the alert
 * table (CIS GCP 2.5-2.12 and the baseline's own detections), and a dashboard of them, all in the
 * logging project next to the central log bucket the metrics count in. The policies are created
 * `alerting.metricPropagationSeconds` after their metrics (see MetricPropagation).
 */
import { Construct } from 'constructs';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import type { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import type { BaselineConfig } from '../policies/config/org-config';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { baselineAlerts, type AlertInputs, type AlertSpec } from '../constructs/monitoring/alert-catalog';
import { LogAlert } from '../constructs/monitoring/log-alert';
import { MetricPropagation } from '../constructs/monitoring/metric-propagation';
import { NotificationChannels } from '../constructs/monitoring/notification-channels';
import { SecurityDashboard } from '../constructs/monitoring/security-dashboard';

export interface AlertingStackProps extends BaselineStackProps {
  /** The central log bucket (logging stack); every metric is scoped to it. */
  readonly centralBucket: LoggingProjectBucketConfig;
  /** The canary secret (secrets stack); any call naming it raises an alert. */
  readonly canarySecret: SecretManagerSecret;
}

/** The alert table's inputs from config; `canarySecretId` may be a token when the canary lives in another stack. */
export function alertInputsFromConfig(config: BaselineConfig, canarySecretId = config.secrets.canary.id): AlertInputs {
  const { failedLogins } = config.alerting;
  const breakGlass = config.iam.breakGlass;
  return {
    failedLogins: {
      perAccountThreshold: failedLogins.perAccountThreshold,
      organizationThreshold: failedLogins.organizationThreshold,
      windowSeconds: failedLogins.windowSeconds,
      filter: failedLogins.filter,
      signInFilter: failedLogins.signInFilter,
      silenceSeconds: failedLogins.silenceSeconds,
    },
    breakGlassGroups: [config.groups.breakGlass, ...(breakGlass ? [breakGlass.group] : [])],
    breakGlassAccounts: breakGlass?.accounts ?? [],
    breakGlassPrincipals: config.policy.breakGlassPrincipals,
    canarySecretId,
    kmsProjectId: config.projects.find((p) => p.key === config.foundationProjects.kms)!.id,
    deployer: config.organization.deployer,
    logSources: config.logging.sources,
    tightProjectIds: config.projects.filter((p) => p.coupling === 'tight').map((p) => p.id),
    tightProjectSilenceHours: config.logging.tightProjectSilenceHours,
  };
}

export class AlertingStack extends BaselineStack {
  readonly channels: NotificationChannels;
  /** The alert table this stack deployed, in order. */
  readonly alertSpecs: readonly AlertSpec[];
  /** Alerts by alert id. */
  readonly alerts: ReadonlyMap<string, LogAlert>;
  /** The wait between the metrics and the policies. */
  readonly propagation: MetricPropagation;
  readonly dashboard: SecurityDashboard;

  constructor(scope: Construct, id: string, props: AlertingStackProps) {
    super(scope, id, props);
    const { config } = props;
    // A bucket-scoped metric must live in the bucket's project; its policies and channels follow it.
    const project = this.project(config.foundationProjects.logging).id;

    this.channels = new NotificationChannels(this, 'Channels', { project, channels: config.alerting.channels });
    this.alertSpecs = baselineAlerts(alertInputsFromConfig(config, props.canarySecret.secretId));
    this.propagation = new MetricPropagation(this, 'MetricPropagation', { seconds: config.alerting.metricPropagationSeconds });
    const context = {
      project,
      bucketName: props.centralBucket.id,
      notificationChannels: this.channels.names,
      accountField: config.alerting.failedLogins.accountField,
      propagation: this.propagation,
    };
    this.alerts = new Map(this.alertSpecs.map((spec) => [spec.id, LogAlert.fromSpec(this, spec, context)]));
    const bucket = config.logging.bucket;
    this.dashboard = new SecurityDashboard(this, 'Dashboard', {
      project,
      alerts: this.alertSpecs,
      // Security-event tables need a bucket upgraded to Log Analytics.
      securityEvents: bucket.analytics ? { project, location: bucket.location, bucketId: bucket.id, applicationLogs: config.logging.applicationLogs } : undefined,
    });
  }
}
