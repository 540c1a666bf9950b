/**
 * The small org of the construct tests (test/constructs/iam/configs.ts) with app folders for sharding: `apps` and,
 * nested in it, `apps-eu`; a created, an imported and an existing app project; grants on them with a
 * predefined and a custom role, and one on a foundation project.
 */
import { smallConfig } from '../constructs/iam/configs';
import type { BaselineConfig, BaselineConfigInput } from '../../policies/config/org-config';

/** The app org, sharded per folder or not; `change` edits the raw input last. */
export function appOrg(shardByFolder: boolean, change: (raw: BaselineConfigInput) => void = () => {}): BaselineConfig {
  return smallConfig((raw) => {
    raw.stacks = { shardByFolder };
    raw.folders.push({ key: 'apps', displayName: 'Apps' }, { key: 'apps-eu', displayName: 'Apps EU', parent: 'apps' });
    raw.projects.push(
      { key: 'web', id: 'small-web-01', folder: 'apps', coupling: 'tight' },
      { key: 'batch', id: 'small-batch-01', folder: 'apps-eu', coupling: 'loose', adopt: 'import' },
      { key: 'legacy', id: 'small-legacy-01', folder: 'apps-eu', coupling: 'loose', adopt: 'existing' },
    );
    // The alerting stack watches the break-glass accounts: a whole baseline needs them.
    raw.iam!.breakGlass = { group: 'bg@small.example', expires: '2027-06-30T00:00:00Z', accounts: ['bg-1@small.example'] };
    raw.iam!.customRoles!.push({ id: 'webDeployer', title: 'Web deployer', permissions: ['run.services.update'], scope: { project: 'web' } });
    raw.iam!.bindings!.push(
      { scope: { project: 'web' }, role: 'roles/run.developer', members: ['group:dev@small.example'], reason: 'Developers deploy the web app.' },
      { scope: { project: 'web' }, role: 'webDeployer', members: ['serviceAccount:ci@small-keys-01.iam.gserviceaccount.com'], reason: 'CI deploys the web app.' },
      { scope: { project: 'batch' }, role: 'roles/logging.viewer', members: ['group:dev@small.example'], reason: 'Developers read the batch logs.' },
      { scope: { project: 'keys' }, role: 'roles/cloudkms.viewer', members: ['group:sec@small.example'], reason: 'Security lists the keys.' },
    );
    change(raw);
  });
}

