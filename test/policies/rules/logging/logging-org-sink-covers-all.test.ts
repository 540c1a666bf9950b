import rule from '../../../../policies/rules/logging/logging-org-sink-covers-all';
import { plan, runRuleTests, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';
import { BUCKET, BUCKET_URI, centralBucket, loggingSynth, ORG_ID, orgSink, SINK } from './fixtures';

const RULE = 'logging-org-sink-covers-all';

/** The org sink and its bucket as a plan shows them on first apply. */
const planOf = (sink: Record<string, unknown>, extra: PlanResourceSpec[] = [], bucketAction?: 'delete') =>
  plan([
    { address: BUCKET, values: centralBucket({ cmek_settings: [] }), action: bucketAction },
    { address: SINK, values: orgSink({ disabled: false, exclusions: [], ...sink }), unknown: { writer_identity: true, id: true } },
    ...extra,
  ]);
const synthWithSink = (sink: Record<string, unknown>) => synth(loggingSynth({ google_logging_organization_sink: { org: orgSink(sink) } }));

runRuleTests(rule, {
  valid: [
    { name: 'synth: the baseline org sink (every audit log id, include_children, the central bucket)', input: { synth: synth(loggingSynth()) } },
    { name: 'plan: the same on first apply', input: { plan: planOf({}) } },
    {
      name: 'synth: an empty filter to a storage bucket outside the input (a well-formed literal)',
      input: { synth: synth({ google_logging_organization_sink: { org: orgSink({ filter: '', destination: 'storage.googleapis.com/example-com-audit-archive' }) } }) },
    },
    {
      name: 'plan: a narrow SIEM sink beside a complete one',
      input: {
        plan: planOf({}, [
          { address: 'google_logging_organization_sink.siem', values: orgSink({ name: 'siem', filter: 'severity>=ERROR', destination: 'pubsub.googleapis.com/projects/example-logging-prd/topics/audit-to-siem' }) },
        ]),
      },
    },
    { name: 'synth: the configured organization', input: { synth: synth(loggingSynth()) }, params: { organizationId: ORG_ID } },
  ],
  invalid: [
    { name: 'fails synth: no organization sink at all', input: { synth: synth({ google_logging_project_bucket_config: { central: centralBucket() } }) }, errors: [{ messageId: 'missing', address: RULE }] },
    { name: 'fails plan: include_children false', input: { plan: planOf({ include_children: false }) }, errors: [{ messageId: 'no-include-children', address: SINK }] },
    {
      name: 'fails synth: the filter keeps Admin Activity only',
      input: { synth: synthWithSink({ filter: 'logName:"cloudaudit.googleapis.com%2Factivity"' }) },
      errors: [{ messageId: 'filter', address: SINK }],
    },
    {
      name: 'fails plan: an exclusion drops Data Access logs',
      input: { plan: planOf({ exclusions: [{ name: 'no-data-access', filter: 'log_id("cloudaudit.googleapis.com/data_access")', disabled: false, description: null }] }) },
      errors: [{ messageId: 'exclusion', address: SINK }],
    },
    { name: 'fails plan: disabled', input: { plan: planOf({ disabled: true }) }, errors: [{ messageId: 'disabled', address: SINK }] },
    { name: 'fails plan: the destination bucket is being deleted', input: { plan: planOf({}, [], 'delete') }, errors: [{ messageId: 'destination-deleted', address: SINK }] },
    {
      name: 'fails synth: a destination that is no known kind',
      input: { synth: synthWithSink({ destination: 'logging.googleapis.com/projects/example-logging-prd' }) },
      errors: [{ messageId: 'destination-unrecognised', address: SINK }],
    },
    {
      name: 'fails plan: the only org sink is being deleted',
      input: { plan: plan([{ address: SINK, values: orgSink({ destination: BUCKET_URI }), action: 'delete' }]) },
      errors: [{ messageId: 'missing', address: RULE }],
    },
    {
      name: 'fails synth: the sink exports another organization',
      input: { synth: synthWithSink({ org_id: '999999999999' }) },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'other-organization', address: SINK, path: 'org_id' }],
    },
    {
      name: 'fails synth (unknown): with an organization configured, the sink\'s organization comes from a variable',
      input: { synth: synthWithSink({ org_id: '${var.org_id}' }) },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'coverage-unknown', address: SINK, outcome: 'unknown', path: 'org_id' }],
    },
    {
      name: 'fails plan (unknown): with an organization configured, the sink\'s organization is known only after apply',
      input: {
        plan: plan([
          { address: BUCKET, values: centralBucket({ cmek_settings: [] }) },
          { address: SINK, values: orgSink({ disabled: false, exclusions: [], org_id: null }), unknown: { org_id: true, writer_identity: true, id: true }, references: { org_id: ['var.org_id'] } },
        ]),
      },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'coverage-unknown', address: SINK, outcome: 'unknown', path: 'org_id' }],
    },
    {
      name: 'fails synth (unknown): the filter comes from a variable',
      input: { synth: synthWithSink({ filter: '${var.org_sink_filter}' }) },
      errors: [{ messageId: 'coverage-unknown', address: SINK, outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): the destination is known only after apply and names no resource in the input',
      input: { plan: plan([{ address: SINK, values: orgSink({ destination: null }), unknown: { destination: true }, references: { destination: ['var.destination'] } }]) },
      errors: [{ messageId: 'coverage-unknown', address: SINK, outcome: 'unknown' }],
    },
  ],
});
