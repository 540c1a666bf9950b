import { FindingsMute } from '../../../constructs/scanning/findings-mute';
import { only, synthScope } from '../logging/synth-lookup';

const PROPS = {
  organizationId: '123456789012',
  muteConfigId: 'mute-sandbox-firewall',
  filter: 'category="OPEN_FIREWALL" AND resource.project_display_name="sandbox"',
  reason: 'The sandbox is rebuilt nightly.',
  expires: '2027-03-31',
};

describe('FindingsMute', () => {
  it('writes a static organization mute config whose description carries the reason and the expiry', () => {
    const { doc } = synthScope((scope) => new FindingsMute(scope, 'Mute', PROPS));
    expect(only(doc, 'google_scc_v2_organization_mute_config')).toMatchObject({
      organization: '123456789012',
      mute_config_id: 'mute-sandbox-firewall',
      location: 'global',
      type: 'STATIC',
      filter: PROPS.filter,
      description: 'reason: The sandbox is rebuilt nightly.; expires: 2027-03-31',
    });
  });

  it('fails on a short reason', () => {
    expect(() => synthScope((scope) => new FindingsMute(scope, 'Mute', { ...PROPS, reason: 'noise' }))).toThrow('reason must have at least 10 characters, got "noise"');
  });

  it('fails on an expiry that is not a date', () => {
    expect(() => synthScope((scope) => new FindingsMute(scope, 'Mute', { ...PROPS, expires: '31.03.2027' }))).toThrow('expires must be a date YYYY-MM-DD, got "31.03.2027"');
  });

  it('fails on an empty filter', () => {
    expect(() => synthScope((scope) => new FindingsMute(scope, 'Mute', { ...PROPS, filter: ' ' }))).toThrow('filter must select the findings to mute');
  });
});
