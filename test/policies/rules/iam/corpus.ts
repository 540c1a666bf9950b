/** Real `terraform show -json` plans from the shared, read-only corpus (never copied into the repo). */
import * as fs from 'fs';
import * as path from 'path';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'terraform-validator');

/** A corpus plan, e.g. `example_project_iam.tfplan.json`, as an input for the RuleTester. */
export function corpusPlan(file: string): { plan: object } {
  return { plan: JSON.parse(fs.readFileSync(path.join(CORPUS, file), 'utf8')) as object };
}
