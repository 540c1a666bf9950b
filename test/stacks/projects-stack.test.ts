/**
 * Sharding per folder, from the real synthesized cdktf.out of a small org (main.ts synthBaseline): the shard
 * stacks' names, state prefixes, dependencies, resources and grants; and `baseline check` (the real command
 * line) finding what only the stacks together show.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { synthBaseline } from '../../main';
import { appOrg } from './app-org';
import { grantLines, resourcesOf, type SynthDoc } from '../constructs/iam/synth-json';
import { baseline, REPO } from '../e2e/run-baseline';

/** Org grants that only the stacks together show as conflicting, and a grant to a service agent in a shard. */
const OPS = 'group:ops@small.example';
const CLOUD_BUILD_AGENT = 'serviceAccount:service-222333444555@gcp-sa-cloudbuild.iam.gserviceaccount.com';

const work = mkdtempSync(join(tmpdir(), 'baseline-shards-'));
const outdir = join(work, 'cdktf.out');
const configFile = join(work, 'config.json');

beforeAll(() => {
  const config = appOrg(true, (raw) => {
    raw.state = { bucket: 'small-tf-state' };
    // Tight-coupled web keeps all three log types under a narrowed folder: a project-level audit config on it.
    raw.audit = { narrowing: [{ folder: 'apps', logTypes: ['ADMIN_READ'], reason: 'Apps data access logs cost more than they tell.' }] };
    raw.iam!.bindings!.push(
      // Service Account Admin on the apps folder (iam stack), Service Account User on a project two folders down
      // (projects-apps-eu stack): one member holds both over batch, which only the hierarchy stack places there.
      { scope: { folder: 'apps' }, role: 'roles/iam.serviceAccountAdmin', members: [OPS], reason: 'Ops manages the apps service accounts.' },
      { scope: { project: 'batch' }, role: 'roles/iam.serviceAccountUser', members: [OPS], reason: 'Ops runs batch jobs as the batch account.' },
      { scope: { project: 'web' }, role: 'roles/cloudbuild.serviceAgent', members: [CLOUD_BUILD_AGENT], reason: 'Cloud Build deploys the web app.' },
    );
  });
  synthBaseline(config, { outdir, policyGate: false });
  writeFileSync(configFile, JSON.stringify(config));
});

const manifest = () => JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { dependencies: string[] }> };
const stackDoc = (name: string) => JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as SynthDoc & { output?: Record<string, { value: string }> };
const projectIds = (doc: SynthDoc) => resourcesOf(doc, 'google_project').map((p) => p.project_id);

describe('stacks.shardByFolder: the synthesized stacks', () => {
  it('adds one stack per folder with non-foundation projects, each with its own state prefix in the state bucket', () => {
    const stacks = Object.keys(manifest().stacks).sort();
    expect(stacks).toEqual(['alerting', 'audit', 'hierarchy', 'iam', 'logging', 'projects-apps', 'projects-apps-eu', 'secrets']);
    expect(Object.fromEntries(stacks.map((s) => [s, (stackDoc(s).terraform as { backend: { gcs: unknown } }).backend.gcs]))).toMatchObject({
      'projects-apps': { bucket: 'small-tf-state', prefix: 'baseline/projects-apps' },
      'projects-apps-eu': { bucket: 'small-tf-state', prefix: 'baseline/projects-apps-eu' },
      hierarchy: { bucket: 'small-tf-state', prefix: 'baseline/hierarchy' },
    });
  });

  it('deploys each shard after the hierarchy, the audit stack after the shards of projects it configures, and iam (the domain restriction) after every shard', () => {
    const { stacks } = manifest();
    expect(stacks['projects-apps'].dependencies).toEqual(['hierarchy']);
    expect(stacks['projects-apps-eu'].dependencies).toEqual(['hierarchy']);
    expect(stacks.iam.dependencies).toEqual(expect.arrayContaining(['hierarchy', 'logging', 'secrets', 'alerting', 'audit', 'projects-apps', 'projects-apps-eu']));
    // The audit stack follows the shard of the one project it configures; nothing else needs a shard.
    expect(stacks.audit.dependencies.filter((d) => d.startsWith('projects-'))).toEqual(['projects-apps']);
    for (const name of ['logging', 'secrets', 'alerting']) expect(stacks[name].dependencies.filter((d) => d.startsWith('projects-'))).toEqual([]);
  });

  it('keeps the foundation projects in the hierarchy stack and moves each app project, with its APIs and import block, to its folder\'s stack', () => {
    expect(projectIds(stackDoc('hierarchy')).sort()).toEqual(['small-keys-01', 'small-logs-01', 'small-vault-01']);
    expect(projectIds(stackDoc('projects-apps'))).toEqual(['small-web-01']);
    const eu = stackDoc('projects-apps-eu');
    // legacy is existing: no project resource, but its APIs are enabled.
    expect(projectIds(eu)).toEqual(['small-batch-01']);
    expect(resourcesOf(eu, 'google_project_service').map((s) => s.project).sort()).toEqual([expect.stringContaining('google_project.'), 'small-legacy-01']);
    expect(eu.import?.map((i) => [i.id, i.to.split('.')[0]])).toEqual([['small-batch-01', 'google_project']]);
    expect(stackDoc('hierarchy').import ?? []).toEqual([]);
  });

  it('places each shard\'s projects in the hierarchy stack\'s folders through remote state', () => {
    const web = resourcesOf(stackDoc('projects-apps'), 'google_project')[0];
    const match = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-hierarchy\.outputs\.([^}]+)\}$/.exec(String(web.folder_id));
    expect(match).not.toBeNull();
    const output = stackDoc('hierarchy').output![match![1]].value;
    const folder = /^\$\{google_folder\.([^.]+)\.folder_id\}$/.exec(output)![1];
    expect(stackDoc('hierarchy').resource!.google_folder[folder].display_name).toBe('Apps');
  });

  it('makes exactly the predefined-role grants on a shard\'s projects there, each after its project; everything else in iam', () => {
    const apps = stackDoc('projects-apps');
    expect(grantLines(apps)).toEqual([
      `project small-web-01 | roles/cloudbuild.serviceAgent | ${CLOUD_BUILD_AGENT}`,
      'project small-web-01 | roles/run.developer | group:dev@small.example',
    ]);
    const [webProject] = Object.keys(apps.resource!.google_project);
    for (const grant of resourcesOf(apps, 'google_project_iam_member')) expect(grant.depends_on).toEqual([`google_project.${webProject}`]);
    expect(grantLines(stackDoc('projects-apps-eu'))).toEqual([
      'project small-batch-01 | roles/iam.serviceAccountUser | group:ops@small.example',
      'project small-batch-01 | roles/logging.viewer | group:dev@small.example',
    ]);
    // Folder grants name the hierarchy's folders through remote state.
    const remoteFolder = /\$\{data\.terraform_remote_state\.cross-stack-reference-input-hierarchy\.outputs\.cross-stack-output-google_folderHierarchy_Folder-([a-z-]+)_[0-9A-F]+name\}/;
    expect(grantLines(stackDoc('iam')).filter((l) => !l.startsWith('organization')).map((l) => l.replace(remoteFolder, 'remote folder $1')).sort()).toEqual([
      'project small-keys-01 | roles/cloudkms.viewer | group:sec@small.example',
      'project small-vault-01 | projects/small-vault-01/roles/vaultLister | serviceAccount:ci@small-keys-01.iam.gserviceaccount.com',
      'project small-web-01 | projects/small-web-01/roles/webDeployer | serviceAccount:ci@small-keys-01.iam.gserviceaccount.com',
      'remote folder apps | roles/iam.serviceAccountAdmin | group:ops@small.example',
      'remote folder security | roles/logging.viewer | group:sec@small.example',
    ]);
  });
});

describe('examples/ci/github-actions-sharded.yml on this cdktf.out', () => {
  it('lists exactly the shard stacks for its matrix', () => {
    const workflow = parse(readFileSync(join(REPO, 'examples', 'ci', 'github-actions-sharded.yml'), 'utf8'));
    const list = (workflow.jobs.synth.steps as { id?: string; run: string }[]).find((s) => s.id === 'shards')!.run;
    const output = join(work, 'github-output');
    const run = spawnSync('bash', ['-e', '-c', list], { cwd: work, encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: output } });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readFileSync(output, 'utf8')).toBe('shards=["projects-apps","projects-apps-eu"]\n');
  });
});

describe('baseline check over every stack of a sharded cdktf.out', () => {
  interface CheckResult {
    readonly ruleId: string;
    readonly outcome: string;
    readonly resourceId?: string;
    readonly suppression?: unknown;
  }
  const check = (input: string) => {
    const run = baseline(['check', input, '--config', configFile, '--format', 'json']);
    expect(run.stderr).toBe('');
    return { status: run.status, results: (JSON.parse(run.stdout) as { results: CheckResult[] }).results };
  };
  const findings = (results: readonly CheckResult[], rule: string) =>
    results.filter((r) => r.ruleId === rule && r.outcome === 'finding' && !r.suppression).map((r) => r.resourceId).sort();

  it('finds the separation-of-duties conflict that spans the iam stack, a shard and the hierarchy', () => {
    const { status, results } = check(outdir);
    expect(status).toBe(1);
    expect(findings(results, 'iam-sa-separation-of-duties')).toEqual([
      expect.stringMatching(/^iam\/google_folder_iam_member\.Grants_Folder-apps-iam-serviceAccountAdmin-/),
      expect.stringMatching(/^projects-apps-eu\/google_project_iam_member\.Grants_Project-small-batch-01-iam-serviceAccountUser-/),
    ]);
    // The shard's service-agent grant is applied before the domain restriction: the stack order says so.
    expect(findings(results, 'deploy-domain-restriction-blocks-grants')).toEqual([]);
  });

  it('sees neither from the shard alone', () => {
    const { results } = check(join(outdir, 'stacks', 'projects-apps-eu', 'cdk.tf.json'));
    expect(findings(results, 'iam-sa-separation-of-duties')).toEqual([]);
  });

  it('reports the service-agent grant when nothing orders its shard before the iam stack', () => {
    const edited = join(mkdtempSync(join(tmpdir(), 'baseline-shards-order-')), 'cdktf.out');
    cpSync(outdir, edited, { recursive: true });
    const m = manifest();
    // Neither iam nor audit (which iam follows) waits for the shard any more.
    for (const stack of Object.values(m.stacks)) stack.dependencies = stack.dependencies.filter((d) => d !== 'projects-apps');
    writeFileSync(join(edited, 'manifest.json'), JSON.stringify(m));
    expect(findings(check(edited).results, 'deploy-domain-restriction-blocks-grants')).toEqual([
      expect.stringMatching(/^projects-apps\/google_project_iam_member\.Grants_Project-small-web-01-cloudbuild-serviceAgent-/),
    ]);
  });
});
