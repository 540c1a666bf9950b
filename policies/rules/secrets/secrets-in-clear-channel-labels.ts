/**
 * Credentials of a notification channel belong in `sensitive_labels`, which the API obfuscates; `labels`
 * are readable by anyone who may view the channel. Messages name the label key, never its value.
 */
import { resourceRule } from '../../engine/rule';
import { get, isSensitive } from '../../engine/model';
import { writtenText } from '../../engine/values';
import { SENSITIVE_LABEL_KEYS, URL_LABEL_KEYS, urlCredentialParts } from '../../gcp/notification-channels';

type MessageId = 'credential-label' | 'credential-in-url' | 'sensitive-value-in-label' | 'url-unknown' | 'labels-unknown';

export default resourceRule<MessageId>({
  meta: {
    id: 'secrets-in-clear-channel-labels',
    description: 'Keep notification channel credentials in sensitive_labels, never in labels.',
    severity: 'high',
    category: 'secrets',
    controls: [],
    messages: {
      'credential-label': 'Notification channel has a credential in labels.{{label}}; move it to sensitive_labels.{{label}}.',
      'credential-in-url': 'Notification channel labels.{{label}} carries a credential ({{part}}); anyone who can view the channel can read it.',
      'sensitive-value-in-label': 'Notification channel labels.{{label}} holds a value Terraform marks sensitive; labels are returned in clear by the Monitoring API.',
      'url-unknown': 'Notification channel labels.{{label}} is known only after apply; it may carry a credential in clear.',
      'labels-unknown': 'Notification channel labels are known only after apply; they may carry a credential in clear.',
    },
    help:
      'The Monitoring API returns a notification channel\'s `labels` in clear to anyone with monitoring.notificationChannels.get (Monitoring Viewer), and the provider does not mark them sensitive; `sensitive_labels` are obfuscated by the API and sensitive in plans. Put `auth_token` (slack), `password` (webhook_basicauth) and `service_key` (pagerduty) in `sensitive_labels` (or their write-only `*_wo` arguments). A webhook URL has no sensitive form: do not put a token in it; use `webhook_basicauth` with the password in `sensitive_labels.password`, or a receiver that authenticates otherwise.',
  },
  types: ['google_monitoring_notification_channel'],
  check(channel, context) {
    if (channel.action === 'delete') return;
    const labels = get<Record<string, unknown>>(channel, 'labels');
    if (labels.state === 'unknown') {
      context.unknown(channel, 'labels-unknown', {}, { path: 'labels' });
      return;
    }
    // A plan leaves a label known only after apply out of `after` and marks it in `after_unknown` alone.
    const unknownLabels = typeof channel.unknown === 'object' && !Array.isArray(channel.unknown) ? (channel.unknown as Record<string, unknown>).labels : undefined;
    const keys = new Set([
      ...(labels.state === 'known' && typeof labels.value === 'object' ? Object.keys(labels.value) : []),
      ...(typeof unknownLabels === 'object' && unknownLabels !== null && !Array.isArray(unknownLabels) ? Object.keys(unknownLabels) : []),
    ]);
    for (const label of keys) {
      const path = `labels.${label}`;
      const value = get(channel, path);
      if (value.state === 'absent' || (value.state === 'known' && value.value === '')) continue;
      if (SENSITIVE_LABEL_KEYS.includes(label)) {
        context.report(channel, 'credential-label', { label }, { path });
        continue;
      }
      // A plan marks a label sensitive when its value comes from a sensitive variable: the author said it is a secret.
      if (isSensitive(channel, path)) {
        context.report(channel, 'sensitive-value-in-label', { label }, { path });
        continue;
      }
      const text = writtenText(value);
      const looksLikeUrl = URL_LABEL_KEYS.includes(label) || (text !== undefined && /^https?:\/\//i.test(text));
      if (!looksLikeUrl) continue;
      const parts = text === undefined ? [] : urlCredentialParts(text);
      if (parts.length > 0) context.report(channel, 'credential-in-url', { label, part: parts.join(', ') }, { path });
      else if (value.state === 'unknown') context.unknown(channel, 'url-unknown', { label }, { path });
    }
  },
});
