/**
 * Plan JSON: modules, count/for_each instances, every change action, unknown and sensitive marks,
 * data sources, and configuration references matched to instances by configuration address.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paramsFromConfig } from '../../../policies/config/adapter';
import { evaluate } from '../../../policies/engine/evaluate';
import { loadModel } from '../../../policies/engine/load';
import { sensitiveValuesOf } from '../../../policies/engine/redact';
import { PACKS } from '../../../policies/packs';
import { RULES } from '../../../policies/rules';
import type { Model } from '../../../policies/engine/model';
import { plan, type PlanResourceSpec } from '../../../policies/testing/rule-tester';
import { TERRAFORM_VALIDATOR } from './corpus';

function load(doc: object): Model {
  return loadModel({ text: JSON.stringify(doc), name: 'plan.json' });
}

describe('plan actions', () => {
  const specs: PlanResourceSpec[] = [
    { address: 'google_x.created', values: { a: 1 } },
    { address: 'google_x.updated', values: { a: 2 }, before: { a: 1 }, action: 'update' },
    { address: 'google_x.deleted', values: { a: 3 }, action: 'delete', sensitive: { a: true } },
    { address: 'google_x.replaced', values: { a: 5 }, before: { a: 4 }, action: 'replace' },
    { address: 'google_x.kept', values: { a: 6 }, action: 'no-op' },
    { address: 'data.google_d.read', values: { b: 1 } },
  ];

  it('maps each change to its action, values after and values before of every change to an existing object', () => {
    const model = load(plan(specs));
    expect(model.resources.map((r) => [r.address, r.action, r.values, r.before])).toEqual([
      // In resource_changes order: a plan that lists changes is read from them (planned_values repeats them).
      ['google_x.created', 'create', { a: 1 }, undefined],
      ['google_x.updated', 'update', { a: 2 }, { a: 1 }],
      // Only in resource_changes (Terraform leaves it out of planned_values): values are what is deleted.
      ['google_x.deleted', 'delete', { a: 3 }, { a: 3 }],
      ['google_x.replaced', 'replace', { a: 5 }, { a: 4 }],
      ['google_x.kept', 'no-op', { a: 6 }, undefined],
      ['data.google_d.read', 'read', { b: 1 }, undefined],
    ]);
    expect(model.byId('google_x.deleted')!.sensitive).toEqual({ a: true });
  });

  it('reads a replace written create-before-destroy', () => {
    const doc = plan([{ address: 'google_x.y', values: {}, action: 'replace' }]) as { resource_changes: { change: { actions: string[] } }[] };
    doc.resource_changes[0].change.actions = ['create', 'delete'];
    expect(load(doc).byId('google_x.y')!.action).toBe('replace');
  });

  it('keeps after_unknown and after_sensitive as the unknown and sensitive trees', () => {
    const model = load(plan([{ address: 'google_x.y', values: { list: ['a'] }, unknown: { id: true, list: [false, true] }, sensitive: { secret: true } }]));
    expect(model.byId('google_x.y')).toMatchObject({ unknown: { id: true, list: [false, true] }, sensitive: { secret: true } });
  });
});

describe('plan modules and instances', () => {
  const model = load(
    plan([
      { address: 'module.env["prod"].module.iam.google_project_iam_member.m[0]', values: { role: 'r', member: 'user:a@example.com' }, references: { project: ['google_project.p.project_id', 'google_project.p'] } },
      { address: 'module.env["prod"].module.iam.google_project_iam_member.m[1]', values: { role: 'r', member: 'user:b@example.com' }, references: { project: ['google_project.p.project_id', 'google_project.p'] } },
      { address: 'module.env["prod"].module.iam.google_project.p', values: { project_id: 'p' } },
      { address: 'google_secret_manager_secret.s["a"]', values: { secret_id: 'a' } },
      { address: 'google_secret_manager_secret.s["b"]', values: { secret_id: 'b' } },
      { address: 'google_secret_manager_secret_iam_member.m["a"]', values: {}, references: { secret_id: ['google_secret_manager_secret.s[each.key].id', 'google_secret_manager_secret.s'] } },
      { address: 'google_x.any', values: {}, references: { list: ['google_secret_manager_secret.s'] } },
      { address: 'google_x.first', values: {}, references: { name: ['google_secret_manager_secret.s["a"].id', 'google_secret_manager_secret.s["a"]', 'google_secret_manager_secret.s'] } },
    ]),
  );

  it('derives module path, type, name and index from the address', () => {
    const r = model.byId('module.env["prod"].module.iam.google_project_iam_member.m[1]')!;
    expect([r.modulePath, r.type, r.name, r.index, r.mode]).toEqual([['module.env["prod"]', 'module.iam'], 'google_project_iam_member', 'm', 1, 'managed']);
    expect(model.byId('google_secret_manager_secret.s["b"]')!.index).toBe('b');
  });

  it('resolves a reference inside a module instance to that module instance', () => {
    expect(model.byId('module.env["prod"].module.iam.google_project_iam_member.m[0]')!.references).toEqual([
      { path: 'project', expression: 'google_project.p.project_id', target: 'module.env["prod"].module.iam.google_project.p', attribute: 'project_id' },
    ]);
    expect(model.referrers('module.env["prod"].module.iam.google_project.p').map((r) => r.index)).toEqual([0, 1]);
  });

  it('resolves a for_each reference to the instance with the same key, and leaves an ambiguous one without target', () => {
    expect(model.byId('google_secret_manager_secret_iam_member.m["a"]')!.references.map((r) => r.target)).toEqual(['google_secret_manager_secret.s["a"]']);
    expect(model.byId('google_x.any')!.references).toEqual([{ path: 'list', expression: 'google_secret_manager_secret.s', target: undefined, attribute: undefined }]);
    expect(model.byId('google_x.first')!.references).toEqual([
      { path: 'name', expression: 'google_secret_manager_secret.s["a"].id', target: 'google_secret_manager_secret.s["a"]', attribute: 'id' },
    ]);
  });

  it('nests planned values in child_modules as Terraform does', () => {
    const doc = plan([{ address: 'module.a.module.b.google_x.y', values: {} }]) as { planned_values: { root_module: { child_modules: { address: string; child_modules: { address: string }[] }[] } } };
    const outer = doc.planned_values.root_module.child_modules[0];
    expect([outer.address, outer.child_modules[0].address]).toEqual(['module.a', 'module.a.module.b']);
  });
});

describe('address fields', () => {
  it('believes the address over mode/type/name fields that do not spell it', () => {
    const model = load({
      format_version: '1.2',
      resource_changes: [{ address: 'module.m.google_real.r["k"]', module_address: 'module.m', mode: 'managed', type: 'google_claimed', name: 'x', change: { actions: ['create'], after: {} } }],
    });
    expect(model.resources.map((r) => [r.address, r.type, r.name, r.index, r.modulePath])).toEqual([['module.m.google_real.r["k"]', 'google_real', 'r', 'k', ['module.m']]]);
  });
});

describe('module output references', () => {
  it('follows module.<name>.<output> to the resource the module output names', () => {
    const model = load({
      format_version: '1.1',
      planned_values: {
        root_module: {
          resources: [{ address: 'google_project_iam_member.m', mode: 'managed', type: 'google_project_iam_member', name: 'm', values: { role: 'r' } }],
          child_modules: [{ address: 'module.sa', resources: [{ address: 'module.sa.google_service_account.sa', mode: 'managed', type: 'google_service_account', name: 'sa', values: {} }] }],
        },
      },
      resource_changes: [],
      configuration: {
        root_module: {
          resources: [{ address: 'google_project_iam_member.m', expressions: { member: { references: ['module.sa.member', 'module.sa'] } } }],
          module_calls: {
            sa: {
              source: './sa',
              module: {
                outputs: { member: { expression: { references: ['google_service_account.sa.member', 'google_service_account.sa'] } } },
                resources: [{ address: 'google_service_account.sa', expressions: {} }],
              },
            },
          },
        },
      },
    });
    expect(model.byId('google_project_iam_member.m')!.references).toEqual([
      { path: 'member', expression: 'module.sa.member', target: 'module.sa.google_service_account.sa', attribute: 'member' },
    ]);
    // No resource_changes entry: a planned value alone is a managed resource with nothing to do.
    expect(model.byId('google_project_iam_member.m')!.action).toBe('no-op');
  });
});

describe('real plans of each format_version', () => {
  test.each([
    ['0.1', 'example_project_iam.tfplan.json', 5],
    ['0.2', 'example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json', 4],
    ['1.0', 'example_folder_iam_policy.tfplan.json', 1],
    ['1.1', 'example_service_account.tfplan.json', 1],
  ])('loads format_version %s (%s)', (version, file, count) => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, file));
    expect(model.resources).toHaveLength(count);
    expect(JSON.parse(readFileSync(join(TERRAFORM_VALIDATOR, file), 'utf8')).format_version).toBe(version);
  });

  it('reads an update with its after values (example_project_update)', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_project_update.tfplan.json'));
    expect(model.resources.map((r) => [r.address, r.action])).toEqual([['google_project.my_project', 'update']]);
  });

  it('keeps a data source read at plan time with its unknown marks', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json'));
    expect(model.byId('data.google_iam_policy.owner')).toMatchObject({
      mode: 'data',
      action: 'read',
      unknown: { audit_config: [], binding: [{ condition: [], members: [true] }], id: true, policy_data: true },
      sensitive: { audit_config: [], binding: [{ condition: [], members: [false] }] },
    });
  });
});

describe('terraform show -json of a state', () => {
  it('reads values.root_module as resources with nothing to do', () => {
    const model = load({ format_version: '1.0', values: { root_module: { resources: [{ address: 'google_x.y', mode: 'managed', type: 'google_x', name: 'y', values: { a: 1 } }] } } });
    expect(model.resources.map((r) => [r.address, r.action, r.values])).toEqual([['google_x.y', 'no-op', { a: 1 }]]);
  });
});

describe('unknown and sensitive marks that are not marks', () => {
  it('reads null (and other non-boolean) marks as "not marked": every rule of the all pack runs, none errors', () => {
    // GIVEN a plan whose after_sensitive / after_unknown hold null where Terraform writes false or an object
    const doc = plan([
      {
        address: 'google_project_iam_member.owner',
        values: { project: 'app-prd', role: 'roles/owner', member: 'user:alice@gmail.com', condition: [] },
        sensitive: { condition: null, member: null },
        unknown: { condition: [null], etag: null },
      },
      { address: 'google_logging_organization_sink.org', values: { org_id: '1', name: 'org', destination: 'storage.googleapis.com/b', filter: '', include_children: true }, sensitive: null as unknown as object },
    ]);
    const model = load(doc);
    // WHEN every rule runs on it
    const evaluation = evaluate(model, { rules: RULES, pack: PACKS.all, params: paramsFromConfig(undefined) });
    // THEN no rule errors, the owner grant to a consumer account is still found, and its member is not hidden
    expect(evaluation.rules.filter((o) => o.outcome === 'error').map((o) => `${o.ruleId}: ${o.reason}`)).toEqual([]);
    expect(evaluation.results.filter((r) => r.ruleId === 'iam-no-basic-roles').map((r) => [r.outcome, r.address])).toEqual([['finding', 'google_project_iam_member.owner']]);
    expect(model.grants.map((g) => g.member)).toEqual([{ state: 'known', value: 'user:alice@gmail.com' }]);
  });
});

describe('sensitive values before an update', () => {
  it('are sensitive where before_sensitive says so, though after_sensitive no longer marks them', () => {
    // GIVEN an update that replaces a token that only before_sensitive marks (the new value is known only after apply)
    const doc = plan([
      {
        address: 'google_monitoring_notification_channel.hook',
        values: { type: 'webhook_tokenauth', labels: { url: 'https://hooks.example.com/x' }, sensitive_labels: [] },
        before: { type: 'webhook_tokenauth', labels: { url: 'https://hooks.example.com/x' }, sensitive_labels: [{ auth_token: 'old-token-5f2b9c1d', password: '', service_key: '' }] },
        action: 'update',
      },
    ]) as { resource_changes: { change: Record<string, unknown> }[] };
    doc.resource_changes[0].change.after_sensitive = {};
    doc.resource_changes[0].change.before_sensitive = { sensitive_labels: [{ auth_token: true }] };
    // WHEN loaded
    const resource = load(doc).byId('google_monitoring_notification_channel.hook')!;
    // THEN the old token is kept as a value before the change, and known to be one no output may show
    expect(resource.before).toBeDefined();
    expect([...sensitiveValuesOf(resource)]).toContain('old-token-5f2b9c1d');
  });
});
