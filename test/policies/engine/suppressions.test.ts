/**
 * The suppression primitives at their edges: what counts as a reason, a date, an expiry. Written from the
 * mutants `npm run mutate` left alive in policies/engine/suppressions.ts.
 */
import { collectSuppressions, isCalendarDate, isExpired, MIN_REASON_LENGTH, reasonIsEnough } from '../../../policies/engine/suppressions';
import { modelOf, synth } from '../../../policies/testing/rule-tester';

describe('reasonIsEnough', () => {
  it('takes exactly the minimum length, and not one character less', () => {
    expect(reasonIsEnough('x'.repeat(MIN_REASON_LENGTH))).toBe(true);
    expect(reasonIsEnough('x'.repeat(MIN_REASON_LENGTH - 1))).toBe(false);
  });

  it('does not count white space around the reason', () => {
    expect(reasonIsEnough(`   ${'x'.repeat(MIN_REASON_LENGTH - 1)}   `)).toBe(false);
    expect(reasonIsEnough(' '.repeat(MIN_REASON_LENGTH * 2))).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['2027-1-01', false],
    ['27-01-01', false],
    ['2027-01-01T00:00:00Z', false],
    ['2027-02-30', false],
    ['2028-02-29', true],
    ['2027-12-31', true],
  ])('%p is a calendar day: %p', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('isExpired', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('holds through its last day and expires the day after', () => {
    expect(isExpired('2026-11-27', now)).toBe(false);
    expect(isExpired('2026-11-26', now)).toBe(true);
  });

  it('never calls a missing or malformed date expired (those are invalid, reported as such)', () => {
    expect(isExpired(undefined, now)).toBe(false);
    expect(isExpired('2020-13-01', now)).toBe(false);
    expect(isExpired('1999', now)).toBe(false);
  });
});

describe('collectSuppressions', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const empty = modelOf({ synth: synth({}) });
  const config = (address: string, reason = 'accepted until migration', expires = '2027-01-01') => collectSuppressions(empty, [{ rule: 'r', address, reason, expires }], now)[0];

  it('matches a config suppression by the exact stack-qualified id or the exact address, brackets and all', () => {
    // A glob would read `[0]` as a character class; the exact text still matches
    expect(config('iam/google_x.y[0]').matches('r', 'iam/google_x.y[0]', 'google_x.y[0]')).toBe(true);
    expect(config('google_x.y[0]').matches('r', 'iam/google_x.y[0]', 'google_x.y[0]')).toBe(true);
    expect(config('google_x.y[0]').matches('r', 'iam/google_x.y[1]', 'google_x.y[1]')).toBe(false);
    expect(config('google_x.y[0]').matches('other', 'iam/google_x.y[0]', 'google_x.y[0]')).toBe(false);
  });

  it('matches globs against the id and the address, including path segments that start with a dot', () => {
    expect(config('iam/*').matches('r', 'iam/google_x.y', 'google_x.y')).toBe(true);
    expect(config('google_x.*').matches('r', 'iam/google_x.y', 'google_x.y')).toBe(true);
    expect(config('**').matches('r', 'module.m["team/.hidden"].google_x.y', 'module.m["team/.hidden"].google_x.y')).toBe(true);
    expect(config('google_z.*').matches('r', 'iam/google_x.y', 'google_x.y')).toBe(false);
  });

  it('says why a config suppression is not valid', () => {
    expect([config('x', 'short').invalid, config('x', 'long enough reason', '2027-02-30').invalid, config('x').invalid]).toEqual([
      `reason shorter than ${MIN_REASON_LENGTH} characters`,
      'expires is not a YYYY-MM-DD date',
      undefined,
    ]);
  });

  it('lists every problem of an inline suppression, and matches it on its own resource and rule only', () => {
    const model = modelOf({
      synth: synth({
        google_x: {
          a: { name: 'a', '//': { baseline: { suppressions: [{ rule: '', reason: 'no' }, { rule: 'r', reason: 'long enough reason', expires: '2027-13-01' }, { rule: 'r', reason: 'long enough reason', expires: '2026-11-26' }] } } },
        },
      }),
    });
    const [empty1, badDate, expired] = collectSuppressions(model, [], now);
    expect([empty1.invalid, badDate.invalid, expired.invalid]).toEqual([`no rule, reason shorter than ${MIN_REASON_LENGTH} characters, no expiry`, 'expires is not a YYYY-MM-DD date', undefined]);
    expect([empty1.expired, badDate.expired, expired.expired]).toEqual([false, false, true]);
    expect(expired.matches('r', 'google_x.a', 'google_x.a')).toBe(true);
    expect(expired.matches('r', 'google_x.b', 'google_x.a')).toBe(false);
    expect(expired.matches('s', 'google_x.a', 'google_x.a')).toBe(false);
  });
});
