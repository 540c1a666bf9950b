import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, loadConfig, parseConfig } from '../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../config/example';
import { jsonSchema } from '../../config/generate-json-schema';
import { DEFAULT_REQUIRED_CONSTRAINTS, GOOGLE_SIGN_IN_FAILURE_FILTER } from '../../policies/catalog/defaults';

const example = () => parse(readFileSync(EXAMPLE_CONFIG, 'utf8'));

function problemsOf(raw: unknown): string[] {
  try {
    parseConfig(raw, 'test.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected the config to be rejected');
}

describe('loadConfig', () => {
  it('loads the shipped example org with defaults filled in', () => {
    const config = loadConfig(EXAMPLE_CONFIG);
    expect(config.organization).toEqual({
      id: '123456789012',
      domain: 'example.com',
      customerId: 'C01ex4mpl',
      billingAccount: '01A2B3-C4D5E6-F7A8B9',
      quotaProject: 'example-seed-prj',
      deployer: 'baseline-deployer@example-seed-prj.iam.gserviceaccount.com',
    });
    expect(config.folders.map((f) => [f.key, f.adopt, f.id])).toEqual([
      ['production', 'create', undefined],
      ['non-production', 'import', '234567890123'],
      ['shared', 'create', undefined],
    ]);
    expect(config.projects.map((p) => [p.key, p.adopt])).toEqual([
      ['logging', 'create'],
      ['secrets', 'create'],
      ['kms', 'create'],
      ['app-prod', 'import'],
      ['app-nonprod', 'existing'],
    ]);
    expect(config.folders.map((f) => f.key)).toEqual(['production', 'non-production', 'shared']);
    expect(config.projects.map((p) => [p.key, p.coupling])).toEqual([
      ['logging', 'loose'],
      ['secrets', 'tight'],
      ['kms', 'tight'],
      ['app-prod', 'tight'],
      ['app-nonprod', 'loose'],
    ]);
    expect(config.logging.bucket).toMatchObject({ retentionDays: 400, locked: false, analytics: true });
    expect(config.state).toEqual({ prefix: 'baseline' });
    expect(config.alerting.failedLogins.filter).toBe(
      'protoPayload.serviceName="login.googleapis.com" AND protoPayload.methodName="google.login.LoginService.loginFailure"',
    );
  });

  it('fills every omitted section with its defaults, inner defaults included', () => {
    const raw = example();
    for (const section of ['state', 'kms', 'audit', 'iam', 'orgPolicies', 'policy']) delete raw[section];
    delete raw.logging.bucket;
    delete raw.alerting.failedLogins;
    const config = parseConfig(raw);
    expect(config.state).toEqual({ prefix: 'baseline' });
    expect(config.kms).toEqual({ keyRingName: 'baseline', rotationDays: 90 });
    expect(config.audit).toEqual({ narrowing: [] });
    expect(config.iam).toEqual({ bindings: [], customRoles: [] });
    expect(config.orgPolicies).toEqual({ enforce: [...DEFAULT_REQUIRED_CONSTRAINTS], extraAllowedCustomerIds: [] });
    expect(config.policy).toEqual({ minimumRetentionDays: 365, breakGlassPrincipals: [], allowedMemberDomains: [], suppressions: [] });
    expect(config.logging.bucket).toEqual({ id: 'central-audit', location: 'global', retentionDays: 400, locked: false, analytics: true, linkedDatasetId: 'central_audit_logs' });
    expect(config.alerting.metricPropagationSeconds).toBe(600);
    expect(config.alerting.failedLogins).toMatchObject({ perAccountThreshold: 5, organizationThreshold: 50, windowSeconds: 300, filter: GOOGLE_SIGN_IN_FAILURE_FILTER });
  });

  it('fails with every problem listed as path: expected X, got Y', () => {
    const raw = example();
    raw.organization.id = 'not-a-number';
    raw.logging.bucket.retentionDays = 30;
    raw.projects[0].coupling = 'medium';
    delete raw.groups.security;
    expect(problemsOf(raw)).toEqual([
      'organization.id: expected a numeric organization id, got "not-a-number"',
      'projects[0].coupling: expected one of "tight", "loose", got "medium"',
      'groups.security: expected string, got nothing',
      'logging.bucket.retentionDays: expected >= 365, got number 30',
    ]);
  });

  it('fails on unknown fields, naming them', () => {
    const raw = example();
    raw.logging.retention = 10;
    expect(problemsOf(raw)).toEqual(['logging: expected only known fields, got unknown "retention"']);
  });

  it('fails on an application log mapped twice, and on a field that is no jsonPayload path', () => {
    const raw = example();
    raw.logging.applicationLogs.push({ ...raw.logging.applicationLogs[0], actorField: "jsonPayload.user') OR TRUE --" });
    expect(problemsOf(raw)).toEqual([
      'logging.applicationLogs[1].actorField: expected a jsonPayload field path like "jsonPayload.user.email", got "jsonPayload.user\') OR TRUE --"',
      'logging.applicationLogs[1].logId: expected a unique log id (one mapping per log), got duplicate "checkout-api"',
    ]);
    raw.logging.applicationLogs[1].actorField = 'jsonPayload.actor';
    // A plain path is accepted: only the duplicate is left.
    expect(problemsOf(raw)).toEqual(['logging.applicationLogs[1].logId: expected a unique log id (one mapping per log), got duplicate "checkout-api"']);
  });

  it('fails on a log source named twice, writing into an undeclared project, with a user writer or a day-long silence', () => {
    const raw = example();
    raw.logging.sources.push(
      { name: 'workspace', kind: 'workspace', coupling: 'loose' },
      { name: 'deploy-bot', kind: 'logging-api', coupling: 'tight', writer: 'user:bot@example.com', logId: 'deploy-bot', project: 'nowhere', silenceHours: 24 },
    );
    expect(problemsOf(raw)).toEqual([
      'logging.sources[4].silenceHours: expected <= 23, got number 24',
      'logging.sources[4].writer: expected a serviceAccount:, principal:// or principalSet:// member, got "user:bot@example.com"',
      'logging.sources[3].name: expected a unique source name, got duplicate "workspace"',
      'logging.sources[4].project: expected one of the declared project keys (logging, secrets, kms, app-prod, app-nonprod), got "nowhere"',
    ]);
    raw.logging.sources[4].writer = 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/*';
    raw.logging.sources[4].silenceHours = 23;
    expect(problemsOf(raw)).toEqual([
      'logging.sources[3].name: expected a unique source name, got duplicate "workspace"',
      'logging.sources[4].project: expected one of the declared project keys (logging, secrets, kms, app-prod, app-nonprod), got "nowhere"',
    ]);
    // AND a source kind the baseline does not know is refused, not ignored
    raw.logging.sources = [{ name: 'okta', kind: 'okta', coupling: 'tight' }];
    expect(problemsOf(raw)[0]).toMatch(/^logging\.sources\[0\]\.kind: /);
  });

  it('fails on references to undeclared folders and projects', () => {
    const raw = example();
    raw.projects[3].folder = 'prod';
    raw.foundationProjects.kms = 'keys';
    expect(problemsOf(raw)).toEqual([
      'projects[3].folder: expected one of the declared folder keys (production, non-production, shared), got "prod"',
      'foundationProjects.kms: expected one of the declared project keys (logging, secrets, kms, app-prod, app-nonprod), got "keys"',
    ]);
  });

  it('fails on basic roles and user principals in IAM bindings', () => {
    const raw = example();
    raw.iam.bindings[0].role = 'roles/editor';
    raw.iam.bindings[0].members = ['user:alice@example.com'];
    expect(problemsOf(raw)).toEqual([
      'iam.bindings[0].role: expected a predefined or custom role, got basic role "roles/editor"',
      'iam.bindings[0].members[0]: expected a group: or serviceAccount: principal, got "user:"',
    ]);
  });

  it('fails on an exclusion that would drop audit logs', () => {
    const raw = example();
    raw.logging.exclusions[0].filter = 'logName:"cloudaudit.googleapis.com%2Fdata_access"';
    expect(problemsOf(raw)).toEqual([
      'logging.exclusions[0].filter: expected a filter that leaves audit logs alone, got one naming cloudaudit.googleapis.com',
    ]);
  });

  it('fails when the canary is also a readable secret', () => {
    const raw = example();
    raw.secrets.canary.id = raw.secrets.items[0].id;
    expect(problemsOf(raw)).toEqual([
      'secrets.canary.id: expected the canary to be a secret of its own, got "app-prod-db-password" which is also in secrets.items',
    ]);
  });

  it('fails on YAML syntax errors with the line, and on unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-config-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'organization:\n  id: "1\n  domain: x\n');
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    expect(() => loadConfig(bad)).toThrow(/\(yaml\) line \d+/);
    expect(() => loadConfig(join(dir, 'missing.yaml'))).toThrow(/cannot read: ENOENT/);
  });

  it('fails on a duplicate YAML key instead of silently keeping the last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-config-'));
    const dup = join(dir, 'dup.yaml');
    writeFileSync(dup, `${readFileSync(EXAMPLE_CONFIG, 'utf8')}\ndefaultRegion: us-central1\n`);
    expect(() => loadConfig(dup)).toThrow(/Map keys must be unique/);
  });
});

describe('JSON Schema for editors', () => {
  it('is generated from the same schema and committed up to date', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../config/baseline.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(jsonSchema())));
  });

  it('describes the required top-level fields', () => {
    const schema = jsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining(['organization', 'folders', 'projects', 'groups', 'logging', 'secrets', 'alerting']),
    );
    expect(Object.keys(schema.properties)).toContain('policy');
  });
});

describe('loadConfig: first-deploy and adoption checks', () => {
  it('fails to create or import projects without a billing account, naming them', () => {
    const raw = example();
    delete raw.organization.billingAccount;
    expect(problemsOf(raw)).toEqual([
      'organization.billingAccount: expected a billing account for the projects the baseline creates or imports (logging, secrets, kms, app-prod), got nothing',
    ]);
  });

  it('fails without a quota project', () => {
    const raw = example();
    delete raw.organization.quotaProject;
    expect(problemsOf(raw)).toEqual(['organization.quotaProject: expected string, got nothing']);
  });

  it('fails to import or refer to a folder without its id, and on an id for a folder it creates', () => {
    const raw = example();
    delete raw.folders[1].id;
    raw.folders[0].id = '123123123123';
    expect(problemsOf(raw).sort()).toEqual([
      'folders[0].id: expected no id for a folder the baseline creates (Google assigns it), got "123123123123"; set adopt: import to take over that folder',
      'folders[1].id: expected the numeric id of the folder to import, got nothing',
    ]);
  });

  it('fails on an extra allowed customer id that is malformed, the org\'s own, or repeated', () => {
    const raw = example();
    raw.orgPolicies.extraAllowedCustomerIds = ['example.com', 'C01ex4mpl', 'C0partner1', 'C0partner1'];
    expect(problemsOf(raw).sort()).toEqual([
      'orgPolicies.extraAllowedCustomerIds[0]: expected a directory customer id like C01abc2de, got "example.com"',
      'orgPolicies.extraAllowedCustomerIds[1]: expected another organization\'s customer id (the org\'s own is always allowed), got "C01ex4mpl"',
      'orgPolicies.extraAllowedCustomerIds[3]: expected a unique customer id, got duplicate "C0partner1"',
    ]);
  });

  it('fails on a custom role that reads Data Access payloads', () => {
    const raw = example();
    raw.iam.customRoles[0].permissions.push('logging.views.access', 'logging.privateLogEntries.list');
    expect(problemsOf(raw)).toEqual([
      'iam.customRoles[0].permissions[3]: expected no permission that reads Data Access logs (grant a log view through logging.auditorViews instead), got "logging.views.access"',
      'iam.customRoles[0].permissions[4]: expected no permission that reads Data Access logs (grant a log view through logging.auditorViews instead), got "logging.privateLogEntries.list"',
    ]);
  });

  it('fails on a person or group reading a secret', () => {
    const raw = example();
    raw.secrets.items[2].accessors.push('group:gcp-security@example.com');
    expect(problemsOf(raw)).toEqual([
      'secrets.items[2].accessors[1]: expected a serviceAccount: principal (workloads read secrets; people use break-glass), got "group:"',
    ]);
  });

  it('fails on a webhook URL that carries a credential', () => {
    const raw = example();
    raw.alerting.channels[1].url = 'https://oncall.example.com/hooks/gcp?token=abc';
    expect(problemsOf(raw)).toEqual(['alerting.channels[1].url: an https URL with no user info, query or fragment']);
  });

  it('fails on break-glass access without the accounts that use it', () => {
    const raw = example();
    delete raw.iam.breakGlass.accounts;
    expect(problemsOf(raw)).toEqual(['iam.breakGlass.accounts: expected array, got nothing']);
  });
});
