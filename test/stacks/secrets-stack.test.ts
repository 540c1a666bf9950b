import { Testing } from 'cdktf';
import { SecretsStack } from '../../stacks/secrets-stack';
import { HierarchyStack } from '../../stacks/hierarchy-stack';
import { IamStack } from '../../stacks/iam-stack';
import type { BaselineConfig } from '../../policies/config/org-config';
import { exampleConfig, smallConfig } from '../constructs/iam/configs';
import { grantLines, resolve, resourcesOf, synthStack } from '../constructs/iam/synth-json';

function synthSecrets(config: BaselineConfig) {
  return synthStack(new SecretsStack(Testing.app(), 'secrets', { config }));
}

const AGENT = 'serviceAccount:[service agent of secretmanager.googleapis.com in example-secrets-prd]';
const ACCESSOR = 'roles/secretmanager.secretAccessor';
const APP_PRD = 'serviceAccount:app-runtime@example-app-prd.iam.gserviceaccount.com';
const APP_NPD = 'serviceAccount:app-runtime@example-app-npd.iam.gserviceaccount.com';

describe('SecretsStack (example org)', () => {
  const { doc, text } = synthSecrets(exampleConfig());
  const secrets = () =>
    Object.fromEntries(resourcesOf(doc, 'google_secret_manager_secret').map((s) => [String(s.secret_id), s])) as Record<string, Record<string, unknown>>;

  it('makes exactly these grants: per-secret accessors, the agent on the topic and on each key', () => {
    expect(grantLines(doc)).toEqual([
      `[key example-kms-prd/europe-west1/baseline-secrets/secrets] | roles/cloudkms.cryptoKeyEncrypterDecrypter | ${AGENT}`,
      `[key example-kms-prd/europe-west4/baseline-secrets/secrets] | roles/cloudkms.cryptoKeyEncrypterDecrypter | ${AGENT}`,
      `[secret example-secrets-prd/app-nonprod-db-password] | ${ACCESSOR} | ${APP_NPD}`,
      `[secret example-secrets-prd/app-prod-db-password] | ${ACCESSOR} | ${APP_PRD}`,
      `[secret example-secrets-prd/payments-api-key] | ${ACCESSOR} | ${APP_PRD}`,
      `[topic example-secrets-prd/secret-rotation] | roles/pubsub.publisher | ${AGENT}`,
    ]);
  });

  it('creates the four secrets (three configured and the canary) in the secrets project', () => {
    expect(Object.keys(secrets()).sort()).toEqual(['app-nonprod-db-password', 'app-prod-db-password', 'payments-api-key', 'zz-canary-do-not-read']);
    expect(Object.values(secrets()).map((s) => s.project)).toEqual(Array(4).fill('example-secrets-prd'));
  });

  it('replicates every secret to the configured locations under the key for each location', () => {
    for (const secret of Object.values(secrets())) {
      const replicas = (secret.replication as { user_managed: { replicas: Record<string, unknown>[] } }).user_managed.replicas;
      expect(replicas.map((r) => [r.location, resolve(doc, JSON.stringify(r.customer_managed_encryption))])).toEqual([
        ['europe-west1', '{"kms_key_name":"[key example-kms-prd/europe-west1/baseline-secrets/secrets]"}'],
        ['europe-west4', '{"kms_key_name":"[key example-kms-prd/europe-west4/baseline-secrets/secrets]"}'],
      ]);
    }
  });

  it('rotates each secret at its own period (else the default 90 days) and announces on the rotation topic', () => {
    const rotation = Object.fromEntries(
      Object.entries(secrets()).map(([id, s]) => [id, [(s.rotation as { rotation_period: string }).rotation_period, resolve(doc, JSON.stringify(s.topics))]]),
    );
    const topic = '[{"name":"[topic example-secrets-prd/secret-rotation]"}]';
    expect(rotation).toEqual({
      'app-prod-db-password': ['2592000s', topic],
      'app-nonprod-db-password': ['7776000s', topic],
      'payments-api-key': ['7776000s', topic],
      'zz-canary-do-not-read': ['7776000s', topic],
    });
  });

  it('rotates the CMEK keys within 90 days', () => {
    expect(resourcesOf(doc, 'google_kms_crypto_key').map((k) => k.rotation_period)).toEqual(['7776000s', '7776000s']);
  });

  it('labels the canary and gives it no accessor at all', () => {
    expect(secrets()['zz-canary-do-not-read'].labels).toEqual({ canary: 'true' });
    const onCanary = grantLines(doc).filter((line) => line.startsWith('[secret example-secrets-prd/zz-canary-do-not-read]'));
    expect(onCanary).toEqual([]);
    expect(Object.values(secrets()).filter((s) => s.labels !== undefined)).toHaveLength(1);
  });

  it('creates no secret version and no payload anywhere', () => {
    expect(doc.resource?.google_secret_manager_secret_version).toBeUndefined();
    expect(text).not.toContain('secret_data');
  });

  it('creates the Secret Manager service agent through google_project_service_identity', () => {
    expect(doc.resource?.google_project_service_identity).toEqual({
      SecretManagerAgent: { project: 'example-secrets-prd', service: 'secretmanager.googleapis.com', provider: 'google-beta' },
    });
  });
});

describe('SecretsStack (small org, no CMEK)', () => {
  it('makes only the accessor and topic grants, replicates to one location without keys', () => {
    const { doc } = synthSecrets(smallConfig());
    expect(grantLines(doc)).toEqual([
      '[secret small-vault-01/api-token] | roles/secretmanager.secretAccessor | serviceAccount:api@small-vault-01.iam.gserviceaccount.com',
      '[topic small-vault-01/secret-rotation] | roles/pubsub.publisher | serviceAccount:[service agent of secretmanager.googleapis.com in small-vault-01]',
    ]);
    expect(doc.resource?.google_kms_crypto_key).toBeUndefined();
    const secrets = resourcesOf(doc, 'google_secret_manager_secret');
    expect(secrets.map((s) => [s.secret_id, s.replication, (s.rotation as { rotation_period: string }).rotation_period])).toEqual([
      ['canary-small', { user_managed: { replicas: [{ location: 'us-east1' }] } }, '5184000s'],
      ['api-token', { user_managed: { replicas: [{ location: 'us-east1' }] } }, '5184000s'],
      ['unused-token', { user_managed: { replicas: [{ location: 'us-east1' }] } }, '604800s'],
    ]);
  });

  it('fails on a rotation longer than 90 days', () => {
    const config = smallConfig();
    config.secrets.items[1].rotationDays = 120;
    expect(() => synthSecrets(config)).toThrow('secret unused-token: rotationDays must be a whole number from 1 to 90, got 120');
  });

  it('fails on a user: accessor, naming it', () => {
    expect(() => smallConfig((raw) => void (raw.secrets.items![0].accessors = ['user:alice@small.example']))).toThrow(
      'secrets.items[0].accessors[0]: expected a serviceAccount: principal (workloads read secrets; people use break-glass), got "user:"',
    );
  });

  it('fails on a group accessor: people never read payloads, the break-glass group included', () => {
    expect(() => smallConfig((raw) => void (raw.secrets.items![0].accessors = ['group:bg@small.example']))).toThrow(
      'secrets.items[0].accessors[0]: expected a serviceAccount: principal (workloads read secrets; people use break-glass), got "group:"',
    );
  });
});

describe('hierarchy, iam and secrets stacks together', () => {
  it('synthesize without any secret payload in any stack', () => {
    const app = Testing.app();
    const config = exampleConfig();
    const hierarchy = new HierarchyStack(app, 'hierarchy', { config });
    const texts = [hierarchy, new IamStack(app, 'iam', { config, folderNames: hierarchy.folderNames }), new SecretsStack(app, 'secrets', { config })].map(
      (stack) => synthStack(stack).text,
    );
    expect(texts.map((t) => t.includes('secret_data') || t.includes('google_secret_manager_secret_version'))).toEqual([false, false, false]);
    expect(texts.every((t) => t.length > 1000)).toBe(true);
  });
});
