/**
 * What is a template and what is text: in synthesized JSON every string with an interpolation `${...}` or a
 * directive `%{...}` is a Terraform template, its value known only after apply (`$${` and `%%{` are escapes
 * for literal text); in a plan, a known value is known, whatever characters it holds.
 */
import { check } from '../../../policies/check';
import { get } from '../../../policies/engine/model';
import { loadModel } from '../../../policies/engine/load';
import noPublic from '../../../policies/rules/iam/iam-no-public-principals';
import noUsers from '../../../policies/rules/iam/iam-no-user-principals';
import { plan, runRule, synth } from '../../../policies/testing/rule-tester';

const member = (value: string) => ({ project: 'app-prd', role: 'roles/viewer', member: value });
const synthMember = (value: string) => loadModel({ text: JSON.stringify(synth({ google_project_iam_member: { m: member(value) } })), name: 'cdk.tf.json' });

describe('synthesized template strings', () => {
  it.each([
    ['an interpolation', '${var.member}'],
    ['an if directive', '%{ if var.public }allUsers%{ else }group:ops@example.com%{ endif }'],
    ['a for directive', '%{ for m in var.members }${m}%{ endfor }'],
  ])('%s is known only after apply', (_, text) => {
    expect(get(synthMember(text).byId('google_project_iam_member.m')!, 'member')).toMatchObject({ state: 'unknown', raw: text });
  });

  it.each([
    ['an escaped interpolation', 'group:$${literal}@example.com'],
    ['an escaped directive', 'group:%%{literal}@example.com'],
  ])('%s is literal text', (_, text) => {
    expect(get(synthMember(text).byId('google_project_iam_member.m')!, 'member')).toEqual({ state: 'known', value: text });
  });

  it('a directive that may yield allUsers is an unknown for the public-principal rule, never a pass', () => {
    const doc = synth({ google_storage_bucket_iam_member: { site: { bucket: 'site', role: 'roles/storage.objectViewer', member: '%{ if var.open }allUsers%{ else }group:web@example.com%{ endif }' } } });
    expect(runRule(noPublic, { synth: doc }).results.map((r) => [r.outcome, r.address])).toEqual([['unknown', 'google_storage_bucket_iam_member.site']]);
  });
});

describe('known plan values', () => {
  it('are known even when they contain "${": a consumer account is a finding, not an unknown', () => {
    const doc = plan([{ address: 'google_project_iam_member.m', values: member('user:mallory${x}@gmail.com') }]);
    const model = loadModel({ text: JSON.stringify(doc), name: 'plan.json' });
    expect(get(model.byId('google_project_iam_member.m')!, 'member')).toEqual({ state: 'known', value: 'user:mallory${x}@gmail.com' });
    expect(runRule(noUsers, { plan: doc }).results.map((r) => [r.outcome, r.address])).toEqual([['finding', 'google_project_iam_member.m']]);
  });
});

describe('module calls in a cdk.tf.json', () => {
  it('are an unknown at the module address, never a silent pass: the gate fails on them', () => {
    const doc = {
      ...synth({ google_project_iam_member: { ok: { project: 'app-prd', role: 'roles/run.viewer', member: 'group:dev@example.com' } } }),
      module: { network: { source: 'terraform-google-modules/network/google', version: '9.1.0', project_id: 'app-prd' } },
    };
    const run = check({ text: JSON.stringify(doc), name: 'cdk.tf.json' }, { pack: 'guardrails' });
    expect(run.evaluation.results.map((r) => [r.ruleId, r.outcome, r.address, r.message])).toEqual([
      [
        'input-not-read',
        'unknown',
        'module.network',
        "module.network is a module call: its resources are in the module's source, not in this file, and were not checked; check a plan (terraform show -json), which lists them.",
      ],
    ]);
    expect(run.exitCode).toBe(1);
  });
});

describe('dynamic blocks in a cdk.tf.json', () => {
  const dynamicPolicy = synth(
    {
      google_storage_bucket_iam_policy: { site: { bucket: 'site', policy_data: '${data.google_iam_policy.site.policy_data}' } },
    },
    {
      data: {
        google_iam_policy: {
          site: {
            binding: { role: 'roles/storage.admin', members: ['group:web-admins@example.com'] },
            dynamic: { binding: { for_each: '${var.bindings}', content: { role: '${binding.value.role}', members: '${binding.value.members}' } } },
          },
        },
      },
    },
  );

  it('make the blocks they generate unknown, beside the static ones: a for_each over bindings may grant allUsers', () => {
    const model = loadModel({ text: JSON.stringify(dynamicPolicy), name: 'cdk.tf.json' });
    expect(model.grants.map((g) => [g.role.state === 'known' ? g.role.value : g.role.state, g.member.state === 'known' ? g.member.value : g.member.state])).toEqual([
      ['roles/storage.admin', 'group:web-admins@example.com'],
      ['unknown', 'unknown'],
    ]);
    expect(runRule(noPublic, { synth: dynamicPolicy }).results.map((r) => [r.outcome, r.address])).toEqual([['unknown', 'google_storage_bucket_iam_policy.site']]);
  });
});
