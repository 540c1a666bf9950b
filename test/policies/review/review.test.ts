/**
 * The review's six sections on a small organization, from a synthesized cdk.tf.json and from a plan:
 * both formats must give the same facts, and review.md must show them.
 */
import { GOOGLE_SIGN_IN_FAILURE_FILTER } from '../../../policies/catalog/defaults';
import { runReview } from '../../../policies/review/write';
import type { Review } from '../../../policies/review/facts';
import { ORG, smallOrg, smallOrgPlan, smallOrgPolicy, smallOrgSynth, writeTemp } from './small-org';

const NOW = new Date('2026-11-27T12:00:00Z');
const policy = smallOrgPolicy();

const inputs: [string, () => string][] = [
  ['synth', () => writeTemp('cdk.tf.json', smallOrgSynth())],
  ['plan', () => writeTemp('plan.json', smallOrgPlan())],
];

function rolesOf(review: Review): Record<string, string[]> {
  return Object.fromEntries(review.access.map((p) => [p.principal, p.grants.map((g) => `${g.role} on ${g.scope.label}`)]));
}

describe.each(inputs)('review of a small org (%s input)', (_format, file) => {
  let review: Review;
  let md: string;
  beforeAll(async () => {
    const run = await runReview(file(), { configFile: policy, now: NOW });
    review = run.review;
    md = run.files['review.md'];
  });

  test('access matrix: every principal with its exact roles and scopes, highlighted principals first', () => {
    expect(rolesOf(review)).toEqual({
      allUsers: ['roles/storage.objectViewer on storage_bucket shop-assets'],
      'user:bob@partner.example': ['roles/run.viewer on project shop-prd'],
      'user:alice@corp.example': ['roles/editor on project lab-dev'],
      'group:auditors@corp.example': ['roles/iam.securityReviewer on organization 111111111111'],
      'group:breakglass@corp.example': ['roles/resourcemanager.organizationAdmin on organization 111111111111'],
      'group:devs@corp.example': ['roles/viewer on folder Apps'],
      'group:ops@corp.example': ['roles/secretmanager.secretAccessor on project shop-prd'],
      'serviceAccount:app@shop-prd.iam.gserviceaccount.com': ['roles/secretmanager.secretAccessor on secret_manager_secret shop-db-password'],
    });
    expect(review.access.slice(0, 3).map((p) => [p.principal, p.highlights])).toEqual([
      ['allUsers', ['public']],
      ['user:bob@partner.example', ['user', 'external-domain']],
      ['user:alice@corp.example', ['user']],
    ]);
  });

  test('access matrix: privileged roles, expiry, and a folder grant reaching its projects', () => {
    const grant = (principal: string) => review.access.find((p) => p.principal === principal)!.grants[0];
    expect(grant('group:breakglass@corp.example')).toMatchObject({ privileged: true, condition: { title: 'break-glass', expires: '2027-01-31T00:00:00.000Z' } });
    expect(grant('group:devs@corp.example')).toMatchObject({ privileged: true, reaches: ['lab-dev', 'shop-prd'] });
    expect(grant('group:auditors@corp.example')).toMatchObject({ privileged: false, reaches: ['lab-dev', 'sec-logging', 'shop-prd'] });
    expect(md).toMatch(/\| `allUsers` \*\*⚠ PUBLIC\*\* \| public \| storage\\_bucket shop-assets \| `roles\/storage.objectViewer` \|/);
    expect(md).toMatch(/`user:bob@partner.example` \*\*⚠ user account\*\* \*\*⚠ external domain\*\*/);
    expect(md).toContain('(expires 2027-01-31T00:00:00.000Z); reaches 3 projects: lab-dev, sec-logging, shop-prd');
  });

  test('access matrix: the hierarchy with the grants made on each node, drawn as a diagram', () => {
    expect(review.hierarchy).toEqual([
      { label: 'organization 111111111111', kind: 'organization', parent: undefined, grants: 2 },
      { label: 'folder Apps', kind: 'folder', parent: 'organization 111111111111', grants: 1 },
      { label: 'project sec-logging', kind: 'project', parent: 'organization 111111111111', grants: 0 },
      { label: 'project lab-dev', kind: 'project', parent: 'folder Apps', grants: 1 },
      { label: 'project shop-prd', kind: 'project', parent: 'folder Apps', grants: 2 },
    ]);
    const access = md.slice(md.indexOf('## 2. Access matrix'), md.indexOf('## 3. Log routing'));
    expect(access).toContain('  h_folder_Apps["folder Apps<br/>1 grant"]');
    expect(access).toContain('  h_folder_Apps --> h_project_shop_prd');
  });

  test('log routing: the org sink reaches the locked CMEK bucket, with its filter and writer identity', () => {
    expect(review.routing.sinks.map((s) => [s.name, s.source, s.includeChildren, s.destination, s.audit])).toEqual([
      ['org-audit', 'organization 111111111111', 'yes', 'logging_project_bucket_config central', 'keeps every audit log'],
      ['shop-errors', 'project shop-prd', 'no', 'logging_project_bucket_config central', 'filter drops activity, system_event, data_access, policy, access_transparency'],
    ]);
    expect(review.routing.destinations).toEqual([
      expect.objectContaining({ label: 'logging_project_bucket_config central', kind: 'logging-bucket', project: 'sec-logging', retentionDays: 400, locked: 'yes', cmek: 'yes' }),
    ]);
    expect(review.routing.sinks[0].writer).toBe('writer identity of org-audit (known after apply); no grant on its destination');
    expect(review.routing.unrouted).toEqual([]);
    expect(review.routing.dedicatedProject).toBe(true);
    expect(md).toContain('Every project (3) reaches at least one sink.');
    expect(md).toMatch(/```mermaid\nflowchart LR\n {2}src_organization_111111111111\(\["organization 111111111111"\]\)/);
    expect(md).toContain('| logging\\_project\\_bucket\\_config central | logging-bucket | sec-logging | 400 | yes | yes | - |');
  });

  test('secrets: replication, rotation and exactly who reads each, directly or inherited', () => {
    expect(review.secrets.map((s) => [s.secret, s.replication, s.rotationDays, s.readers.map((r) => `${r.principal} ${r.via}`)])).toEqual([
      ['shop-api-token', 'automatic', undefined, ['group:ops@corp.example inherited from project shop-prd']],
      [
        'shop-db-password',
        'user-managed: europe-west1, europe-west4',
        30,
        ['group:ops@corp.example inherited from project shop-prd', 'serviceAccount:app@shop-prd.iam.gserviceaccount.com direct'],
      ],
    ]);
    expect(md).toContain('| `shop-api-token` | shop-prd | automatic | no | **⚠ none** | `group:ops@corp.example` (roles/secretmanager.secretAccessor, inherited from project shop-prd) |');
  });

  test('detection: CIS 2.5 covered through its alert and channel; 2.6 has a metric but no alert; the rest no metric', () => {
    const byThreat = Object.fromEntries(review.detection.map((d) => [d.threat, d]));
    expect(byThreat['cis-2.5']).toEqual({
      threat: 'cis-2.5',
      title: 'CIS 2.5: project ownership assignments/changes',
      metric: 'cis-owner-changes',
      alert: 'Project ownership changed',
      channels: ['projects/sec-logging/notificationChannels/1'],
      channelTypes: [],
      status: 'covered',
    });
    expect(byThreat['cis-2.6']).toMatchObject({ metric: 'cis-audit-config-changes', status: 'no-alert' });
    expect(review.detection.filter((d) => d.status === 'no-metric')).toHaveLength(review.detection.length - 2);
    expect(md).toContain('1 of 15 threats covered; 14 gaps.');
    expect(md).toContain('| CIS 2.6: audit configuration changes | `cis-audit-config-changes` | - | - | **⚠ GAP: no alert policy** |');
  });

  test('verdict: findings by severity equal the evaluation\'s, with unknowns and suppressions', async () => {
    const run = await runReview(file(), { configFile: policy, now: NOW });
    const open = run.run.evaluation.results.filter((r) => !r.suppression && r.outcome === 'finding');
    expect(Object.values(review.verdict.findings).reduce((a, b) => a + b, 0)).toBe(open.length);
    expect(review.verdict.findings.critical).toBeGreaterThan(0);
    expect(review.verdict.passed).toBe(false);
    expect(md).toMatch(/\*\*FAIL\*\*: \d+ critical, \d+ high, \d+ medium, \d+ low findings; \d+ unknown; 0 suppressed\./);
    expect(md).toContain('`iam-no-public-principals`');
  });
});

test('log routing lists projects that reach no sink first', async () => {
  const resources = smallOrg();
  delete resources.google_logging_organization_sink;
  const run = await runReview(writeTemp('cdk.tf.json', { ...smallOrgSynth(resources) }), { configFile: policy, now: NOW });
  expect(run.review.routing.unrouted).toEqual(['project lab-dev', 'project sec-logging']);
  const md = run.files['review.md'];
  const routing = md.slice(md.indexOf('## 3. Log routing'));
  expect(routing).toMatch(/^## 3\. Log routing\n\n\*\*⚠ 2 project\(s\) reach no sink\*\*: project lab-dev, project sec-logging\.\n\n- \*\*⚠ no sink\*\* project lab-dev\n/);
});

describe('change summary', () => {
  test('synthesized input has no plan: the section says so and lists nothing', async () => {
    const run = await runReview(writeTemp('cdk.tf.json', smallOrgSynth()), { configFile: policy, now: NOW });
    expect(run.review.changes).toMatchObject({ plan: false, destructive: [] });
    expect(run.files['review.md']).toContain('Synthesized input has no plan: every one of its');
  });

  test('a plan with deletes lists destructive changes, security resources first, and counts per type', async () => {
    const doc = smallOrgPlan(smallOrg(), {
      'google_project.lab': 'delete',
      'google_logging_organization_sink.org': 'delete',
      'google_logging_project_bucket_config.central': 'replace',
      'google_storage_bucket.assets': 'replace',
      'google_project_iam_member.alice': 'update',
    });
    const run = await runReview(writeTemp('plan.json', doc), { configFile: policy, now: NOW });
    expect(run.review.changes.destructive).toEqual([
      { address: 'google_logging_organization_sink.org', type: 'google_logging_organization_sink', action: 'delete', security: 'log sink' },
      { address: 'google_logging_project_bucket_config.central', type: 'google_logging_project_bucket_config', action: 'replace', security: 'log bucket' },
      { address: 'google_project.lab', type: 'google_project', action: 'delete', security: undefined },
      { address: 'google_storage_bucket.assets', type: 'google_storage_bucket', action: 'replace', security: undefined },
    ]);
    expect(run.review.changes.byType.find((t) => t.type === 'google_project')).toEqual({ type: 'google_project', counts: { create: 2, delete: 1 } });
    expect(run.review.changes.byType.find((t) => t.type === 'google_project_iam_member')).toEqual({ type: 'google_project_iam_member', counts: { create: 2, update: 1 } });
    const md = run.files['review.md'];
    expect(md).toContain('**⚠ 4 destructive changes**, 2 to security resources (listed first).');
    expect(md.indexOf('`google_logging_organization_sink.org`')).toBeLessThan(md.indexOf('`google_project.lab`'));
    // A deleted sink routes nothing: the routing section no longer shows it.
    expect(run.review.routing.sinks.map((s) => s.name)).toEqual(['shop-errors']);
  });
});

test('a plan: the access it removes is listed, new grants are marked, unchanged ones are not', async () => {
  const doc = smallOrgPlan(smallOrg(), { 'google_project_iam_member.alice': 'delete', 'google_organization_iam_member.auditors': 'no-op' });
  const run = await runReview(writeTemp('plan.json', doc), { configFile: policy, now: NOW });
  expect(run.review.accessRemoved).toEqual([{ principal: 'user:alice@corp.example', role: 'roles/editor', scope: 'project lab-dev', address: 'google_project_iam_member.alice' }]);
  expect(run.review.access.map((p) => p.principal)).not.toContain('user:alice@corp.example');
  const planned = Object.fromEntries(run.review.access.map((p) => [p.principal, p.grants[0].planned]));
  expect(planned['group:auditors@corp.example']).toBeUndefined();
  expect(planned['group:devs@corp.example']).toBe('create');
  const md = run.files['review.md'];
  expect(md).toContain('**Access this plan removes (1)**');
  expect(md).toContain('| `user:alice@corp.example` | project lab-dev | `roles/editor` | `google_project_iam_member.alice` |');
  expect(md).toContain('| `group:devs@corp.example` | group | folder Apps | `roles/viewer` | **⚠ new in this plan**; **⚠ privileged**; reaches 2 projects: lab-dev, shop-prd |');
});

test('secrets: a custom role with secretmanager.versions.access makes its holders readers; one without does not', async () => {
  const resources = smallOrg();
  resources.google_organization_iam_custom_role = {
    reader: { org_id: ORG, role_id: 'payloadReader', title: 'Reads payloads', permissions: ['secretmanager.versions.access', 'secretmanager.secrets.get'] },
    lister: { org_id: ORG, role_id: 'secretLister', title: 'Lists secrets', permissions: ['secretmanager.secrets.list'] },
  };
  resources.google_organization_iam_member.reader = { org_id: ORG, role: `organizations/${ORG}/roles/payloadReader`, member: 'group:sre@corp.example' };
  resources.google_organization_iam_member.lister = { org_id: ORG, role: `organizations/${ORG}/roles/secretLister`, member: 'group:inventory@corp.example' };
  const run = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  const token = run.review.secrets.find((s) => s.secret === 'shop-api-token')!;
  expect(token.readers.map((r) => `${r.principal} ${r.role} ${r.via}`)).toEqual([
    'group:ops@corp.example roles/secretmanager.secretAccessor inherited from project shop-prd',
    `group:sre@corp.example organizations/${ORG}/roles/payloadReader inherited from organization ${ORG}`,
  ]);
});

test('detection tells failed sign-ins per account (grouped by a label) from the organization-wide count', async () => {
  const resources = smallOrg();
  resources.google_logging_metric.signin = { name: 'failed-sign-ins', project: 'sec-logging', filter: GOOGLE_SIGN_IN_FAILURE_FILTER };
  const condition = (groupBy?: string[]) => ({
    display_name: 'spike',
    condition_threshold: {
      filter: 'metric.type="logging.googleapis.com/user/failed-sign-ins"',
      comparison: 'COMPARISON_GT',
      threshold_value: 5,
      duration: '0s',
      aggregations: [{ alignment_period: '300s', per_series_aligner: 'ALIGN_SUM', ...(groupBy ? { cross_series_reducer: 'REDUCE_SUM', group_by_fields: groupBy } : {}) }],
    },
  });
  const owner = resources.google_monitoring_alert_policy.owner;
  resources.google_monitoring_alert_policy.overall = { ...owner, display_name: 'Failed sign-ins overall', conditions: [condition()] };
  const overallOnly = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  const status = (run: typeof overallOnly) => Object.fromEntries(run.review.detection.map((d) => [d.threat, [d.status, d.alert]]));
  expect(status(overallOnly)['failed-sign-ins-overall']).toEqual(['covered', 'Failed sign-ins overall']);
  expect(status(overallOnly)['failed-sign-ins-per-account']).toEqual(['no-alert', undefined]);
  resources.google_monitoring_alert_policy.account = { ...owner, display_name: 'Failed sign-ins per account', conditions: [condition(['metric.label.account'])] };
  const both = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  expect(status(both)['failed-sign-ins-per-account']).toEqual(['covered', 'Failed sign-ins per account']);
  expect(status(both)['failed-sign-ins-overall']).toEqual(['covered', 'Failed sign-ins overall']);
});

test('detection marks a disabled alert and an alert without channels as gaps', async () => {
  const resources = smallOrg();
  const owner = resources.google_monitoring_alert_policy.owner;
  resources.google_monitoring_alert_policy.owner = { ...owner, enabled: false };
  resources.google_monitoring_alert_policy.audit = {
    ...owner,
    display_name: 'Audit config changed',
    notification_channels: [],
    conditions: [{ display_name: 'any', condition_threshold: { filter: 'metric.type="logging.googleapis.com/user/cis-audit-config-changes"', comparison: 'COMPARISON_GT', threshold_value: 0, duration: '0s' } }],
  };
  const run = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  const status = Object.fromEntries(run.review.detection.map((d) => [d.threat, d.status]));
  expect([status['cis-2.5'], status['cis-2.6']]).toEqual(['alert-disabled', 'no-channel']);
  expect(run.files['review.md']).toContain('| CIS 2.5: project ownership assignments/changes | `cis-owner-changes` | Project ownership changed | projects/sec-logging/notificationChannels/1 | **⚠ GAP: alert disabled** |');
  expect(run.files['review.md']).toContain('0 of 15 threats covered; 15 gaps.');
});

test('detection lists the Security Command Center route beside the log-based alerts: covered, then a gap without the alert', async () => {
  const resources: Record<string, Record<string, Record<string, unknown>>> = smallOrg();
  const channel = resources.google_monitoring_alert_policy.owner.notification_channels;
  resources.google_pubsub_topic = { ...resources.google_pubsub_topic, findings: { project: 'sec-logging', name: 'scc-findings' } };
  resources.google_scc_v2_organization_notification_config = {
    findings: { organization: ORG, config_id: 'c', pubsub_topic: '${google_pubsub_topic.findings.id}', streaming_config: { filter: 'state="ACTIVE" AND (severity="CRITICAL" OR severity="HIGH")' } },
  };
  resources.google_monitoring_alert_policy.findings = {
    project: 'sec-logging',
    display_name: 'New finding',
    enabled: true,
    combiner: 'OR',
    notification_channels: channel,
    conditions: [{ display_name: 'published', condition_threshold: { filter: 'resource.type="pubsub_topic" AND resource.labels.topic_id="scc-findings" AND metric.type="pubsub.googleapis.com/topic/send_message_operation_count"', comparison: 'COMPARISON_GT', threshold_value: 0, duration: '0s' } }],
  };
  const routed = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  expect(routed.review.detection.filter((d) => d.threat === 'scc-findings')).toEqual([
    expect.objectContaining({ title: 'Security Command Center findings (CRITICAL, HIGH)', metric: 'topic scc-findings', alert: 'New finding', status: 'covered' }),
  ]);
  delete resources.google_monitoring_alert_policy.findings;
  const unalerted = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  expect(unalerted.review.detection.filter((d) => d.threat === 'scc-findings').map((d) => d.status)).toEqual(['no-alert']);
  expect(unalerted.files['review.md']).toContain('1 of 16 threats covered; 15 gaps.');
});

describe('--against OLD', () => {
  const before = smallOrg();
  const after = smallOrg();
  delete after.google_storage_bucket_iam_member;
  after.google_secret_manager_secret_iam_member.ops = {
    secret_id: 'projects/shop-prd/secrets/shop-api-token',
    project: 'shop-prd',
    role: 'roles/secretmanager.secretAccessor',
    member: 'serviceAccount:worker@shop-prd.iam.gserviceaccount.com',
  };
  after.google_monitoring_alert_policy.audit = {
    ...after.google_monitoring_alert_policy.owner,
    display_name: 'Audit config changed',
    conditions: [{ display_name: 'any', condition_threshold: { filter: 'metric.type="logging.googleapis.com/user/cis-audit-config-changes"', comparison: 'COMPARISON_GT', threshold_value: 0, duration: '0s' } }],
  };
  delete after.google_logging_project_sink;

  test.each([
    ['synth', (r: typeof before) => writeTemp('cdk.tf.json', smallOrgSynth(r))],
    ['plan', (r: typeof before) => writeTemp('plan.json', smallOrgPlan(r))],
  ])('shows what the change adds and removes, and the reverse (%s)', async (_format, write) => {
    const oldFile = write(before);
    const newFile = write(after);
    const forward = await runReview(newFile, { configFile: policy, now: NOW, against: oldFile });
    expect(forward.diff).toEqual({
      against: oldFile,
      access: {
        added: ['serviceAccount:worker@shop-prd.iam.gserviceaccount.com has roles/secretmanager.secretAccessor on secret_manager_secret shop-api-token'],
        removed: ['allUsers has roles/storage.objectViewer on storage_bucket shop-assets'],
      },
      routing: { added: [], removed: ['sink shop-errors on project shop-prd -> logging_project_bucket_config central (filter drops activity, system_event, data_access, policy, access_transparency)'] },
      secrets: { added: ['serviceAccount:worker@shop-prd.iam.gserviceaccount.com may read secret shop-api-token (roles/secretmanager.secretAccessor, direct)'], removed: [] },
      detection: { added: ['CIS 2.6: audit configuration changes: covered (alert Audit config changed)'], removed: ['CIS 2.6: audit configuration changes: no-alert'] },
    });
    const backward = await runReview(oldFile, { configFile: policy, now: NOW, against: newFile });
    expect(backward.diff!.access).toEqual({ added: forward.diff!.access.removed, removed: forward.diff!.access.added });
    expect(backward.diff!.routing).toEqual({ added: forward.diff!.routing.removed, removed: forward.diff!.routing.added });
    expect(backward.diff!.secrets).toEqual({ added: forward.diff!.secrets.removed, removed: forward.diff!.secrets.added });
    expect(backward.diff!.detection).toEqual({ added: forward.diff!.detection.removed, removed: forward.diff!.detection.added });
    const md = forward.files['review.md'];
    const access = md.slice(md.indexOf('## 2. Access matrix'), md.indexOf('## 3. Log routing'));
    expect(access).toContain(`### Against ${oldFile}`);
    expect(access).toContain('- + serviceAccount:worker@shop-prd.iam.gserviceaccount.com has roles/secretmanager.secretAccessor on secret\\_manager\\_secret shop-api-token');
    expect(access).toContain('- − allUsers has roles/storage.objectViewer on storage\\_bucket shop-assets');
  });
});

test('large tables are capped with a count of what was left out', async () => {
  const resources = smallOrg();
  for (let i = 0; i < 200; i++) {
    resources.google_project_iam_member[`g${i}`] = { project: 'shop-prd', role: 'roles/run.viewer', member: `group:team-${String(i).padStart(3, '0')}@corp.example` };
  }
  const run = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  expect(run.review.access).toHaveLength(208);
  const md = run.files['review.md'];
  const access = md.slice(md.indexOf('## 2. Access matrix'), md.indexOf('## 3. Log routing'));
  expect(access.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(150);
  expect(access).toContain('_… and 58 more not shown._');
  expect(run.files['review.html']).toContain('… and 58 more not shown.');
});

test('a large hierarchy folds its projects into one node per parent in the diagram', async () => {
  const resources = smallOrg();
  for (let i = 0; i < 80; i++) resources.google_project[`p${i}`] = { project_id: `proj-${i}`, name: `p${i}`, folder_id: 'folders/222' };
  resources.google_project_iam_member.p0 = { project: 'proj-0', role: 'roles/run.viewer', member: 'group:ops@corp.example' };
  const run = await runReview(writeTemp('cdk.tf.json', smallOrgSynth(resources)), { configFile: policy, now: NOW });
  expect(run.review.hierarchy).toHaveLength(85);
  const md = run.files['review.md'];
  const diagram = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
  expect(diagram).toContain('projects_folder_Apps["82 projects<br/>4 grants"]');
  expect(diagram).toContain('projects_organization_111111111111["1 project"]');
  expect(diagram).not.toContain('proj-0');
});
