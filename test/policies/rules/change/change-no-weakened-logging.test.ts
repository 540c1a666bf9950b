import rule from '../../../../policies/rules/change/change-no-weakened-logging';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { AUDIT_FILTER, orgSink } from '../logging/fixtures';
import { planFiles } from '../../engine/corpus';
import { corpusInput } from '../secrets/corpus-input';

const FOLDER_SINK = { folder: 'folders/4242', name: 'folder-audit', destination: 'storage.googleapis.com/example-audit-archive', include_children: true, filter: 'logName:"cloudaudit.googleapis.com"' };

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: a disabled organization sink is a declaration, not a change (logging-org-sink-covers-all judges it)',
      input: { synth: synth({ google_logging_organization_sink: { org: orgSink({ disabled: true }) } }) },
    },
    {
      name: 'plan: an update that changes the destination and keeps every audit log',
      input: { plan: plan([{ address: 'google_logging_organization_sink.org', action: 'update', values: orgSink({ destination: 'storage.googleapis.com/new-archive' }), before: orgSink() }]) },
    },
    {
      name: 'plan: a folder sink that exported no audit logs is narrowed further, and one is re-enabled',
      input: {
        plan: plan([
          { address: 'google_logging_folder_sink.app', action: 'update', values: { ...FOLDER_SINK, filter: 'resource.type="gce_instance" AND severity>=ERROR' }, before: { ...FOLDER_SINK, filter: 'resource.type="gce_instance"' } },
          { address: 'google_logging_folder_sink.audit', action: 'update', values: { ...FOLDER_SINK, disabled: false }, before: { ...FOLDER_SINK, disabled: true } },
        ]),
      },
    },
    {
      name: 'plan: a disabled sink exported nothing, so a new filter known only after apply cannot take anything away',
      input: { plan: plan([{ address: 'google_logging_folder_sink.audit', action: 'update', values: { ...FOLDER_SINK, disabled: false, filter: null }, unknown: { filter: true }, before: { ...FOLDER_SINK, disabled: true } }]) },
    },
  ],
  invalid: [
    {
      name: 'fails plan: an update switches the organization sink to disabled',
      input: { plan: plan([{ address: 'google_logging_organization_sink.org', action: 'update', values: orgSink({ disabled: true }), before: orgSink({ disabled: false }) }]) },
      errors: [{ messageId: 'disabled', address: 'google_logging_organization_sink.org', path: 'disabled' }],
    },
    {
      name: 'fails plan: a folder sink filter, in a module, now drops Data Access logs behind a comment',
      input: {
        plan: plan([
          {
            address: 'module.logs.google_logging_folder_sink.audit',
            action: 'update',
            values: { ...FOLDER_SINK, filter: 'logName:"cloudaudit.googleapis.com%2Factivity" -- OR logName:"cloudaudit.googleapis.com%2Fdata_access"' },
            before: FOLDER_SINK,
          },
        ]),
      },
      errors: [{ messageId: 'filter', address: 'module.logs.google_logging_folder_sink.audit', path: 'filter' }],
    },
    {
      name: 'fails plan: an update adds an exclusion that drops Data Access logs',
      input: {
        plan: plan([
          {
            address: 'google_logging_organization_sink.org',
            action: 'update',
            values: orgSink({ exclusions: [{ name: 'noisy', filter: 'logName:"cloudaudit.googleapis.com%2Fdata_access"', disabled: false, description: '' }] }),
            before: orgSink({ exclusions: [] }),
          },
        ]),
      },
      errors: [{ messageId: 'exclusion', address: 'google_logging_organization_sink.org', path: 'exclusions' }],
    },
    {
      name: 'fails plan (unknown): the new filter of a sink that kept every audit log is known only after apply',
      input: { plan: plan([{ address: 'google_logging_organization_sink.org', action: 'update', values: orgSink({ filter: null }), unknown: { filter: true }, before: orgSink({ filter: AUDIT_FILTER }) }]) },
      errors: [{ messageId: 'weakening-unknown', address: 'google_logging_organization_sink.org', outcome: 'unknown', path: 'filter' }],
    },
    {
      name: 'fails plan: a folder sink replaced under a new name comes back exporting Admin Activity only',
      input: {
        plan: plan([
          { address: 'google_logging_folder_sink.audit', action: 'replace', values: { ...FOLDER_SINK, name: 'folder-audit-v2', filter: 'logName:"cloudaudit.googleapis.com%2Factivity"' }, before: FOLDER_SINK },
        ]),
      },
      errors: [{ messageId: 'filter', address: 'google_logging_folder_sink.audit', path: 'filter' }],
    },
  ],
}, { invalid: 'plan-only', reason: 'synthesized JSON declares the desired state and has no before: only a plan shows what a change takes away' });

describe('change-no-weakened-logging report data', () => {
  const messageOf = (spec: Parameters<typeof plan>[0][number]) => runRule(rule, { plan: plan([spec]) }).results.map((r) => r.message);

  it('names every audit stream a narrowed filter no longer exports, and only those', () => {
    expect(messageOf({ address: 'google_logging_folder_sink.audit', action: 'update', values: { ...FOLDER_SINK, filter: 'logName:"cloudaudit.googleapis.com%2Factivity"' }, before: FOLDER_SINK })).toEqual([
      'This change narrows the sink filter: audit logs system_event, data_access, policy, access_transparency are no longer exported.',
    ]);
  });

  it('names the exclusion that drops audit logs', () => {
    const exclusions = [{ name: 'noisy', filter: 'logName:"cloudaudit.googleapis.com%2Fdata_access"', disabled: false, description: '' }];
    expect(messageOf({ address: 'google_logging_organization_sink.org', action: 'update', values: orgSink({ exclusions }), before: orgSink({ exclusions: [] }) })).toEqual([
      'This change adds or widens exclusion "noisy": audit logs data_access are no longer exported.',
    ]);
  });

  it('names the streams at stake and the attribute known only after apply', () => {
    expect(messageOf({ address: 'google_logging_organization_sink.org', action: 'update', values: orgSink({ filter: null }), unknown: { filter: true }, before: orgSink({ filter: AUDIT_FILTER }) })).toEqual([
      'Whether this change keeps the audit logs the sink exported (activity, system_event, data_access, policy, access_transparency) depends on filter, known only after apply.',
    ]);
  });
});

describe('change-no-weakened-logging on the terraform-validator corpus', () => {
  it('is silent on all 104 real plans (none updates a sink)', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    expect(files.flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.outcome} ${r.messageId} ${r.address}`))).toEqual([]);
  });
});
