/**
 * A sign-in failure alert is silent both when nobody fails to sign in and when no sign-in logs arrive at all
 * (Workspace / Cloud Identity data sharing with Google Cloud turned off, a sink or exclusion changed). Only a
 * metric-absence alert on every sign-in entry tells the two apart. `condition_absent` fires when a metric
 * has no data for `duration` (provider: resource_monitoring_alert_policy.go, `condition_absent`).
 */
import { modelRule } from '../../engine/rule';
import { get, type Resource } from '../../engine/model';
import { anyYes, surviving, tri, writtenText, type Tri } from '../../engine/values';
import { filterContains } from '../../gcp/filter-match';
import { absenceConditions, alertDelivery, indexWatchers, thresholdConditions, watchersFromIndex } from '../../gcp/alert-policies';

type MessageId = 'missing-source-absence-alert' | 'metric-filter-unknown' | 'metric-name-unknown' | 'alert-unknown';

const LOGIN_SERVICE = 'login.googleapis.com';
/** What a source metric counts: every entry of the sign-in audit log. */
const SOURCE_CLAUSE = `protoPayload.serviceName="${LOGIN_SERVICE}"`;

interface Undecided {
  readonly resource: Resource;
  readonly messageId: Exclude<MessageId, 'missing-source-absence-alert'>;
  readonly path?: string;
}

export default modelRule<MessageId>({
  meta: {
    id: 'alerting-sign-in-source-present',
    description: 'Where sign-in failures are alerted on, also alert when sign-in logs stop arriving.',
    severity: 'medium',
    category: 'alerting',
    controls: [],
    messages: {
      'missing-source-absence-alert':
        'Sign-in failures are alerted on, but no enabled alert with a channel fires when login.googleapis.com entries stop arriving (condition_absent on a log metric counting them): a sign-in feed turned off looks like no failed sign-ins.',
      'metric-filter-unknown': 'Log metric filter is known only after apply; it may count sign-in entries.',
      'metric-name-unknown': 'Sign-in log metric has a name known only after apply, so no alert can be matched to it.',
      'alert-unknown': 'Alert policy on a sign-in log metric has its metric, duration, enabled state or channels known only after apply.',
    },
    help:
      'Sign-in audit logs (login.googleapis.com) reach Cloud Logging only while Google Workspace or Cloud Identity shares data with Google Cloud; when sharing is turned off, failed-sign-in alerts simply stay quiet. Add a log metric counting every sign-in entry (filter `protoPayload.serviceName="login.googleapis.com"`, not only failures) and an enabled alert policy with a notification channel whose `conditions.condition_absent` watches that metric with a `duration` longer than your quietest normal gap (for example 3600s), so that silence pages someone.',
  },
  check(context) {
    const wanted = context.params.failedLoginFilter;
    const metrics = surviving(context.model.byType('google_logging_metric'));
    const alerts = surviving(context.model.byType('google_monitoring_alert_policy'));
    const thresholds = indexWatchers(alerts, thresholdConditions);
    const absences = indexWatchers(alerts, absenceConditions);

    let signInAlert: Tri = 'no';
    let sourceAlert = false;
    const signInUndecided: Undecided[] = [];
    const sourceUndecided: Undecided[] = [];

    for (const metric of metrics) {
      const filter = get<string>(metric, 'filter');
      const text = writtenText(filter);
      const signIn: Tri = text === undefined ? (filter.state === 'unknown' ? 'unknown' : 'no') : anyYes([filterContains(text, wanted), tri(text.includes(LOGIN_SERVICE))]);
      // A metric of failures only is silent whenever sign-ins succeed: its absence means nothing.
      const source: Tri = text === undefined ? signIn : filterContains(wanted, SOURCE_CLAUSE) === 'yes' && filterContains(text, wanted) === 'yes' ? 'no' : filterContains(text, SOURCE_CLAUSE);

      if (signIn !== 'no') {
        const watchers = watchersFromIndex(thresholds, metric);
        if (watchers.nameUndecided) signInUndecided.push({ resource: metric, messageId: 'metric-name-unknown', path: 'name' });
        for (const { alert } of watchers.conditions) {
          const enabled = get<boolean>(alert, 'enabled');
          if (enabled.state === 'known' && enabled.value === false) continue;
          if (signIn === 'yes' && enabled.state !== 'unknown') signInAlert = 'yes';
          else signInUndecided.push(signIn === 'unknown' ? { resource: metric, messageId: 'metric-filter-unknown', path: 'filter' } : { resource: alert, messageId: 'alert-unknown' });
        }
      }
      if (source !== 'no') {
        const watchers = watchersFromIndex(absences, metric);
        if (watchers.nameUndecided) sourceUndecided.push({ resource: metric, messageId: 'metric-name-unknown', path: 'name' });
        for (const { alert, condition } of watchers.conditions) {
          const delivery = alertDelivery(alert);
          if (delivery.issues.length > 0 || condition.duration.state === 'absent') continue;
          if (source === 'yes' && !delivery.unknown && condition.duration.state === 'known') sourceAlert = true;
          else sourceUndecided.push(source === 'unknown' ? { resource: metric, messageId: 'metric-filter-unknown', path: 'filter' } : { resource: alert, messageId: 'alert-unknown' });
        }
      }
    }

    if (signInAlert === 'no' && signInUndecided.length === 0) {
      context.notApplicable('no alert on sign-in failures');
      return;
    }
    if (sourceAlert) return;
    // An alert whose metric is unknown before apply may be the absence alert.
    for (const alert of absences.unresolvedAlerts) sourceUndecided.push({ resource: alert, messageId: 'alert-unknown' });
    const open = sourceUndecided.length > 0 ? sourceUndecided : signInAlert === 'yes' ? [] : signInUndecided;
    if (open.length === 0) {
      context.reportMissing('missing-source-absence-alert');
      return;
    }
    const seen = new Set<string>();
    for (const u of open) {
      const key = `${u.resource.id}\u0000${u.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.unknown(u.resource, u.messageId, {}, u.path ? { path: u.path } : undefined);
    }
  },
});
