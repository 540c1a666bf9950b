/**
 * A mute config silences findings for good, at every scope it matches, and nobody hears of them again.
 * Like a suppression it needs a reason and an expiry: the description says `reason: <text>; expires: <YYYY-MM-DD>`
 * (a static mute config has no expiry of its own), and from that day on the mute is a finding.
 */
import { resourceRule } from '../../engine/rule';
import { get } from '../../engine/model';
import { MIN_REASON_LENGTH } from '../../engine/suppressions';
import { MUTE_CONFIG_TYPES, parseMuteDescription } from '../../gcp/scc-findings';

type MessageId = 'no-reason' | 'no-expiry' | 'expired' | 'description-unknown';

export default resourceRule<MessageId>({
  meta: {
    id: 'scanning-mute-configs-reasoned',
    description: 'Give every Security Command Center mute config a reason and an expiry in its description, and remove it once expired.',
    severity: 'high',
    category: 'scanning',
    controls: [],
    messages: {
      'no-reason': `Mute config gives no reason (description "reason: <at least ${MIN_REASON_LENGTH} characters>; expires: YYYY-MM-DD").`,
      'no-expiry': 'Mute config gives no expiry date (description "reason: ...; expires: YYYY-MM-DD").',
      expired: 'Mute config expired on {{expires}}: delete it or renew it with a new reason.',
      'description-unknown': 'Mute config description is known only after apply, so its reason and expiry cannot be checked.',
    },
    help:
      'A mute config hides every current and future finding its filter matches. Write why and until when into its description, `reason: <why>; expires: <YYYY-MM-DD>`, as for a suppression (the baseline writes mute configs only from `scanning.muteConfigs`, which requires both). On the expiry date this rule fails until the mute config is deleted or renewed with a fresh reason.',
  },
  types: MUTE_CONFIG_TYPES,
  check(mute, context) {
    if (mute.action === 'delete') return;
    const description = get(mute, 'description');
    if (description.state === 'unknown') {
      context.unknown(mute, 'description-unknown', {}, { path: 'description' });
      return;
    }
    const { reason, expires } = parseMuteDescription(description.state === 'known' ? String(description.value) : '');
    if (reason === undefined || reason.trim().length < MIN_REASON_LENGTH) context.report(mute, 'no-reason', {}, { path: 'description' });
    if (expires === undefined) context.report(mute, 'no-expiry', {}, { path: 'description' });
    else if (Date.parse(`${expires}T00:00:00Z`) <= context.params.now.getTime()) context.report(mute, 'expired', { expires }, { path: 'description' });
  },
});
