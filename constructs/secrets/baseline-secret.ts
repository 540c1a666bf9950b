/**
 * A Secret Manager secret the way this baseline wants every secret: replicated only to named
 * locations (optionally under the org's own keys), rotated at most every 90 days with due
 * rotations announced on a topic, and readable only by members granted on THIS secret.
 *
 * It never holds a value: no secret version is created here, so no payload ever reaches
 * Terraform config or state. Values are added out of band by whoever owns the secret.
 */
import { Construct } from 'constructs';
import { Fn, Token, type ITerraformDependable } from 'cdktf';
import { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { SECRET_ACCESS_ROLE } from '../../policies/catalog/roles';
import { assertGrantableMember, idFragment } from '../iam/principals';

/** The longest rotation period this baseline allows, the same limit it sets for KMS keys. */
export const MAX_ROTATION_DAYS = 90;

export interface BaselineSecretProps {
  /** Project id the secret lives in. */
  readonly project: string;
  /** Secret id, unique in the project. */
  readonly secretId: string;
  /** Locations the secret is replicated to (user-managed replication). */
  readonly locations: readonly string[];
  /**
   * KMS key (full resource name) per replica location; each key must be in its replica's location.
   * @default - Google-managed encryption
   */
  readonly kmsKeys?: Readonly<Record<string, string>>;
  /**
   * Days between rotations, 1 to 90.
   * @default 90
   */
  readonly rotationDays?: number;
  /** Topic (`projects/<p>/topics/<t>`) due rotations are announced on. */
  readonly rotationTopic: string;
  /**
   * First rotation (RFC 3339). Secret Manager moves it on after each rotation, so later drift is ignored.
   * @default - one rotation period after the secret is created
   */
  readonly nextRotationTime?: string;
  /**
   * What the secret is for, kept as an annotation.
   * @default - no description
   */
  readonly description?: string;
  /**
   * A canary: nobody may ever read it, so any access is an alarm. Labelled `canary = true`; grantAccess throws.
   * @default false
   */
  readonly canary?: boolean;
  /**
   * Resources the secret waits for (the topic's publisher grant, the keys' grants).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

export class BaselineSecret extends Construct {
  readonly resource: SecretManagerSecret;
  /** The secret id as given (the resource's `secret_id`). */
  readonly secretId: string;
  private readonly canary: boolean;

  constructor(scope: Construct, id: string, props: BaselineSecretProps) {
    super(scope, id);
    this.canary = props.canary ?? false;
    this.secretId = props.secretId;
    const rotationDays = props.rotationDays ?? MAX_ROTATION_DAYS;
    if (!Number.isInteger(rotationDays) || rotationDays < 1 || rotationDays > MAX_ROTATION_DAYS) {
      throw new Error(`secret ${props.secretId}: rotationDays must be a whole number from 1 to ${MAX_ROTATION_DAYS}, got ${rotationDays}`);
    }
    if (props.locations.length === 0) throw new Error(`secret ${props.secretId}: locations must name at least one location, got none`);
    const keys = props.kmsKeys;
    const uncovered = keys ? props.locations.filter((l) => keys[l] === undefined) : [];
    if (uncovered.length > 0) {
      throw new Error(`secret ${props.secretId}: kmsKeys must name a key for every location, got none for ${uncovered.join(', ')}`);
    }
    const rotationPeriod = `${rotationDays * 86400}s`;
    this.resource = new SecretManagerSecret(this, 'Resource', {
      project: props.project,
      secretId: props.secretId,
      labels: this.canary ? { canary: 'true' } : undefined,
      annotations: props.description ? { description: props.description } : undefined,
      replication: {
        userManaged: {
          replicas: props.locations.map((location) => ({
            location,
            customerManagedEncryption: keys ? { kmsKeyName: keys[location] } : undefined,
          })),
        },
      },
      rotation: {
        rotationPeriod,
        nextRotationTime: props.nextRotationTime ?? Fn.timeadd(Fn.timestamp(), rotationPeriod),
      },
      topics: [{ name: props.rotationTopic }],
      deletionProtection: true,
      dependsOn: props.dependsOn,
      lifecycle: { ignoreChanges: ['rotation[0].next_rotation_time'] },
    });
  }

  /**
   * Lets `member` read this secret's versions: roles/secretmanager.secretAccessor on this secret
   * only, never on the project. Returns the binding.
   */
  grantAccess(member: string): SecretManagerSecretIamMember {
    const { secretId } = this;
    if (this.canary) throw new Error(`secret ${secretId} is a canary; nobody may be granted access, got ${member}`);
    assertGrantableMember(member, `access to secret ${secretId}`);
    const id = `Accessor-${idFragment(member)}`;
    if (!Token.isUnresolved(member) && this.node.tryFindChild(id)) throw new Error(`access to secret ${secretId} is granted to ${member} twice`);
    return new SecretManagerSecretIamMember(this, id, {
      secretId: this.resource.id,
      role: SECRET_ACCESS_ROLE,
      member,
    });
  }
}
