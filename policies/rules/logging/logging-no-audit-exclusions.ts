import { resourceRule, type RuleContext } from '../../engine/rule';
import { get, type Resource } from '../../engine/model';
import { auditStreamsNotKept, type AuditLogStream } from '../../gcp/logging-filter';
import { exclusionVerdict, sinkExclusions, SINK_TYPES, type ExclusionView } from '../../gcp/sinks';
import { isTrue } from '../../engine/values';

type MessageId = 'sink-exclusion-drops-audit' | 'exclusion-drops-audit' | 'default-sink-disabled' | 'default-sink-narrowed' | 'exclusion-unknown';

const EXCLUSION_TYPES = [
  'google_logging_project_exclusion',
  'google_logging_folder_exclusion',
  'google_logging_organization_exclusion',
  'google_logging_billing_account_exclusion',
];
const SETTINGS_TYPES = ['google_logging_organization_settings', 'google_logging_folder_settings'];

/** What the `_Default` sink stores that nothing else does: `_Required` takes Admin Activity, System Event and Access Transparency. */
const DEFAULT_SINK_AUDIT_STREAMS: readonly AuditLogStream[] = ['data_access', 'policy'];

type Context = RuleContext<MessageId>;

function judgeExclusion(exclusion: ExclusionView, messageId: MessageId, context: Context): void {
  const verdict = exclusionVerdict(exclusion);
  if (verdict.state === 'unknown') {
    context.unknown(exclusion.resource, 'exclusion-unknown', { exclusion: exclusion.name, attribute: verdict.path }, { path: verdict.path });
  } else if (verdict.state === 'drops') {
    context.report(exclusion.resource, messageId, { exclusion: exclusion.name, streams: verdict.streams.join(', ') }, { path: `${exclusion.path}filter` });
  }
}

function judgeDefaultSink(sink: Resource, context: Context): void {
  const disabled = isTrue(sink, 'disabled');
  if (disabled === 'unknown') context.unknown(sink, 'exclusion-unknown', { exclusion: '_Default', attribute: 'disabled' }, { path: 'disabled' });
  else if (disabled === 'yes') context.report(sink, 'default-sink-disabled', {}, { path: 'disabled' });
  const filter = get<string>(sink, 'filter');
  if (filter.state === 'unknown') context.unknown(sink, 'exclusion-unknown', { exclusion: '_Default', attribute: 'filter' }, { path: 'filter' });
  if (filter.state !== 'known') return;
  const dropped = auditStreamsNotKept(filter.value).filter((s) => DEFAULT_SINK_AUDIT_STREAMS.includes(s));
  if (dropped.length > 0) context.report(sink, 'default-sink-narrowed', { streams: dropped.join(', ') }, { path: 'filter' });
}

export default resourceRule<MessageId>({
  meta: {
    id: 'logging-no-audit-exclusions',
    description: 'Exclude no audit logs: no exclusion filter, sink exclusion or _Default sink change may drop Cloud Audit Logs entries.',
    severity: 'high',
    category: 'logging',
    controls: [],
    messages: {
      'sink-exclusion-drops-audit': 'Sink exclusion "{{exclusion}}" can drop audit log entries ({{streams}}).',
      'exclusion-drops-audit': 'Log exclusion "{{exclusion}}" can drop audit log entries ({{streams}}).',
      'default-sink-disabled': 'The _Default sink is disabled: Data Access and Policy Denied audit logs are no longer stored.',
      'default-sink-narrowed': 'The _Default sink filter no longer keeps audit logs ({{streams}}).',
      'exclusion-unknown': 'Whether "{{exclusion}}" drops audit logs depends on {{attribute}}, known only after apply.',
    },
    help:
      'An exclusion discards matching entries before they are stored or routed: an exclusion that matches audit logs is a hole in the audit trail that no retention or lock can fill. Write exclusion filters that provably miss audit entries: name the logs they drop (`log_id("stdout")`) or fields audit entries do not have (`httpRequest`, `jsonPayload`, `textPayload`). A filter on `severity` or `resource.type` alone also matches audit entries. Keep the _Default sink enabled with its default filter.',
  },
  types: [...Object.keys(SINK_TYPES), ...EXCLUSION_TYPES, ...SETTINGS_TYPES],
  check(resource, context) {
    if (resource.action === 'delete') return;
    if (SETTINGS_TYPES.includes(resource.type)) {
      const disabled = isTrue(resource, 'disable_default_sink');
      if (disabled === 'unknown') context.unknown(resource, 'exclusion-unknown', { exclusion: '_Default', attribute: 'disable_default_sink' }, { path: 'disable_default_sink' });
      else if (disabled === 'yes') context.report(resource, 'default-sink-disabled', {}, { path: 'disable_default_sink' });
      return;
    }
    if (EXCLUSION_TYPES.includes(resource.type)) {
      const name = get<string>(resource, 'name');
      const view: ExclusionView = {
        resource,
        path: '',
        name: name.state === 'known' ? name.value : resource.name,
        filter: get<string>(resource, 'filter'),
        disabled: isTrue(resource, 'disabled'),
      };
      judgeExclusion(view, 'exclusion-drops-audit', context);
      return;
    }
    for (const exclusion of sinkExclusions(resource)) judgeExclusion(exclusion, 'sink-exclusion-drops-audit', context);
    const name = get<string>(resource, 'name');
    if (name.state === 'known' && name.value === '_Default') judgeDefaultSink(resource, context);
  },
});
