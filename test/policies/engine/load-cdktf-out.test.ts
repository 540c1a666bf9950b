/**
 * cdktf.out directories, synthesized for real by cdktf in a temp dir: all stacks become one model
 * with ids `<stack>/<address>`, and a cross-stack reference (remote-state output in the consumer)
 * resolves to the producing stack's resource.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, GcsBackend, LocalBackend, TerraformStack } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { InputError } from '../../../policies/engine/errors';
import { loadModel } from '../../../policies/engine/load';
import { writeCdktfOut } from './cdktf-out-fixture';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-cdktf-out-'));
  dirs.push(dir);
  return dir;
}

/** GIVEN a producer stack with a bucket and a consumer stack granting on it. */
function synthTwoStacks(backend: 'local' | 'gcs'): string {
  const outdir = tempDir();
  const app = new App({ outdir });
  const stack = (id: string) => {
    const s = new TerraformStack(app, id);
    new GoogleProvider(s, 'google', {});
    if (backend === 'local') new LocalBackend(s, { path: `terraform.${id}.tfstate` });
    else new GcsBackend(s, { bucket: 'state-bucket', prefix: `baseline/${id}` });
    return s;
  };
  const producer = stack('producer');
  const bucket = new StorageBucket(producer, 'bucket', { name: 'central-logs', location: 'EU' });
  const consumer = stack('consumer');
  new StorageBucketIamMember(consumer, 'reader', { bucket: bucket.name, role: 'roles/storage.objectViewer', member: 'allUsers' });
  app.synth();
  return outdir;
}

describe('cdktf.out', () => {
  test.each(['local', 'gcs'] as const)('resolves a cross-stack reference through the %s backend to the producing resource', (backend) => {
    const outdir = synthTwoStacks(backend);
    // WHEN
    const model = loadModel(outdir);
    // THEN
    expect(model.kind).toBe('cdktf-out');
    expect([...model.stacks].sort()).toEqual(['consumer', 'producer']);
    const reader = model.byId('consumer/google_storage_bucket_iam_member.reader')!;
    expect(reader).toMatchObject({ stack: 'consumer', address: 'google_storage_bucket_iam_member.reader', constructPath: 'consumer/reader' });
    expect(reader.references).toEqual([
      {
        path: 'bucket',
        expression: 'data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-google_storage_bucketbucketname',
        target: 'producer/google_storage_bucket.bucket',
        attribute: 'name',
      },
    ]);
    expect(model.referrers('producer/google_storage_bucket.bucket').map((r) => r.id)).toEqual(['consumer/google_storage_bucket_iam_member.reader']);
    expect(model.grantsOf(reader.id).map((g) => [g.target.resourceId, g.member])).toEqual([['producer/google_storage_bucket.bucket', { state: 'known', value: 'allUsers' }]]);
  });

  it('matches a remote state to its producer by GCS bucket and prefix, whatever the data source is called', () => {
    const dir = writeCdktfOut({
      logging: {
        terraform: { backend: { gcs: { bucket: 'state', prefix: 'baseline/logging' } } },
        resource: { google_logging_project_bucket_config: { central: { bucket_id: 'central-audit', project: 'p', location: 'global' } } },
        output: { central_bucket: { value: '${google_logging_project_bucket_config.central.id}' } },
      },
      decoy: { terraform: { backend: { gcs: { bucket: 'state', prefix: 'baseline/decoy' } } }, resource: { google_logging_project_bucket_config: { central: { bucket_id: 'x', project: 'p', location: 'global' } } }, output: { central_bucket: { value: '${google_logging_project_bucket_config.central.id}' } } },
      alerting: {
        data: { terraform_remote_state: { logs: { backend: 'gcs', config: { bucket: 'state', prefix: 'baseline/logging' } } } },
        resource: { google_logging_metric: { m: { name: 'm', filter: 'x', bucket_name: '${data.terraform_remote_state.logs.outputs.central_bucket}' } } },
      },
    });
    dirs.push(dir);
    expect(loadModel(dir).byId('alerting/google_logging_metric.m')!.references).toEqual([
      { path: 'bucket_name', expression: 'data.terraform_remote_state.logs.outputs.central_bucket', target: 'logging/google_logging_project_bucket_config.central', attribute: 'id' },
    ]);
  });

  it('leaves a remote state it cannot match pointing at the data source', () => {
    const dir = writeCdktfOut({
      alerting: {
        data: { terraform_remote_state: { logs: { backend: 'gcs', config: { bucket: 'other', prefix: 'x' } } } },
        resource: { google_logging_metric: { m: { bucket_name: '${data.terraform_remote_state.logs.outputs.central_bucket}' } } },
      },
    });
    dirs.push(dir);
    expect(loadModel(dir).byId('alerting/google_logging_metric.m')!.references.map((r) => [r.target, r.attribute])).toEqual([
      ['alerting/data.terraform_remote_state.logs', 'outputs.central_bucket'],
    ]);
  });

  it('loads the directory when pointed at its manifest.json', () => {
    const outdir = synthTwoStacks('local');
    expect(loadModel(join(outdir, 'manifest.json')).resources.map((r) => r.id).sort()).toEqual([
      'consumer/data.terraform_remote_state.cross-stack-reference-input-producer',
      'consumer/google_storage_bucket_iam_member.reader',
      'producer/google_storage_bucket.bucket',
    ]);
  });

  it('loads one stack directory as a lone cdk.tf.json', () => {
    const outdir = synthTwoStacks('local');
    const model = loadModel(join(outdir, 'stacks', 'producer'));
    expect([model.kind, model.resources.map((r) => r.id)]).toEqual(['synth-json', ['google_storage_bucket.bucket']]);
  });

  it('fails on a directory without manifest.json', () => {
    const dir = tempDir();
    expect(() => loadModel(dir)).toThrow(new InputError(`${dir}: no manifest.json, not a cdktf.out directory`));
  });

  it('fails on a manifest that points outside its directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'cdk.tf.json'), '{}');
    writeFileSync(join(dir, 'out', 'manifest.json'), JSON.stringify({ stacks: { evil: { synthesizedStackPath: '../cdk.tf.json' } } }));
    expect(() => loadModel(join(dir, 'out'))).toThrow(new InputError(`${join(dir, 'out', 'manifest.json')}: stack "evil" points outside the directory`));
  });

  it('fails on a manifest whose stack file is missing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: { synthesizedStackPath: 'stacks/a/cdk.tf.json' } } }));
    expect(() => loadModel(dir)).toThrow(new InputError(`${join(dir, 'stacks/a/cdk.tf.json')}: cannot read stack a (ENOENT)`));
  });
});
