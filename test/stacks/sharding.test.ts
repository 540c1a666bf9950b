import { foundationProjectKeys, partitionBindings, projectShards, shardStackId } from '../../stacks/sharding';
import { smallConfig } from '../constructs/iam/configs';
import { appOrg } from './app-org';

describe('projectShards', () => {
  it('makes no shard unless stacks.shardByFolder is set (the default)', () => {
    expect(smallConfig().stacks).toEqual({ shardByFolder: false });
    expect(projectShards(appOrg(false))).toEqual([]);
  });

  it('makes one shard per folder that directly holds a project other than a foundation project, in folder order', () => {
    const shards = projectShards(appOrg(true));
    expect(shards.map((s) => [s.stackId, s.folder, s.projects.map((p) => p.key)])).toEqual([
      ['projects-apps', 'apps', ['web']],
      ['projects-apps-eu', 'apps-eu', ['batch', 'legacy']],
    ]);
  });

  it('keeps the foundation projects, and the scanning project, in the hierarchy stack', () => {
    const config = appOrg(true, (raw) => {
      raw.scanning = { project: 'web' };
    });
    expect([...foundationProjectKeys(config)]).toEqual(['logs', 'vault', 'keys', 'web']);
    expect(projectShards(config).map((s) => s.stackId)).toEqual(['projects-apps-eu']);
  });

  it('names a shard after its folder', () => {
    expect(shardStackId('team-007')).toBe('projects-team-007');
  });
});

describe('partitionBindings', () => {
  it('gives a shard the predefined-role grants on its projects; organization, folder, foundation and custom-role grants stay in iam, with their config positions', () => {
    const config = appOrg(true);
    const { iam, byShard } = partitionBindings(config, projectShards(config));
    expect(iam.map((b) => [b.index, b.role])).toEqual([
      [0, 'orgAuditLite'],
      [1, 'roles/logging.viewer'],
      [2, 'vaultLister'],
      [4, 'webDeployer'],
      [6, 'roles/cloudkms.viewer'],
    ]);
    expect([...byShard].map(([stack, bindings]) => [stack, bindings.map((b) => [b.index, b.role])])).toEqual([
      ['projects-apps', [[3, 'roles/run.developer']]],
      ['projects-apps-eu', [[5, 'roles/logging.viewer']]],
    ]);
  });

  it('leaves every binding to iam without sharding', () => {
    const config = appOrg(false);
    const { iam, byShard } = partitionBindings(config, projectShards(config));
    expect(iam.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(byShard.size).toBe(0);
  });
});
