/**
 * evaluate(): which rules run and on what, explicit outcomes, message rendering without secrets,
 * rule exceptions as findings, and suppressions (config and inline, expired and invalid).
 */
import { rmSync } from 'node:fs';
import { evaluate, type EvaluateOptions } from '../../../policies/engine/evaluate';
import { loadModel } from '../../../policies/engine/load';
import { get, type Model } from '../../../policies/engine/model';
import { paramsFromConfig } from '../../../policies/config/adapter';
import { modelRule, resourceRule, type Rule } from '../../../policies/engine/rule';
import type { Pack } from '../../../policies/packs';
import { exitCodeOf } from '../../../policies/report/verdict';
import { modelOf, plan, synth } from '../../../policies/testing/rule-tester';
import { writeCdktfOut } from './cdktf-out-fixture';

const NOW = new Date('2026-11-27T12:00:00Z');
const params = paramsFromConfig(undefined, NOW);

const seen: string[] = [];
const noOwner = resourceRule({
  meta: {
    id: 'test-no-owner',
    description: 'Grant no owner.',
    severity: 'medium',
    category: 'iam',
    controls: ['CIS GCP 1.6'],
    messages: { owner: 'Grants {{role}} to {{member}}.', unknown: 'Role of {{member}} known after apply.' },
    help: 'h',
  },
  types: ['google_project_iam_member', 'google_folder_iam_member'],
  check(resource, context) {
    seen.push(resource.id);
    const role = get<string>(resource, 'role');
    const member = get<string>(resource, 'member');
    const shown = member.state === 'known' ? member.value : '?';
    if (role.state === 'unknown') context.unknown(resource, 'unknown', { member: shown });
    else if (role.state === 'known' && role.value === 'roles/owner') context.report(resource, 'owner', { role: role.value, member: shown }, { path: 'role' });
  },
});

const everything = resourceRule({
  meta: { ...noOwner.meta, id: 'test-everything', messages: { x: 'x' } },
  types: ['*'],
  check(resource) {
    seen.push(`*:${resource.id}`);
  },
});

const leaky = resourceRule({
  meta: { ...noOwner.meta, id: 'test-leaky', messages: { leak: 'Value is {{value}}; name is {{name}}; missing is {{missing}}.' } },
  types: ['google_secret_manager_secret_version'],
  check(resource, context) {
    const v = resource.values as Record<string, string>;
    context.report(resource, 'leak', { value: v.secret_data, name: v.secret });
  },
});

const noSink = modelRule({
  meta: { ...noOwner.meta, id: 'test-no-sink', category: 'logging', messages: { missing: 'No org sink.' } },
  check(context) {
    if (context.model.byType('google_logging_organization_sink').length === 0) context.reportMissing('missing');
  },
});

const nothingToJudge = modelRule({
  meta: { ...noOwner.meta, id: 'test-nothing', messages: { x: 'x' } },
  check(context) {
    context.notApplicable('no log buckets');
  },
});

const throws = resourceRule({
  meta: { ...noOwner.meta, id: 'test-throws', severity: 'low' },
  types: ['google_project_iam_member'],
  check() {
    throw new TypeError('cannot read x of undefined\n    at check (rule.ts:1:1)');
  },
});

const badMessage = modelRule({
  meta: { ...noOwner.meta, id: 'test-bad-message' },
  check(context) {
    (context.reportMissing as (id: string) => void)('not-a-message');
  },
});

function packOf(...rules: (string | [string, 'critical' | 'high' | 'medium' | 'low'])[]): Pack {
  return { name: 'all', description: 'test', rules: rules.map((r) => (typeof r === 'string' ? { rule: r } : { rule: r[0], severity: r[1] })) };
}

function run(model: Model, rules: Rule[], pack: Pack, extra: Partial<EvaluateOptions> = {}) {
  seen.length = 0;
  return evaluate(model, { rules, pack, params, ...extra });
}

const iamModel = modelOf({
  synth: synth({
    google_project_iam_member: {
      owner: { project: 'p', role: 'roles/owner', member: 'user:a@example.com' },
      viewer: { project: 'p', role: 'roles/browser', member: 'user:b@example.com' },
      later: { project: 'p', role: '${var.role}', member: 'user:c@example.com' },
    },
    google_folder_iam_member: { f: { folder: 'folders/1', role: 'roles/owner', member: 'group:g@example.com' } },
    google_storage_bucket: { b: { name: 'b', location: 'EU' } },
  }, { data: { google_iam_policy: { p: { binding: [] } } } }),
});

describe('which rules run, on what', () => {
  it('runs only the rules in the pack, with the pack\'s severity', () => {
    const evaluation = run(iamModel, [noOwner, noSink], packOf(['test-no-owner', 'critical']));
    expect(evaluation.rules.map((r) => [r.ruleId, r.severity, r.outcome, r.examined])).toEqual([['test-no-owner', 'critical', 'finding', 4]]);
    expect(evaluation.results.map((r) => [r.ruleId, r.severity, r.address, r.messageId, r.outcome, r.path])).toEqual([
      ['test-no-owner', 'critical', 'google_project_iam_member.owner', 'owner', 'finding', 'role'],
      ['test-no-owner', 'critical', 'google_project_iam_member.later', 'unknown', 'unknown', undefined],
      ['test-no-owner', 'critical', 'google_folder_iam_member.f', 'owner', 'finding', 'role'],
    ]);
  });

  it('hands a resource rule only the resources of its types, and * only managed resources', () => {
    run(iamModel, [noOwner, everything], packOf('test-no-owner', 'test-everything'));
    expect(seen).toEqual([
      'google_project_iam_member.owner',
      'google_project_iam_member.viewer',
      'google_project_iam_member.later',
      'google_folder_iam_member.f',
      '*:google_project_iam_member.owner',
      '*:google_project_iam_member.viewer',
      '*:google_project_iam_member.later',
      '*:google_folder_iam_member.f',
      '*:google_storage_bucket.b',
    ]);
  });

  it('reports a pack rule that is not loaded as an error outcome, never a silent pass', () => {
    const evaluation = run(iamModel, [], packOf('test-missing'));
    expect(evaluation.rules).toEqual([{ ruleId: 'test-missing', severity: 'high', outcome: 'error', reason: 'pack all names rule test-missing, which is not loaded' }]);
  });

  it('describes the evaluation', () => {
    const evaluation = run(iamModel, [noSink], packOf('test-no-sink'));
    expect({ ...evaluation, results: evaluation.results.length, rules: evaluation.rules.length }).toEqual({
      evaluatedAt: '2026-11-27T12:00:00.000Z',
      inputKind: 'synth-json',
      sources: ['cdk.tf.json'],
      pack: 'all',
      resourceCount: 6,
      results: 1,
      rules: 1,
      suppressions: [],
    });
  });
});

describe('outcomes', () => {
  it('gives each rule an explicit outcome with what it examined', () => {
    const empty = modelOf({ synth: synth({ google_storage_bucket: { b: { name: 'b' } } }) });
    const evaluation = run(empty, [noOwner, noSink, nothingToJudge, everything, throws], packOf('test-no-owner', 'test-no-sink', 'test-nothing', 'test-everything', 'test-throws'));
    expect(evaluation.rules).toEqual([
      { ruleId: 'test-no-owner', severity: 'medium', examined: 0, outcome: 'not-applicable', reason: 'no resources of the types this rule checks' },
      { ruleId: 'test-no-sink', severity: 'medium', examined: undefined, outcome: 'finding' },
      { ruleId: 'test-nothing', severity: 'medium', examined: undefined, outcome: 'not-applicable', reason: 'no log buckets' },
      { ruleId: 'test-everything', severity: 'medium', examined: 1, outcome: 'pass' },
      { ruleId: 'test-throws', severity: 'low', examined: 0, outcome: 'not-applicable', reason: 'no resources of the types this rule checks' },
    ]);
  });

  it('says unknown when the only results are unknown', () => {
    const model = modelOf({ synth: synth({ google_project_iam_member: { later: { project: 'p', role: '${var.role}', member: 'user:c@example.com' } } }) });
    expect(run(model, [noOwner], packOf('test-no-owner')).rules[0].outcome).toBe('unknown');
  });

  it('places a missing-resource finding at the rule id', () => {
    const [result] = run(iamModel, [noSink], packOf('test-no-sink')).results;
    expect(result).toEqual({ ruleId: 'test-no-sink', severity: 'medium', category: 'logging', controls: ['CIS GCP 1.6'], messageId: 'missing', message: 'No org sink.', outcome: 'finding', resourceId: 'test-no-sink', address: 'test-no-sink', path: undefined });
  });
});

describe('severity of a result', () => {
  const escalating = resourceRule({
    meta: { ...noOwner.meta, id: 'test-escalating', severity: 'medium', messages: { m: 'm' } },
    types: ['google_project_iam_member'],
    check(resource, context) {
      if (resource.name === 'owner') context.report(resource, 'm', {}, { severity: 'critical' });
      else context.report(resource, 'm');
    },
  });

  it('takes the severity a rule gives one finding, unless the pack sets the rule\'s severity', () => {
    const bySeverity = (pack: Pack) => run(iamModel, [escalating], pack).results.map((r) => [r.address, r.severity]);
    expect(bySeverity(packOf('test-escalating'))).toEqual([
      ['google_project_iam_member.owner', 'critical'],
      ['google_project_iam_member.viewer', 'medium'],
      ['google_project_iam_member.later', 'medium'],
    ]);
    expect(bySeverity(packOf(['test-escalating', 'low']))).toEqual([
      ['google_project_iam_member.owner', 'low'],
      ['google_project_iam_member.viewer', 'low'],
      ['google_project_iam_member.later', 'low'],
    ]);
  });
});

describe('input not read', () => {
  it('is an unknown per module call, identified by stack and address, in category change', () => {
    const dir = writeCdktfOut({ net: { ...synth({}), module: { network: { source: 'terraform-google-modules/network/google' } } } });
    try {
      const evaluation = run(loadModel(dir), [noOwner], packOf('test-no-owner'));
      expect(evaluation.results.map((r) => [r.ruleId, r.resourceId, r.address, r.stack, r.severity, r.category, r.controls, r.outcome])).toEqual([
        ['input-not-read', 'net/module.network', 'module.network', 'net', 'high', 'change', [], 'unknown'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rule errors', () => {
  it('fails a throwing rule into a rule-error finding per resource, first line of the error only', () => {
    const evaluation = run(iamModel, [throws], packOf(['test-throws', 'high']));
    expect(evaluation.rules).toEqual([{ ruleId: 'test-throws', severity: 'high', examined: 3, outcome: 'error', reason: 'the rule failed; see its rule-error results' }]);
    expect(evaluation.results.map((r) => [r.messageId, r.address, r.outcome, r.severity, r.message])).toEqual(
      ['owner', 'viewer', 'later'].map((n) => ['rule-error', `google_project_iam_member.${n}`, 'finding', 'critical', 'Rule test-throws failed: TypeError: cannot read x of undefined']),
    );
  });

  it('fails the default gate when a low-severity rule throws: a rule that could not judge never passes', () => {
    const evaluation = run(iamModel, [throws], packOf(['test-throws', 'low']));
    expect(evaluation.results.map((r) => r.severity)).toEqual(['critical', 'critical', 'critical']);
    expect(exitCodeOf(evaluation)).toBe(1);
  });

  it('cuts a long first line of the error to 200 characters', () => {
    const long = resourceRule({ ...throws, meta: { ...throws.meta, id: 'test-long' }, check: () => { throw new Error('x'.repeat(300)); } });
    const messages = run(iamModel, [long], packOf('test-long')).results.map((r) => r.message);
    const text = `Error: ${'x'.repeat(300)}`;
    expect(messages[0]).toBe(`Rule test-long failed: ${text.slice(0, 197)}...`);
    const exact = resourceRule({ ...throws, meta: { ...throws.meta, id: 'test-exact' }, check: () => { throw new Error('y'.repeat(193)); } });
    expect(run(iamModel, [exact], packOf('test-exact')).results[0].message).toBe(`Rule test-exact failed: Error: ${'y'.repeat(193)}`);
  });

  it('fails a rule that reports a message id it does not declare', () => {
    const evaluation = run(iamModel, [badMessage], packOf('test-bad-message'));
    expect(evaluation.results.map((r) => [r.messageId, r.address, r.message])).toEqual([
      ['rule-error', 'test-bad-message', 'Rule test-bad-message failed: Error: reported unknown message id "not-a-message"'],
    ]);
  });
});

describe('messages never carry sensitive values', () => {
  it('renders {{name}} from report data, replacing a value found at a sensitive path (plan)', () => {
    const model = modelOf({ plan: plan([{ address: 'google_secret_manager_secret_version.v', values: { secret: 'projects/p/secrets/s', secret_data: 's3cr3t-payload' }, sensitive: { secret_data: true } }]) });
    const [result] = run(model, [leaky], packOf('test-leaky')).results;
    expect(result.message).toBe('Value is (sensitive); name is projects/p/secrets/s; missing is {{missing}}.');
  });

  it('redacts provider-sensitive attributes of synthesized JSON too', () => {
    const model = modelOf({ synth: synth({ google_secret_manager_secret_version: { v: { secret: 's', secret_data: 'hunter2-hunter2' } } }) });
    expect(run(model, [leaky], packOf('test-leaky')).results[0].message).toBe('Value is (sensitive); name is s; missing is {{missing}}.');
  });

  it('redacts data that contains a sensitive value, and values of a wholly sensitive resource', () => {
    const containing = resourceRule({ ...leaky, meta: { ...leaky.meta, id: 'test-containing' }, check: (r, c) => c.report(r, 'leak', { value: `prefix ${(r.values as Record<string, string>).secret_data} suffix`, name: (r.values as Record<string, string>).secret }) });
    const model = modelOf({ plan: plan([{ address: 'google_secret_manager_secret_version.v', values: { secret: 'visible-name', secret_data: 'long-secret-value' }, sensitive: true as unknown as object }]) });
    expect(run(model, [containing], packOf('test-containing')).results[0].message).toBe('Value is (sensitive); name is (sensitive); missing is {{missing}}.');
  });
});

describe('config suppressions', () => {
  const suppress = (address: string, expires = '2027-01-01', reason = 'accepted until migration') => ({ rule: 'test-no-owner', address, reason, expires });

  it('suppresses matching results by address glob and counts the use', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('google_project_iam_member.*'), suppress('google_storage_bucket.*')] });
    expect(evaluation.results.map((r) => [r.address, r.suppression?.address])).toEqual([
      ['google_project_iam_member.owner', 'google_project_iam_member.*'],
      ['google_project_iam_member.later', 'google_project_iam_member.*'],
      ['google_folder_iam_member.f', undefined],
    ]);
    expect(evaluation.suppressions).toEqual([
      { source: 'config', rule: 'test-no-owner', address: 'google_project_iam_member.*', reason: 'accepted until migration', expires: '2027-01-01', used: 2, expired: false },
      { source: 'config', rule: 'test-no-owner', address: 'google_storage_bucket.*', reason: 'accepted until migration', expires: '2027-01-01', used: 0, expired: false },
    ]);
    expect(evaluation.rules[0].outcome).toBe('finding');
  });

  it('passes a rule whose every result is suppressed, saying so', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('**')] });
    expect(evaluation.rules[0]).toEqual({ ruleId: 'test-no-owner', severity: 'medium', examined: 4, outcome: 'pass', reason: '3 result(s) suppressed' });
  });

  it('still applies a suppression on the day it expires', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('google_folder_iam_member.f', '2026-11-27')] });
    expect(evaluation.results.filter((r) => r.suppression).map((r) => r.address)).toEqual(['google_folder_iam_member.f']);
  });

  it('fails an expired suppression into a suppression-expired finding on the address it matched', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('google_folder_iam_member.f', '2026-11-26')] });
    expect(evaluation.results.map((r) => [r.ruleId, r.messageId, r.address, r.severity, r.category, r.suppression])).toEqual([
      ['test-no-owner', 'owner', 'google_project_iam_member.owner', 'medium', 'iam', undefined],
      ['test-no-owner', 'unknown', 'google_project_iam_member.later', 'medium', 'iam', undefined],
      ['test-no-owner', 'owner', 'google_folder_iam_member.f', 'medium', 'iam', undefined],
      ['suppression-expired', 'suppression-expired', 'google_folder_iam_member.f', 'high', 'iam', undefined],
    ]);
    expect(evaluation.suppressions[0]).toMatchObject({ used: 0, expired: true });
  });

  it('fails an expired suppression that matches nothing into a finding at "suppressions"', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('google_nothing.*', '2025-01-01')] });
    expect(evaluation.results.filter((r) => r.ruleId === 'suppression-expired').map((r) => [r.address, r.resourceId, r.message])).toEqual([
      ['suppressions', 'suppressions', 'The config suppression of test-no-owner for "google_nothing.*" expired on 2025-01-01 and no longer applies.'],
    ]);
  });

  it('does not apply a suppression with a reason shorter than 10 characters', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('**', '2027-01-01', 'because')] });
    expect(evaluation.results.filter((r) => r.suppression)).toEqual([]);
  });

  it('matches globs against <stack>/<address> and <address> in a cdktf.out', () => {
    const dir = writeCdktfOut({
      iam: synth({ google_project_iam_member: { owner: { project: 'p', role: 'roles/owner', member: 'user:a@example.com' } } }),
      org: synth({ google_folder_iam_member: { f: { folder: 'folders/1', role: 'roles/owner', member: 'group:g@example.com' } } }),
    });
    try {
      const model = loadModel(dir);
      const evaluation = run(model, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('iam/google_project_iam_member.*'), suppress('google_folder_iam_member.f')] });
      expect(evaluation.results.map((r) => [r.resourceId, r.address, r.stack, r.suppression?.address])).toEqual([
        ['iam/google_project_iam_member.owner', 'google_project_iam_member.owner', 'iam', 'iam/google_project_iam_member.*'],
        ['org/google_folder_iam_member.f', 'google_folder_iam_member.f', 'org', 'google_folder_iam_member.f'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('silences only the rule it names: another rule on the same resource still reports', () => {
    const alsoOwner = resourceRule({ ...noOwner, meta: { ...noOwner.meta, id: 'test-also-owner' } });
    const evaluation = run(iamModel, [noOwner, alsoOwner], packOf('test-no-owner', 'test-also-owner'), { suppressions: [suppress('google_project_iam_member.owner')] });
    expect(evaluation.results.filter((r) => r.address === 'google_project_iam_member.owner').map((r) => [r.ruleId, r.suppression?.rule])).toEqual([
      ['test-no-owner', 'test-no-owner'],
      ['test-also-owner', undefined],
    ]);
    expect(evaluation.rules.map((r) => [r.ruleId, r.outcome])).toEqual([
      ['test-no-owner', 'finding'],
      ['test-also-owner', 'finding'],
    ]);
  });

  it('silences only the addresses its glob matches, by resource id or address', () => {
    const evaluation = run(iamModel, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('google_folder_*')] });
    expect(evaluation.results.map((r) => [r.address, r.suppression !== undefined])).toEqual([
      ['google_project_iam_member.owner', false],
      ['google_project_iam_member.later', false],
      ['google_folder_iam_member.f', true],
    ]);
  });

  it('matches an exact <stack>/<address> or a bare address holding brackets in a cdktf.out', () => {
    const member = { project: 'p', role: 'roles/owner', member: 'user:a@example.com' };
    const dir = writeCdktfOut({ iam: synth({ google_project_iam_member: { 'owner[0]': member, 'other[1]': member } }) });
    try {
      const evaluation = run(loadModel(dir), [noOwner], packOf('test-no-owner'), {
        suppressions: [suppress('iam/google_project_iam_member.owner[0]'), suppress('google_project_iam_member.other[1]')],
      });
      expect(evaluation.results.map((r) => [r.resourceId, r.suppression?.address])).toEqual([
        ['iam/google_project_iam_member.owner[0]', 'iam/google_project_iam_member.owner[0]'],
        ['iam/google_project_iam_member.other[1]', 'google_project_iam_member.other[1]'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('matches an exact address holding brackets, which a glob would read as a character class', () => {
    const model = modelOf({ plan: plan([{ address: 'module.m["a"].google_project_iam_member.owner[0]', values: { project: 'p', role: 'roles/owner', member: 'user:a@example.com' } }]) });
    const evaluation = run(model, [noOwner], packOf('test-no-owner'), { suppressions: [suppress('module.m["a"].google_project_iam_member.owner[0]')] });
    expect(evaluation.results.map((r) => r.suppression?.source)).toEqual(['config']);
  });
});

describe('inline suppressions', () => {
  const withInline = (suppressions: object[]) =>
    modelOf({ synth: synth({ google_project_iam_member: { owner: { project: 'p', role: 'roles/owner', member: 'user:a@example.com', '//': { baseline: { suppressions } } } } }) });

  it('applies a valid inline suppression to its own resource and rule', () => {
    const evaluation = run(withInline([{ rule: 'test-no-owner', reason: 'owner until the migration', expires: '2027-06-30' }]), [noOwner], packOf('test-no-owner'));
    expect(evaluation.results.map((r) => [r.address, r.suppression])).toEqual([
      ['google_project_iam_member.owner', { source: 'inline', rule: 'test-no-owner', address: 'google_project_iam_member.owner', reason: 'owner until the migration', expires: '2027-06-30' }],
    ]);
    expect(evaluation.suppressions.map((s) => [s.source, s.used, s.expired])).toEqual([['inline', 1, false]]);
  });

  test.each([
    ['no reason', { rule: 'test-no-owner', expires: '2027-01-01' }, 'reason shorter than 10 characters'],
    ['no expiry', { rule: 'test-no-owner', reason: 'owner until the migration' }, 'no expiry'],
    ['a bad date', { rule: 'test-no-owner', reason: 'owner until the migration', expires: '2027-02-30' }, 'expires is not a YYYY-MM-DD date'],
  ])('fails an inline suppression with %s into suppression-invalid, not applied', (_what, suppression, problem) => {
    const evaluation = run(withInline([suppression]), [noOwner], packOf('test-no-owner'));
    expect(evaluation.results.map((r) => [r.ruleId, r.messageId, r.address, r.severity, r.suppression, r.message])).toEqual([
      ['test-no-owner', 'owner', 'google_project_iam_member.owner', 'medium', undefined, 'Grants roles/owner to user:a@example.com.'],
      ['suppression-invalid', 'suppression-invalid', 'google_project_iam_member.owner', 'high', undefined, `The inline suppression of test-no-owner on google_project_iam_member.owner is not applied: ${problem}.`],
    ]);
  });

  it('silences its own resource only, and only for the rule it names', () => {
    const alsoOwner = resourceRule({ ...noOwner, meta: { ...noOwner.meta, id: 'test-also-owner' } });
    const model = modelOf({
      synth: synth({
        google_project_iam_member: {
          owner: { project: 'p', role: 'roles/owner', member: 'user:a@example.com', '//': { baseline: { suppressions: [{ rule: 'test-no-owner', reason: 'owner until the migration', expires: '2027-06-30' }] } } },
          other: { project: 'p', role: 'roles/owner', member: 'user:b@example.com' },
        },
      }),
    });
    const evaluation = run(model, [noOwner, alsoOwner], packOf('test-no-owner', 'test-also-owner'));
    expect(evaluation.results.map((r) => [r.ruleId, r.address, r.suppression?.source])).toEqual([
      ['test-no-owner', 'google_project_iam_member.owner', 'inline'],
      ['test-no-owner', 'google_project_iam_member.other', undefined],
      ['test-also-owner', 'google_project_iam_member.owner', undefined],
      ['test-also-owner', 'google_project_iam_member.other', undefined],
    ]);
    expect(evaluation.suppressions.map((s) => [s.rule, s.used])).toEqual([['test-no-owner', 1]]);
  });

  it('names every problem of an invalid inline suppression, a missing rule included', () => {
    const evaluation = run(withInline([{ rule: '', reason: 'short' }]), [noOwner], packOf('test-no-owner'));
    expect(evaluation.results.filter((r) => r.ruleId === 'suppression-invalid').map((r) => r.message)).toEqual([
      'The inline suppression of (no rule) on google_project_iam_member.owner is not applied: no rule, reason shorter than 10 characters, no expiry.',
    ]);
  });

  it('fails an expired inline suppression that silenced nothing into a finding on its own resource, in its rule\'s category', () => {
    // GIVEN a member the rule has nothing to say about, carrying an expired suppression of that rule and one of a rule not loaded
    const model = modelOf({
      synth: synth({
        google_project_iam_member: {
          viewer: {
            project: 'p',
            role: 'roles/browser',
            member: 'user:b@example.com',
            '//': { baseline: { suppressions: [{ rule: 'test-no-owner', reason: 'owner until the migration', expires: '2026-01-01' }, { rule: 'test-gone', reason: 'a rule since removed', expires: '2026-01-01' }] } },
          },
        },
      }),
    });
    const evaluation = run(model, [noOwner], packOf('test-no-owner'));
    expect(evaluation.results.map((r) => [r.ruleId, r.address, r.resourceType, r.severity, r.category, r.controls, r.outcome])).toEqual([
      ['suppression-expired', 'google_project_iam_member.viewer', 'google_project_iam_member', 'high', 'iam', [], 'finding'],
      ['suppression-expired', 'google_project_iam_member.viewer', 'google_project_iam_member', 'high', 'change', [], 'finding'],
    ]);
  });

  it('fails an expired inline suppression into suppression-expired on its resource', () => {
    const evaluation = run(withInline([{ rule: 'test-no-owner', reason: 'owner until the migration', expires: '2026-01-01' }]), [noOwner], packOf('test-no-owner'));
    expect(evaluation.results.map((r) => [r.ruleId, r.address, r.suppression])).toEqual([
      ['test-no-owner', 'google_project_iam_member.owner', undefined],
      ['suppression-expired', 'google_project_iam_member.owner', undefined],
    ]);
  });
});
