/**
 * The checker's own package.json (name, version, where its rule pages are published), found beside the
 * sources or the compiled dist/ alike. Read once, lazily: `--version` and report links need it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGE_NAME = '@gcp-security-baseline/checker';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** Where the rule pages are published: `<repository>/blob/main/<directory>/docs/rules/`. */
  readonly rulesBaseUrl: string;
}

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly repository?: { readonly url?: string; readonly directory?: string };
}

let cached: PackageInfo | undefined;

function read(file: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let pkg: PackageJson | undefined;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    pkg = read(join(dir, 'package.json'));
    if (pkg?.name === PACKAGE_NAME || dirname(dir) === dir) break;
  }
  const repository = (pkg?.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  const directory = pkg?.repository?.directory ? `${pkg.repository.directory}/` : '';
  cached = {
    name: PACKAGE_NAME,
    version: pkg?.name === PACKAGE_NAME && pkg.version ? pkg.version : '0.0.0',
    rulesBaseUrl: `${repository}/blob/main/${directory}docs/rules/`,
  };
  return cached;
}

/** The absolute URL of a rule's page (SARIF helpUri, report links). */
export function ruleDocUrl(ruleId: string): string {
  return `${packageInfo().rulesBaseUrl}${encodeURIComponent(ruleId)}.md`;
}
