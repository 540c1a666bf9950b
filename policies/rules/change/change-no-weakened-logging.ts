/**
 * A change to an existing organization or folder sink must not stop exporting audit logs it exported:
 * switching it to `disabled`, narrowing its filter, or adding an exclusion that drops audit entries. The
 * foundation pack judges whether the organization's logging is complete; this rule judges one change on its own,
 * so any team's plan (the guardrails pack) shows when it weakens logging that already exists.
 */
import type { Resource } from '../../engine/model';
import { resourceRule } from '../../engine/rule';
import { AUDIT_LOG_STREAMS, type AuditLogStream } from '../../gcp/logging-filter';
import { sinkAuditVerdict, type SinkAuditVerdict } from '../../gcp/sinks';

type MessageId = 'disabled' | 'filter' | 'exclusion' | 'weakening-unknown';

/** The audit streams a sink exports in full, by its verdict; undefined when only apply can tell. */
function streamsKept(verdict: SinkAuditVerdict): readonly AuditLogStream[] | undefined {
  switch (verdict.state) {
    case 'unknown':
      return undefined;
    case 'disabled':
      return [];
    case 'keeps':
      return AUDIT_LOG_STREAMS;
    case 'filter':
    case 'exclusion':
      return AUDIT_LOG_STREAMS.filter((s) => !verdict.streams.includes(s));
  }
}

/** The sink as it was before the change: its `before` values, all known (they are the current state). */
function asBefore(sink: Resource, before: Readonly<Record<string, unknown>>): Resource {
  return { ...sink, values: before, unknown: {}, before: undefined };
}

export default resourceRule<MessageId>({
  meta: {
    id: 'change-no-weakened-logging',
    description: 'Do not change an existing organization or folder sink so that it stops exporting audit logs it exported.',
    severity: 'high',
    category: 'change',
    controls: ['CIS GCP 2.3'],
    messages: {
      disabled: 'This change disables a sink that exported audit logs ({{streams}}).',
      filter: 'This change narrows the sink filter: audit logs {{streams}} are no longer exported.',
      exclusion: 'This change adds or widens exclusion {{detail}}: audit logs {{streams}} are no longer exported.',
      'weakening-unknown': 'Whether this change keeps the audit logs the sink exported ({{streams}}) depends on {{detail}}, known only after apply.',
    },
    help:
      'An organization or folder sink is where the audit trail of everything below it leaves the projects that produce it. A change that disables it, narrows its filter (a `--` comment makes the Logging query language ignore the rest of the line) or adds an exclusion of audit entries stops that trail silently, and the plan of any team that owns the sink can make it. Revert the change; when the export really moves elsewhere, add the new sink first, then suppress this finding with a reason naming it.',
  },
  types: ['google_logging_organization_sink', 'google_logging_folder_sink'],
  check(sink, context) {
    // Only a plan of an existing sink shows what it did before; synthesized JSON and creates have no before.
    if ((sink.action !== 'update' && sink.action !== 'replace') || sink.before === undefined) return;
    const was = streamsKept(sinkAuditVerdict(asBefore(sink, sink.before)));
    if (was === undefined || was.length === 0) return;
    const after = sinkAuditVerdict(sink);
    const now = streamsKept(after);
    if (now === undefined) {
      context.unknown(sink, 'weakening-unknown', { streams: was.join(', '), detail: after.state === 'unknown' ? after.path : '' }, after.state === 'unknown' ? { path: after.path } : undefined);
      return;
    }
    const lost = was.filter((s) => !now.includes(s));
    if (lost.length === 0) return;
    const streams = lost.join(', ');
    if (after.state === 'disabled') context.report(sink, 'disabled', { streams }, { path: 'disabled' });
    else if (after.state === 'exclusion') context.report(sink, 'exclusion', { streams, detail: `"${after.exclusion}"` }, { path: 'exclusions' });
    else context.report(sink, 'filter', { streams }, { path: 'filter' });
  },
});
