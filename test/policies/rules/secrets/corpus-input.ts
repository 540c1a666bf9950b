/** A real plan from the vendored corpus as a RuleTester input (vendored under test/fixtures with its licence). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TERRAFORM_VALIDATOR } from '../../engine/corpus';

export function corpusInput(file: string): { plan: object } {
  return { plan: JSON.parse(readFileSync(join(TERRAFORM_VALIDATOR, file), 'utf8')) as object };
}
