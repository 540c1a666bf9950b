import { ALL_AUDIT_LOG_TYPES, planAuditConfigs, type AuditPlanInput, type AuditPlacement } from '../../../constructs/audit/audit-plan';
import type { AuditLogType } from '../../../policies/config/org-config';
import { loadConfig } from '../../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../../config/example';

const ALL = [...ALL_AUDIT_LOG_TYPES];
const REASON = 'Data Access logs here cost more than they are worth.';

/** The example org's hierarchy: shared (logging loose; secrets, kms tight), production (app-prod tight), non-production (app-nonprod loose). */
function exampleInput(narrowing: AuditPlanInput['narrowing'] = []): AuditPlanInput {
  const config = loadConfig(EXAMPLE_CONFIG);
  return { organizationId: config.organization.id, folders: config.folders, projects: config.projects, narrowing };
}

/**
 * What IAM does with the placements: a project's audit logging is the union of the configs on
 * it and every ancestor. Written independently of the planner, to check it.
 */
function effectiveAtProject(input: AuditPlanInput, placements: readonly AuditPlacement[], projectKey: string): AuditLogType[] {
  const project = input.projects.find((p) => p.key === projectKey)!;
  const chain: AuditPlacement['key'][] = [];
  for (let folder: string | undefined = project.folder; folder !== undefined; folder = input.folders.find((f) => f.key === folder)!.parent) chain.push(folder);
  const union = new Set<AuditLogType>();
  for (const p of placements) {
    const applies =
      p.level === 'organization' || (p.level === 'folder' && chain.includes(p.key)) || (p.level === 'project' && p.key === projectKey);
    if (applies) p.logTypes.forEach((t) => union.add(t));
  }
  return ALL.filter((t) => union.has(t));
}

describe('planAuditConfigs', () => {
  it('puts one allServices config with all three log types on the org when nothing is narrowed (CIS 2.1)', () => {
    const input = exampleInput();
    const plan = planAuditConfigs(input);
    expect(plan.placements).toEqual([{ level: 'organization', key: '123456789012', logTypes: ALL }]);
    for (const p of input.projects) expect(effectiveAtProject(input, plan.placements, p.key)).toEqual(ALL);
  });

  it('narrows a folder by lowering the org and restoring every other folder and the tight projects in it', () => {
    // GIVEN the example org with non-production narrowed to ADMIN_READ, and a tight project added there
    const base = exampleInput();
    const input: AuditPlanInput = {
      ...base,
      projects: [...base.projects, { key: 'np-data', id: 'example-np-data', folder: 'non-production', coupling: 'tight' }],
      narrowing: [{ folder: 'non-production', logTypes: ['ADMIN_READ'], reason: REASON }],
    };
    // WHEN
    const plan = planAuditConfigs(input);
    // THEN the org keeps what the narrowed folder keeps, the other folders get all three, the tight project too
    expect(plan.placements).toEqual([
      { level: 'organization', key: '123456789012', logTypes: ['ADMIN_READ'] },
      { level: 'folder', key: 'production', logTypes: ALL },
      { level: 'folder', key: 'shared', logTypes: ALL },
      { level: 'project', key: 'np-data', logTypes: ALL },
    ]);
    // AND what IAM makes of it is exactly what config says, project by project
    expect(Object.fromEntries(input.projects.map((p) => [p.key, effectiveAtProject(input, plan.placements, p.key)]))).toEqual({
      logging: ALL,
      secrets: ALL,
      kms: ALL,
      'app-prod': ALL,
      'app-nonprod': ['ADMIN_READ'],
      'np-data': ALL,
    });
    expect(plan.effective.get('folder:non-production')).toEqual(['ADMIN_READ']);
  });

  it('narrows a nested folder without narrowing its siblings or its parent\'s own projects', () => {
    // GIVEN production > prod-batch (narrowed to ADMIN_READ and DATA_WRITE), with a loose project in each
    const input: AuditPlanInput = {
      organizationId: '123456789012',
      folders: [
        { key: 'prod-batch', parent: 'production' },
        { key: 'production' },
        { key: 'prod-web', parent: 'production' },
        { key: 'shared' },
      ],
      projects: [
        { key: 'web', id: 'example-web-prd', folder: 'prod-web', coupling: 'loose' },
        { key: 'batch', id: 'example-batch-prd', folder: 'prod-batch', coupling: 'loose' },
        { key: 'tools', id: 'example-tools-prd', folder: 'production', coupling: 'loose' },
        { key: 'logs', id: 'example-logs-prd', folder: 'shared', coupling: 'loose' },
      ],
      narrowing: [{ folder: 'prod-batch', logTypes: ['DATA_WRITE', 'ADMIN_READ'], reason: REASON }],
    };
    const plan = planAuditConfigs(input);
    expect(plan.placements).toEqual([
      { level: 'organization', key: '123456789012', logTypes: ['ADMIN_READ', 'DATA_WRITE'] },
      { level: 'folder', key: 'prod-web', logTypes: ALL },
      { level: 'folder', key: 'shared', logTypes: ALL },
      { level: 'project', key: 'tools', logTypes: ALL },
    ]);
    expect(input.projects.map((p) => [p.key, effectiveAtProject(input, plan.placements, p.key)])).toEqual([
      ['web', ALL],
      ['batch', ['ADMIN_READ', 'DATA_WRITE']],
      ['tools', ALL],
      ['logs', ALL],
    ]);
  });

  it('accepts a per-service narrowing that allServices already honours everywhere outside tight projects', () => {
    // GIVEN every folder narrowed to ADMIN_READ, and one service narrowed to ADMIN_READ + DATA_READ
    const input = exampleInput([
      { folder: 'shared', logTypes: ['ADMIN_READ'], reason: REASON },
      { folder: 'production', logTypes: ['ADMIN_READ'], reason: REASON },
      { folder: 'non-production', logTypes: ['ADMIN_READ'], reason: REASON },
      { service: 'bigquery.googleapis.com', logTypes: ['ADMIN_READ', 'DATA_READ'], reason: REASON },
    ]);
    // WHEN / THEN no per-service config is needed: nothing outside tight projects keeps more
    const plan = planAuditConfigs(input);
    expect(plan.placements).toEqual([
      { level: 'organization', key: '123456789012', logTypes: ['ADMIN_READ'] },
      { level: 'project', key: 'secrets', logTypes: ALL },
      { level: 'project', key: 'kms', logTypes: ALL },
      { level: 'project', key: 'app-prod', logTypes: ALL },
    ]);
  });

  it('fails on a per-service narrowing while allServices keeps everything, naming the config path', () => {
    const input = exampleInput([{ service: 'bigquery.googleapis.com', logTypes: ['ADMIN_READ'], reason: REASON }]);
    expect(() => planAuditConfigs(input)).toThrow(
      'audit.narrowing[0].service: cannot narrow "bigquery.googleapis.com" to ADMIN_READ: audit configs are unioned across ' +
        'allServices and per-service entries down the hierarchy, and allServices keeps ADMIN_READ, DATA_READ, DATA_WRITE ' +
        'at organizations/123456789012 (CIS GCP 2.1); narrow a folder instead, or remove the entry',
    );
  });

  it('fails on a per-service narrowing that a loose project outside the narrowed folders would override', () => {
    const input = exampleInput([
      { folder: 'non-production', logTypes: ['ADMIN_READ'], reason: REASON },
      { service: 'storage.googleapis.com', logTypes: ['ADMIN_READ'], reason: REASON },
    ]);
    expect(() => planAuditConfigs(input)).toThrow('at folder "production" (CIS GCP 2.1)');
  });

  it('fails on two narrowings of the same folder', () => {
    const input = exampleInput([
      { folder: 'production', logTypes: ['ADMIN_READ'], reason: REASON },
      { folder: 'production', logTypes: ['DATA_WRITE'], reason: REASON },
    ]);
    expect(() => planAuditConfigs(input)).toThrow('audit.narrowing[1]: folder "production" is already narrowed by audit.narrowing[0]; keep one entry');
  });

  it('fails on a narrowing of an undeclared folder', () => {
    expect(() => planAuditConfigs(exampleInput([{ folder: 'sandbox', logTypes: ['ADMIN_READ'], reason: REASON }]))).toThrow(
      'audit.narrowing[0].folder: expected a declared folder key (production, non-production, shared), got "sandbox"',
    );
  });

  it('fails on a narrowing that names both a folder and a service', () => {
    expect(() =>
      planAuditConfigs(exampleInput([{ folder: 'production', service: 'x.googleapis.com', logTypes: ['ADMIN_READ'], reason: REASON }])),
    ).toThrow('audit.narrowing[0]: expected exactly one of service or folder, got both');
  });
});
