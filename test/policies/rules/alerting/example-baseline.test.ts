/**
 * The rules of this area on the real thing: the example org's baseline, synthesized by cdktf into a
 * cdktf.out directory. It must pass every one of them; taking a piece of it away must be noticed.
 */
import { App } from 'cdktf';
import { paramsFromConfig, policyFromOrgConfig } from '../../../../policies/config/adapter';
import { loadConfig } from '../../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../../config/example';
import type { BaselineConfig } from '../../../../policies/config/org-config';
import { evaluate } from '../../../../policies/engine/evaluate';
import { loadModel } from '../../../../policies/engine/load';
import type { Evaluation } from '../../../../policies/engine/results';
import type { Rule } from '../../../../policies/engine/rule';
import { RULE_TEST_NOW } from '../../../../policies/testing/rule-tester';
import { buildBaseline } from '../../../../stacks';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import alertingCisLogMetrics from '../../../../policies/rules/alerting/alerting-cis-log-metrics';
import alertingFailedLoginSpike from '../../../../policies/rules/alerting/alerting-failed-login-spike';
import alertingPoliciesHaveChannels from '../../../../policies/rules/alerting/alerting-policies-have-channels';
import secretsAccessorPerSecret from '../../../../policies/rules/secrets/secrets-accessor-per-secret';
import secretsNoPayloadInConfig from '../../../../policies/rules/secrets/secrets-no-payload-in-config';
import secretsRotation from '../../../../policies/rules/secrets/secrets-rotation';
import kmsKeyRotation from '../../../../policies/rules/kms/kms-key-rotation';
import orgpolicyRequiredConstraints from '../../../../policies/rules/org/orgpolicy-required-constraints';
import orgEssentialContacts from '../../../../policies/rules/org/org-essential-contacts';
import changeNoDestroy from '../../../../policies/rules/change/change-no-destroy-security-resources';
import scanningFindingsNotified from '../../../../policies/rules/scanning/scanning-findings-notified';
import scanningMuteConfigsReasoned from '../../../../policies/rules/scanning/scanning-mute-configs-reasoned';

const RULES = [
  alertingCisLogMetrics,
  alertingFailedLoginSpike,
  alertingPoliciesHaveChannels,
  secretsAccessorPerSecret,
  secretsNoPayloadInConfig,
  secretsRotation,
  kmsKeyRotation,
  orgpolicyRequiredConstraints,
  orgEssentialContacts,
  changeNoDestroy,
  scanningFindingsNotified,
  scanningMuteConfigsReasoned,
] as Rule[];

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>> };

let config: BaselineConfig;
let synthesized: string;
const scratch: string[] = [];

function check(outdir: string): Evaluation {
  return evaluate(loadModel(outdir, { declared: policyFromOrgConfig(config).declared }), {
    rules: RULES,
    pack: { name: 'all', description: 'example baseline', rules: RULES.map((r) => ({ rule: r.meta.id })) },
    params: paramsFromConfig(config, RULE_TEST_NOW),
  });
}

/** A copy of the synthesized output with one stack's cdk.tf.json changed. */
function mutated(stack: string, change: (doc: Doc) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baseline-mutated-'));
  scratch.push(dir);
  fs.cpSync(synthesized, dir, { recursive: true });
  const file = path.join(dir, 'stacks', stack, 'cdk.tf.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Doc;
  change(doc);
  fs.writeFileSync(file, JSON.stringify(doc));
  return dir;
}

/** The one resource name of a type that starts with the construct id given (cdktf appends a hash). */
function nameOf(doc: Doc, type: string, prefix: string): string {
  const names = Object.keys(doc.resource[type]).filter((n) => n.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, got ${names.join(', ')}`);
  return names[0];
}

const reports = (evaluation: Evaluation) => evaluation.results.map((r) => `${r.ruleId} ${r.outcome} ${r.messageId} ${r.resourceId}`);

beforeAll(() => {
  process.env.CHECKPOINT_DISABLE = '1';
  config = loadConfig(EXAMPLE_CONFIG);
  synthesized = fs.mkdtempSync(path.join(os.tmpdir(), 'baseline-synth-'));
  scratch.push(synthesized);
  const app = new App({ outdir: synthesized });
  buildBaseline(app, config);
  app.synth();
});

afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the example baseline', () => {
  it('passes every alerting, secrets, kms, org, change and scanning rule, each having something to judge', () => {
    const evaluation = check(synthesized);
    expect(reports(evaluation)).toEqual([]);
    expect(evaluation.rules.map((r) => [r.ruleId, r.outcome])).toEqual(RULES.map((r) => [r.meta.id, 'pass']));
  });

  it('fails scanning-findings-notified when the findings subscription is taken out, and scanning-mute-configs-reasoned when a mute loses its expiry', () => {
    let config = '';
    let mute = '';
    const dir = mutated('scanning', (doc) => {
      delete doc.resource.google_pubsub_subscription;
      config = nameOf(doc, 'google_scc_v2_organization_notification_config', 'Findings_');
      mute = nameOf(doc, 'google_scc_v2_organization_mute_config', 'Mute-mute-nonprod-default-network_');
      const values = doc.resource.google_scc_v2_organization_mute_config[mute];
      values.description = String(values.description).replace(/; expires: .*$/, '');
    });
    expect(reports(check(dir)).sort()).toEqual([
      `scanning-findings-notified finding no-subscriber scanning/google_scc_v2_organization_notification_config.${config}`,
      `scanning-mute-configs-reasoned finding no-expiry scanning/google_scc_v2_organization_mute_config.${mute}`,
    ]);
  });

  it('fails alerting-cis-log-metrics when the CIS 2.5 alert policy is taken out', () => {
    let metric = '';
    const dir = mutated('alerting', (doc) => {
      delete doc.resource.google_monitoring_alert_policy[nameOf(doc, 'google_monitoring_alert_policy', 'Alert-project-ownership-changes_')];
      metric = nameOf(doc, 'google_logging_metric', 'Alert-project-ownership-changes_');
    });
    expect(reports(check(dir))).toEqual([`alerting-cis-log-metrics finding no-alert alerting/google_logging_metric.${metric}`]);
  });

  it('fails alerting-failed-login-spike when the per-account alert stops grouping by account', () => {
    const dir = mutated('alerting', (doc) => {
      const policy = doc.resource.google_monitoring_alert_policy[nameOf(doc, 'google_monitoring_alert_policy', 'Alert-failed-sign-ins-per-account_')];
      const conditions = policy.conditions as { condition_threshold: { aggregations: { group_by_fields?: string[] }[] } }[];
      for (const a of conditions[0].condition_threshold.aggregations) delete a.group_by_fields;
    });
    expect(reports(check(dir))).toEqual(['alerting-failed-login-spike finding missing-per-account-alert alerting-failed-login-spike']);
  });

  it('fails orgpolicy-required-constraints and org-essential-contacts when the org policy and contact are taken out', () => {
    const dir = mutated('iam', (doc) => {
      delete doc.resource.google_org_policy_policy[nameOf(doc, 'google_org_policy_policy', 'OrgPolicies_Policy-iam-disableServiceAccountKeyUpload_')];
      delete doc.resource.google_essential_contacts_contact;
    });
    expect(reports(check(dir)).sort()).toEqual([
      'org-essential-contacts finding missing-category org-essential-contacts',
      'org-essential-contacts finding missing-category org-essential-contacts',
      'org-essential-contacts finding missing-category org-essential-contacts',
      'org-essential-contacts finding missing-category org-essential-contacts',
      'orgpolicy-required-constraints finding missing-constraint orgpolicy-required-constraints',
    ]);
  });

  it('fails kms-key-rotation and secrets-rotation when rotation is dropped from a key and a secret', () => {
    let key = '';
    let secret = '';
    const dir = mutated('secrets', (doc) => {
      key = nameOf(doc, 'google_kms_crypto_key', 'Key-europe-west1_');
      secret = nameOf(doc, 'google_secret_manager_secret', 'Secret-payments-api-key_');
      delete doc.resource.google_kms_crypto_key[key].rotation_period;
      delete doc.resource.google_secret_manager_secret[secret].rotation;
    });
    expect(reports(check(dir)).sort()).toEqual([
      `kms-key-rotation finding no-rotation secrets/google_kms_crypto_key.${key}`,
      `secrets-rotation finding no-rotation secrets/google_secret_manager_secret.${secret}`,
    ]);
  });
});
