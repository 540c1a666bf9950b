/**
 * Two views of failed sign-ins: per account (brute force) and organization-wide (password spraying).
 * Whatever is known only after apply and could still supply a missing alert becomes an unknown, never a pass.
 */
import { modelRule } from '../../engine/rule';
import { get, type Resource } from '../../engine/model';
import { filterContains } from '../../gcp/filter-match';
import { surviving, writtenText } from '../../engine/values';
import { alertDelivery, watchersOf } from '../../gcp/alert-policies';

type MessageId =
  | 'missing-per-account-alert'
  | 'missing-organization-alert'
  | 'metric-filter-unknown'
  | 'metric-name-unknown'
  | 'metric-labels-unknown'
  | 'alert-unknown';
type Kind = 'per-account' | 'organization';
const BOTH: readonly Kind[] = ['per-account', 'organization'];
const LABEL_FIELD = 'metric.label.';

/** Something known only after apply that could still supply one of the missing alerts. */
interface Undecided {
  readonly resource: Resource;
  readonly messageId: MessageId;
  readonly kinds: readonly Kind[];
  readonly path?: string;
}

/** Label keys the metric extracts (`label_extractors`), or undefined when they are unknown. */
function labelKeys(metric: Resource): string[] | undefined {
  const extractors = get<Record<string, unknown>>(metric, 'label_extractors');
  if (extractors.state === 'unknown') return undefined;
  if (extractors.state === 'absent' || typeof extractors.value !== 'object') return [];
  return Object.keys(extractors.value);
}

export default modelRule<MessageId>({
  meta: {
    id: 'alerting-failed-login-spike',
    description: 'Alert on failed sign-ins twice: per account (grouped by the account label) and across the organization.',
    severity: 'medium',
    category: 'alerting',
    controls: [],
    messages: {
      'missing-per-account-alert': 'No enabled alert with a channel groups failed sign-ins by account (a metric label extracted from the failed-login log and grouped on as metric.label.<key>).',
      'missing-organization-alert': 'No enabled alert with a channel counts failed sign-ins across the whole organization (without per-account grouping).',
      'metric-filter-unknown': 'Log metric filter is known only after apply; it may count failed sign-ins for the {{kinds}} alert.',
      'metric-name-unknown': 'Failed sign-in metric has a name known only after apply, so no alert can be matched to it.',
      'metric-labels-unknown': 'Failed sign-in metric has label extractors known only after apply; an alert grouping on them may be the per-account alert.',
      'alert-unknown': 'Alert policy on failed sign-ins has its metric, grouping, enabled state or channels known only after apply; it may be the {{kinds}} alert.',
    },
    help:
      'Password spraying shows as many failed sign-ins across accounts; brute force as many against one. Create a log metric whose filter contains the failed-login filter (default: Google sign-in failures) with a label extractor on the account, then two enabled alert policies with notification channels: one grouping by `metric.label.<account label>` (per-account threshold) and one without per-account grouping (organization-wide threshold).',
  },
  check(context) {
    const wanted = context.params.failedLoginFilter;
    const metrics = surviving(context.model.byType('google_logging_metric'));
    const alerts = surviving(context.model.byType('google_monitoring_alert_policy'));
    const found = new Set<Kind>();
    const undecided: Undecided[] = [];

    for (const metric of metrics) {
      const filter = get<string>(metric, 'filter');
      const text = writtenText(filter);
      const match = text === undefined ? (filter.state === 'unknown' ? 'unknown' : 'no') : filterContains(text, wanted);
      if (match === 'unknown') {
        undecided.push({ resource: metric, messageId: 'metric-filter-unknown', kinds: BOTH, path: 'filter' });
        continue;
      }
      if (match === 'no') continue;
      const keys = labelKeys(metric);
      const watchers = watchersOf(metric, alerts);
      for (const alert of watchers.unresolvedAlerts) undecided.push({ resource: alert, messageId: 'alert-unknown', kinds: BOTH });
      if (watchers.nameUndecided) undecided.push({ resource: metric, messageId: 'metric-name-unknown', kinds: BOTH, path: 'name' });
      for (const { alert, condition } of watchers.conditions) {
        const delivery = alertDelivery(alert);
        if (delivery.issues.length > 0) continue;
        const grouping = condition.groupByFields;
        if (grouping.state !== 'known') {
          undecided.push({ resource: alert, messageId: 'alert-unknown', kinds: BOTH });
          continue;
        }
        const grouped = grouping.value.filter((f) => f.startsWith(LABEL_FIELD)).map((f) => f.slice(LABEL_FIELD.length));
        let kind: Kind | undefined;
        if (grouped.length === 0) kind = 'organization';
        else if (keys === undefined) {
          undecided.push({ resource: metric, messageId: 'metric-labels-unknown', kinds: ['per-account'], path: 'label_extractors' });
          continue;
        } else if (grouped.some((k) => keys.includes(k))) kind = 'per-account';
        if (kind === undefined) continue;
        if (delivery.unknown) undecided.push({ resource: alert, messageId: 'alert-unknown', kinds: [kind] });
        else found.add(kind);
      }
    }

    const missing = BOTH.filter((k) => !found.has(k));
    const reported = new Set<string>();
    for (const kind of missing) {
      const open = undecided.filter((u) => u.kinds.includes(kind));
      if (open.length === 0) {
        context.reportMissing(kind === 'per-account' ? 'missing-per-account-alert' : 'missing-organization-alert', { kind });
        continue;
      }
      for (const u of open) {
        const key = `${u.resource.id}\u0000${u.messageId}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const kinds = u.kinds.filter((k) => missing.includes(k)).join(' or ');
        context.unknown(u.resource, u.messageId, { kinds }, u.path ? { path: u.path } : undefined);
      }
    }
  },
});
