/**
 * The baseline's stacks, in deploy order. Each stack is one concern composed from constructs.
 * Cross-stack references (the hierarchy's folders, the central log bucket, the canary secret) are
 * passed as objects and synthesize as remote-state outputs.
 */
import type { App } from 'cdktf';
import type { BaselineConfig } from '../policies/config/org-config';
import { HierarchyStack } from './hierarchy-stack';
import { LoggingStack } from './logging-stack';
import { AuditStack } from './audit-stack';
import { IamStack } from './iam-stack';
import { SecretsStack } from './secrets-stack';
import { AlertingStack } from './alerting-stack';

export interface Baseline {
  readonly hierarchy: HierarchyStack;
  readonly logging: LoggingStack;
  readonly audit: AuditStack;
  readonly iam: IamStack;
  readonly secrets: SecretsStack;
  readonly alerting: AlertingStack;
}

/** Stack names in the order a user deploys them (`cdktf deploy <name>`). */
export const DEPLOY_ORDER = ['hierarchy', 'logging', 'audit', 'iam', 'secrets', 'alerting'] as const;

export function buildBaseline(app: App, config: BaselineConfig): Baseline {
  const hierarchy = new HierarchyStack(app, 'hierarchy', { config });
  const logging = new LoggingStack(app, 'logging', { config });
  const audit = new AuditStack(app, 'audit', { config, folders: hierarchy.folders });
  const iam = new IamStack(app, 'iam', { config, folders: hierarchy.folders });
  const secrets = new SecretsStack(app, 'secrets', { config });
  const alerting = new AlertingStack(app, 'alerting', {
    config,
    centralBucket: logging.centralBucket,
    canarySecret: secrets.canarySecret,
  });
  return { hierarchy, logging, audit, iam, secrets, alerting };
}
