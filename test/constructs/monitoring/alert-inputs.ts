import type { AlertInputs } from '../../../constructs/monitoring/alert-catalog';

/** Alert inputs as a small org would configure them: one break-glass group, a custom sign-in filter. */
export function sampleAlertInputs(canarySecretId = 'canary-1'): AlertInputs {
  return {
    failedLogins: {
      perAccountThreshold: 5,
      organizationThreshold: 50,
      windowSeconds: 300,
      filter: 'protoPayload.serviceName="login.googleapis.com"',
      signInFilter: 'protoPayload.serviceName="login.googleapis.com"',
      silenceSeconds: 43200,
    },
    breakGlassGroups: ['bg@example.com'],
    breakGlassAccounts: ['bg-1@example.com'],
    breakGlassPrincipals: [],
    canarySecretId,
    kmsProjectId: 'example-kms-prd',
  };
}
