import { modelRule } from '../../engine/rule';
import { type Resource } from '../../engine/model';
import { liveSinks, sinkNodeKey } from '../../gcp/sinks';
import { sinkCoverage, type SinkCoverage } from '../../gcp/sink-coverage';

type MessageId =
  | 'missing'
  | 'no-include-children'
  | 'disabled'
  | 'filter'
  | 'exclusion'
  | 'destination-deleted'
  | 'destination-unrecognised'
  | 'other-organization'
  | 'coverage-unknown';

type Verdict = SinkCoverage | { readonly state: 'other-organization'; readonly organization: string };

export default modelRule<MessageId>({
  meta: {
    id: 'logging-org-sink-covers-all',
    description: 'Export every audit log of the organization through an organization sink with include_children to a destination that exists.',
    severity: 'high',
    category: 'logging',
    controls: ['CIS GCP 2.3'],
    messages: {
      missing: 'No organization sink (google_logging_organization_sink) exports the audit logs of the whole organization.',
      'no-include-children': 'Organization sink does not set include_children = true: it exports only logs of the organization resource itself.',
      disabled: 'Organization sink is disabled.',
      filter: 'Organization sink filter does not keep every audit log stream ({{detail}} not kept).',
      exclusion: 'Organization sink exclusion {{detail}} can drop audit logs.',
      'destination-deleted': 'Organization sink writes to {{detail}}, which this change deletes.',
      'destination-unrecognised': 'Organization sink destination {{detail}} is not a log bucket, Cloud Storage bucket, Pub/Sub topic or BigQuery dataset.',
      'other-organization': 'Sink exports organization {{detail}}, not the configured organization.',
      'coverage-unknown': 'Whether this organization sink covers every audit log depends on {{attribute}}, known only after apply.',
    },
    help:
      'CIS GCP 2.3 (2.2 in v4.0) asks for one place that receives every audit log of every project, folder and the organization, out of reach of project owners. Create a `google_logging_organization_sink` with `include_children = true`, an empty filter (or one that keeps `logName:"cloudaudit.googleapis.com"`), no exclusion that matches audit entries, and a destination that exists (a locked log bucket is the usual choice).',
  },
  check(context) {
    const { model, params } = context;
    const sinks = liveSinks(model, ['google_logging_organization_sink']);
    if (sinks.length === 0) {
      context.reportMissing('missing');
      return;
    }
    const organization = params.organizationId === undefined ? undefined : `organizations/${params.organizationId}`;
    const verdicts = new Map<Resource, Verdict>();
    for (const sink of sinks) {
      let verdict: Verdict = sinkCoverage(model, sink, true);
      if (verdict.state === 'covers' && organization !== undefined) {
        const key = sinkNodeKey(model, sink);
        if (key === undefined) verdict = { state: 'unknown', attribute: 'org_id' };
        else if (key !== organization) verdict = { state: 'other-organization', organization: key };
      }
      if (verdict.state === 'covers') return;
      verdicts.set(sink, verdict);
    }
    // One undecided sink might be the one that covers: report the open question, not the others' failures.
    const undecided = [...verdicts].filter(([, v]) => v.state === 'unknown');
    if (undecided.length > 0) {
      for (const [sink, verdict] of undecided) {
        if (verdict.state === 'unknown') context.unknown(sink, 'coverage-unknown', { attribute: verdict.attribute }, { path: verdict.attribute });
      }
      return;
    }
    for (const [sink, verdict] of verdicts) {
      if (verdict.state === 'other-organization') context.report(sink, 'other-organization', { detail: verdict.organization }, { path: 'org_id' });
      else if (verdict.state === 'fails') context.report(sink, verdict.reason, { detail: verdict.detail });
    }
  },
});
