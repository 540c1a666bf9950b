/** Real `terraform show -json` plans from the vendored corpus (test/fixtures, Apache-2.0). */
import * as fs from 'fs';
import * as path from 'path';
import { TERRAFORM_VALIDATOR_PLANS } from '../../../support/fixtures';

const CORPUS = TERRAFORM_VALIDATOR_PLANS;

/** A corpus plan, e.g. `example_project_iam.tfplan.json`, as an input for the RuleTester. */
export function corpusPlan(file: string): { plan: object } {
  return { plan: JSON.parse(fs.readFileSync(path.join(CORPUS, file), 'utf8')) as object };
}
