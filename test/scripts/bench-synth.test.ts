/** The synth benchmark's generated orgs are valid configs with the content it claims; its table is well formed. */
import { stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrgConfig, synthMarkdown, type SynthRow } from '../../scripts/bench-synth';
import { loadConfig } from '../../policies/config/load';
import { projectShards } from '../../stacks/sharding';

describe('generateOrgConfig', () => {
  it('writes an org that the real config loader accepts, with per-project grants, APIs and secrets, and shards per folder when asked', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-org-')), 'baseline.yaml');
    writeFileSync(file, stringify(generateOrgConfig(250, true)));
    const config = loadConfig(file);
    expect(config.projects).toHaveLength(253); // 250 and the logging, secrets and kms projects
    expect(config.folders.map((f) => f.key)).toEqual(['shared', 'team-000', 'team-001', 'team-002']);
    expect(config.iam.bindings.filter((b) => 'project' in b.scope)).toHaveLength(2 * 250 + 50);
    expect(config.secrets.items).toHaveLength(250 + 25);
    expect(config.logging.exclusions).toHaveLength(3);
    // Every twentieth project imported, every fiftieth existing (99 and 199 are both: existing).
    expect(config.projects.filter((p) => p.adopt === 'import')).toHaveLength(10);
    expect(config.projects.filter((p) => p.adopt === 'existing')).toHaveLength(5);
    expect(projectShards(config).map((s) => [s.stackId, s.projects.length])).toEqual([
      ['projects-team-000', 100],
      ['projects-team-001', 100],
      ['projects-team-002', 50],
    ]);
    expect(config.stacks.shardByFolder).toBe(true);
  });

  it('caps exclusions at Logging\'s 50 per sink', () => {
    expect((generateOrgConfig(6000, false).logging as { exclusions: unknown[] }).exclusions).toHaveLength(50);
  });
});

describe('synthMarkdown', () => {
  it('writes one row per measurement, sizes in MiB and times in seconds', () => {
    const row: SynthRow = {
      projects: 1000, folders: 11, sharded: true, stacks: 17, resources: 8604, outputBytes: 6 * 1024 * 1024, loadMs: 1500, synthMs: 8500,
      synthCpuMs: 6000, synthRssBytes: 356 * 1024 * 1024, checkMs: 4200, checkRssBytes: 155 * 1024 * 1024, checkExit: 0,
    };
    const lines = synthMarkdown([row]).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| 1,000 (sharded) | 11 | 17 | 8,604 | 6 MiB | 1.5 s | 8.5 s | 6.0 s | 356 MiB | 4.2 s | 155 MiB |');
  });
});
