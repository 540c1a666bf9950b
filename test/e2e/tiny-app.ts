/**
 * A small real cdktf app for the end-to-end tests: one `iam` stack granting a basic role to a user,
 * the user grant suppressed inline with suppress(). Synthesized for real into a temporary cdktf.out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { BaselinePolicyValidation, suppress, type BaselinePolicyValidationProps } from '../../stacks/synth-gate';

export const OWNER_REASON = 'Jane is the break-glass owner until the group exists.';

export interface TinyApp {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly owner: ProjectIamMember;
  readonly outdir: string;
}

export function tinyApp(): TinyApp {
  const outdir = mkdtempSync(join(tmpdir(), 'baseline-cdktf-out-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'iam');
  new GoogleProvider(stack, 'google', { project: 'example-app-prd' });
  const owner = new ProjectIamMember(stack, 'owner', { project: 'example-app-prd', role: 'roles/owner', member: 'user:jane@example.com' });
  suppress(owner, 'iam-no-user-principals', OWNER_REASON, '2099-12-31');
  return { app, stack, owner, outdir };
}

/** Synthesizes the tiny app (no policy gate) and returns its cdktf.out directory. */
export function synthTinyApp(): string {
  const { app, outdir } = tinyApp();
  app.synth();
  return outdir;
}

export function withGate(props: BaselinePolicyValidationProps): TinyApp & { readonly gate: BaselinePolicyValidation } {
  const tiny = tinyApp();
  return { ...tiny, gate: BaselinePolicyValidation.addTo(tiny.app, props) };
}
