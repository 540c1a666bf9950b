/**
 * The one place tests find vendored data: everything lives under test/fixtures/ with its LICENSE and
 * SOURCE.md, so a fresh clone with nothing beside it passes its tests.
 */
import { join, resolve } from 'node:path';

/** test/fixtures/ in this repository. */
export const FIXTURES = resolve(__dirname, '..', 'fixtures');

/** 104 real `terraform show -json` plans (GoogleCloudPlatform/terraform-validator, Apache-2.0). */
export const TERRAFORM_VALIDATOR_PLANS = join(FIXTURES, 'terraform-validator');

/** Ten Cloud Asset Inventory IAM exports (GoogleCloudPlatform/policy-library, Apache-2.0). */
export const CAI_EXPORTS = join(FIXTURES, 'policy-library-cai');

/** The CIS GCP facts (filters, audit log ids, roles) the tests compare code against. */
export const CIS_REFERENCE = join(FIXTURES, 'reference', 'cis-gcp-logging-controls.md');

/** A path under test/fixtures/. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}
