import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';
import {
  CIS_ALERTS,
  baselineAlerts,
  labelExtractor,
  metricNameOf,
  type AlertInputs,
} from '../../../constructs/monitoring/alert-catalog';
import { alertInputsFromConfig } from '../../../stacks/alerting-stack';
import { sampleAlertInputs } from './alert-inputs';
import { cisFilterRows } from './cis-reference';

const INPUTS: AlertInputs = sampleAlertInputs('canary-1');

describe('alert table', () => {
  it('holds the CIS GCP 2.5-2.12 filters exactly as the benchmark gives them (no whitespace drift either)', () => {
    // The table keeps the benchmark's own single spaces, so an auditor's diff is empty, not just equivalent.
    expect(CIS_ALERTS.map((a) => ({ control: a.cis, filter: a.filter }))).toEqual(cisFilterRows());
  });

  it('fires every CIS alert on the first matching entry in a minute', () => {
    expect(CIS_ALERTS.map((a) => [a.cis, a.threshold, a.windowSeconds])).toEqual(
      cisFilterRows().map((r) => [r.control, 0, 60]),
    );
  });

  it('gives every alert a unique id, a metric name within the 100-character limit, and groups only by labels it extracts', () => {
    const alerts = baselineAlerts(INPUTS);
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    for (const alert of alerts) {
      expect(metricNameOf(alert.id).length).toBeLessThanOrEqual(100);
      expect(alert.groupBy.filter((l) => !alert.labels.includes(l))).toEqual([]);
      expect(alert.happened.length).toBeGreaterThan(10);
      expect(alert.response.length).toBeGreaterThan(10);
    }
  });

  it('alerts on IAM policy changes by anyone but the deployment identity, only when one is configured', () => {
    // GIVEN no deployer THEN no such alert
    expect(baselineAlerts(INPUTS).some((a) => a.id === 'iam-changes-outside-code')).toBe(false);
    // GIVEN the deployer WHEN the table is built THEN one change alert counts SetIamPolicy entries made by anyone else
    const alert = baselineAlerts({ ...INPUTS, deployer: 'deployer@seed-prj.iam.gserviceaccount.com' }).find((a) => a.id === 'iam-changes-outside-code')!;
    expect(alert.filter).toBe(
      '(protoPayload.methodName:"SetIamPolicy" OR protoPayload.methodName="storage.setIamPermissions") AND protoPayload.authenticationInfo.principalEmail!="deployer@seed-prj.iam.gserviceaccount.com"',
    );
    expect([alert.threshold, alert.windowSeconds, alert.severity, alert.group, alert.groupBy]).toEqual([0, 60, 'ERROR', 'changes', ['principal', 'method', 'project', 'resource']]);
  });

  it('watches tight-coupled projects in groups of 300: one absence alert each, telling the projects apart by log_project', () => {
    const ids = Array.from({ length: 700 }, (_, i) => `app-${String(i).padStart(3, '0')}`);
    const silent = baselineAlerts({ ...INPUTS, tightProjectIds: ids, tightProjectSilenceHours: 6 }).filter((a) => a.id.startsWith('tight-projects-silent-'));
    expect(silent.map((a) => [a.id, a.title, a.filter.split(' OR ').length, a.absentSeconds, a.labels, a.groupBy, a.severity, a.group])).toEqual([
      ['tight-projects-silent-1', 'Tight-coupled project silent (group 1 of 3)', 300, 21600, ['log_project'], ['log_project'], 'ERROR', 'log-sources'],
      ['tight-projects-silent-2', 'Tight-coupled project silent (group 2 of 3)', 300, 21600, ['log_project'], ['log_project'], 'ERROR', 'log-sources'],
      ['tight-projects-silent-3', 'Tight-coupled project silent (group 3 of 3)', 100, 21600, ['log_project'], ['log_project'], 'ERROR', 'log-sources'],
    ]);
    expect(silent[2].filter).toBe(`(${ids.slice(600).map((id) => `logName:"projects/${id}/logs/"`).join(' OR ')})`);
    expect(labelExtractor('log_project', 'unused')).toBe('REGEXP_EXTRACT(logName, "^projects/([^/]+)/logs/")');
    // AND no tight-coupled project, no such alert
    expect(baselineAlerts(INPUTS).some((a) => a.id.startsWith('tight-projects-silent-'))).toBe(false);
  });

  it('lists the CIS alerts first, then the baseline detections', () => {
    expect(baselineAlerts(INPUTS).map((a) => [a.id, a.cis ?? null])).toEqual([
      ['project-ownership-changes', '2.5'],
      ['audit-config-changes', '2.6'],
      ['custom-role-changes', '2.7'],
      ['firewall-rule-changes', '2.8'],
      ['route-changes', '2.9'],
      ['network-changes', '2.10'],
      ['storage-iam-changes', '2.11'],
      ['sql-instance-config-changes', '2.12'],
      ['failed-sign-ins-per-account', null],
      ['failed-sign-ins-organization', null],
      ['sign-in-logs-silent', null],
      ['canary-secret-access', null],
      ['service-account-key-creation', null],
      ['break-glass-use', null],
      ['logging-tampering', null],
      ['kms-key-state-changes', null],
      ['org-policy-changes', null],
    ]);
  });

  it('matches the canary by its id as a whole path segment, so a longer secret name does not match', () => {
    const canary = baselineAlerts(INPUTS).find((a) => a.id === 'canary-secret-access')!;
    expect(canary.filter).toBe(
      'protoPayload.serviceName="secretmanager.googleapis.com" AND protoPayload.resourceName=~"/secrets/canary-1(/|$)" AND NOT protoPayload.methodName="google.cloud.secretmanager.v1.SecretManagerService.GetSecret"',
    );
    const pattern = new RegExp('/secrets/canary-1(/|$)');
    expect(pattern.test('projects/123/secrets/canary-1/versions/latest')).toBe(true);
    expect(pattern.test('projects/123/secrets/canary-1')).toBe(true);
    expect(pattern.test('projects/123/secrets/canary-10')).toBe(false);
  });

  it('watches break-glass groups in IAM policy deltas and Workspace membership changes, and break-glass accounts by their calls', () => {
    const alert = baselineAlerts({
      ...INPUTS,
      breakGlassGroups: ['bg@example.com', 'bg@example.com'],
      breakGlassPrincipals: ['user:root@example.com', 'serviceAccount:bg-sa@p.iam.gserviceaccount.com', 'group:x@example.com'],
    }).find((a) => a.id === 'break-glass-use')!;
    expect(alert.filter).toBe(
      [
        '(protoPayload.serviceData.policyDelta.bindingDeltas.member="group:bg@example.com")',
        '(protoPayload.authenticationInfo.principalEmail="bg-1@example.com")',
        '(protoPayload.authenticationInfo.principalEmail="root@example.com")',
        '(protoPayload.authenticationInfo.principalEmail="bg-sa@p.iam.gserviceaccount.com")',
        '(protoPayload.serviceName="admin.googleapis.com" AND (protoPayload.metadata.event.eventName="ADD_GROUP_MEMBER" OR protoPayload.metadata.event.eventName="REMOVE_GROUP_MEMBER" OR protoPayload.metadata.event.eventName="UPDATE_GROUP_MEMBER") AND (protoPayload.metadata.event.parameter.value="bg@example.com"))',
      ].join(' OR '),
    );
  });

  it('fails without the accounts in the break-glass group: a group never acts itself', () => {
    expect(() => baselineAlerts({ ...INPUTS, breakGlassAccounts: [], breakGlassPrincipals: [] })).toThrow(
      'breakGlassAccounts must name the accounts in the break-glass group (their own calls are what shows use), got none',
    );
  });

  it('extracts the account from the configured field and the fixed labels from the audit log fields', () => {
    expect(labelExtractor('account', 'jsonPayload.user')).toBe('EXTRACT(jsonPayload.user)');
    expect(labelExtractor('principal', 'jsonPayload.user')).toBe('EXTRACT(protoPayload.authenticationInfo.principalEmail)');
    expect(labelExtractor('resource', 'jsonPayload.user')).toBe('EXTRACT(protoPayload.resourceName)');
  });

  it('takes both break-glass groups, the thresholds and the canary from the config', () => {
    const raw = parseYaml(readFileSync(EXAMPLE_CONFIG, 'utf8'));
    raw.iam.breakGlass.group = 'emergency@example.com';
    const inputs = alertInputsFromConfig(parseConfig(raw));
    expect(inputs.breakGlassGroups).toEqual(['gcp-break-glass@example.com', 'emergency@example.com']);
    expect(inputs.breakGlassAccounts).toEqual(['break-glass-1@example.com', 'break-glass-2@example.com']);
    expect(inputs.kmsProjectId).toBe('example-kms-prd');
    expect(inputs.canarySecretId).toBe('zz-canary-do-not-read');
    expect([inputs.failedLogins.perAccountThreshold, inputs.failedLogins.organizationThreshold]).toEqual([5, 50]);
  });

  it('fails without a break-glass group to watch', () => {
    expect(() => baselineAlerts({ ...INPUTS, breakGlassGroups: [] })).toThrow(
      'breakGlassGroups must name at least one break-glass group, got none',
    );
  });
});
