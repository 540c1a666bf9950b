import { BaselineSecret, type BaselineSecretProps } from '../../../constructs/secrets/baseline-secret';
import { grantLines, resourcesOf, synthScope } from '../iam/synth-json';

const props: BaselineSecretProps = {
  project: 'secrets-project-01',
  secretId: 'db-password',
  locations: ['europe-west1', 'europe-west4'],
  rotationTopic: 'projects/secrets-project-01/topics/secret-rotation',
};

describe('BaselineSecret', () => {
  it('replicates to the given locations, rotates every 90 days by default and announces on the topic', () => {
    // GIVEN a secret with defaults WHEN synthesized
    const { doc } = synthScope((scope) => new BaselineSecret(scope, 'db', props));
    // THEN user-managed replication, a 90-day rotation starting one period after creation, the topic, no labels
    expect(resourcesOf(doc, 'google_secret_manager_secret')).toEqual([
      {
        project: 'secrets-project-01',
        secret_id: 'db-password',
        replication: { user_managed: { replicas: [{ location: 'europe-west1' }, { location: 'europe-west4' }] } },
        rotation: { rotation_period: '7776000s', next_rotation_time: '${timeadd(timestamp(), "7776000s")}' },
        topics: [{ name: 'projects/secrets-project-01/topics/secret-rotation' }],
        deletion_protection: true,
        lifecycle: { ignore_changes: ['rotation[0].next_rotation_time'] },
      },
    ]);
  });

  it('encrypts each replica with the key for its location, rotates as asked and keeps the description', () => {
    const kmsKeys = {
      'europe-west1': 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/s',
      'europe-west4': 'projects/k/locations/europe-west4/keyRings/r/cryptoKeys/s',
    };
    const { doc } = synthScope(
      (scope) =>
        new BaselineSecret(scope, 'db', { ...props, kmsKeys, rotationDays: 30, nextRotationTime: '2030-01-01T00:00:00Z', description: 'DB.' }),
    );
    const [secret] = resourcesOf(doc, 'google_secret_manager_secret');
    expect(secret.replication).toEqual({
      user_managed: {
        replicas: [
          { location: 'europe-west1', customer_managed_encryption: { kms_key_name: kmsKeys['europe-west1'] } },
          { location: 'europe-west4', customer_managed_encryption: { kms_key_name: kmsKeys['europe-west4'] } },
        ],
      },
    });
    expect(secret.rotation).toEqual({ rotation_period: '2592000s', next_rotation_time: '2030-01-01T00:00:00Z' });
    expect(secret.annotations).toEqual({ description: 'DB.' });
  });

  it('grants access on this secret only, one accessor binding per member, and returns it', () => {
    const { doc } = synthScope((scope) => {
      const secret = new BaselineSecret(scope, 'db', props);
      const binding = secret.grantAccess('serviceAccount:app@app-project-01.iam.gserviceaccount.com');
      secret.grantAccess('group:sec@example.com');
      expect([binding.roleInput, binding.memberInput]).toEqual(['roles/secretmanager.secretAccessor', 'serviceAccount:app@app-project-01.iam.gserviceaccount.com']);
    });
    expect(grantLines(doc)).toEqual([
      '[secret secrets-project-01/db-password] | roles/secretmanager.secretAccessor | group:sec@example.com',
      '[secret secrets-project-01/db-password] | roles/secretmanager.secretAccessor | serviceAccount:app@app-project-01.iam.gserviceaccount.com',
    ]);
    expect(Object.keys(doc.resource ?? {}).sort()).toEqual(['google_secret_manager_secret', 'google_secret_manager_secret_iam_member']);
  });

  it('labels a canary and never creates a version or payload', () => {
    const { doc, text } = synthScope((scope) => new BaselineSecret(scope, 'canary', { ...props, secretId: 'zz-canary', canary: true }));
    expect(resourcesOf(doc, 'google_secret_manager_secret')[0].labels).toEqual({ canary: 'true' });
    expect(Object.keys(doc.resource ?? {})).toEqual(['google_secret_manager_secret']);
    expect(text).not.toContain('secret_data');
  });

  it('fails to grant anyone access to a canary', () => {
    expect(() =>
      synthScope((scope) => new BaselineSecret(scope, 'canary', { ...props, secretId: 'zz-canary', canary: true }).grantAccess('group:sec@example.com')),
    ).toThrow('secret zz-canary is a canary; nobody may be granted access, got group:sec@example.com');
  });

  it('fails on a rotation longer than 90 days', () => {
    expect(() => synthScope((scope) => new BaselineSecret(scope, 'db', { ...props, rotationDays: 91 }))).toThrow(
      'secret db-password: rotationDays must be a whole number from 1 to 90, got 91',
    );
  });

  it('fails on a user: accessor, naming it', () => {
    expect(() => synthScope((scope) => new BaselineSecret(scope, 'db', props).grantAccess('user:alice@example.com'))).toThrow(
      'access to secret db-password: member must be a group: or serviceAccount: principal, got "user:alice@example.com"',
    );
  });

  it('fails when a replica location has no key', () => {
    const kmsKeys = { 'europe-west1': 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/s' };
    expect(() => synthScope((scope) => new BaselineSecret(scope, 'db', { ...props, kmsKeys }))).toThrow(
      'secret db-password: kmsKeys must name a key for every location, got none for europe-west4',
    );
  });
});
