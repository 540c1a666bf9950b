import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { parseConfig } from '../../policies/config/load';
import { buildBaseline } from '../../stacks';
import { exampleConfigInput, iamResources, only } from '../constructs/logging/synth-lookup';
import type { SynthDoc } from '../constructs/iam/synth-json';

/** The example org (or a variant) synthesized whole; the scanning stack's document, or undefined without one. */
function synthScanning(input: Record<string, any>) {
  const outdir = mkdtempSync(join(tmpdir(), 'baseline-scanning-'));
  const app = new App({ outdir });
  const baseline = buildBaseline(app, parseConfig(input));
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const path = manifest.stacks.scanning?.synthesizedStackPath;
  return { baseline, doc: path ? (JSON.parse(readFileSync(join(outdir, path), 'utf8')) as SynthDoc) : undefined };
}

let example: ReturnType<typeof synthScanning> | undefined;
/** The example org as configured, synthesized once for the tests that only read it. */
const synthExample = () => (example ??= synthScanning(exampleConfigInput()));

describe('ScanningStack', () => {
  it('routes the example org\'s active CRITICAL and HIGH findings to a topic in the logging project, alerting both channels', () => {
    // GIVEN the example org WHEN synthesized
    const { doc } = synthExample();
    // THEN the notification config, topic, subscription and alert are there
    expect(only(doc!, 'google_scc_v2_organization_notification_config')).toMatchObject({
      organization: '123456789012',
      config_id: 'baseline-active-findings',
      streaming_config: { filter: 'state="ACTIVE" AND -mute="MUTED" AND (severity="CRITICAL" OR severity="HIGH")' },
    });
    expect(only(doc!, 'google_pubsub_topic')).toMatchObject({ project: 'example-logging-prd', name: 'scc-findings' });
    expect(only(doc!, 'google_pubsub_subscription')).toMatchObject({ project: 'example-logging-prd', name: 'scc-findings-triage' });
    // AND the alert names both of the alerting stack's channels (through its remote state)
    const channels = only(doc!, 'google_monitoring_alert_policy').notification_channels as string[];
    expect(channels).toHaveLength(2);
    for (const channel of channels) expect(channel).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-alerting\.outputs\./);
  });

  it('grants exactly one role in the stack: publisher on the findings topic, to the SCC notification agent of the organization', () => {
    const { doc } = synthExample();
    expect(iamResources(doc!).map((g) => [g.type, g.values.role, g.values.member])).toEqual([
      ['google_pubsub_topic_iam_member', 'roles/pubsub.publisher', 'serviceAccount:service-org-123456789012@gcp-sa-scc-notification.iam.gserviceaccount.com'],
    ]);
  });

  it('writes the configured mute config with its reason and expiry, and no other', () => {
    const { doc } = synthExample();
    expect(Object.values(doc!.resource!.google_scc_v2_organization_mute_config)).toEqual([
      expect.objectContaining({
        mute_config_id: 'mute-nonprod-default-network',
        type: 'STATIC',
        filter: 'category="DEFAULT_NETWORK" AND resource.project_display_name="example-app-npd"',
        description: 'reason: The non-production project belongs to another team, which removes its default network this quarter.; expires: 2027-03-31',
      }),
    ]);
  });

  it('puts the route in another project and routes MEDIUM too when config says', () => {
    const input = exampleConfigInput();
    input.scanning = { project: 'secrets', severities: ['CRITICAL', 'HIGH', 'MEDIUM'] };
    const { doc } = synthScanning(input);
    expect(only(doc!, 'google_pubsub_topic')).toMatchObject({ project: 'example-secrets-prd' });
    expect(only(doc!, 'google_scc_v2_organization_notification_config')).toMatchObject({
      streaming_config: { filter: 'state="ACTIVE" AND -mute="MUTED" AND (severity="CRITICAL" OR severity="HIGH" OR severity="MEDIUM")' },
    });
    expect(doc!.resource!.google_scc_v2_organization_mute_config).toBeUndefined();
  });

  it('is left out without `scanning` in config', () => {
    const input = exampleConfigInput();
    delete input.scanning;
    const { baseline, doc } = synthScanning(input);
    expect([baseline.scanning, doc]).toEqual([undefined, undefined]);
  });

  it('fails on severities without HIGH, naming the config path', () => {
    const input = exampleConfigInput();
    input.scanning.severities = ['CRITICAL'];
    expect(() => parseConfig(input)).toThrow('scanning.severities');
  });

  it('fails on an image project that is not declared', () => {
    const input = exampleConfigInput();
    input.scanning.imageProjects = ['nowhere'];
    expect(() => parseConfig(input)).toThrow('scanning.imageProjects[0]');
  });

  it('fails on a mute config without an expiry', () => {
    const input = exampleConfigInput();
    delete input.scanning.muteConfigs[0].expires;
    expect(() => parseConfig(input)).toThrow('scanning.muteConfigs[0].expires');
  });
});
