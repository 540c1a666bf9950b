/**
 * Stacks that work on folders reach them through the hierarchy stack: while the app prepares its
 * stacks, cdktf writes an output in the hierarchy stack for each folder attribute read elsewhere and a
 * remote-state read in the reader. These helpers synthesize a stack next to the hierarchy stack the
 * way `app.synth()` does and spell those references exactly.
 */
import { Testing, type App, type TerraformStack } from 'cdktf';
import type { BaselineConfig } from '../../policies/config/org-config';
import { HierarchyStack } from '../../stacks/hierarchy-stack';
import { addressOf, ref } from '../constructs/logging/synth-lookup';
import { synthStack, type SynthDoc } from '../constructs/iam/synth-json';

/** The remote-state data source cdktf names after the producing stack `hierarchy`. */
export const HIERARCHY_REMOTE_STATE = 'cross-stack-reference-input-hierarchy';

export type DocWithOutputs = SynthDoc & { output?: Record<string, { value: string; sensitive?: boolean }> };

/**
 * Builds the hierarchy stack (id `hierarchy`) and the stack `build` makes from its folders in one
 * app, prepares both (which adds the cross-stack outputs and remote state, as `app.synth()` does),
 * and synthesizes both.
 */
export function synthWithHierarchy(
  config: BaselineConfig,
  build: (app: App, hierarchy: HierarchyStack) => TerraformStack,
): { doc: DocWithOutputs; text: string; hierarchyDoc: DocWithOutputs } {
  const app = Testing.app();
  const hierarchy = new HierarchyStack(app, 'hierarchy', { config });
  const stack = build(app, hierarchy);
  stack.prepareStack();
  hierarchy.prepareStack();
  const { doc, text } = synthStack(stack);
  return { doc, text, hierarchyDoc: synthStack(hierarchy).doc };
}

/**
 * What a consumer stack synthesizes for `name` of the folder with `displayName`: the hierarchy
 * output whose value is `${google_folder.<that folder>.name}`, read through remote state.
 */
export function remoteFolderName(hierarchyDoc: DocWithOutputs, displayName: string): string {
  const folderName = ref(addressOf(hierarchyDoc, 'google_folder', (v) => v.display_name === displayName), 'name');
  const outputs = Object.entries(hierarchyDoc.output ?? {}).filter(([, output]) => output.value === folderName);
  if (outputs.length !== 1) throw new Error(`expected one hierarchy output of ${folderName}, found ${outputs.length}`);
  return `\${data.terraform_remote_state.${HIERARCHY_REMOTE_STATE}.outputs.${outputs[0][0]}}`;
}
