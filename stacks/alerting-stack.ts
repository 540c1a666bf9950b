/**
 * Alerting: the notification channels, one log-based metric and alert policy per row of the alert
 * table (CIS GCP 2.5-2.12 and the baseline's own detections), and a dashboard of them, all in the
 * logging project next to the central log bucket the metrics count in.
 */
import { Construct } from 'constructs';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import type { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { alertInputsFromConfig, baselineAlerts, type AlertSpec } from '../constructs/monitoring/alert-catalog';
import { LogAlert } from '../constructs/monitoring/log-alert';
import { NotificationChannels } from '../constructs/monitoring/notification-channels';
import { SecurityDashboard } from '../constructs/monitoring/security-dashboard';

export interface AlertingStackProps extends BaselineStackProps {
  /** The central log bucket (logging stack); every metric is scoped to it. */
  readonly centralBucket: LoggingProjectBucketConfig;
  /** The canary secret (secrets stack); any call naming it raises an alert. */
  readonly canarySecret: SecretManagerSecret;
}

export class AlertingStack extends BaselineStack {
  readonly channels: NotificationChannels;
  /** The alert table this stack deployed, in order. */
  readonly alertSpecs: readonly AlertSpec[];
  /** Alerts by alert id. */
  readonly alerts: ReadonlyMap<string, LogAlert>;
  readonly dashboard: SecurityDashboard;

  constructor(scope: Construct, id: string, props: AlertingStackProps) {
    super(scope, id, props);
    const { config } = props;
    // A bucket-scoped metric must live in the bucket's project; its policies and channels follow it.
    const project = this.project(config.foundationProjects.logging).id;

    this.channels = new NotificationChannels(this, 'channels', { project, channels: config.alerting.channels });
    this.alertSpecs = baselineAlerts(alertInputsFromConfig(config, props.canarySecret.secretId));
    const context = {
      project,
      bucketName: props.centralBucket.id,
      notificationChannels: this.channels.names,
      accountField: config.alerting.failedLogins.accountField,
    };
    this.alerts = new Map(this.alertSpecs.map((spec) => [spec.id, LogAlert.fromSpec(this, spec, context)]));
    this.dashboard = new SecurityDashboard(this, 'dashboard', { project, alerts: this.alertSpecs });
  }
}
