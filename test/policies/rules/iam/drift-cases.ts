/**
 * Live assets in both export shapes and declared access from real synthesized JSON, for the drift rules'
 * tables: `exported()` writes `gcloud asset export` newline-delimited JSON, `searched()` writes
 * `gcloud asset search-all-iam-policies --format=json` results.
 */
import type { RuleParams } from '../../../../policies/engine/rule';
import { declaredAccessOf } from '../../../../policies/gcp/access-drift';
import { modelOf, synth } from '../../../../policies/testing/rule-tester';

export const PROJECT = 'example-app-prd';
export const ORG = 'organizations/123456789012';
export const PROJECT_ASSET = `//cloudresourcemanager.googleapis.com/projects/${PROJECT}`;
export const BUCKET_ASSET = '//storage.googleapis.com/example-app-data';
export const DEVELOPERS = 'group:gcp-developers@example.com';
export const EXPIRY = 'request.time < timestamp("2027-01-01T00:00:00Z")';

export interface Binding {
  role: string;
  members: string[];
  condition?: { title?: string; expression: string };
}

/** One Project asset per line, as `gcloud asset export --content-type=iam-policy` writes them. */
export function exported(bindings: Binding[], extra: object[] = []): string {
  const project = { name: PROJECT_ASSET, asset_type: 'cloudresourcemanager.googleapis.com/Project', ancestors: [`projects/${PROJECT}`, ORG], iam_policy: { version: 3, bindings } };
  return [project, ...extra].map((a) => JSON.stringify(a)).join('\n') + '\n';
}

/** The same project's policy as `gcloud asset search-all-iam-policies --format=json` prints it. */
export function searched(bindings: Binding[], resource = PROJECT_ASSET): object[] {
  return [{ resource, assetType: 'cloudresourcemanager.googleapis.com/Project', project: `projects/${PROJECT}`, organization: ORG, policy: { bindings } }];
}

/** A bucket asset with its own policy. */
export function bucket(bindings: Binding[]): object {
  return { name: BUCKET_ASSET, asset_type: 'storage.googleapis.com/Bucket', ancestors: [`projects/${PROJECT}`, ORG], iam_policy: { bindings } };
}

/** What a cdk.tf.json with these resources declares, as `baseline audit --declared` would pass it to the rules. */
export function declares(resources: Parameters<typeof synth>[0]): Partial<RuleParams> {
  return { declaredAccess: declaredAccessOf(modelOf({ synth: synth(resources) })) };
}

export const DECLARED_DEVELOPERS = declares({ google_project_iam_member: { dev: { project: PROJECT, role: 'roles/run.developer', member: DEVELOPERS } } });
