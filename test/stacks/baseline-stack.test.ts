import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'cdktf';
import { loadConfig } from '../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../config/example';
import { buildBaseline, DEPLOY_ORDER } from '../../stacks';
import { QUOTA_PROJECT_SERVICES } from '../../stacks/project-services';

type Doc = {
  terraform: { backend: Record<string, Record<string, string>> };
  data?: Record<string, Record<string, { config: Record<string, string> }>>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: string }>;
};

function synthApp(state?: { bucket: string; prefix: string }) {
  const outdir = mkdtempSync(join(tmpdir(), 'baseline-synth-'));
  const config = { ...loadConfig(EXAMPLE_CONFIG), ...(state ? { state } : {}) };
  const app = new App({ outdir });
  buildBaseline(app, config);
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const doc = (stack: string): Doc => JSON.parse(readFileSync(join(outdir, manifest.stacks[stack].synthesizedStackPath), 'utf8'));
  return { outdir, manifest, doc };
}

let example: ReturnType<typeof synthApp> | undefined;
/** The example org as configured, synthesized once for the tests that only read it. */
function synthBaseline(state?: { bucket: string; prefix: string }) {
  if (state) return synthApp(state);
  example ??= synthApp();
  return example;
}

describe('the baseline app', () => {
  it('synthesizes one stack per concern, in deploy order', () => {
    const { manifest } = synthBaseline();
    expect(Object.keys(manifest.stacks).sort()).toEqual([...DEPLOY_ORDER].sort());
  });

  it('declares the deploy order as stack dependencies, so `cdktf deploy \'*\'` cannot run a stack early', () => {
    // GIVEN the example org WHEN synthesized THEN the manifest holds exactly this graph:
    const { manifest } = synthBaseline();
    const graph = Object.fromEntries(DEPLOY_ORDER.map((stack) => [stack, [...manifest.stacks[stack].dependencies].sort()]));
    expect(graph).toEqual({
      hierarchy: [],
      logging: ['hierarchy'],
      secrets: ['hierarchy'],
      alerting: ['hierarchy', 'logging', 'secrets'],
      audit: ['hierarchy'],
      // The domain restriction goes last, after every grant to a Google service agent.
      iam: ['alerting', 'audit', 'hierarchy', 'logging', 'scanning', 'secrets'],
      scanning: ['alerting', 'hierarchy'],
    });
    // AND DEPLOY_ORDER lists every stack after all it depends on
    DEPLOY_ORDER.forEach((stack, i) => {
      for (const dependency of graph[stack]) expect(DEPLOY_ORDER.indexOf(dependency as (typeof DEPLOY_ORDER)[number])).toBeLessThan(i);
    });
  });

  it('sends every request of every stack with the quota project: billing_project and user_project_override', () => {
    const { doc } = synthBaseline();
    for (const stack of DEPLOY_ORDER) {
      const provider = (doc(stack) as unknown as { provider: { google: Record<string, unknown>[] } }).provider.google;
      expect(provider).toHaveLength(1);
      expect(provider[0]).toMatchObject({ billing_project: 'example-seed-prj', user_project_override: true });
    }
  });

  it('keeps local state in the project root, where consumer stacks read it through remote state', () => {
    // GIVEN no state bucket WHEN synthesized THEN the producer's backend and the consumer's remote state name one file
    const { outdir, doc } = synthBaseline();
    const workingDir = (stack: string) => join(outdir, 'stacks', stack);
    const producer = resolve(workingDir('logging'), doc('logging').terraform.backend.local.path);
    const consumer = resolve(workingDir('alerting'), doc('alerting').data!.terraform_remote_state['cross-stack-reference-input-logging'].config.path);
    expect(producer).toBe(resolve('terraform.logging.tfstate'));
    expect(consumer).toBe(producer);
  });

  it('grants on a folder by reference to the hierarchy stack\'s google_folder, through remote state', () => {
    // GIVEN the example org (one folder grant, on shared) WHEN the app synthesizes
    const { outdir, manifest, doc } = synthBaseline();
    // THEN iam depends on hierarchy, and its grant reads a hierarchy output...
    expect(manifest.stacks.iam.dependencies).toContain('hierarchy');
    const grants = Object.values(doc('iam').resource?.google_folder_iam_member ?? {});
    expect(grants.map((g) => [g.folder, g.role, g.member])).toEqual([
      [
        '${data.terraform_remote_state.cross-stack-reference-input-hierarchy.outputs.cross-stack-output-google_folderHierarchy_Folder-shared_A073D019name}',
        'roles/logging.viewer',
        'group:gcp-security@example.com',
      ],
    ]);
    // ...that is the `folders/<id>` name of the Shared folder...
    const hierarchy = doc('hierarchy');
    expect(hierarchy.output?.['cross-stack-output-google_folderHierarchy_Folder-shared_A073D019name']?.value).toBe('${google_folder.Hierarchy_Folder-shared_A073D019.name}');
    expect(hierarchy.resource?.google_folder?.['Hierarchy_Folder-shared_A073D019']?.display_name).toBe('Shared');
    // ...in the state the hierarchy stack writes.
    const remoteState = doc('iam').data!.terraform_remote_state['cross-stack-reference-input-hierarchy'].config.path;
    expect(resolve(outdir, 'stacks', 'iam', remoteState)).toBe(resolve(outdir, 'stacks', 'hierarchy', hierarchy.terraform.backend.local.path));
    // Nothing is found by display name any more.
    expect(DEPLOY_ORDER.filter((stack) => doc(stack).data?.google_active_folder !== undefined)).toEqual([]);
  });

  it('has a README runbook naming every prerequisite API of the quota project and every stack in deploy order', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const runbook = readme.slice(readme.indexOf('## First deploy (runbook)'), readme.indexOf('## Exit codes'));
    for (const service of QUOTA_PROJECT_SERVICES) expect(runbook).toContain(service);
    for (const word of ['billing account', 'Quota project', 'data sharing with Google Cloud', 'logging.bucket.locked: true', 'terraform untaint']) {
      expect(runbook).toContain(word);
    }
    const steps = DEPLOY_ORDER.map((stack) => runbook.indexOf(`| \`${stack}\` |`));
    expect(steps.every((at) => at > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('uses a GCS backend per stack when the config names a state bucket', () => {
    const { doc } = synthBaseline({ bucket: 'example-tfstate', prefix: 'org' });
    for (const stack of DEPLOY_ORDER) {
      expect(doc(stack).terraform.backend).toEqual({ gcs: { bucket: 'example-tfstate', prefix: `org/${stack}` } });
    }
  });
});
