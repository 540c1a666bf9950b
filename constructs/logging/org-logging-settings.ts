/**
 * The organization's default Logging settings: where the `_Default` and `_Required` buckets of
 * new projects live and which CMEK key encrypts them. The org's Logging KMS service account (read
 * from `google_logging_organization_settings`) is granted the key before the settings point at it.
 *
 * One key for every new project's `_Required` and `_Default` buckets: if it is disabled, destroyed or its
 * grant removed, those buckets stop accepting entries and logging stops org-wide. The alerting stack's
 * `kms-key-state-changes` alert watches every key in the KMS project for exactly that (README, "The org
 * logging key").
 */
import { Construct } from 'constructs';
import { LoggingOrganizationSettings } from '@cdktf/provider-google/lib/logging-organization-settings';
import { DataGoogleLoggingOrganizationSettings } from '@cdktf/provider-google/lib/data-google-logging-organization-settings';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { RotatingKey } from '../kms/rotating-key';

export interface OrgLoggingSettingsProps {
  /** Numeric organization id. */
  readonly orgId: string;
  /** Default storage location of new log buckets; the key must be in the same location. */
  readonly storageLocation: string;
  /** Customer-managed key for new log buckets. */
  readonly key: RotatingKey;
}

export class OrgLoggingSettings extends Construct {
  /** The settings (construct id `Resource`). */
  readonly settings: LoggingOrganizationSettings;
  /** The org Logging KMS service account's use of the key, made before the settings. */
  readonly keyGrant: KmsCryptoKeyIamMember;

  constructor(scope: Construct, id: string, props: OrgLoggingSettingsProps) {
    super(scope, id);
    const current = new DataGoogleLoggingOrganizationSettings(this, 'Current', { organization: props.orgId });
    this.keyGrant = props.key.grantEncrypterDecrypter(`serviceAccount:${current.kmsServiceAccountId}`);
    this.settings = new LoggingOrganizationSettings(this, 'Resource', {
      organization: props.orgId,
      storageLocation: props.storageLocation,
      kmsKeyName: props.key.keyId,
      dependsOn: [this.keyGrant],
    });
  }
}
