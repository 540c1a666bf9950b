/**
 * Secret Manager for the organization: every configured secret (no values, ever), the rotation
 * topic, optional customer-managed keys per replica location, and the canary secret the alerting
 * stack watches. The hierarchy stack deploys first (projects are named by their config ids).
 */
import type { Construct } from 'constructs';
import type { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import { BaselineStack, type BaselineStackProps } from './baseline-stack';
import { ServiceIdentity } from '../constructs/secrets/service-identity';
import { RotationTopic } from '../constructs/secrets/rotation-topic';
import { RotatingKey } from '../constructs/kms/rotating-key';
import { BaselineSecret } from '../constructs/secrets/baseline-secret';
import { breakGlassMembers } from '../constructs/iam/break-glass';

export class SecretsStack extends BaselineStack {
  /** A secret nobody may read; any access to it raises an alert (see the alerting stack). */
  readonly canarySecret: SecretManagerSecret;
  readonly canary: BaselineSecret;
  /** Configured secrets by id. */
  readonly secrets: ReadonlyMap<string, BaselineSecret>;
  /** The Secret Manager service agent of the secrets project. */
  readonly serviceAgent: ServiceIdentity;
  readonly rotationTopic: RotationTopic;
  /** CMEK keys by replica location (Secret Manager wants each replica's key in its location); empty without `secrets.cmek`. */
  readonly keys: ReadonlyMap<string, RotatingKey>;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id, props);
    const { config } = props;
    const settings = config.secrets;
    const project = this.project(config.foundationProjects.secrets).id;

    this.serviceAgent = new ServiceIdentity(this, 'SecretManagerAgent', { project, service: 'secretmanager.googleapis.com' });
    this.rotationTopic = new RotationTopic(this, 'RotationTopic', { project, publisher: this.serviceAgent.member });

    const keys = new Map<string, RotatingKey>();
    const keyGrants = [];
    if (settings.cmek) {
      for (const location of settings.locations) {
        const key = new RotatingKey(this, `Key-${location}`, {
          project: this.project(config.foundationProjects.kms).id,
          location,
          // A ring of its own: other stacks may own `<keyRingName>` in the same location.
          keyRingName: `${config.kms.keyRingName}-secrets`,
          keyName: 'secrets',
          rotationDays: config.kms.rotationDays,
        });
        keys.set(location, key);
        keyGrants.push(key.grantEncrypterDecrypter(this.serviceAgent.member));
      }
    }
    this.keys = keys;

    const common = {
      project,
      locations: settings.locations,
      kmsKeys: settings.cmek ? Object.fromEntries([...keys].map(([location, key]) => [location, key.keyId])) : undefined,
      rotationTopic: this.rotationTopic.topic.id,
      // Secret Manager checks the agent can publish and encrypt when the secret is created.
      dependsOn: [this.rotationTopic.publisherGrant, ...keyGrants],
    };
    const reserved = breakGlassMembers(config.groups.breakGlass, config.iam.breakGlass?.group);
    const secrets = new Map<string, BaselineSecret>();
    for (const [i, item] of settings.items.entries()) {
      const secret = new BaselineSecret(this, `Secret-${item.id}`, {
        ...common,
        secretId: item.id,
        description: item.description,
        rotationDays: item.rotationDays ?? settings.rotationDays,
      });
      for (const member of item.accessors) {
        if (reserved.includes(member)) {
          throw new Error(`secrets.items[${i}].accessors: ${member} is the break-glass group and holds nothing except its expiring grant`);
        }
        secret.grantAccess(member);
      }
      secrets.set(item.id, secret);
    }
    this.secrets = secrets;

    this.canary = new BaselineSecret(this, 'Canary', {
      ...common,
      secretId: settings.canary.id,
      description: 'Canary: nobody reads this secret; any access is an incident.',
      rotationDays: settings.rotationDays,
      canary: true,
    });
    this.canarySecret = this.canary.resource;
  }
}
