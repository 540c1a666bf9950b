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

  it('matches a local backend by the state file name, and otherwise falls back to cdktf\'s naming convention', () => {
    const producer = (value: string) => ({
      terraform: { backend: { local: { path: 'terraform.logging.tfstate' } } },
      resource: { google_logging_project_bucket_config: { central: { bucket_id: 'c', project: 'p', location: 'global' } } },
      data: { google_project: { here: { project_id: 'p' } } },
      output: { bucket: { value }, literal: { value: 'plain text' }, variable: { value: '${var.x}' }, elsewhere: { value: '${google_storage_bucket.missing.name}' } },
    });
    const dir = writeCdktfOut({
      logging: producer('${google_logging_project_bucket_config.central.id}'),
      projects: { ...producer('${data.google_project.here.number}'), terraform: { backend: { local: { path: 'terraform.projects.tfstate' } } } },
      alerting: {
        data: {
          terraform_remote_state: {
            by_path: { backend: 'local', config: { path: '../../terraform.logging.tfstate' } },
            'cross-stack-reference-input-projects': { backend: 'local', config: { path: 'unknown.tfstate' } },
            'x-cross-stack-reference-input-logging': {},
          },
        },
        resource: {
          google_logging_metric: {
            by_path: { name: 'a', filter: 'x', bucket_name: '${data.terraform_remote_state.by_path.outputs.bucket}' },
            by_name: { name: 'b', filter: 'x', bucket_name: '${data.terraform_remote_state.cross-stack-reference-input-projects.outputs.bucket}' },
            no_match: { name: 'c', filter: 'x', bucket_name: '${data.terraform_remote_state.x-cross-stack-reference-input-logging.outputs.bucket}' },
            literal: { name: 'd', filter: 'x', bucket_name: '${data.terraform_remote_state.by_path.outputs.literal}' },
            variable: { name: 'e', filter: 'x', bucket_name: '${data.terraform_remote_state.by_path.outputs.variable}' },
            elsewhere: { name: 'f', filter: 'x', bucket_name: '${data.terraform_remote_state.by_path.outputs.elsewhere}' },
            not_output: { name: 'g', filter: 'x', bucket_name: '${data.terraform_remote_state.by_path.backend}' },
          },
        },
      },
    });
    dirs.push(dir);
    const model = loadModel(dir);
    const target = (name: string) => model.byId(`alerting/google_logging_metric.${name}`)!.references.map((r) => [r.target, r.attribute]);
    expect(['by_path', 'by_name', 'no_match', 'literal', 'variable', 'elsewhere', 'not_output'].map(target)).toEqual([
      [['logging/google_logging_project_bucket_config.central', 'id']],
      [['projects/data.google_project.here', 'number']],
      [['alerting/data.terraform_remote_state.x-cross-stack-reference-input-logging', 'outputs.bucket']],
      [['alerting/data.terraform_remote_state.by_path', 'outputs.literal']],
      [['alerting/data.terraform_remote_state.by_path', 'outputs.variable']],
      [['alerting/data.terraform_remote_state.by_path', 'outputs.elsewhere']],
      [['alerting/data.terraform_remote_state.by_path', 'backend']],
    ]);
  });

  it('keeps of a stack\'s dependencies only the other stacks of the manifest', () => {
    const dir = writeCdktfOut({ a: {}, b: {}, c: {} }, { a: ['b', 'a', 'nope', 'c'], b: undefined });
    dirs.push(dir);
    const model = loadModel(dir);
    expect([model.stackDependencies.get('a'), model.stackDependencies.get('b'), model.stackDependencies.get('c')]).toEqual([['b', 'c'], [], []]);
    expect(model.sources).toEqual([join(dir, 'manifest.json'), ...['a', 'b', 'c'].map((n) => join(dir, `stacks/${n}/cdk.tf.json`))]);
  });

  it.each([
    ['stacks that are not an object', { stacks: [] }, 'expected "stacks" to be an object'],
    ['a stack without its file', { stacks: { a: { dependencies: [] } } }, 'stack "a" has no synthesizedStackPath'],
    ['a stack that is not an object', { stacks: { a: 'stacks/a/cdk.tf.json' } }, 'stack "a" has no synthesizedStackPath'],
    ['dependencies that are not all stack names', { stacks: { a: { synthesizedStackPath: 'a.json', dependencies: ['b', 7] } } }, 'stack "a": expected "dependencies" to be a list of stack names'],
    ['a stack file that is the parent directory', { stacks: { a: { synthesizedStackPath: '..' } } }, 'stack "a" points outside the directory'],
  ])('refuses a manifest with %s, naming the manifest', (_, manifest, problem) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    expect(() => loadModel(dir)).toThrow(new InputError(`${join(dir, 'manifest.json')}: ${problem}`));
  });

  it('reads a stack file whose name only starts with two dots', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '..stack.tf.json'), JSON.stringify({ resource: { google_pubsub_topic: { t: { name: 't' } } } }));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: { synthesizedStackPath: '..stack.tf.json' } } }));
    expect(loadModel(dir).resources.map((r) => r.id)).toEqual(['a/google_pubsub_topic.t']);
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
