/**
 * Grant extraction from every kind of IAM resource, in both input formats: exact role, member,
 * path, target and condition for each grant.
 */
import { extractGrants } from '../../../policies/engine/grants';
import type { Grant } from '../../../policies/engine/model';
import { modelOf, plan, synth } from '../../../policies/testing/rule-tester';

const known = (value: string) => ({ state: 'known', value });

function summary(grants: readonly Grant[]) {
  return grants.map((g) => ({ id: g.resourceId, kind: g.kind, path: g.path, role: g.role, member: g.member, level: g.target.level, type: g.target.type, target: g.target.id }));
}

describe('grants from *_iam_member, *_iam_binding and *_iam_policy', () => {
  const model = modelOf({
    synth: synth({
      google_organization_iam_member: { org: { org_id: '123456789', role: 'roles/owner', member: 'group:admins@example.com' } },
      google_folder_iam_binding: { folder: { folder: 'folders/42', role: 'roles/editor', members: ['user:a@example.com', 'allUsers'] } },
      google_project_iam_policy: { p: { project: 'app-prod', policy_data: JSON.stringify({ bindings: [{ role: 'roles/viewer', members: ['allAuthenticatedUsers'] }, { role: 'roles/browser', members: ['group:a@example.com', 'group:b@example.com'] }] }) } },
      google_service_account_iam_member: { sa: { service_account_id: '${google_service_account.sa.name}', role: 'roles/iam.serviceAccountUser', member: 'group:d@example.com' } },
      google_service_account: { sa: { account_id: 'sa' } },
      google_spanner_database_iam_member: { db: { instance: 'i', database: 'd', role: 'roles/spanner.databaseReader', member: 'group:e@example.com' } },
      google_project_iam_audit_config: { audit: { project: 'app-prod', service: 'allServices', audit_log_config: [{ log_type: 'DATA_READ' }] } },
      google_project_iam_custom_role: { role: { project: 'app-prod', role_id: 'x', title: 'x', permissions: ['a.b.c'] } },
    }),
  });

  it('finds exactly one grant per (role, member) pair, at the path where the member sits', () => {
    expect(summary(model.grants)).toEqual([
      { id: 'google_organization_iam_member.org', kind: 'member', path: 'member', role: known('roles/owner'), member: known('group:admins@example.com'), level: 'organization', type: 'google_organization', target: known('123456789') },
      { id: 'google_folder_iam_binding.folder', kind: 'binding', path: 'members.0', role: known('roles/editor'), member: known('user:a@example.com'), level: 'folder', type: 'google_folder', target: known('folders/42') },
      { id: 'google_folder_iam_binding.folder', kind: 'binding', path: 'members.1', role: known('roles/editor'), member: known('allUsers'), level: 'folder', type: 'google_folder', target: known('folders/42') },
      { id: 'google_project_iam_policy.p', kind: 'policy', path: 'policy_data.bindings.0.members.0', role: known('roles/viewer'), member: known('allAuthenticatedUsers'), level: 'project', type: 'google_project', target: known('app-prod') },
      { id: 'google_project_iam_policy.p', kind: 'policy', path: 'policy_data.bindings.1.members.0', role: known('roles/browser'), member: known('group:a@example.com'), level: 'project', type: 'google_project', target: known('app-prod') },
      { id: 'google_project_iam_policy.p', kind: 'policy', path: 'policy_data.bindings.1.members.1', role: known('roles/browser'), member: known('group:b@example.com'), level: 'project', type: 'google_project', target: known('app-prod') },
      {
        id: 'google_service_account_iam_member.sa',
        kind: 'member',
        path: 'member',
        role: known('roles/iam.serviceAccountUser'),
        member: known('group:d@example.com'),
        level: 'resource',
        type: 'google_service_account',
        target: { state: 'unknown', raw: '${google_service_account.sa.name}', references: [{ path: 'service_account_id', expression: 'google_service_account.sa.name', target: 'google_service_account.sa', attribute: 'name' }] },
      },
      { id: 'google_spanner_database_iam_member.db', kind: 'member', path: 'member', role: known('roles/spanner.databaseReader'), member: known('group:e@example.com'), level: 'resource', type: 'google_spanner_database', target: known('d') },
    ]);
  });

  it('points the target at the granted-on resource when the id refers to it', () => {
    expect(model.grantsOf('google_service_account_iam_member.sa')[0].target.resourceId).toBe('google_service_account.sa');
    expect(model.grantsOf('google_folder_iam_binding.folder')[0].target.resourceId).toBeUndefined();
  });

  it('indexes grants by granting resource', () => {
    expect(model.grantsOf('google_folder_iam_binding.folder').map((g) => g.path)).toEqual(['members.0', 'members.1']);
    expect(model.grantsOf('google_project_iam_audit_config.audit')).toEqual([]);
    expect(model.grantsOf('nothing')).toEqual([]);
  });

  it('extracts the same grants when called again (no hidden state)', () => {
    expect(extractGrants(model)).toEqual(model.grants);
  });
});

describe('conditions', () => {
  it('parses the expiry of a time-bound grant in a member, a binding and a policy', () => {
    const expression = 'request.time < timestamp("2027-01-01T00:00:00Z")';
    const model = modelOf({
      plan: plan([
        { address: 'google_organization_iam_member.bg', values: { org_id: '1', role: 'roles/resourcemanager.organizationAdmin', member: 'group:bg@example.com', condition: [{ title: 'break-glass', expression, description: '' }] } },
        { address: 'google_project_iam_binding.b', values: { project: 'p', role: 'roles/owner', members: ['group:x@example.com'], condition: [] } },
        { address: 'google_project_iam_policy.p', values: { project: 'p', policy_data: JSON.stringify({ bindings: [{ role: 'roles/owner', members: ['group:y@example.com'], condition: { title: 't', expression: `request.time <= timestamp('2026-12-31T23:59:59Z') && true` } }] }) } },
      ]),
    });
    expect(model.grants.map((g) => g.condition)).toEqual([
      { title: 'break-glass', expression, expiresAt: new Date('2027-01-01T00:00:00Z'), expiry: 'bounded' },
      undefined,
      { title: 't', expression: `request.time <= timestamp('2026-12-31T23:59:59Z') && true`, expiresAt: new Date('2026-12-31T23:59:59Z'), expiry: 'bounded' },
    ]);
  });

  it('reads a condition with a title and no expression as one that does not expire', () => {
    const model = modelOf({ synth: synth({ google_project_iam_member: { m: { project: 'p', role: 'r', member: 'group:a@example.com', condition: { title: 'only a title' } } } }) });
    expect(model.grants[0].condition).toEqual({ title: 'only a title', expression: undefined, expiry: 'none' });
  });

  it('reads a condition without an expiry as a condition without expiresAt', () => {
    const model = modelOf({ synth: synth({ google_project_iam_member: { m: { project: 'p', role: 'r', member: 'group:a@example.com', condition: { title: 'only prod', expression: 'resource.name.startsWith("projects/p")' } } } }) });
    expect(model.grants[0].condition).toEqual({ title: 'only prod', expression: 'resource.name.startsWith("projects/p")', expiry: 'none' });
  });

  const expiryOf = (expression: string) => {
    const condition = modelOf({ synth: synth({ google_project_iam_member: { m: { project: 'p', role: 'r', member: 'group:a@example.com', condition: { title: 't', expression } } } }) }).grants[0].condition!;
    return [condition.expiry, condition.expiresAt?.toISOString()];
  };

  it.each([
    ['a conjunct among others, in parentheses', 'resource.type == "x" && (request.time < timestamp("2027-01-01T00:00:00Z"))', 'bounded', '2027-01-01T00:00:00.000Z'],
    ['the mirror image', 'timestamp("2027-01-01T00:00:00Z") > request.time', 'bounded', '2027-01-01T00:00:00.000Z'],
    ['the earliest of two bounds', 'request.time < timestamp("2028-01-01T00:00:00Z") && request.time < timestamp("2027-06-01T00:00:00Z")', 'bounded', '2027-06-01T00:00:00.000Z'],
    ['nested conjunctions', '(a && (request.time < timestamp("2027-01-01T00:00:00Z") && b))', 'bounded', '2027-01-01T00:00:00.000Z'],
    ['|| true after the bound', 'request.time < timestamp("2027-01-01T00:00:00Z") || true', 'unclear', undefined],
    ['an || inside an enclosing pair of parentheses', '(request.time < timestamp("2027-01-01T00:00:00Z") || resource.name == "x")', 'unclear', undefined],
    ['a negation', '!(request.time < timestamp("2027-01-01T00:00:00Z"))', 'unclear', undefined],
    ['a ternary', 'x ? request.time < timestamp("2027-01-01T00:00:00Z") : true', 'unclear', undefined],
    ['the text inside a string literal', 'resource.name != "request.time < timestamp(\\"2027-01-01T00:00:00Z\\")"', 'none', undefined],
    ['a raw triple-quoted string holding the text', "resource.name != r'''request.time < timestamp(\"2027-01-01T00:00:00Z\")'''", 'none', undefined],
    ['a time of day, not an end', 'request.time.getHours("Europe/Berlin") < 18', 'none', undefined],
    ['a timestamp that is not a date', 'request.time < timestamp("soon")', 'unclear', undefined],
    ['the mirror image with >=', 'timestamp("2027-01-01T00:00:00Z") >= request.time', 'bounded', '2027-01-01T00:00:00.000Z'],
    ['the earliest of two bounds, the earlier first', 'request.time < timestamp("2027-06-01T00:00:00Z") && request.time < timestamp("2028-01-01T00:00:00Z")', 'bounded', '2027-06-01T00:00:00.000Z'],
    ['a timestamp of a number, not a string', 'request.time < timestamp(2027)', 'unclear', undefined],
    ['the mirror image under a negation', '!(timestamp("2027-01-01T00:00:00Z") > request.time)', 'unclear', undefined],
    ['a comparison of request.time with something not a timestamp, after ||', 'a || request.time < b', 'none', undefined],
    ['request.time compared with a timestamp by ==, after ||', 'a || request.time == timestamp("2027-01-01T00:00:00Z")', 'none', undefined],
    ['not CEL at all', 'request.time < timestamp("2027-01-01T00:00:00Z") && @', 'unclear', undefined],
    ['conjunctions nested 5,000 deep (refused, not a stack overflow)', `${'(a && '.repeat(5000)}request.time < timestamp("2027-01-01T00:00:00Z")${')'.repeat(5000)}`, 'unclear', undefined],
  ])('%s', (_, expression, expiry, at) => {
    expect(expiryOf(expression)).toEqual([expiry, at]);
  });
});

describe('unknown and data-source grants', () => {
  it('follows an unknown policy_data to its data.google_iam_policy bindings (plan)', () => {
    const model = modelOf({
      plan: plan([
        { address: 'data.google_iam_policy.admin', values: { binding: [{ role: 'roles/owner', members: ['user:a@example.com', 'group:b@example.com'], condition: [] }] } },
        { address: 'google_kms_crypto_key_iam_policy.k', values: { crypto_key_id: 'k' }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.admin.policy_data', 'data.google_iam_policy.admin'] } },
      ]),
    });
    expect(model.grants.map((g) => [g.resourceId, g.path, g.role, g.member, g.viaDataSource, g.target.type, g.target.id])).toEqual([
      ['google_kms_crypto_key_iam_policy.k', 'binding.0.members.0', known('roles/owner'), known('user:a@example.com'), 'data.google_iam_policy.admin', 'google_kms_crypto_key', known('k')],
      ['google_kms_crypto_key_iam_policy.k', 'binding.0.members.1', known('roles/owner'), known('group:b@example.com'), 'data.google_iam_policy.admin', 'google_kms_crypto_key', known('k')],
    ]);
  });

  it('follows a policy_data token to a synthesized data source whose binding is a single object', () => {
    const model = modelOf({
      synth: synth(
        { google_storage_bucket_iam_policy: { p: { bucket: 'b', policy_data: '${data.google_iam_policy.pub.policy_data}' } } },
        { data: { google_iam_policy: { pub: { binding: { role: 'roles/storage.objectViewer', members: ['allUsers'] } } } } },
      ),
    });
    expect(model.grants.map((g) => [g.path, g.member, g.viaDataSource])).toEqual([['binding.0.members.0', known('allUsers'), 'data.google_iam_policy.pub']]);
  });

  it('reports one unknown grant when policy_data is unknown and leads nowhere', () => {
    const model = modelOf({ plan: plan([{ address: 'google_project_iam_policy.p', values: { project: 'p' }, unknown: { policy_data: true } }]) });
    expect(model.grants.map((g) => [g.path, g.role.state, g.member.state])).toEqual([['policy_data', 'unknown', 'unknown']]);
  });

  it('marks each binding member unknown on its own, and the whole list when the list is unknown', () => {
    const model = modelOf({
      plan: plan([
        { address: 'google_project_iam_binding.some', values: { project: 'p', role: 'roles/viewer', members: ['group:a@example.com'] }, unknown: { members: [false, true] } },
        { address: 'google_project_iam_binding.all', values: { project: 'p', role: 'roles/viewer' }, unknown: { members: true } },
      ]),
    });
    expect(model.grants.map((g) => [g.resourceId, g.path, g.member.state])).toEqual([
      ['google_project_iam_binding.some', 'members.0', 'known'],
      ['google_project_iam_binding.some', 'members.1', 'unknown'],
      ['google_project_iam_binding.all', 'members', 'unknown'],
    ]);
  });

  it('carries the action of the granting resource (a deleted grant gives no access)', () => {
    const model = modelOf({ plan: plan([{ address: 'google_project_iam_member.gone', values: { project: 'p', role: 'roles/owner', member: 'user:a@example.com' }, action: 'delete' }]) });
    expect(model.grants.map((g) => [g.action, g.role, g.member])).toEqual([['delete', known('roles/owner'), known('user:a@example.com')]]);
  });

  it('gives one unknown grant for a data source whose bindings are all unknown, and none for one without bindings', () => {
    const model = modelOf({
      plan: plan([
        { address: 'data.google_iam_policy.open', values: {}, unknown: { binding: true } },
        { address: 'data.google_iam_policy.none', values: {} },
        { address: 'google_project_iam_policy.a', values: { project: 'p' }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.open.policy_data'] } },
        { address: 'google_project_iam_policy.b', values: { project: 'p' }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.none.policy_data'] } },
      ]),
    });
    expect(model.grants.map((g) => [g.resourceId, g.path, g.role.state, g.member.state, g.condition, g.viaDataSource])).toEqual([
      ['google_project_iam_policy.a', 'binding', 'unknown', 'unknown', undefined, 'data.google_iam_policy.open'],
    ]);
  });

  it('refuses a role of another type than a string, naming the file, resource and attribute', () => {
    const model = () => modelOf({ plan: plan([{ address: 'google_project_iam_member.m', values: { project: 'p', role: 7, member: 'user:a@example.com' } }]) });
    expect(model).toThrow('plan.json: google_project_iam_member.m: role is a number, expected a string');
  });

  it('treats an unparsable policy_data as unknown, never as no grants', () => {
    const model = modelOf({ plan: plan([{ address: 'google_project_iam_policy.p', values: { project: 'p', policy_data: '{not json' } }]) });
    expect(model.grants.map((g) => [g.path, g.role, g.member])).toEqual([['policy_data', { state: 'unknown', references: [] }, { state: 'unknown', references: [] }]]);
  });
});

describe('policy_data as the provider decodes it (Go encoding/json)', () => {
  const policyGrants = (policy: string) =>
    modelOf({ plan: plan([{ address: 'google_project_iam_policy.p', values: { project: 'app-prod', policy_data: policy } }]) }).grants.map((g) => [
      g.role.state === 'known' ? g.role.value : g.role.state,
      g.member.state === 'known' ? g.member.value : g.member.state,
      g.condition?.expiresAt?.toISOString(),
    ]);

  it('matches keys case-insensitively, folding as Go does (ſ is S), so Bindings / ROLE / Members still grant', () => {
    expect(policyGrants('{"Bindings":[{"ROLE":"roles/owner","Members":["allUsers"],"CONDITION":{"Expression":"request.time < timestamp(\\"2027-01-01T00:00:00Z\\")"}}]}')).toEqual([
      ['roles/owner', 'allUsers', '2027-01-01T00:00:00.000Z'],
    ]);
    expect(policyGrants('{"bindingſ":[{"role":"roles/editor","memberſ":["user:a@gmail.com"]}]}')).toEqual([['roles/editor', 'user:a@gmail.com', undefined]]);
  });

  it('lets a later key overwrite an earlier one, whatever their case', () => {
    expect(policyGrants('{"bindings":[{"role":"roles/viewer","members":["group:a@example.com"]}],"BINDINGS":[{"role":"roles/owner","Role":"roles/editor","members":["allUsers"]}]}')).toEqual([
      ['roles/editor', 'allUsers', undefined],
    ]);
  });

  it('grants with an absent role when a binding names none (the provider would send it without one)', () => {
    expect(policyGrants('{"bindings":[{"members":["allUsers"]}]}')).toEqual([['absent', 'allUsers', undefined]]);
  });

  it('reads null as absent, as Go leaves the zero value', () => {
    expect(policyGrants('{"bindings":null}')).toEqual([]);
    expect(policyGrants('{"bindings":[null,{"role":"roles/owner","members":null}]}')).toEqual([]);
  });

  it.each([
    ['the policy a list', '[]', 'policy_data is an array, expected an object'],
    ['bindings an object', '{"bindings":{"role":"roles/owner"}}', 'policy_data.bindings is an object, expected an array'],
    ['a binding a string', '{"bindings":["roles/owner"]}', 'policy_data.bindings.0 is a string, expected an object'],
    ['members a string', '{"bindings":[{"role":"roles/owner","Members":"allUsers"}]}', 'policy_data.bindings.0.members is a string, expected an array'],
    ['a member a number', '{"bindings":[{"role":"roles/owner","members":["allUsers",7]}]}', 'policy_data.bindings.0.members.1 is a number, expected a string'],
    ['a condition a string', '{"bindings":[{"role":"roles/owner","members":["allUsers"],"condition":"request.time < x"}]}', 'policy_data.bindings.0.condition is a string, expected an object'],
    ['a condition a list', '{"bindings":[{"role":"roles/owner","members":["allUsers"],"condition":[]}]}', 'policy_data.bindings.0.condition is an array, expected an object'],
    ['a role a list', '{"bindings":[{"role":["roles/owner"],"members":["allUsers"]}]}', 'policy_data.bindings.0.role is an array, expected a string'],
  ])('refuses %s with one line naming the file, the resource and the JSON path (exit 2, never a pass)', (_, policy, problem) => {
    expect(() => policyGrants(policy)).toThrow(`plan.json: google_project_iam_policy.p: ${problem}`);
  });
});

describe('the target of a grant', () => {
  // Attributes as each resource's provider schema names them, the identifying one not first
  it.each([
    ['google_service_account_iam_member', { role: 'r', member: 'group:a@example.com', service_account_id: 'projects/p/serviceAccounts/sa@p.iam.gserviceaccount.com' }, 'service_account_id'],
    ['google_secret_manager_secret_iam_member', { project: 'p', role: 'r', member: 'group:a@example.com', secret_id: 's' }, 'secret_id'],
    ['google_kms_crypto_key_iam_member', { role: 'r', member: 'group:a@example.com', crypto_key_id: 'k' }, 'crypto_key_id'],
    ['google_kms_key_ring_iam_member', { role: 'r', member: 'group:a@example.com', key_ring_id: 'kr' }, 'key_ring_id'],
    ['google_storage_bucket_iam_member', { role: 'r', member: 'group:a@example.com', bucket: 'b' }, 'bucket'],
    ['google_pubsub_subscription_iam_member', { project: 'p', role: 'r', member: 'group:a@example.com', subscription: 's' }, 'subscription'],
    ['google_pubsub_topic_iam_member', { project: 'p', role: 'r', member: 'group:a@example.com', topic: 't' }, 'topic'],
    ['google_bigquery_table_iam_member', { project: 'p', dataset_id: 'd', role: 'r', member: 'group:a@example.com', table_id: 't' }, 'table_id'],
    ['google_spanner_database_iam_member', { instance: 'i', role: 'r', member: 'group:a@example.com', database: 'd' }, 'database'],
    ['google_bigquery_dataset_iam_member', { project: 'p', role: 'r', member: 'group:a@example.com', dataset_id: 'd' }, 'dataset_id'],
    ['google_compute_instance_iam_member', { project: 'p', zone: 'z', role: 'r', member: 'group:a@example.com', instance_name: 'vm' }, 'instance_name'],
    ['google_spanner_instance_iam_member', { project: 'p', role: 'r', member: 'group:a@example.com', instance: 'i' }, 'instance'],
    ['google_cloud_run_service_iam_member', { location: 'l', project: 'p', role: 'r', member: 'group:a@example.com', service: 's' }, 'service'],
    ['google_cloudfunctions_function_iam_member', { region: 'r', project: 'p', role: 'r', member: 'group:a@example.com', cloud_function: 'f' }, 'cloud_function'],
    ['google_artifact_registry_repository_iam_member', { location: 'l', project: 'p', role: 'r', member: 'group:a@example.com', repository: 'r' }, 'repository'],
    ['google_cloud_run_v2_service_iam_member', { location: 'l', project: 'p', role: 'r', member: 'group:a@example.com', name: 'svc' }, 'name'],
    [
      'google_compute_subnetwork_iam_member',
      { role: 'r', member: 'group:a@example.com', condition: { title: 't', expression: 'true' }, etag: 'e', id: 'i', project: 'p', location: 'l', region: 'r', zone: 'z', subnetwork: 'sn' },
      'subnetwork',
    ],
    ['google_project_iam_member', { role: 'r', member: 'group:a@example.com', project: 'p' }, 'project'],
    ['google_folder_iam_member', { role: 'r', member: 'group:a@example.com', folder: 'folders/1' }, 'folder'],
    ['google_organization_iam_member', { role: 'r', member: 'group:a@example.com', org_id: '1' }, 'org_id'],
  ])('%s grants on the attribute that identifies its target', (type, values, attribute) => {
    const model = modelOf({ plan: plan([{ address: `${type}.m`, values }]) });
    const target = model.grants[0].target;
    expect([target.attribute, target.id]).toEqual([attribute, { state: 'known', value: (values as Record<string, string>)[attribute] }]);
  });

  it('has no target attribute when only what-is-granted attributes are present', () => {
    const model = modelOf({ plan: plan([{ address: 'google_compute_subnetwork_iam_member.m', values: { role: 'r', member: 'group:a@example.com', etag: 'e', id: 'i', project: 'p', location: 'l', region: 'r', zone: 'z' } }]) });
    expect([model.grants[0].target.attribute, model.grants[0].target.id]).toEqual([undefined, { state: 'absent' }]);
  });
});
