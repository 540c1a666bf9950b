/**
 * The loaders check the type of every attribute a rule or engine helper reads (policies/engine/load/
 * attribute-types.ts): a known value of the wrong type is a one-line InputError naming file, address
 * and path, in plan JSON and synthesized JSON alike; tokens, nulls and values known only after apply
 * pass; every real plan of the corpus and the real synthesized baseline still load.
 */
import { policyFromOrgConfig } from '../../../policies/config/adapter';
import { App } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import { buildBaseline } from '../../../stacks';
import { InputError } from '../../../policies/engine/errors';
import { loadModel } from '../../../policies/engine/load';
import { ATTRIBUTE_TYPES } from '../../../policies/engine/load/attribute-types';
import { get } from '../../../policies/engine/model';
import { modelOf, plan, synth, type RuleInput } from '../../../policies/testing/rule-tester';
import { writeCdktfOut } from './cdktf-out-fixture';
import { planFiles, TERRAFORM_VALIDATOR } from './corpus';

/** The InputError message loading the input raises (one line), or a failure when it loads. */
function inputErrorOf(input: RuleInput | (() => unknown)): string {
  try {
    if (typeof input === 'function') input();
    else modelOf(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toMatch(/\n/);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, got none');
}

const planOf = (address: string, values: object, unknown: object = {}): RuleInput => ({ plan: plan([{ address, values, unknown }]) });
const synthOf = (type: string, values: Record<string, unknown>): RuleInput => ({ synth: synth({ [type]: { x: values } }) });

const ALERT = 'google_monitoring_alert_policy';

describe('attribute types', () => {
  describe('fails plan JSON with a known value of the wrong type', () => {
    test.each([
      ['string', planOf('google_logging_organization_sink.org', { org_id: '1', filter: ['x'] }), 'plan.json: google_logging_organization_sink.org: filter is an array, expected a string'],
      ['number', planOf('google_logging_project_bucket_config.b', { bucket_id: 'b', retention_days: '365' }), 'plan.json: google_logging_project_bucket_config.b: retention_days is a string, expected a number'],
      ['boolean', planOf('google_storage_bucket.b', { name: 'b', retention_policy: [{ is_locked: 'true', retention_period: 86400 }] }), 'plan.json: google_storage_bucket.b: retention_policy.0.is_locked is a string, expected a boolean'],
      ['string-array', planOf('google_project_iam_binding.b', { project: 'p', role: 'roles/viewer', members: 'user:a@example.com' }), 'plan.json: google_project_iam_binding.b: members is a string, expected an array of strings'],
      ['string-array item', planOf(`${ALERT}.a`, { notification_channels: ['projects/p/notificationChannels/1', 7] }), `plan.json: ${ALERT}.a: notification_channels.1 is a number, expected a string`],
      ['object', planOf('google_logging_metric.m', { name: 'm', filter: 'x', label_extractors: ['account'] }), 'plan.json: google_logging_metric.m: label_extractors is an array, expected an object'],
      ['block', planOf('google_org_policy_policy.p', { name: 'organizations/1/policies/x', spec: 'TRUE' }), 'plan.json: google_org_policy_policy.p: spec is a string, expected an object or an array of objects'],
      ['block item', planOf('google_org_policy_policy.p', { spec: [{ rules: [{ enforce: 'TRUE' }, 'FALSE'] }] }), 'plan.json: google_org_policy_policy.p: spec.0.rules.1 is a string, expected an object'],
      [
        'value deep in the second of several blocks',
        planOf(`${ALERT}.a`, { conditions: [{ condition_threshold: [{ threshold_value: 0 }] }, { condition_threshold: [{ threshold_value: [0] }] }] }),
        `plan.json: ${ALERT}.a: conditions.1.condition_threshold.0.threshold_value is an array, expected a number`,
      ],
    ])('fails on a %s', (_kind, input, message) => {
      expect(inputErrorOf(input)).toBe(message);
    });
  });

  describe('fails synthesized JSON with a known value of the wrong type', () => {
    test.each([
      ['string', synthOf('google_logging_organization_sink', { org_id: '1', filter: { logName: 'x' } }), 'cdk.tf.json: google_logging_organization_sink.x: filter is an object, expected a string'],
      ['number', synthOf('google_logging_project_bucket_config', { bucket_id: 'b', retention_days: 'a year' }), 'cdk.tf.json: google_logging_project_bucket_config.x: retention_days is a string, expected a number'],
      ['boolean', synthOf('google_storage_bucket', { name: 'b', retention_policy: { is_locked: 1 } }), 'cdk.tf.json: google_storage_bucket.x: retention_policy.is_locked is a number, expected a boolean'],
      ['string-array', synthOf('google_essential_contacts_contact', { parent: 'organizations/1', notification_category_subscriptions: 'ALL' }), 'cdk.tf.json: google_essential_contacts_contact.x: notification_category_subscriptions is a string, expected an array of strings'],
      ['string-array item', synthOf('google_project_iam_binding', { project: 'p', role: 'roles/viewer', members: [['user:a@example.com']] }), 'cdk.tf.json: google_project_iam_binding.x: members.0 is an array, expected a string'],
      ['object', synthOf('google_project', { project_id: 'p', labels: 'tight' }), 'cdk.tf.json: google_project.x: labels is a string, expected an object'],
      ['block', synthOf('google_secret_manager_secret', { secret_id: 's', rotation: 7776000 }), 'cdk.tf.json: google_secret_manager_secret.x: rotation is a number, expected an object or an array of objects'],
      ['block item', synthOf('google_organization_iam_audit_config', { org_id: '1', service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }, 'DATA_READ'] }), 'cdk.tf.json: google_organization_iam_audit_config.x: audit_log_config.1 is a string, expected an object'],
    ])('fails on a %s', (_kind, input, message) => {
      expect(inputErrorOf(input)).toBe(message);
    });

    it('fails a stack of a cdktf.out naming the stack file, the address and the path, never the value', () => {
      const dir = writeCdktfOut({ secrets: synth({ google_secret_manager_secret_version: { v: { secret: 's', secret_data: { value: 'hunter2-hunter2' } } } }) });
      try {
        expect(inputErrorOf(() => loadModel(dir))).toBe(`${join(dir, 'stacks/secrets/cdk.tf.json')}: google_secret_manager_secret_version.v: secret_data is an object, expected a string`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('accepts what is not a known value of the wrong type', () => {
    it('accepts tokens in any position, nulls, and empty lists', () => {
      const model = modelOf(
        synthOf(ALERT, {
          enabled: '${var.enabled}',
          notification_channels: '${var.channels}',
          conditions: [{ condition_threshold: '${local.threshold}' }, { condition_threshold: { threshold_value: null, aggregations: [] } }],
        }),
      );
      expect(get(model.resources[0], 'enabled').state).toBe('unknown');
    });

    it('accepts a plan value of any type where the plan marks it known only after apply', () => {
      const model = modelOf(planOf(`${ALERT}.a`, { enabled: 'later', notification_channels: [7, 'projects/p/notificationChannels/1'] }, { enabled: true, notification_channels: [true, false] }));
      expect(get(model.resources[0], 'enabled').state).toBe('unknown');
    });

    it('reads a synthesized number or boolean written as a string as the number or boolean Terraform makes of it', () => {
      const model = modelOf({
        synth: synth({
          google_logging_project_bucket_config: { b: { bucket_id: 'b', retention_days: '400', locked: 'true' } },
          [ALERT]: { a: { enabled: 'false', conditions: [{ condition_threshold: { threshold_value: '0' } }] } },
        }),
      });
      const [bucket, alert] = model.resources;
      expect([get(bucket, 'retention_days'), get(bucket, 'locked')]).toEqual([{ state: 'known', value: 400 }, { state: 'known', value: true }]);
      expect([get(alert, 'enabled'), get(alert, 'conditions.0.condition_threshold.threshold_value')]).toEqual([{ state: 'known', value: false }, { state: 'known', value: 0 }]);
    });

    it('converts only a string that reads as a number or a boolean, and only in synthesized JSON', () => {
      const synthError = (values: object) => inputErrorOf({ synth: synth({ google_logging_project_bucket_config: { b: { bucket_id: 'b', ...values } } }) });
      expect([synthError({ retention_days: ['400'] }), synthError({ retention_days: '400 days' }), synthError({ locked: 'yes' }), synthError({ locked: [true] })]).toEqual([
        'cdk.tf.json: google_logging_project_bucket_config.b: retention_days is an array, expected a number',
        'cdk.tf.json: google_logging_project_bucket_config.b: retention_days is a string, expected a number',
        'cdk.tf.json: google_logging_project_bucket_config.b: locked is a string, expected a boolean',
        'cdk.tf.json: google_logging_project_bucket_config.b: locked is an array, expected a boolean',
      ]);
      expect(inputErrorOf(planOf('google_logging_project_bucket_config.b', { retention_days: '400' }))).toBe(
        'plan.json: google_logging_project_bucket_config.b: retention_days is a string, expected a number',
      );
    });

    it('fails a plan that writes a boolean as a string: plans hold values of the schema type', () => {
      expect(inputErrorOf(planOf(`${ALERT}.a`, { enabled: 'false' }))).toBe(`plan.json: ${ALERT}.a: enabled is a string, expected a boolean`);
    });
  });

  it('lists every block a listed path goes through', () => {
    const missing = Object.entries(ATTRIBUTE_TYPES).flatMap(([type, attributes]) =>
      Object.keys(attributes).flatMap((path) => {
        const segments = path.split('.');
        return segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('.')).filter((prefix) => !['block', 'object'].includes(attributes[prefix]));
      }).map((prefix) => `${type} ${prefix}`),
    );
    expect(missing).toEqual([]);
  });

  describe('real input still loads', () => {
    test.each(planFiles())('the corpus plan %s', (file) => {
      expect(loadModel(join(TERRAFORM_VALIDATOR, file)).resources.length).toBeGreaterThan(0);
    });

    it('the synthesized example baseline (every stack of its cdktf.out)', () => {
      process.env.CHECKPOINT_DISABLE = '1';
      const config = loadConfig(EXAMPLE_CONFIG);
      const outdir = mkdtempSync(join(tmpdir(), 'attribute-types-synth-'));
      try {
        const app = new App({ outdir });
        buildBaseline(app, config);
        app.synth();
        const model = loadModel(outdir, { declared: policyFromOrgConfig(config).declared });
        expect(model.stacks).toEqual(['alerting', 'audit', 'hierarchy', 'iam', 'logging', 'scanning', 'secrets']);
        const bucket = model.byType('google_logging_project_bucket_config')[0];
        expect(get(bucket, 'retention_days')).toEqual({ state: 'known', value: 400 });
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    });
  });
});
