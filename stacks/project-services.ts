/**
 * Which Google APIs each project needs, from what the stacks put in it. Nothing works in a project whose
 * API is off: the hierarchy stack enables these before any other stack runs (they all depend on it).
 * APIs that org-level calls use are billed to the quota project instead, a prerequisite outside the
 * baseline (QUOTA_PROJECT_SERVICES, README "Prerequisites").
 */
import type { BaselineConfig } from '../policies/config/org-config';

/**
 * APIs the deployer's calls need on the quota project (`organization.quotaProject`): with
 * `user_project_override` every request names it as the quota project, and the API must be enabled there.
 */
export const QUOTA_PROJECT_SERVICES: readonly string[] = [
  'cloudbilling.googleapis.com',
  'cloudkms.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'essentialcontacts.googleapis.com',
  'iam.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'orgpolicy.googleapis.com',
  'pubsub.googleapis.com',
  'secretmanager.googleapis.com',
  // Security Command Center notification and mute configs are organization resources (scanning stack).
  'securitycenter.googleapis.com',
  'serviceusage.googleapis.com',
  'storage.googleapis.com',
];

/** APIs by project config key: the foundation projects' own, Logging everywhere, and what config adds. */
export function servicesByProject(config: BaselineConfig): Map<string, string[]> {
  const { logging: loggingKey, secrets: secretsKey, kms: kmsKey } = config.foundationProjects;
  const needs = new Map<string, Set<string>>(config.projects.map((p) => [p.key, new Set(p.services)]));
  const add = (key: string, ...services: string[]) => services.forEach((s) => needs.get(key)!.add(s));
  // Every project writes audit logs to its _Required/_Default buckets; audit configs need nothing more.
  for (const project of config.projects) add(project.key, 'logging.googleapis.com');
  // Log buckets, views and metrics; alert policies, channels and the dashboard (alerting stack).
  add(loggingKey, 'logging.googleapis.com', 'monitoring.googleapis.com');
  if (config.logging.bucket.analytics) add(loggingKey, 'bigquery.googleapis.com');
  if (config.logging.archive) add(loggingKey, 'storage.googleapis.com');
  if (config.logging.siem) add(loggingKey, 'pubsub.googleapis.com', ...(config.logging.siem.readerAccountId ? ['iam.googleapis.com'] : []));
  // The IAM change feed (audit stack): its topic, and the Cloud Asset API it is billed to.
  if (config.audit.iamChangeFeed) add(loggingKey, 'pubsub.googleapis.com', 'cloudasset.googleapis.com');
  // Findings topic, subscription and alert policy (scanning stack).
  if (config.scanning) add(config.scanning.project ?? loggingKey, 'pubsub.googleapis.com', 'monitoring.googleapis.com');
  // Artifact Analysis scans every image pushed to Artifact Registry once the Container Scanning API is on
  // (cloud.google.com/artifact-analysis/docs/os-scanning-automatically: "Enable the Artifact Registry and
  // Container Scanning APIs"), and keeps re-checking scanned images against new vulnerabilities.
  for (const key of config.scanning?.imageProjects ?? []) add(key, 'artifactregistry.googleapis.com', 'containerscanning.googleapis.com');
  add(kmsKey, 'cloudkms.googleapis.com');
  add(secretsKey, 'secretmanager.googleapis.com', 'pubsub.googleapis.com');
  return new Map([...needs].map(([key, services]) => [key, [...services].sort()]));
}
