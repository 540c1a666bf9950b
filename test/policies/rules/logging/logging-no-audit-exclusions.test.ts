import rule from '../../../../policies/rules/logging/logging-no-audit-exclusions';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { loggingSynth, orgSink, SINK } from './fixtures';

/** How the OrgSink construct writes the example org's exclusion: the config filter, narrowed away from audit logs. */
const SAFE_EXCLUSION = {
  name: 'drop-lb-health-checks',
  description: 'Load balancer health checks are noise and cost money.',
  filter: '(resource.type="http_load_balancer" AND httpRequest.userAgent:"GoogleHC") AND NOT logName:"/logs/cloudaudit.googleapis.com%2F"',
};
/** Google's own _Default sink filter: the _Required sink takes these three streams. */
const DEFAULT_SINK_FILTER =
  'NOT LOG_ID("cloudaudit.googleapis.com/activity") AND NOT LOG_ID("cloudaudit.googleapis.com/system_event") AND NOT LOG_ID("cloudaudit.googleapis.com/access_transparency")';
const DEFAULT_SINK = 'google_logging_project_sink.default';
const EXCLUSION = 'google_logging_organization_exclusion.debug';

const defaultSink = (extra: Record<string, unknown>) => ({
  project: 'example-app-prd',
  name: '_Default',
  destination: 'logging.googleapis.com/projects/example-app-prd/locations/global/buckets/_Default',
  filter: DEFAULT_SINK_FILTER,
  ...extra,
});
const sinkWithExclusion = (filter: string) => synth(loggingSynth({ google_logging_organization_sink: { org: orgSink({ exclusions: [{ name: 'noise', filter }] }) } }));

runRuleTests(rule, {
  valid: [
    { name: 'synth: the org sink with the example org exclusion, narrowed away from audit logs', input: { synth: synth(loggingSynth({ google_logging_organization_sink: { org: orgSink({ exclusions: [SAFE_EXCLUSION] }) } })) } },
    {
      name: 'plan: a project exclusion on a named non-audit log',
      input: { plan: plan([{ address: 'google_logging_project_exclusion.stdout', values: { project: 'example-app-npd', name: 'stdout', filter: 'log_id("stdout") AND severity<WARNING', disabled: false } }]) },
    },
    {
      name: 'plan: a disabled exclusion drops nothing',
      input: { plan: plan([{ address: EXCLUSION, values: { org_id: '123456789012', name: 'debug', filter: 'severity<=DEBUG', disabled: true } }]) },
    },
    { name: 'synth: a managed _Default sink keeping its default filter', input: { synth: synth({ google_logging_project_sink: { default: defaultSink({}) } }) } },
    {
      name: 'plan: organization settings keeping the _Default sink of new projects',
      input: { plan: plan([{ address: 'google_logging_organization_settings.org', values: { organization: '123456789012', disable_default_sink: false } }]) },
    },
    {
      name: 'plan: a disabled project sink with a narrow filter is not the _Default sink',
      input: {
        plan: plan([
          {
            address: 'google_logging_project_sink.audit',
            values: { project: 'example-app-prd', name: 'audit', destination: 'storage.googleapis.com/example-com-audit-archive', filter: 'NOT logName:"cloudaudit.googleapis.com"', disabled: true, exclusions: [] },
            unknown: { writer_identity: true },
          },
        ]),
      },
    },
    {
      name: 'plan: an audit-dropping exclusion being deleted',
      input: { plan: plan([{ address: EXCLUSION, values: { org_id: '123456789012', name: 'debug', filter: 'severity<=DEBUG' }, action: 'delete' }]) },
    },
  ],
  invalid: [
    {
      name: 'fails synth: a sink exclusion on severity alone matches audit entries',
      input: { synth: sinkWithExclusion('severity<ERROR') },
      errors: [{ messageId: 'sink-exclusion-drops-audit', address: SINK, path: 'exclusions.0.filter', message: `Sink exclusion "noise" can drop audit log entries (activity, system_event, data_access, policy, access_transparency).` }],
    },
    {
      name: 'fails plan: an exclusion is named by its name attribute, not its Terraform name',
      input: { plan: plan([{ address: EXCLUSION, values: { org_id: '123456789012', name: 'drop-debug', filter: 'logName:"cloudaudit.googleapis.com%2Fdata_access"', disabled: false } }]) },
      errors: [{ messageId: 'exclusion-drops-audit', address: EXCLUSION, path: 'filter', message: 'Log exclusion "drop-debug" can drop audit log entries (data_access).' }],
    },
    {
      name: 'fails synth: an exclusion whose name comes from a variable is named by its Terraform name',
      input: { synth: synth({ google_logging_organization_exclusion: { debug: { org_id: '123456789012', name: '${var.exclusion_name}', filter: 'severity<ERROR' } } }) },
      errors: [{ messageId: 'exclusion-drops-audit', address: EXCLUSION, path: 'filter', message: `Log exclusion "debug" can drop audit log entries (activity, system_event, data_access, policy, access_transparency).` }],
    },
    {
      name: 'fails synth (unknown): a sink exclusion filter from a variable',
      input: { synth: sinkWithExclusion('${var.noise_filter}') },
      errors: [{ messageId: 'exclusion-unknown', address: SINK, outcome: 'unknown', path: 'exclusions.0.filter', message: 'Whether "noise" drops audit logs depends on exclusions.0.filter, known only after apply.' }],
    },
    {
      name: 'fails plan: an organization exclusion naming the data_access stream',
      input: { plan: plan([{ address: EXCLUSION, values: { org_id: '123456789012', name: 'debug', filter: 'logName:"cloudaudit.googleapis.com%2Fdata_access"', disabled: false } }]) },
      errors: [{ messageId: 'exclusion-drops-audit', address: EXCLUSION }],
    },
    {
      name: 'fails plan: a sink exclusion without a filter matches everything',
      input: {
        plan: plan([{ address: SINK, values: orgSink({ exclusions: [{ name: 'all', filter: null, disabled: false, description: null }] }), unknown: { writer_identity: true } }]),
      },
      errors: [{ messageId: 'sink-exclusion-drops-audit', address: SINK }],
    },
    {
      name: 'fails synth: the _Default sink disabled',
      input: { synth: synth({ google_logging_project_sink: { default: defaultSink({ disabled: true }) } }) },
      errors: [{ messageId: 'default-sink-disabled', address: DEFAULT_SINK, path: 'disabled' }],
    },
    {
      name: 'fails plan: the _Default sink filter excludes all audit logs',
      input: { plan: plan([{ address: DEFAULT_SINK, values: defaultSink({ filter: 'NOT logName:"cloudaudit.googleapis.com"' }), action: 'update' }]) },
      errors: [{ messageId: 'default-sink-narrowed', address: DEFAULT_SINK, path: 'filter', message: 'The _Default sink filter no longer keeps audit logs (data_access, policy).' }],
    },
    {
      name: 'fails plan: organization settings disable the _Default sink of new projects',
      input: { plan: plan([{ address: 'google_logging_organization_settings.org', values: { organization: '123456789012', disable_default_sink: true } }]) },
      errors: [{ messageId: 'default-sink-disabled', address: 'google_logging_organization_settings.org', path: 'disable_default_sink' }],
    },
    {
      name: 'fails synth (unknown): organization settings whose disable_default_sink comes from a variable',
      input: { synth: synth({ google_logging_organization_settings: { org: { organization: '123456789012', disable_default_sink: '${var.disable_default_sink}' } } }) },
      errors: [
        {
          messageId: 'exclusion-unknown',
          address: 'google_logging_organization_settings.org',
          outcome: 'unknown',
          path: 'disable_default_sink',
          message: 'Whether "_Default" drops audit logs depends on disable_default_sink, known only after apply.',
        },
      ],
    },
    {
      name: 'fails synth (unknown): whether the _Default sink is disabled comes from a variable',
      input: { synth: synth({ google_logging_project_sink: { default: defaultSink({ disabled: '${var.disable_default}' }) } }) },
      errors: [{ messageId: 'exclusion-unknown', address: DEFAULT_SINK, outcome: 'unknown', path: 'disabled', message: 'Whether "_Default" drops audit logs depends on disabled, known only after apply.' }],
    },
    {
      name: 'fails plan (unknown): the _Default sink filter is known only after apply',
      input: { plan: plan([{ address: DEFAULT_SINK, values: defaultSink({ filter: null }), unknown: { filter: true }, action: 'update' }]) },
      errors: [{ messageId: 'exclusion-unknown', address: DEFAULT_SINK, outcome: 'unknown', path: 'filter', message: 'Whether "_Default" drops audit logs depends on filter, known only after apply.' }],
    },
  ],
});
