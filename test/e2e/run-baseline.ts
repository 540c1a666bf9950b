/** Runs the real `baseline` process (the checker package's compiled bin, which `npm test` builds first) the way a user or CI would. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { TERRAFORM_VALIDATOR_PLANS } from '../support/fixtures';

export const REPO = resolve(__dirname, '..', '..');
export const CORPUS = TERRAFORM_VALIDATOR_PLANS;
/** The checker's bin as the package declares it (policies/package.json "bin"). */
export const BASELINE_BIN = resolve(REPO, 'policies', 'dist', 'bin', 'baseline.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function baseline(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BASELINE_BIN, ...args], {
    cwd: REPO,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function corpusPlan(name: string): string {
  return resolve(CORPUS, `${name}.tfplan.json`);
}
