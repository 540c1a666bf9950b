/** RuleParams: safe defaults without a config, the config's choices with one. */
import { loadConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import { paramsFromConfig } from '../../../policies/config/adapter';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('paramsFromConfig', () => {
  it('gives CIS defaults without a config', () => {
    expect(paramsFromConfig(undefined, NOW)).toEqual({
      allowedMemberDomains: [],
      breakGlassPrincipals: [],
      minimumRetentionDays: 365,
      maxRotationDays: 90,
      requiredConstraints: [
        'iam.disableServiceAccountKeyCreation',
        'iam.disableServiceAccountKeyUpload',
        'iam.automaticIamGrantsForDefaultServiceAccounts',
        'iam.disableAuditLoggingExemption',
        'storage.uniformBucketLevelAccess',
        'storage.publicAccessPrevention',
      ],
      requiredContactCategories: ['LEGAL', 'SECURITY', 'SUSPENSION', 'TECHNICAL'],
      projects: [],
      failedLoginFilter: 'protoPayload.serviceName="login.googleapis.com" AND protoPayload.methodName="google.login.LoginService.loginFailure"',
      now: NOW,
    });
  });

  it('reads the example org config', () => {
    const config = loadConfig(EXAMPLE_CONFIG);
    const params = paramsFromConfig(config, NOW);
    expect(params).toMatchObject({
      allowedMemberDomains: ['example.com'],
      organizationId: '123456789012',
      minimumRetentionDays: 365,
      maxRotationDays: 90,
      requiredConstraints: config.orgPolicies.enforce,
      failedLoginFilter: config.alerting.failedLogins.filter,
      auditNarrowing: config.audit.narrowing.map((n) => ({ service: n.service, folder: n.folder, logTypes: n.logTypes, reason: n.reason })),
      now: NOW,
    });
    expect(params.projects).toEqual([
      { id: 'example-logging-prd', coupling: 'loose', folder: 'shared' },
      { id: 'example-secrets-prd', coupling: 'tight', folder: 'shared' },
      { id: 'example-kms-prd', coupling: 'tight', folder: 'shared' },
      { id: 'example-app-prd', coupling: 'tight', folder: 'production' },
      { id: 'example-app-npd', coupling: 'loose', folder: 'non-production' },
    ]);
  });

  it('passes audit narrowings through with their reasons', () => {
    const config = loadConfig(EXAMPLE_CONFIG);
    const narrowing = [{ service: 'bigquery.googleapis.com', logTypes: ['ADMIN_READ' as const], reason: 'query logs are too costly here' }];
    expect(paramsFromConfig({ ...config, audit: { narrowing } }, NOW).auditNarrowing).toEqual([
      { service: 'bigquery.googleapis.com', folder: undefined, logTypes: ['ADMIN_READ'], reason: 'query logs are too costly here' },
    ]);
  });

  it('falls back to the organization domain when the config allows no domains explicitly', () => {
    const config = loadConfig(EXAMPLE_CONFIG);
    const params = paramsFromConfig({ ...config, policy: { ...config.policy, allowedMemberDomains: [] } }, NOW);
    expect(params.allowedMemberDomains).toEqual(['example.com']);
  });
});
