/**
 * Continuous scanning (`scanning` in config): Security Command Center findings of the configured severities
 * to a Pub/Sub topic, a subscription and an alert to the alerting stack's channels; the mute configs config
 * declares, each with a reason and an expiry. Artifact Analysis on image projects is an API the hierarchy
 * stack enables (stacks/project-services.ts).
 */
import type { Construct } from 'constructs';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { FindingsNotification } from '../constructs/scanning/findings-notification';
import { FindingsMute } from '../constructs/scanning/findings-mute';
import type { ScanningConfig } from '../policies/config/org-config';

export interface ScanningStackProps extends BaselineStackProps {
  /** The alerting stack's notification channel names; the findings alert goes to all of them. */
  readonly notificationChannels: readonly string[];
}

export class ScanningStack extends BaselineStack {
  readonly findings: FindingsNotification;
  readonly mutes: readonly FindingsMute[];

  constructor(scope: Construct, id: string, props: ScanningStackProps) {
    super(scope, id, props);
    const scanning = scanningOf(this.config);
    const organizationId = this.config.organization.id;
    // Beside the alert channels and the other security topics, in the logging project unless config says.
    const project = this.project(scanning.project ?? this.config.foundationProjects.logging).id;
    this.findings = new FindingsNotification(this, 'Findings', {
      organizationId,
      project,
      severities: scanning.severities,
      notificationChannels: props.notificationChannels,
      topicName: scanning.topicName,
      subscriptionName: scanning.subscriptionName,
      configId: scanning.notificationConfigId,
    });
    this.mutes = scanning.muteConfigs.map(
      (m) => new FindingsMute(this, `Mute-${m.id}`, { organizationId, muteConfigId: m.id, filter: m.filter, reason: m.reason, expires: m.expires }),
    );
  }
}

function scanningOf(config: BaselineStackProps['config']): ScanningConfig {
  if (!config.scanning) throw new Error('the scanning stack needs `scanning` in config, got none');
  return config.scanning;
}
