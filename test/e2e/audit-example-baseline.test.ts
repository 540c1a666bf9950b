/**
 * Drift on the real thing: the example baseline synthesized by cdktf, and a live export that holds exactly the
 * organization, folder and project grants it declares. Nothing is undeclared; one grant taken away is missing;
 * one grant added by hand is undeclared, at its asset's name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../policies/check';
import { EXAMPLE_CONFIG } from '../../config/example';
import { synthBaseline } from '../../main';
import { loadConfig } from '../../policies/config/load';
import { loadModel } from '../../policies/engine/load';
import { accessOf } from '../../policies/gcp/access-drift';
import { liveGrants } from '../../policies/gcp/iam-grants';

const NOW = new Date('2026-12-01T00:00:00Z');
const ASSET_TYPES: Record<string, string> = {
  organizations: 'cloudresourcemanager.googleapis.com/Organization',
  folders: 'cloudresourcemanager.googleapis.com/Folder',
  projects: 'cloudresourcemanager.googleapis.com/Project',
};

type Binding = { role: string; members: string[]; condition?: { expression: string } };

/** The example org as bin/synth.ts synthesizes it (policy gate on), in this process: test/main.test.ts runs bin/synth.ts itself. */
function synthExample(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'audit-example-'));
  synthBaseline(loadConfig(EXAMPLE_CONFIG), { outdir });
  return outdir;
}

/** The organization, folder and project grants the code declares with every value known, as live policies by asset name. */
function declaredPolicies(outdir: string): Map<string, Binding[]> {
  const model = loadModel(outdir);
  const policies = new Map<string, Binding[]>();
  for (const grant of liveGrants(model)) {
    const access = accessOf(model, grant);
    if (!access || access.level === 'resource' || access.target === undefined || grant.member.state !== 'known') continue;
    if (access.condition === undefined) continue;
    const name = `//cloudresourcemanager.googleapis.com/${access.target}`;
    const bindings = policies.get(name) ?? [];
    const expression = grant.condition?.expression;
    bindings.push({ role: access.role, members: [grant.member.value], ...(expression ? { condition: { expression } } : {}) });
    policies.set(name, bindings);
  }
  return policies;
}

function writeExport(policies: Map<string, Binding[]>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'audit-example-export-')), 'iam-policies.ndjson');
  const lines = [...policies].map(([name, bindings]) => {
    const relative = name.replace('//cloudresourcemanager.googleapis.com/', '');
    const ancestors = relative.startsWith('organizations/') ? [relative] : [relative, 'organizations/123456789012'];
    return JSON.stringify({ name, asset_type: ASSET_TYPES[relative.split('/')[0]], ancestors, iam_policy: { version: 3, bindings } });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function drift(exported: string, declared: string): { undeclared: string[]; missing: string[] } {
  const results = audit(exported, { declared, configFile: EXAMPLE_CONFIG, now: NOW }).evaluation.results;
  const rows = (rule: string) =>
    results.filter((r) => r.ruleId === rule && r.messageId !== 'service-agent').map((r) => `${r.address} ${r.severity} ${r.properties?.role} ${r.properties?.member}`).sort();
  return { undeclared: rows('access-undeclared-grant'), missing: rows('access-declared-missing') };
}

describe('baseline audit against the synthesized example baseline', () => {
  const outdir = synthExample();
  const policies = declaredPolicies(outdir);

  test('the example declares organization and project grants to compare', () => {
    expect([...policies.keys()].some((n) => n.includes('/organizations/'))).toBe(true);
    expect([...policies.values()].flat().length).toBeGreaterThan(3);
  });

  test('an organization that is what the code declares has no undeclared grant', () => {
    expect(drift(writeExport(policies), outdir).undeclared).toEqual([]);
  });

  test('a grant removed by hand is missing, a grant made by hand is undeclared, each at its asset', () => {
    const complete = drift(writeExport(policies), outdir);
    const [name, bindings] = [...policies].find(([, b]) => b.length > 1)!;
    const [removed, ...kept] = bindings;
    const changed = new Map(policies);
    changed.set(name, [...kept, { role: 'roles/owner', members: ['user:intruder@example.com'] }]);
    const after = drift(writeExport(changed), outdir);
    expect(after.undeclared).toEqual([`${name} critical roles/owner user:intruder@example.com`]);
    const newlyMissing = after.missing.filter((m) => !complete.missing.includes(m));
    expect(newlyMissing).toEqual([`${name} medium ${removed.role} ${removed.members[0].toLowerCase()}`]);
  });
});
