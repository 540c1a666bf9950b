/** Where the shared third-party corpus lives (read-only, never copied into the repo). */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
export const TERRAFORM_VALIDATOR = join(CORPUS, 'terraform-validator');

export function planFiles(): string[] {
  return readdirSync(TERRAFORM_VALIDATOR).filter((f) => f.endsWith('.tfplan.json')).sort();
}
