/**
 * stacks/synth-gate.ts against real cdktf synthesis: suppress() writes exactly the inline
 * format the engine reads, and BaselinePolicyValidation fails `app.synth()` with the CLI's results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { loadConfig } from '../../policies/config/load';
import { EXAMPLE_CONFIG } from '../../config/example';
import { suppress } from '../../stacks/synth-gate';
import type { Evaluation } from '../../policies/engine/results';
import { baseline } from './run-baseline';
import { OWNER_REASON, tinyApp, withGate } from './tiny-app';

function synthesizedOwner(outdir: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(join(outdir, 'stacks', 'iam', 'cdk.tf.json'), 'utf8'));
  return doc.resource.google_project_iam_member.owner;
}

describe('suppress()', () => {
  test('synthesizes into the resource\'s // metadata beside cdktf\'s own', () => {
    const { app, outdir } = tinyApp();
    app.synth();
    expect(synthesizedOwner(outdir)['//']).toEqual({
      metadata: { path: 'iam/owner', uniqueId: 'owner' },
      baseline: { suppressions: [{ rule: 'iam-no-user-principals', reason: OWNER_REASON, expires: '2099-12-31' }] },
    });
  });

  test('accumulates several suppressions on one resource, in order', () => {
    const { app, owner, outdir } = tinyApp();
    suppress(owner, 'iam-no-basic-roles', 'Owner until the migration to groups is done.', '2099-01-31');
    app.synth();
    expect(synthesizedOwner(outdir)['//']).toMatchObject({
      baseline: {
        suppressions: [
          { rule: 'iam-no-user-principals', reason: OWNER_REASON, expires: '2099-12-31' },
          { rule: 'iam-no-basic-roles', reason: 'Owner until the migration to groups is done.', expires: '2099-01-31' },
        ],
      },
    });
  });

  test('accepts a construct whose main resource has id "Resource"', () => {
    const stack = new TerraformStack(Testing.app(), 'iam');
    const wrapper = new Construct(stack, 'grant');
    new ProjectIamMember(wrapper, 'Resource', { project: 'p-123456', role: 'roles/owner', member: 'user:jane@example.com' });
    suppress(wrapper, 'iam-no-basic-roles', 'Owner until the migration to groups is done.', '2099-01-31');
    const resource = (stack.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> }).resource;
    expect(Object.values(resource.google_project_iam_member!)[0]!['//']).toMatchObject({
      baseline: { suppressions: [{ rule: 'iam-no-basic-roles', reason: 'Owner until the migration to groups is done.', expires: '2099-01-31' }] },
    });
  });

  test('fails on a construct that is not a resource and has none as its main resource', () => {
    const stack = new TerraformStack(Testing.app(), 'iam');
    const empty = new Construct(stack, 'empty');
    expect(() => suppress(empty, 'iam-no-basic-roles', 'Owner until the migration.', '2099-01-31')).toThrow(
      'suppress() needs a Terraform resource or a construct whose main resource has id "Resource", got iam/empty',
    );
  });

  test('fails on a bad rule id, a short reason or a date that is not YYYY-MM-DD', () => {
    const { owner } = tinyApp();
    expect(() => suppress(owner, 'IAM No Basic Roles', 'Owner until the migration.', '2099-01-31')).toThrow(
      'suppress(): rule must be a rule id like "iam-no-basic-roles", got "IAM No Basic Roles"',
    );
    expect(() => suppress(owner, 'iam-no-basic-roles', 'because', '2099-01-31')).toThrow('suppress(): reason must be at least 10 characters, got 7');
    expect(() => suppress(owner, 'iam-no-basic-roles', 'Owner until the migration.', '2099-02-30')).toThrow(
      'suppress(): expires must be a date YYYY-MM-DD, got "2099-02-30"',
    );
    expect(() => suppress(owner, 'iam-no-basic-roles', 'Owner until the migration.', '31.01.2099')).toThrow(
      'suppress(): expires must be a date YYYY-MM-DD, got "31.01.2099"',
    );
  });
});

describe('BaselinePolicyValidation', () => {
  test('fails synth on an unsuppressed high finding, naming rule, severity and construct', () => {
    const { app } = withGate({ pack: 'guardrails' });
    expect(() => app.synth()).toThrow(
      /iam-no-basic-roles \(high\) at iam\/owner: Grants basic role roles\/owner to user:jane@example\.com\./,
    );
  });

  test('gives the same results as the `baseline check` process on the synthesized directory', () => {
    const { app, gate, outdir } = withGate({});
    expect(() => app.synth()).toThrow();
    const cli = baseline(['check', outdir, '--format', 'json']);
    const comparable = (e: Evaluation) => ({ ...e, evaluatedAt: '' });
    expect(comparable(gate.lastRun!.evaluation)).toEqual(comparable(JSON.parse(cli.stdout)));
    expect(gate.lastRun!.evaluation.pack).toBe('all');
    expect(gate.lastRun!.evaluation.results.length).toBeGreaterThan(0);
  });

  test('lets synth pass when the finding is suppressed inline, and the suppression is reported', () => {
    const { app, owner, gate } = withGate({ pack: 'guardrails' });
    suppress(owner, 'iam-no-basic-roles', 'Owner until the migration to groups is done.', '2099-01-31');
    expect(() => app.synth()).not.toThrow();
    const suppressed = gate.lastRun!.evaluation.results.filter((r) => r.suppression).map((r) => r.ruleId).sort();
    expect(suppressed).toEqual(['iam-no-basic-roles', 'iam-no-user-principals']);
  });

  test('failOn critical lets a high finding through', () => {
    const { app } = withGate({ pack: 'guardrails', failOn: 'critical' });
    expect(() => app.synth()).not.toThrow();
  });

  test('config suppressions apply as with --config', () => {
    const example = loadConfig(EXAMPLE_CONFIG);
    const config = {
      ...example,
      policy: {
        ...example.policy,
        suppressions: [{ rule: 'iam-no-basic-roles', address: 'iam/google_project_iam_member.owner', reason: 'Owner until the migration.', expires: '2099-01-31' }],
      },
    };
    const { app, gate } = withGate({ pack: 'guardrails', config });
    expect(() => app.synth()).not.toThrow();
    expect(gate.lastRun!.evaluation.results.find((r) => r.ruleId === 'iam-no-basic-roles')?.suppression?.source).toBe('config');
  });
});
