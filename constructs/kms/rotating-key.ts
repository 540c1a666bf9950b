/**
 * A customer-managed key that rotates itself: its own key ring and one ENCRYPT_DECRYPT key.
 * Granting use of the key goes through `grantEncrypterDecrypter`, the one role a CMEK service
 * agent needs (config/roles.ts KEY_USE_ROLE), on this key only.
 */
import { Construct } from 'constructs';
import { Op, Token } from 'cdktf';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KEY_USE_ROLE } from '../../policies/catalog/roles';

const SECONDS_PER_DAY = 86_400;
/** CIS GCP 1.11 [1.10]: `rotation_period` <= 7776000s (90 days). */
export const MAX_ROTATION_SECONDS = 7_776_000;

export interface RotatingKeyProps {
  /** Project id that holds the key ring (the org's KMS project). */
  readonly project: string;
  /** KMS location of ring and key; CMEK needs it to match the location of the data it protects. */
  readonly location: string;
  /** Key ring name, unique per project and location. */
  readonly keyRingName: string;
  /** Crypto key name, unique in its ring. */
  readonly keyName: string;
  /**
   * Days between automatic rotations; the resulting period must be <= 7776000s (CIS 1.11).
   * @default 90
   */
  readonly rotationDays?: number;
}

/** The `rotation_period` string for whole days, rejecting periods CIS 1.11 does not allow. */
export function rotationPeriod(rotationDays: number): string {
  // A value known only at apply cannot be checked here; Terraform does the arithmetic.
  if (Token.isUnresolved(rotationDays)) return `${Token.asString(Op.mul(rotationDays, SECONDS_PER_DAY))}s`;
  const seconds = rotationDays * SECONDS_PER_DAY;
  if (!Number.isInteger(rotationDays) || rotationDays < 1 || seconds > MAX_ROTATION_SECONDS) {
    throw new Error(
      `rotationDays must be a whole number from 1 to 90 (rotation_period <= ${MAX_ROTATION_SECONDS}s, CIS GCP 1.11), got ${rotationDays} (${seconds}s)`,
    );
  }
  return `${seconds}s`;
}

export class RotatingKey extends Construct {
  readonly keyRing: KmsKeyRing;
  /** The crypto key (construct id `Resource`). */
  readonly key: KmsCryptoKey;
  /** The KMS location, for resources whose own location must agree with the key's. */
  readonly location: string;
  private grants = 0;

  constructor(scope: Construct, id: string, props: RotatingKeyProps) {
    super(scope, id);
    const period = rotationPeriod(props.rotationDays ?? 90);
    this.location = props.location;
    // Key rings and key material cannot be deleted in Cloud KMS; a plan that would destroy either
    // is a mistake that orphans every byte encrypted with the key, so it fails instead.
    this.keyRing = new KmsKeyRing(this, 'KeyRing', {
      project: props.project,
      location: props.location,
      name: props.keyRingName,
      lifecycle: { preventDestroy: true },
    });
    this.key = new KmsCryptoKey(this, 'Resource', {
      keyRing: this.keyRing.id,
      name: props.keyName,
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: period,
      lifecycle: { preventDestroy: true },
    });
  }

  /** `projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>`, what `kms_key_name` arguments take. */
  get keyId(): string {
    return this.key.id;
  }

  /**
   * Lets `member` encrypt and decrypt with this key and nothing else; returns the binding it made.
   * Bindings are numbered in call order (`EncrypterDecrypter1`, ...) because CMEK members are
   * usually service agents known only after apply.
   */
  grantEncrypterDecrypter(member: string): KmsCryptoKeyIamMember {
    this.grants += 1;
    return new KmsCryptoKeyIamMember(this, `EncrypterDecrypter${this.grants}`, {
      cryptoKeyId: this.key.id,
      role: KEY_USE_ROLE,
      member,
    });
  }
}
