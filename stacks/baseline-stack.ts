/**
 * The base of every baseline stack: one google provider, the state backend the config names
 * (a GCS bucket per stack when `state.bucket` is set, else a local file), and the config at hand.
 *
 * Construct ids, chosen once before the first deploy because they become Terraform addresses (state):
 * PascalCase for what a construct is (`Hierarchy`, `CentralBucket`, `KeyRing`; the main resource of a
 * construct is `Resource`), and a value from config (a key, secret id, alert id, role or member) is
 * appended verbatim after a hyphen: `Folder-shared`, `Secret-app-prod-db-password`, `Alert-route-changes`.
 * Stack ids are the lower-case names users type (`cdktf deploy logging`).
 */
import { relative, resolve } from 'node:path';
import { App, GcsBackend, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { BaselineConfig, ProjectConfig } from '../policies/config/org-config';

export interface BaselineStackProps {
  /** The validated org config. */
  readonly config: BaselineConfig;
}

export class BaselineStack extends TerraformStack {
  readonly config: BaselineConfig;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id);
    this.config = props.config;
    new GoogleProvider(this, 'google', {
      region: props.config.defaultRegion,
      defaultLabels: { managed_by: 'gcp-security-baseline', baseline_stack: id },
      // User credentials (gcloud auth application-default login) carry no quota project, and org-level APIs
      // (Org Policy, Essential Contacts, Resource Manager) then answer 403. With the override every request
      // names billing_project as its quota project (provider_reference.html.markdown, "user_project_override").
      billingProject: props.config.organization.quotaProject,
      userProjectOverride: true,
    });
    const { bucket, prefix } = props.config.state;
    if (bucket) {
      new GcsBackend(this, { bucket, prefix: `${prefix}/${id}` });
    } else {
      // Terraform runs in <outdir>/stacks/<id>; a path relative to that directory keeps the state in the
      // project root and lets consumer stacks' remote state (same path, same depth) find it on any machine.
      const workingDir = resolve(App.of(this).outdir, 'stacks', id);
      new LocalBackend(this, { path: relative(workingDir, resolve(`terraform.${id}.tfstate`)) });
    }
  }

  /** The config entry of a project by key (keys are validated on load, so this cannot miss). */
  project(key: string): ProjectConfig {
    // By map: the iam stack asks once per project grant, thousands of times in a large org.
    this.projectsByKey ??= new Map(this.config.projects.map((p) => [p.key, p]));
    const project = this.projectsByKey.get(key);
    if (!project) throw new Error(`no project with key "${key}" in config`);
    return project;
  }

  private projectsByKey?: ReadonlyMap<string, ProjectConfig>;

  /** `organizations/<id>`, the parent string org-level resources take. */
  get orgParent(): string {
    return `organizations/${this.config.organization.id}`;
  }
}
