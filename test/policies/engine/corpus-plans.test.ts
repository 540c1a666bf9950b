/**
 * Every real plan in test/fixtures/terraform-validator loads, keeps every resource the plan
 * names, and yields every basic-role and public-principal grant at the right address and path,
 * including those inside the JSON string `policy_data` and behind `data.google_iam_policy`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../../policies/engine/load';
import type { Grant } from '../../../policies/engine/model';
import { type Json, oracle, planFiles, RISKY_GRANT, TERRAFORM_VALIDATOR } from './corpus';

const RISKY = RISKY_GRANT;

function known(v: Grant['role']): string | undefined {
  return v.state === 'known' ? v.value : undefined;
}

function riskyGrants(file: string): string[] {
  const model = loadModel(join(TERRAFORM_VALIDATOR, file));
  return model.grants
    .filter((g) => RISKY.test(known(g.role) ?? '') || RISKY.test(known(g.member) ?? ''))
    .map((g) => `${g.resourceId} ${g.path} ${known(g.role)} ${known(g.member)}`);
}

describe('the terraform-validator corpus', () => {
  it('holds the 104 plans this suite is about', () => {
    expect(planFiles()).toHaveLength(104);
  });

  test.each(planFiles())('%s loads with every resource it names', (file) => {
    const plan = JSON.parse(readFileSync(join(TERRAFORM_VALIDATOR, file), 'utf8')) as Json;
    const model = loadModel(join(TERRAFORM_VALIDATOR, file));
    const named = new Map<string, string>();
    for (const rc of (plan.resource_changes ?? []) as Json[]) named.set(rc.address, rc.type);
    for (const r of (plan.planned_values?.root_module?.resources ?? []) as Json[]) named.set(r.address, r.type);
    for (const r of (plan.prior_state?.values?.root_module?.resources ?? []) as Json[]) if (r.mode === 'data') named.set(r.address, r.type);
    expect(model.resources.map((r) => [r.address, r.type]).sort()).toEqual([...named].sort());
    expect(model.kind).toBe('plan');
    expect(riskyGrants(file).sort()).toEqual(oracle(file).sort());
  });

  it('finds basic roles and public principals at their exact address and path', () => {
    const found = Object.fromEntries(planFiles().map((f) => [f, riskyGrants(f)]).filter(([, g]) => g.length > 0));
    expect(found).toEqual({
      'example_bigquery_dataset_iam_binding.tfplan.json': [
        'google_bigquery_dataset_iam_binding.reader members.0 roles/bigquery.dataViewer allAuthenticatedUsers',
        'google_bigquery_dataset_iam_binding.reader members.1 roles/bigquery.dataViewer allUsers',
      ],
      'example_bigquery_dataset_iam_member.tfplan.json': ['google_bigquery_dataset_iam_member.dataset member roles/bigquery.dataEditor allAuthenticatedUsers'],
      'example_bigquery_dataset_iam_policy.tfplan.json': [
        'google_bigquery_dataset_iam_policy.dataset policy_data.bindings.0.members.0 roles/editor serviceAccount:998476993360@cloudservices.gserviceaccount.com',
        'google_bigquery_dataset_iam_policy.dataset policy_data.bindings.0.members.1 roles/editor allAuthenticatedUsers',
      ],
      'example_cloud_run_service_iam_binding.tfplan.json': ['google_cloud_run_service_iam_binding.binding members.0 roles/viewer user:jane@example.com'],
      'example_cloud_run_service_iam_member.tfplan.json': ['google_cloud_run_service_iam_member.member member roles/viewer user:jane@example.com'],
      'example_cloud_run_service_iam_policy.tfplan.json': ['google_cloud_run_service_iam_policy.policy policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
      'example_folder_iam_binding.tfplan.json': ['google_folder_iam_binding.folder members.0 roles/editor user:jane@example.com'],
      'example_folder_iam_member.tfplan.json': ['google_folder_iam_member.editor member roles/editor user:jane@example.com'],
      'example_folder_iam_member_empty_folder.tfplan.json': ['google_folder_iam_member.editor member roles/editor user:jane@example.com'],
      'example_folder_iam_policy.tfplan.json': ['google_folder_iam_policy.folder policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
      'example_kms_crypto_key_iam_binding.tfplan.json': [
        'google_kms_crypto_key_iam_binding.crypto_key members.0 roles/cloudkms.admin allAuthenticatedUsers',
        'google_kms_crypto_key_iam_binding.crypto_key members.1 roles/cloudkms.admin allUsers',
      ],
      'example_kms_crypto_key_iam_member.tfplan.json': ['google_kms_crypto_key_iam_member.crypto_key member roles/cloudkms.admin allAuthenticatedUsers'],
      'example_kms_crypto_key_iam_policy.tfplan.json': ['google_kms_crypto_key_iam_policy.crypto_key policy_data.bindings.0.members.0 roles/cloudkms.admin allAuthenticatedUsers'],
      'example_kms_key_ring_iam_binding.tfplan.json': [
        'google_kms_key_ring_iam_binding.key_ring members.0 roles/cloudkms.cryptoKeyEncrypter allAuthenticatedUsers',
        'google_kms_key_ring_iam_binding.key_ring members.1 roles/cloudkms.cryptoKeyEncrypter allUsers',
      ],
      'example_kms_key_ring_iam_member.tfplan.json': ['google_kms_key_ring_iam_member.key_ring member roles/cloudkms.admin allAuthenticatedUsers'],
      'example_kms_key_ring_iam_policy.tfplan.json': ['google_kms_key_ring_iam_policy.key_ring policy_data.bindings.0.members.0 roles/cloudkms.admin allAuthenticatedUsers'],
      'example_organization_iam_member.tfplan.json': ['google_organization_iam_member.binding member roles/editor user:alice@gmail.com'],
      'example_organization_iam_policy.tfplan.json': ['google_organization_iam_policy.policy policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
      'example_project_iam.tfplan.json': [
        'google_project_iam_binding.editors members.0 roles/editor user:example-a@google.com',
        'google_project_iam_binding.editors members.1 roles/editor user:example-b@google.com',
        'google_project_iam_member.owner-a member roles/owner user:example-a@google.com',
        'google_project_iam_member.viewer-a member roles/viewer user:example-a@google.com',
        'google_project_iam_member.viewer-b member roles/viewer user:example-b@google.com',
      ],
      'example_project_iam_binding.tfplan.json': ['google_project_iam_binding.project members.0 roles/editor user:jane@example.com'],
      'example_project_iam_member.tfplan.json': ['google_project_iam_member.project member roles/editor user:jane@example.com'],
      'example_project_iam_member_empty_project.tfplan.json': ['google_project_iam_member.test-valid-owner member roles/owner user:test-valid@domain.com'],
      'example_project_iam_policy.tfplan.json': ['google_project_iam_policy.project policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
      'example_pubsub_subscription_iam_binding.tfplan.json': ['google_pubsub_subscription_iam_binding.editor members.0 roles/editor user:jane@example.com'],
      'example_pubsub_subscription_iam_member.tfplan.json': ['google_pubsub_subscription_iam_member.editor member roles/editor user:jane@example.com'],
      'example_pubsub_subscription_iam_policy.tfplan.json': ['google_pubsub_subscription_iam_policy.editor policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
      'example_spanner_database_iam_policy.tfplan.json': ['google_spanner_database_iam_policy.database policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
      'example_spanner_instance_iam_policy.tfplan.json': ['google_spanner_instance_iam_policy.instance policy_data.bindings.0.members.0 roles/editor user:jane@example.com'],
    });
  });
});

describe('grants from real plans, in full', () => {
  it('reads an organization IAM policy from policy_data with its org-level target', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_organization_iam_policy.tfplan.json'));
    expect(model.grantsOf('google_organization_iam_policy.policy')).toEqual([
      {
        resourceId: 'google_organization_iam_policy.policy',
        kind: 'policy',
        target: { level: 'organization', type: 'google_organization', id: { state: 'known', value: '123456789' }, attribute: 'org_id', resourceId: undefined },
        role: { state: 'known', value: 'roles/editor' },
        member: { state: 'known', value: 'user:jane@example.com' },
        path: 'policy_data.bindings.0.members.0',
        condition: undefined,
        action: 'create',
      },
    ]);
  });

  it('reads a KMS binding with its resource-level target and target resource', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_kms_crypto_key_iam_binding.tfplan.json'));
    const grants = model.grantsOf('google_kms_crypto_key_iam_binding.crypto_key');
    expect(grants.map((g) => [g.kind, g.path, g.target.level, g.target.type, g.target.id])).toEqual([
      ['binding', 'members.0', 'resource', 'google_kms_crypto_key', { state: 'known', value: '{{.Provider.project}}/global/keyring-example/crypto-key-example' }],
      ['binding', 'members.1', 'resource', 'google_kms_crypto_key', { state: 'known', value: '{{.Provider.project}}/global/keyring-example/crypto-key-example' }],
    ]);
  });

  it('follows an unknown policy_data to data.google_iam_policy, whose member is known only after apply', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json'));
    expect(model.grants).toEqual([
      {
        resourceId: 'google_bigquery_dataset_iam_policy.dataset',
        kind: 'policy',
        target: {
          level: 'resource',
          type: 'google_bigquery_dataset',
          id: { state: 'known', value: 'example_dataset' },
          attribute: 'dataset_id',
          resourceId: 'google_bigquery_dataset.dataset',
        },
        role: { state: 'known', value: 'roles/bigquery.dataOwner' },
        member: {
          state: 'unknown',
          references: [{ path: 'binding.0.members', expression: 'random_string.suffix.result', target: 'random_string.suffix', attribute: 'result' }],
        },
        path: 'binding.0.members.0',
        viaDataSource: 'data.google_iam_policy.owner',
        condition: undefined,
        action: 'create',
      },
    ]);
  });

  it('keeps the project of a member grant unknown when it comes from another resource', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_project_iam_member_empty_project.tfplan.json'));
    const [grant] = model.grantsOf('google_project_iam_member.test-valid-owner');
    expect(grant.target).toEqual({
      level: 'project',
      type: 'google_project',
      id: { state: 'unknown', references: [{ path: 'project', expression: 'random_string.suffix.result', target: 'random_string.suffix', attribute: 'result' }] },
      attribute: 'project',
      resourceId: 'random_string.suffix',
    });
  });

  it('reads a data source that only a 0.1 plan\'s prior_state holds', () => {
    const model = loadModel(join(TERRAFORM_VALIDATOR, 'example_storage_bucket_iam_policy.tfplan.json'));
    expect(model.byId('data.google_iam_policy.admin')).toMatchObject({
      mode: 'data',
      action: 'read',
      values: { binding: [{ condition: [], members: ['user:jane@example.com'], role: 'roles/storage.admin' }] },
    });
    expect(model.referrers('data.google_iam_policy.admin').map((r) => r.id)).toEqual(['google_storage_bucket_iam_policy.policy']);
  });
});
