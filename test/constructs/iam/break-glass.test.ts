import { BreakGlassAccess, breakGlassMembers } from '../../../constructs/iam/break-glass';
import { grantsIn, synthScope } from './synth-json';

describe('BreakGlassAccess', () => {
  it('grants the privileged role at the org only until the expiry, through a titled condition', () => {
    const { doc } = synthScope(
      (scope) => new BreakGlassAccess(scope, 'bg', { organizationId: '111222333444', group: 'bg@example.com', expires: '2027-06-30T00:00:00Z' }),
    );
    expect(grantsIn(doc)).toEqual([
      {
        kind: 'member',
        on: 'organization 111222333444',
        role: 'roles/resourcemanager.organizationAdmin',
        member: 'group:bg@example.com',
        condition: { title: 'break-glass until 2027-06-30T00:00:00Z', expression: 'request.time < timestamp("2027-06-30T00:00:00Z")' },
      },
    ]);
  });

  it('fails on a basic role', () => {
    expect(() =>
      synthScope(
        (scope) =>
          new BreakGlassAccess(scope, 'bg', { organizationId: '1', group: 'bg@example.com', role: 'roles/owner', expires: '2027-06-30T00:00:00Z' }),
      ),
    ).toThrow('break-glass: basic roles are granted to nobody, got "roles/owner"');
  });

  it('fails on an expiry that is not a timestamp with offset', () => {
    expect(() =>
      synthScope((scope) => new BreakGlassAccess(scope, 'bg', { organizationId: '1', group: 'bg@example.com', expires: '2027-06-30' })),
    ).toThrow('break-glass expires must be an ISO-8601 timestamp with offset, got "2027-06-30"');
  });

  it('names each break-glass group once as a group: member', () => {
    expect(breakGlassMembers('bg@example.com', undefined, 'bg@example.com', 'other@example.com')).toEqual([
      'group:bg@example.com',
      'group:other@example.com',
    ]);
  });
});
