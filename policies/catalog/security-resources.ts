/**
 * Resource types that keep the audit trail, the alerts, the keys and the preventive policies. Pure data:
 * the change rule refuses their deletion and the reviewer's change summary lists their destructive changes first.
 */
/** Resource types whose loss silences logging, alerting or a preventive control, by what they are. */
export const SECURITY_RESOURCES: Readonly<Record<string, string>> = {
  google_logging_organization_sink: 'log sink',
  google_logging_folder_sink: 'log sink',
  google_logging_project_sink: 'log sink',
  google_logging_billing_account_sink: 'log sink',
  google_logging_organization_bucket_config: 'log bucket',
  google_logging_folder_bucket_config: 'log bucket',
  google_logging_project_bucket_config: 'log bucket',
  google_logging_billing_account_bucket_config: 'log bucket',
  google_organization_iam_audit_config: 'audit config',
  google_folder_iam_audit_config: 'audit config',
  google_project_iam_audit_config: 'audit config',
  google_logging_metric: 'log metric',
  google_monitoring_alert_policy: 'alert policy',
  google_secret_manager_secret: 'secret',
  google_secret_manager_regional_secret: 'secret',
  google_kms_crypto_key: 'KMS key',
  google_kms_key_ring: 'KMS key ring',
  google_org_policy_policy: 'organization policy',
  google_organization_policy: 'organization policy',
  google_folder_organization_policy: 'organization policy',
  google_project_organization_policy: 'organization policy',
};
