/**
 * The suppression primitives at their edges: what counts as a reason, a date, an expiry. Written from the
 * mutants `npm run mutate` left alive in policies/engine/suppressions.ts.
 */
import { isCalendarDate, isExpired, MIN_REASON_LENGTH, reasonIsEnough } from '../../../policies/engine/suppressions';

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
