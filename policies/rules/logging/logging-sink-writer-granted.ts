import { SINK_WRITER_ROLE } from '../../catalog/roles';
import { get, type Grant } from '../../engine/model';
import { resourceRule } from '../../engine/rule';
import { lastSegment, sameIdentifier } from '../../engine/values';
import { grantingResource, liveGrants } from '../../gcp/iam-grants';
import { displayValue } from '../../gcp/principals';
import { describeDestination, resolveSinkDestination } from '../../gcp/sink-destinations';
import { grantIsForWriter, writerGrantScope } from '../../gcp/sink-writers';
import { SINK_TYPES } from '../../gcp/sinks';

type MessageId = 'missing-grant' | 'broader-scope' | 'extra-grant' | 'grant-unknown' | 'destination-unknown' | 'destination-unrecognised';

export default resourceRule<MessageId>({
  meta: {
    id: 'logging-sink-writer-granted',
    description: "Grant each sink's writer identity exactly the role its destination needs, on that destination only.",
    severity: 'high',
    category: 'logging',
    controls: [],
    messages: {
      'missing-grant': 'Sink writer identity is not granted {{role}} on its destination {{destination}}: the sink will fail to write and logs are lost.',
      'broader-scope': 'Sink writer identity holds {{role}} at {{level}} level, wider than its destination {{destination}}.',
      'extra-grant': 'Sink writer identity also holds {{role}} on {{target}}; it needs only {{needed}} on {{destination}}.',
      'grant-unknown': 'Whether the sink writer identity holds {{role}} on {{destination}} is known only after apply.',
      'destination-unknown': 'Sink destination is known only after apply, so the role its writer identity needs is undecided.',
      'destination-unrecognised': 'Sink destination {{destination}} is not a log bucket, Cloud Storage bucket, Pub/Sub topic or BigQuery dataset; its writer role is undecided.',
    },
    help:
      "A sink writes as its own service account (`writer_identity`); without a grant on the destination every export fails silently, and a broader grant lets that identity write elsewhere. Grant exactly one role on exactly the destination: `roles/logging.bucketWriter` on the log bucket's project (optionally conditioned on the bucket), `roles/storage.objectCreator` on the Cloud Storage bucket, `roles/pubsub.publisher` on the topic, `roles/bigquery.dataEditor` on the dataset, with `member = <sink>.writer_identity`.",
  },
  types: Object.keys(SINK_TYPES),
  check(sink, context) {
    if (sink.action === 'delete') return;
    const { model } = context;
    const destination = resolveSinkDestination(model, sink);
    if (destination.state === 'unknown') {
      context.unknown(sink, 'destination-unknown', {}, { path: 'destination' });
      return;
    }
    if (destination.state === 'unrecognised') {
      context.report(sink, 'destination-unrecognised', { destination: destination.display }, { path: 'destination' });
      return;
    }
    const role = SINK_WRITER_ROLE[destination.kind];
    const shown = describeDestination(destination);
    // A project sink writing to a log bucket in its own project needs no grant: Logging writes there itself.
    if (sink.type === 'google_logging_project_sink' && destination.state === 'resource' && destination.resource.type === 'google_logging_project_bucket_config') {
      if (sameIdentifier(model, get(sink, 'project'), get(destination.resource, 'project'), lastSegment) === 'yes') return;
    }
    let granted = false;
    let undecided = false;
    for (const grant of liveGrants(model)) {
      const forWriter = grantIsForWriter(model, grant, sink);
      if (forWriter === 'no') continue;
      const grantRole = grant.role.state === 'known' ? grant.role.value : undefined;
      const scope = writerGrantScope(model, grant, destination);
      if (forWriter === 'unknown' || grantRole === undefined) {
        if ((grantRole === undefined || grantRole === role) && scope !== 'elsewhere') undecided = true;
        continue;
      }
      const where = grantingResource(model, grant);
      if (grantRole !== role) {
        context.report(where, 'extra-grant', { role: grantRole, target: targetName(grant), needed: role, destination: shown }, { path: grant.path });
      } else if (scope === 'destination') {
        granted = true;
      } else if (scope === 'wider') {
        context.report(where, 'broader-scope', { role, level: grant.target.level, destination: shown }, { path: grant.path });
      } else if (scope === 'elsewhere') {
        context.report(where, 'extra-grant', { role, target: targetName(grant), needed: role, destination: shown }, { path: grant.path });
      } else {
        undecided = true;
      }
    }
    if (granted) return;
    if (undecided) context.unknown(sink, 'grant-unknown', { role, destination: shown });
    else context.report(sink, 'missing-grant', { role, destination: shown });
  },
});

/** `google_storage_bucket other-bucket`: what a grant is on, for messages. */
function targetName(grant: Grant): string {
  return `${grant.target.type} ${displayValue(grant.target.id)}`;
}
