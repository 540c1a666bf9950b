/**
 * Synthesized cdk.tf.json: a real cdktf stack synthesized in a temp dir, then loaded. Token strings
 * stay as written, are marked unknown and become references; meta-arguments are dropped; the
 * construct path and inline suppressions come from the `//` metadata.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { DataGoogleIamPolicy } from '@cdktf/provider-google/lib/data-google-iam-policy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import { SecretManagerSecretVersion } from '@cdktf/provider-google/lib/secret-manager-secret-version';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucketIamPolicy } from '@cdktf/provider-google/lib/storage-bucket-iam-policy';
import { loadModel } from '../../../policies/engine/load';
import type { Model } from '../../../policies/engine/model';
import { synth } from '../../../policies/testing/rule-tester';

let model: Model;
let file: string;
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'engine-synth-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'iam');
  new GoogleProvider(stack, 'google', {});
  const sa = new ServiceAccount(stack, 'deployer', { accountId: 'deployer', project: 'app-prod' });
  const member = new ProjectIamMember(stack, 'deployer-viewer', {
    project: 'app-prod',
    role: 'roles/viewer',
    member: `serviceAccount:${sa.email}`,
    dependsOn: [sa],
    lifecycle: { preventDestroy: true },
  });
  member.addOverride('//.baseline', { suppressions: [{ rule: 'iam-no-basic-roles', reason: 'legacy deployer, removed in Q1', expires: '2027-03-31' }] });
  const policy = new DataGoogleIamPolicy(stack, 'public-read', { binding: [{ role: 'roles/storage.objectViewer', members: ['allUsers', `serviceAccount:${sa.email}`] }] });
  new StorageBucketIamPolicy(stack, 'bucket-policy', { bucket: 'public-site', policyData: policy.policyData });
  const secret = new SecretManagerSecret(stack, 'api-key', { secretId: 'api-key', replication: { auto: {} } });
  new SecretManagerSecretVersion(stack, 'api-key-v1', { secret: secret.id, secretData: 'hunter2-but-longer' });
  app.synth();
  file = join(outdir, 'stacks', 'iam', 'cdk.tf.json');
  model = loadModel(file);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('a synthesized cdk.tf.json', () => {
  it('is a synth-json model of every resource and data source, ids being addresses', () => {
    expect(model.kind).toBe('synth-json');
    expect(model.sources).toEqual([file]);
    expect(model.resources.map((r) => [r.id, r.mode, r.action, r.stack])).toEqual([
      ['google_project_iam_member.deployer-viewer', 'managed', 'create', undefined],
      ['google_secret_manager_secret.api-key', 'managed', 'create', undefined],
      ['google_secret_manager_secret_version.api-key-v1', 'managed', 'create', undefined],
      ['google_service_account.deployer', 'managed', 'create', undefined],
      ['google_storage_bucket_iam_policy.bucket-policy', 'managed', 'create', undefined],
      ['data.google_iam_policy.public-read', 'data', 'read', undefined],
    ]);
  });

  it('drops meta-arguments and keeps token strings as written, marked unknown', () => {
    const member = model.byId('google_project_iam_member.deployer-viewer')!;
    expect(member.values).toEqual({ project: 'app-prod', role: 'roles/viewer', member: 'serviceAccount:${google_service_account.deployer.email}' });
    expect(member.unknown).toEqual({ member: true });
    expect(member.constructPath).toBe('iam/deployer-viewer');
    expect(member.sourceFile).toBe(file);
  });

  it('turns tokens into references to the resources they name', () => {
    expect(model.byId('google_project_iam_member.deployer-viewer')!.references).toEqual([
      { path: 'member', expression: 'google_service_account.deployer.email', target: 'google_service_account.deployer', attribute: 'email' },
    ]);
    expect(model.byId('google_storage_bucket_iam_policy.bucket-policy')!.references).toEqual([
      { path: 'policy_data', expression: 'data.google_iam_policy.public-read.policy_data', target: 'data.google_iam_policy.public-read', attribute: 'policy_data' },
    ]);
    expect(model.referrers('google_service_account.deployer').map((r) => r.id)).toEqual([
      'google_project_iam_member.deployer-viewer',
      'data.google_iam_policy.public-read',
    ]);
  });

  it('reads inline suppressions from the // metadata', () => {
    expect(model.byId('google_project_iam_member.deployer-viewer')!.inlineSuppressions).toEqual([
      { rule: 'iam-no-basic-roles', reason: 'legacy deployer, removed in Q1', expires: '2027-03-31' },
    ]);
  });

  it('marks provider-sensitive attributes sensitive, as a plan would', () => {
    expect(model.byId('google_secret_manager_secret_version.api-key-v1')!.sensitive).toEqual({ secret_data: true });
  });

  it('extracts grants through policy_data tokens into the data source binding', () => {
    expect(model.grantsOf('google_storage_bucket_iam_policy.bucket-policy').map((g) => [g.path, g.role, g.member, g.viaDataSource])).toEqual([
      ['binding.0.members.0', { state: 'known', value: 'roles/storage.objectViewer' }, { state: 'known', value: 'allUsers' }, 'data.google_iam_policy.public-read'],
      [
        'binding.0.members.1',
        { state: 'known', value: 'roles/storage.objectViewer' },
        {
          state: 'unknown',
          raw: 'serviceAccount:${google_service_account.deployer.email}',
          references: [{ path: 'binding.0.members.1', expression: 'google_service_account.deployer.email', target: 'google_service_account.deployer', attribute: 'email' }],
        },
        'data.google_iam_policy.public-read',
      ],
    ]);
  });

  it('is what cdktf wrote (the fixture really is cdktf output)', () => {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.resource.google_project_iam_member['deployer-viewer'].depends_on).toEqual(['google_service_account.deployer']);
  });
});

describe('tokens in synthesized values', () => {
  const load = (values: Record<string, unknown>) =>
    loadModel({ text: JSON.stringify(synth({ google_x: { y: values }, google_z: { w: { name: 'w' } } }, { data: { google_d: { e: {} } } })), name: 'cdk.tf.json' }).byId('google_x.y')!;

  it('parses resource, data, var, local and module references, and skips functions and literals', () => {
    const r = load({ a: '${jsonencode(google_z.w.labels)}', b: '${var.region}-${local.suffix}', c: '${module.net.network_id}', d: '${data.google_d.e.members[0]}', e: '${lookup(var.m, "google_q.r")}', f: '${google_z.w[0].id}', g: 'literal' });
    expect(r.references.map((x) => [x.path, x.expression, x.target, x.attribute])).toEqual([
      ['a', 'google_z.w.labels', 'google_z.w', 'labels'],
      ['b', 'var.region', undefined, undefined],
      ['b', 'local.suffix', undefined, undefined],
      ['c', 'module.net.network_id', undefined, undefined],
      ['d', 'data.google_d.e.members[0]', 'data.google_d.e', 'members.0'],
      ['e', 'var.m', undefined, undefined],
      ['f', 'google_z.w[0].id', 'google_z.w', 'id'],
    ]);
    expect(r.unknown).toEqual({ a: true, b: true, c: true, d: true, e: true, f: true });
  });

  it('marks tokens inside nested blocks and lists at their own path', () => {
    const r = load({ binding: [{ role: 'r', members: ['group:a@example.com', '${google_z.w.email}'] }], block: { x: '${google_z.w.id}' } });
    expect(r.unknown).toEqual({ binding: [{ members: [false, true] }], block: { x: true } });
    expect(r.references.map((x) => x.path)).toEqual(['binding.0.members.1', 'block.x']);
  });

  it('treats $${ as an escaped literal, not a token reference', () => {
    const r = load({ a: '$${google_z.w.id}' });
    expect(r.references).toEqual([]);
  });

  it('leaves a reference to a resource the stack lacks without a target', () => {
    expect(load({ a: '${google_missing.m.id}' }).references).toEqual([{ path: 'a', expression: 'google_missing.m.id' }]);
  });
});
