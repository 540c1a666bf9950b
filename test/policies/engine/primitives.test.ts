/**
 * Small engine primitives pinned at their edges: the one-line input error, address parsing, and the
 * referrer index. Written from the mutants `npm run mutate` left alive in errors.ts, load/address.ts and
 * create-model.ts.
 */
import { InputError } from '../../../policies/engine/errors';
import { parseAddress } from '../../../policies/engine/load/address';
import { terraformTypeOfAsset } from '../../../policies/engine/load/asset-types';
import { modelOf, synth } from '../../../policies/testing/rule-tester';
import { isSensitive } from '../../../policies/engine/model';
import { modelRule, resourceRule, SEVERITIES } from '../../../policies/engine/rule';

describe('InputError', () => {
  it('folds every line break and the white space around it into one space', () => {
    const error = new InputError('plan.json:  \n   bad value\n\nat $.x');
    expect(error.message).toBe('plan.json: bad value at $.x');
    expect(error.name).toBe('InputError');
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps white space that is not around a line break', () => {
    expect(new InputError('a  b\tc').message).toBe('a  b\tc');
  });
});

describe('parseAddress', () => {
  it('reads numeric instance keys of any length and string keys with escapes', () => {
    expect(parseAddress('google_project_iam_member.m[12]')).toEqual({ modulePath: [], mode: 'managed', type: 'google_project_iam_member', name: 'm', index: 12 });
    expect(parseAddress('module.env["a\\"b"].data.google_iam_policy.p["k"]')).toEqual({
      modulePath: ['module.env["a\\"b"]'],
      mode: 'data',
      type: 'google_iam_policy',
      name: 'p',
      index: 'k',
    });
  });

  it.each(['google_x', 'google_x.y.z.w', 'module[0].m.google_x.y', 'data.google_x.y.z', 'data[0].google_x.y', 'data.google_x[0].y', 'google_x[0].y', 'foo.bar.google_x.y', 'google_x.y[', 'google_x.y[1', 'google_x.y["\\q"]', 'google_x.y z', 'module.m', 'data.google_x', '1abc.y'])(
    '%p is not an address',
    (address) => {
      expect(parseAddress(address)).toBeUndefined();
    },
  );
});

describe('model.referrers', () => {
  it('lists a referring resource once, however many of its attributes point at the target, in resource order', () => {
    // GIVEN a member naming the account twice (member and condition) and a second one naming it once
    const model = modelOf({
      synth: synth({
        google_service_account: { sa: { account_id: 'sa' } },
        google_project_iam_member: {
          a: { project: 'p', role: 'roles/viewer', member: 'serviceAccount:${google_service_account.sa.email}', condition: { title: '${google_service_account.sa.name}', expression: 'true' } },
          b: { project: '${google_service_account.sa.project}', role: 'roles/viewer', member: 'serviceAccount:${google_service_account.sa.email}' },
        },
      }),
    });
    expect(model.byId('google_project_iam_member.a')!.references.map((r) => r.target)).toEqual(['google_service_account.sa', 'google_service_account.sa']);
    expect(model.referrers('google_service_account.sa').map((r) => r.id)).toEqual(['google_project_iam_member.a', 'google_project_iam_member.b']);
    expect(model.referrers('google_project_iam_member.a')).toEqual([]);
  });

  it('lists a resource once when its references to a target are not next to each other', () => {
    const model = modelOf({
      synth: synth({
        google_service_account: { sa: { account_id: 'sa' }, other: { account_id: 'other' } },
        google_project_iam_member: {
          a: { project: '${google_service_account.sa.project}', role: 'roles/viewer', member: 'serviceAccount:${google_service_account.other.email}', condition: { title: '${google_service_account.sa.name}', expression: 'true' } },
        },
      }),
    });
    expect(model.byId('google_project_iam_member.a')!.references.map((r) => r.target)).toEqual(['google_service_account.sa', 'google_service_account.other', 'google_service_account.sa']);
    expect(model.referrers('google_service_account.sa').map((r) => r.id)).toEqual(['google_project_iam_member.a']);
    expect(model.referrers('google_service_account.other').map((r) => r.id)).toEqual(['google_project_iam_member.a']);
  });

  it('indexes no referrer for a reference to something that is not a resource', () => {
    const model = modelOf({ synth: synth({ google_project_iam_member: { a: { project: '${var.project}', role: 'roles/viewer', member: 'user:a@example.com' } } }) });
    expect(model.byId('google_project_iam_member.a')!.references.map((r) => r.target)).toEqual([undefined]);
    expect(model.referrers('var.project')).toEqual([]);
  });
});

describe('terraformTypeOfAsset', () => {
  it.each([
    ['cloudresourcemanager.googleapis.com/Project', 'google_project'],
    ['sqladmin.googleapis.com/Instance', 'google_sql_database_instance'],
    ['storage.googleapis.com/Bucket', 'google_storage_bucket'],
    ['secretmanager.googleapis.com/SecretVersion', 'google_secret_manager_secret_version'],
    ['iam.googleapis.com/WorkloadIdentityPool', 'google_iam_workload_identity_pool'],
    ['cloudresourcemanager.googleapis.com/Organization', 'google_organization'],
    ['cloudresourcemanager.googleapis.com/Folder', 'google_folder'],
    ['cloudkms.googleapis.com/CryptoKey', 'google_kms_crypto_key'],
    ['cloudkms.googleapis.com/KeyRing', 'google_kms_key_ring'],
    ['secretmanager.googleapis.com/Secret', 'google_secret_manager_secret'],
    ['iam.googleapis.com/ServiceAccount', 'google_service_account'],
    ['run.googleapis.com/Service', 'google_cloud_run_service'],
    ['cloudfunctions.googleapis.com/CloudFunction', 'google_cloudfunctions_function'],
    ['artifactregistry.googleapis.com/Repository', 'google_artifact_registry_repository'],
    ['compute.googleapis.com/Disk', 'google_compute_disk'],
    ['bigquery.googleapis.com/Dataset', 'google_bigquery_dataset'],
    ['pubsub.googleapis.com/Topic', 'google_pubsub_topic'],
    ['run.googleapis.com', 'google_run_resource'],
    ['example.com/A-b', 'google_example_com_a_b'],
  ])('%p is spelled %p', (assetType, type) => {
    expect(terraformTypeOfAsset(assetType)).toBe(type);
  });
});

describe('synthesized JSON: sensitivity by attribute name, and the defaults a synthesized resource carries', () => {
  const SENSITIVE = ['secret_data', 'secret_data_wo', 'private_key', 'password', 'password_wo', 'client_secret', 'sensitive_labels', 'sensitive_params', 'service_account_key', 'auth_token', 'token', 'credentials'];

  it.each(SENSITIVE)('marks a top-level %p sensitive, as the provider schema does', (name) => {
    const resource = modelOf({ synth: synth({ google_x: { r: { name: 'n', [name]: 'value' } } }) }).resources[0];
    expect(resource.sensitive).toEqual({ [name]: true });
    expect(isSensitive(resource, name)).toBe(true);
    expect(isSensitive(resource, 'name')).toBe(false);
  });

  it('marks nothing sensitive in a resource without those names', () => {
    const resource = modelOf({ synth: synth({ google_x: { r: { name: 'n', secret: 's', key: 'k', passwords: ['p'] } } }) }).resources[0];
    expect(resource.sensitive).toEqual({});
  });

  it('is not being imported and depends on nothing unless it says so', () => {
    const [plain, ordered] = modelOf({ synth: synth({ google_x: { a: { name: 'a' }, b: { name: 'b', depends_on: ['google_x.a'] } } }) }).resources;
    expect([plain.importing, plain.dependsOn]).toEqual([false, []]);
    expect([ordered.importing, ordered.dependsOn]).toEqual([false, ['google_x.a']]);
  });
});

describe('rule helpers', () => {
  it('orders severities most severe first (the gate and the verdict read them in this order)', () => {
    expect(SEVERITIES).toEqual(['critical', 'high', 'medium', 'low']);
  });

  it('tags a rule with its scope', () => {
    const meta = { id: 'x', description: 'd', severity: 'low', category: 'iam', messages: {} } as never;
    expect(resourceRule({ meta, types: ['google_x'], check: () => undefined }).scope).toBe('resource');
    expect(modelRule({ meta, check: () => undefined }).scope).toBe('model');
  });
});
