/**
 * The baseline's stacks and the order they deploy in. Each stack is one concern composed from constructs.
 * Cross-stack references (the hierarchy's folders, the central log bucket, the canary secret) are
 * passed as objects and synthesize as remote-state outputs; the order is declared with
 * `addDependency`, so `cdktf deploy '*'` (which runs independent stacks in parallel) is safe.
 */
import type { App } from 'cdktf';
import type { BaselineConfig } from '../policies/config/org-config';
import { HierarchyStack } from './hierarchy-stack';
import { LoggingStack } from './logging-stack';
import { AuditStack } from './audit-stack';
import { IamStack } from './iam-stack';
import { SecretsStack } from './secrets-stack';
import { AlertingStack } from './alerting-stack';
import { ScanningStack } from './scanning-stack';
import { ProjectsStack } from './projects-stack';
import { partitionBindings, projectShards } from './sharding';
import { servicesByProject } from './project-services';

export interface Baseline {
  readonly hierarchy: HierarchyStack;
  /** With `stacks.shardByFolder`: one stack per folder's projects (`projects-<folder>`), in folder order; else none. */
  readonly projects: readonly ProjectsStack[];
  readonly logging: LoggingStack;
  readonly audit: AuditStack;
  readonly iam: IamStack;
  readonly secrets: SecretsStack;
  readonly alerting: AlertingStack;
  /** Present when config has `scanning`. */
  readonly scanning?: ScanningStack;
}

/**
 * Stack names in an order that honours every dependency (what `cdktf deploy <name>` one at a time needs). With
 * `stacks.shardByFolder`, the `projects-<folder>` stacks go anywhere between hierarchy and iam.
 */
export const DEPLOY_ORDER = ['hierarchy', 'logging', 'secrets', 'alerting', 'audit', 'scanning', 'iam'] as const;

export function buildBaseline(app: App, config: BaselineConfig): Baseline {
  const shards = projectShards(config);
  const sharded = new Set(shards.flatMap((s) => s.projects.map((p) => p.key)));
  const hierarchy = new HierarchyStack(app, 'hierarchy', { config, projects: config.projects.filter((p) => !sharded.has(p.key)) });
  const logging = new LoggingStack(app, 'logging', { config });
  const secrets = new SecretsStack(app, 'secrets', { config });
  const alerting = new AlertingStack(app, 'alerting', {
    config,
    centralBucket: logging.centralBucket,
    canarySecret: secrets.canarySecret,
  });
  const audit = new AuditStack(app, 'audit', { config, folderNames: hierarchy.folderNames });
  const scanning = config.scanning ? new ScanningStack(app, 'scanning', { config, notificationChannels: alerting.channels.names }) : undefined;
  const bindings = partitionBindings(config, shards);
  const iam = new IamStack(app, 'iam', { config, folderNames: hierarchy.folderNames, bindings: bindings.iam });
  const services = servicesByProject(config);
  const projects = shards.map(
    (shard) =>
      new ProjectsStack(app, shard.stackId, {
        config,
        folder: shard.folder,
        projects: shard.projects,
        folderIds: hierarchy.folderIds,
        services,
        bindings: bindings.byShard.get(shard.stackId) ?? [],
      }),
  );

  // Projects, and the APIs in them, exist before anything is put in them.
  for (const stack of [logging, secrets, alerting, audit, iam]) stack.addDependency(hierarchy);
  // Metrics count in the central bucket; the canary alert names the canary secret.
  alerting.addDependency(logging);
  alerting.addDependency(secrets);
  // The iam stack sets iam.allowedPolicyMemberDomains, which refuses any later grant to a Google service
  // agent (sink writers, CMEK and Pub/Sub agents are outside the customer's directory). The constraint is
  // not retroactive, so it goes last, after every stack that grants to a service agent
  // (cloud.google.com/resource-manager/docs/organization-policy/domain-restricted-sharing).
  iam.addDependency(logging);
  iam.addDependency(secrets);
  iam.addDependency(alerting);
  // The audit stack's IAM change feed grants its topic to the Cloud Asset service agent.
  iam.addDependency(audit);
  if (scanning) {
    // The findings alert goes to the alerting stack's channels (a cross-stack reference orders it too).
    scanning.addDependency(hierarchy);
    scanning.addDependency(alerting);
    // The findings topic grants to the Security Command Center notification agent, outside the directory.
    iam.addDependency(scanning);
  }
  for (const shard of projects) {
    // Its projects sit in the hierarchy's folders (remote state, which orders it too).
    shard.addDependency(hierarchy);
    // Its project grants may name service agents, which the domain restriction would refuse afterwards.
    iam.addDependency(shard);
  }
  // An audit config on a project needs the project: the audit stack follows the stacks of those it configures.
  const shardOf = new Map(projects.flatMap((stack) => stack.projectKeys.map((key) => [key, stack] as const)));
  for (const placement of audit.auditConfig.plan.placements) {
    const shard = placement.level === 'project' ? shardOf.get(placement.key) : undefined;
    if (shard) audit.addDependency(shard);
  }
  return { hierarchy, projects, logging, audit, iam, secrets, alerting, scanning };
}
