import rule from '../../../../policies/rules/scanning/scanning-mute-configs-reasoned';
import { muteDescription } from '../../../../policies/gcp/scc-findings';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusReports, planFiles } from '../deploy/corpus';
import { ORG } from './fixtures';

const MUTE = 'google_scc_v2_organization_mute_config.sandbox';
const REASONED = muteDescription('The sandbox project is rebuilt nightly; its firewall findings are noise.', '2027-03-31');
const mute = (description?: string) => ({
  mute_config_id: 'mute-sandbox-firewall',
  organization: ORG,
  location: 'global',
  filter: 'category="OPEN_FIREWALL" AND resource.project_display_name="sandbox"',
  type: 'STATIC',
  ...(description === undefined ? {} : { description }),
});
const synthMute = (description?: string) => synth({ google_scc_v2_organization_mute_config: { sandbox: mute(description) } });
const planMute = (description?: string, action?: 'create' | 'delete') => plan([{ address: MUTE, values: mute(description), action }]);

runRuleTests(rule, {
  valid: [
    { name: 'synth: a reason and an expiry in the future', input: { synth: synthMute(REASONED) } },
    { name: 'synth: a reason that itself holds a semicolon', input: { synth: synthMute('reason: Owned by the data team; they fix it in Q1.; expires: 2027-01-15') } },
    { name: 'plan: a reasoned project mute config (v1)', input: { plan: plan([{ address: 'google_scc_mute_config.p', values: { mute_config_id: 'm', parent: 'projects/p', filter: 'category="X"', description: REASONED } }]) } },
    { name: 'plan: deleting an unreasoned mute config is not judged', input: { plan: planMute('no reason at all', 'delete') } },
    { name: 'plan: an expiry tomorrow (the evaluation is on 2026-11-27) still stands', input: { plan: planMute(muteDescription('The sandbox is rebuilt nightly anyway.', '2026-11-28')) } },
    { name: 'synth: a reason of exactly the minimum length (10 characters) is enough', input: { synth: synthMute(muteDescription('Sandbox FW', '2027-03-31')) } },
    { name: 'plan: a reasoned folder mute config', input: { plan: plan([{ address: 'google_scc_v2_folder_mute_config.f', values: { mute_config_id: 'm', folder: '1', filter: 'category="X"', type: 'STATIC', description: REASONED } }]) } },
  ],
  invalid: [
    {
      name: 'fails synth: no description at all',
      input: { synth: synthMute() },
      errors: [
        { messageId: 'no-reason', address: MUTE, path: 'description' },
        { messageId: 'no-expiry', address: MUTE, path: 'description' },
      ],
    },
    { name: 'fails synth: a reason but no expiry', input: { synth: synthMute('reason: The sandbox is rebuilt nightly anyway.') }, errors: [{ messageId: 'no-expiry', address: MUTE }] },
    { name: 'fails synth: an expiry but a reason too short to say anything', input: { synth: synthMute('reason: noise; expires: 2027-03-31') }, errors: [{ messageId: 'no-reason', address: MUTE }] },
    {
      name: 'fails synth: a reason one character short of the minimum (9), padded with spaces, is no reason',
      input: { synth: synthMute('reason:   Sandbox F   ; expires: 2027-03-31') },
      errors: [{ messageId: 'no-reason', address: MUTE, path: 'description' }],
    },
    {
      name: 'fails synth (unknown): the description comes from a variable',
      input: { synth: synthMute('${var.mute_description}') },
      errors: [{ messageId: 'description-unknown', address: MUTE, outcome: 'unknown' }],
    },
    { name: 'fails plan: expired (the evaluation is on 2026-11-27)', input: { plan: planMute(muteDescription('The sandbox is rebuilt nightly anyway.', '2026-11-01')) }, errors: [{ messageId: 'expired', address: MUTE, path: 'description' }] },
    {
      name: 'fails plan: a mute config expiring today (2026-11-27, the evaluation day) has expired',
      input: { plan: planMute(muteDescription('The sandbox is rebuilt nightly anyway.', '2026-11-27')) },
      errors: [{ messageId: 'expired', address: MUTE, path: 'description' }],
    },
    {
      name: 'fails plan: on its expiry day a mute config has expired from the first moment (evaluated at 00:00 UTC)',
      input: { plan: planMute(muteDescription('The sandbox is rebuilt nightly anyway.', '2026-11-27')) },
      params: { now: new Date('2026-11-27T00:00:00Z') },
      errors: [{ messageId: 'expired', address: MUTE }],
    },
    {
      name: 'fails plan (unknown): the description is known only after apply',
      input: { plan: plan([{ address: MUTE, values: mute(), unknown: { description: true } }]) },
      errors: [{ messageId: 'description-unknown', address: MUTE, outcome: 'unknown', path: 'description' }],
    },
    { name: 'fails plan: a date that is no date', input: { plan: planMute('reason: The sandbox is rebuilt nightly anyway.; expires: 2027-13-45') }, errors: [{ messageId: 'no-expiry', address: MUTE }] },
  ],
});

describe('scanning-mute-configs-reasoned report data', () => {
  it('names the day an expired mute config expired', () => {
    expect(runRule(rule, { plan: planMute(muteDescription('The sandbox is rebuilt nightly anyway.', '2026-11-01')) }).results.map((r) => r.message)).toEqual([
      'Mute config expired on 2026-11-01: delete it or renew it with a new reason.',
    ]);
  });
});

describe('scanning-mute-configs-reasoned on the terraform-validator corpus', () => {
  it(`is silent on all ${planFiles().length} plans`, () => {
    expect(corpusReports(rule)).toEqual({});
  });
});
