/**
 * The notification channels alerts go to, one per `alerting.channels` entry. A webhook's URL usually
 * carries its token, so it never enters config or synthesized JSON: the channel reads it from a
 * sensitive Terraform variable set at apply time (`TF_VAR_<urlVariable>`).
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import type { ChannelConfig } from '../../policies/config/org-config';

export interface NotificationChannelsProps {
  /** Project that owns the channels; an alert policy can only notify channels of its own project. */
  readonly project: string;
  /** The channels, as in `alerting.channels`; at least one. */
  readonly channels: readonly ChannelConfig[];
}

export class NotificationChannels extends Construct {
  /** Channels by config key. */
  readonly byKey: ReadonlyMap<string, MonitoringNotificationChannel>;
  /** Every channel's resource name, in config order: what alert policies list. */
  readonly names: readonly string[];
  /** The sensitive variables holding webhook URLs, by variable name. */
  readonly urlVariables: ReadonlyMap<string, TerraformVariable>;

  constructor(scope: Construct, id: string, props: NotificationChannelsProps) {
    super(scope, id);
    if (props.channels.length === 0) {
      throw new Error('NotificationChannels: channels must name at least one channel, got none');
    }
    const byKey = new Map<string, MonitoringNotificationChannel>();
    const urlVariables = new Map<string, TerraformVariable>();
    for (const channel of props.channels) {
      if (byKey.has(channel.key)) {
        throw new Error(`NotificationChannels: channel keys must be unique, got duplicate "${channel.key}"`);
      }
      byKey.set(
        channel.key,
        new MonitoringNotificationChannel(this, channel.key, {
          project: props.project,
          displayName: `baseline ${channel.key}`,
          description: `Security alerts of the gcp-security-baseline (${channel.type}).`,
          enabled: true,
          ...this.typeAndLabels(channel, urlVariables),
        }),
      );
    }
    this.byKey = byKey;
    this.urlVariables = urlVariables;
    this.names = [...byKey.values()].map((c) => c.name);
  }

  private typeAndLabels(
    channel: ChannelConfig,
    urlVariables: Map<string, TerraformVariable>,
  ): { type: string; labels: Record<string, string> } {
    switch (channel.type) {
      case 'email':
        return { type: 'email', labels: { email_address: channel.address } };
      case 'pubsub':
        return { type: 'pubsub', labels: { topic: channel.topic } };
      case 'webhook': {
        // sensitive_labels holds only auth_token (slack), password (webhook_basicauth) and service_key
        // (pagerduty); webhook_tokenauth's URL is a plain label, so the variable's sensitivity protects it.
        let variable = urlVariables.get(channel.urlVariable);
        if (!variable) {
          variable = new TerraformVariable(this, `${channel.urlVariable}-variable`, {
            type: 'string',
            sensitive: true,
            nullable: false,
            description: `URL of the "${channel.key}" alert webhook, token included. Set TF_VAR_${channel.urlVariable} at apply time; never commit it.`,
          });
          // Users set TF_VAR_<urlVariable>, so the Terraform name must be exactly the configured one.
          variable.overrideLogicalId(channel.urlVariable);
          urlVariables.set(channel.urlVariable, variable);
        }
        return { type: 'webhook_tokenauth', labels: { url: variable.stringValue } };
      }
    }
  }
}
