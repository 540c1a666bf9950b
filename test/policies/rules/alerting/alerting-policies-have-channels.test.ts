import rule from '../../../../policies/rules/alerting/alerting-policies-have-channels';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { CHANNEL_ID, CHANNEL_VALUES, planAlert, synthAlert } from './cis-fixtures';

const ADDRESS = 'google_monitoring_alert_policy.cis_2_5';

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: channel known only after apply (a reference to the channel resource) is a channel',
      input: { synth: synth({ google_monitoring_notification_channel: { security: CHANNEL_VALUES }, google_monitoring_alert_policy: { cis_2_5: synthAlert('2.5') } }) },
    },
    {
      name: 'synth: enabled left unset defaults to enabled',
      input: { synth: synth({ google_monitoring_alert_policy: { cis_2_5: { ...synthAlert('2.5', { notification_channels: [CHANNEL_ID] }), enabled: undefined } } }) },
    },
    { name: 'plan: enabled with a channel id', input: { plan: plan([{ address: ADDRESS, values: planAlert('2.5') }]) } },
    {
      name: 'plan: channel list whose entries are known after apply',
      input: { plan: plan([{ address: ADDRESS, values: planAlert('2.5', { notification_channels: [null] }), unknown: { notification_channels: [true] } }]) },
    },
    {
      name: 'plan: a disabled policy without channels that is being deleted',
      input: { plan: plan([{ address: ADDRESS, values: planAlert('2.5', { enabled: false, notification_channels: [] }), action: 'delete' }]) },
    },
  ],
  invalid: [
    {
      name: 'fails synth: no notification_channels',
      input: { synth: synth({ google_monitoring_alert_policy: { cis_2_5: { ...synthAlert('2.5'), notification_channels: undefined } } }) },
      errors: [{ messageId: 'no-channels', address: ADDRESS }],
    },
    {
      name: 'fails synth: disabled and an empty channel list',
      input: { synth: synth({ google_monitoring_alert_policy: { cis_2_5: synthAlert('2.5', { enabled: false, notification_channels: [] }) } }) },
      errors: [
        { messageId: 'disabled', address: ADDRESS, path: 'enabled' },
        { messageId: 'no-channels', address: ADDRESS, path: 'notification_channels' },
      ],
    },
    {
      // Terraform reads the string "false" of a configuration as false: a string must not pass as enabled.
      name: 'fails synth: enabled written as the string "false"',
      input: { synth: synth({ google_monitoring_alert_policy: { cis_2_5: synthAlert('2.5', { enabled: 'false', notification_channels: [CHANNEL_ID] }) } }) },
      errors: [{ messageId: 'disabled', address: ADDRESS }],
    },
    {
      name: 'fails plan: empty channel list in a module instance',
      input: { plan: plan([{ address: 'module.alerts.google_monitoring_alert_policy.p["firewall"]', values: planAlert('2.8', { notification_channels: [] }) }]) },
      errors: [{ messageId: 'no-channels', address: 'module.alerts.google_monitoring_alert_policy.p["firewall"]' }],
    },
    {
      name: 'fails plan: disabled on update',
      input: { plan: plan([{ address: ADDRESS, values: planAlert('2.5', { enabled: false }), action: 'update' }]) },
      errors: [{ messageId: 'disabled', address: ADDRESS }],
    },
    {
      name: 'fails synth (unknown): channels from a variable and enabled from a variable',
      input: { synth: synth({ google_monitoring_alert_policy: { cis_2_5: synthAlert('2.5', { enabled: '${var.enabled}', notification_channels: '${var.channels}' }) } }) },
      errors: [
        { messageId: 'channels-unknown', address: ADDRESS, outcome: 'unknown', path: 'notification_channels' },
        { messageId: 'enabled-unknown', address: ADDRESS, outcome: 'unknown', path: 'enabled' },
      ],
    },
    {
      name: 'fails plan (unknown): the whole channel list is known only after apply',
      input: { plan: plan([{ address: ADDRESS, values: planAlert('2.5', { notification_channels: null }), unknown: { notification_channels: true } }]) },
      errors: [{ messageId: 'channels-unknown', address: ADDRESS, outcome: 'unknown', path: 'notification_channels' }],
    },
    {
      name: 'fails plan (unknown): whether the policy is enabled is known only after apply',
      input: { plan: plan([{ address: ADDRESS, values: planAlert('2.5', { enabled: null }), unknown: { enabled: true } }]) },
      errors: [{ messageId: 'enabled-unknown', address: ADDRESS, outcome: 'unknown', path: 'enabled' }],
    },
  ],
});
