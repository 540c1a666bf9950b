/** An alert policy that is disabled or sends nowhere is silent; every other alerting control relies on this one. */
import { resourceRule } from '../../engine/rule';
import { alertChannels, alertEnabled } from '../../gcp/alert-policies';

type MessageId = 'no-channels' | 'disabled' | 'channels-unknown' | 'enabled-unknown';

export default resourceRule<MessageId>({
  meta: {
    id: 'alerting-policies-have-channels',
    description: 'Keep every alert policy enabled and sending to at least one notification channel.',
    severity: 'medium',
    category: 'alerting',
    controls: [],
    messages: {
      'no-channels': 'Alert policy has no notification channel: when it fires, nobody is told.',
      disabled: 'Alert policy is disabled: it never fires.',
      'channels-unknown': 'Alert policy notification channels are known only after apply.',
      'enabled-unknown': 'Whether the alert policy is enabled is known only after apply.',
    },
    help:
      'An alert policy that is disabled or has no notification channel evaluates silently: the incident it was written for reaches no one. Set `notification_channels` to at least one channel (e-mail, webhook, Pub/Sub) and leave `enabled` unset or true; delete policies you no longer want rather than disabling them.',
  },
  types: ['google_monitoring_alert_policy'],
  check(alert, context) {
    if (alert.action === 'delete') return;
    const enabled = alertEnabled(alert);
    if (enabled.state === 'unknown') context.unknown(alert, 'enabled-unknown', {}, { path: 'enabled' });
    else if (enabled.state === 'known' && enabled.value === false) context.report(alert, 'disabled', {}, { path: 'enabled' });
    const channels = alertChannels(alert);
    if (channels.state === 'unknown') context.unknown(alert, 'channels-unknown', {}, { path: 'notification_channels' });
    else if (channels.state === 'known' && channels.value.length === 0) context.report(alert, 'no-channels', {}, { path: 'notification_channels' });
  },
});
