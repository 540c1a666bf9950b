/**
 * The RuleTester itself: its builders produce input the real loaders read back faithfully, and it
 * runs a rule over both formats. Uses a tiny inline rule so the tester does not depend on rule files.
 */
import { get } from '../../../policies/engine/model';
import { modelRule, resourceRule } from '../../../policies/engine/rule';
import { modelOf, plan, runRule, runRuleTests, synth } from '../../../policies/testing/rule-tester';

const noPublicBuckets = resourceRule({
  meta: {
    id: 'test-no-public-buckets',
    description: 'Grant nothing on buckets to allUsers.',
    severity: 'high',
    category: 'iam',
    controls: [],
    messages: { public: 'Bucket grant to {{member}}.', unknown: 'Member known only after apply.' },
    help: 'Test rule.',
  },
  types: ['google_storage_bucket_iam_member'],
  check(resource, context) {
    const member = get<string>(resource, 'member');
    if (member.state === 'unknown') context.unknown(resource, 'unknown');
    else if (member.state === 'known' && member.value === 'allUsers') context.report(resource, 'public', { member: member.value }, { path: 'member' });
  },
});

/** Registers the cases with the RuleTester, then runs the one named "case": whether it passes or fails. */
function verdictOfCase(cases: Parameters<typeof runRuleTests>[1]): 'passes' | 'fails' {
  const tests: (() => void)[] = [];
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: globals.describe, it: globals.it };
  globals.describe = (_: string, fn: () => void) => fn();
  globals.it = (name: string, fn: () => void) => {
    if (name === 'case') tests.push(fn);
  };
  try {
    runRuleTests(noPublicBuckets, cases);
  } finally {
    Object.assign(globals, saved);
  }
  try {
    tests[0]();
    return 'passes';
  } catch {
    return 'fails';
  }
}

runRuleTests(noPublicBuckets, {
  valid: [
    { name: 'a group member (synth)', input: { synth: synth({ google_storage_bucket_iam_member: { m: { bucket: 'b', role: 'roles/storage.objectViewer', member: 'group:a@example.com' } } }) } },
    { name: 'a group member (plan)', input: { plan: plan([{ address: 'google_storage_bucket_iam_member.m', values: { bucket: 'b', role: 'r', member: 'group:a@example.com' } }]) } },
  ],
  invalid: [
    {
      name: 'allUsers (synth)',
      input: { synth: synth({ google_storage_bucket_iam_member: { m: { bucket: 'b', role: 'roles/storage.objectViewer', member: 'allUsers' } } }) },
      errors: [{ messageId: 'public', address: 'google_storage_bucket_iam_member.m' }],
    },
    {
      name: 'allUsers in a module instance (plan)',
      input: { plan: plan([{ address: 'module.m["a"].google_storage_bucket_iam_member.m[0]', values: { bucket: 'b', role: 'r', member: 'allUsers' } }]) },
      errors: [{ messageId: 'public', address: 'module.m["a"].google_storage_bucket_iam_member.m[0]', path: 'member' }],
    },
    {
      name: 'a member known only after apply (synth token)',
      input: { synth: synth({ google_storage_bucket_iam_member: { m: { bucket: 'b', role: 'r', member: 'serviceAccount:${google_service_account.sa.email}' } } }) },
      errors: [{ messageId: 'unknown', address: 'google_storage_bucket_iam_member.m', outcome: 'unknown' }],
    },
    {
      name: 'a member known only after apply (plan after_unknown)',
      input: { plan: plan([{ address: 'google_storage_bucket_iam_member.m', values: { bucket: 'b', role: 'r' }, unknown: { member: true } }]) },
      errors: [{ messageId: 'unknown', address: 'google_storage_bucket_iam_member.m', outcome: 'unknown' }],
    },
  ],
});

describe('RuleTester builders', () => {
  it('plan() round-trips address parts, action, unknown, sensitive, before and references', () => {
    const model = modelOf({
      plan: plan([
        { address: 'module.a.module.b["x"].google_secret_manager_secret_version.v[2]', values: { secret: 's', secret_data: 'hunter22' }, sensitive: { secret_data: true }, action: 'replace', before: { secret: 'old' }, references: { secret: ['google_secret_manager_secret.s.id'] } },
        { address: 'module.a.module.b["x"].google_secret_manager_secret.s', values: { secret_id: 's' } },
        { address: 'google_storage_bucket.gone', values: { name: 'gone' }, action: 'delete' },
        { address: 'data.google_iam_policy.p', values: { binding: [] } },
      ]),
    });
    const v = model.byId('module.a.module.b["x"].google_secret_manager_secret_version.v[2]')!;
    expect({ type: v.type, name: v.name, index: v.index, modulePath: v.modulePath, action: v.action, before: v.before, sensitive: v.sensitive }).toEqual({
      type: 'google_secret_manager_secret_version',
      name: 'v',
      index: 2,
      modulePath: ['module.a', 'module.b["x"]'],
      action: 'replace',
      before: { secret: 'old' },
      sensitive: { secret_data: true },
    });
    expect(v.references).toEqual([{ path: 'secret', expression: 'google_secret_manager_secret.s.id', target: 'module.a.module.b["x"].google_secret_manager_secret.s', attribute: 'id' }]);
    expect(model.byId('google_storage_bucket.gone')).toMatchObject({ action: 'delete', values: { name: 'gone' } });
    expect(model.byId('data.google_iam_policy.p')).toMatchObject({ mode: 'data', action: 'read' });
  });

  it('synth() keeps inline suppressions beside cdktf metadata', () => {
    const model = modelOf({
      synth: synth({ google_project_iam_member: { m: { project: 'p', role: 'r', member: 'user:a@example.com', '//': { baseline: { suppressions: [{ rule: 'x', reason: 'because reasons', expires: '2027-01-01' }] } } } } }),
    });
    expect(model.byId('google_project_iam_member.m')).toMatchObject({
      constructPath: 'test/m',
      inlineSuppressions: [{ rule: 'x', reason: 'because reasons', expires: '2027-01-01' }],
      values: { project: 'p', role: 'r', member: 'user:a@example.com' },
    });
  });

  it('marks resources an import adopts: a cdktf import block in synth, change.importing in a plan', () => {
    const bucket = { name: 'b', location: 'EU' };
    const synthModel = modelOf({ synth: { ...synth({ google_storage_bucket: { adopted: bucket, fresh: bucket } }), import: [{ to: 'google_storage_bucket.adopted', id: 'b' }] } });
    expect([synthModel.byId('google_storage_bucket.adopted')?.importing, synthModel.byId('google_storage_bucket.fresh')?.importing]).toEqual([true, false]);
    const planModel = modelOf({ plan: plan([{ address: 'google_storage_bucket.adopted', values: bucket, action: 'no-op', importing: 'b' }, { address: 'google_storage_bucket.fresh', values: bucket }]) });
    expect([planModel.byId('google_storage_bucket.adopted')?.importing, planModel.byId('google_storage_bucket.fresh')?.importing]).toEqual([true, false]);
  });

  it('fails a rule that throws into a rule-error finding', () => {
    const broken = modelRule({ meta: { ...noPublicBuckets.meta, id: 'test-broken' }, check: () => { throw new Error('boom\n    at secret place'); } });
    const { results } = runRule(broken, { synth: synth({}) });
    expect(results.map((r) => [r.messageId, r.address, r.outcome, r.severity, r.message])).toEqual([['rule-error', 'test-broken', 'finding', 'critical', 'Rule test-broken failed: Error: boom']]);
  });

  it('compares the attribute path, message and severity of a report when the case gives them, and only then', () => {
    const input = { synth: synth({ google_storage_bucket_iam_member: { m: { bucket: 'b', role: 'r', member: 'allUsers' } } }) };
    const outcomeOf = (errors: { messageId: string; address: string; path?: string; message?: string; severity?: 'high' | 'low' }[]): string =>
      verdictOfCase({ valid: [], invalid: [{ name: 'case', input, errors }] });
    const address = 'google_storage_bucket_iam_member.m';
    expect([
      outcomeOf([{ messageId: 'public', address }]),
      outcomeOf([{ messageId: 'public', address, path: 'member' }]),
      outcomeOf([{ messageId: 'public', address, path: 'role' }]),
      outcomeOf([{ messageId: 'public', address, message: 'Bucket grant to allUsers.' }]),
      outcomeOf([{ messageId: 'public', address, message: 'Bucket grant to allAuthenticatedUsers.' }]),
      outcomeOf([{ messageId: 'public', address, path: 'member', message: 'Bucket grant to allUsers.' }]),
      outcomeOf([{ messageId: 'public', address, path: undefined }]),
      outcomeOf([{ messageId: 'public', address }, { messageId: 'public', address, path: 'member' }]),
      outcomeOf([{ messageId: 'public', address, severity: 'high' }]),
      outcomeOf([{ messageId: 'public', address, severity: 'low' }]),
    ]).toEqual(['passes', 'passes', 'fails', 'passes', 'fails', 'passes', 'fails', 'fails', 'passes', 'fails']);
  });

  it('holds a valid case to a pass, or to not-applicable with the reason the case gives', () => {
    const verdictOf = (input: { synth: ReturnType<typeof synth> }, notApplicable?: string): string =>
      verdictOfCase({ valid: [{ name: 'case', input, notApplicable }], invalid: [] });
    const judged = { synth: synth({ google_storage_bucket_iam_member: { m: { bucket: 'b', role: 'r', member: 'group:a@example.com' } } }) };
    const nothing = { synth: synth({}) };
    const reason = 'no resources of the types this rule checks';
    expect([verdictOf(judged), verdictOf(judged, reason), verdictOf(nothing), verdictOf(nothing, reason), verdictOf(nothing, 'another reason')]).toEqual([
      'passes',
      'fails',
      'fails',
      'passes',
      'fails',
    ]);
  });
});
