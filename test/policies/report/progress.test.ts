/** The progress line's text and how it is drawn: one line rewritten in place on a terminal, nothing elsewhere. */
import { progressLine, progressOn } from '../../../policies/report/progress';

describe('progressLine', () => {
  it('says what is happening, with counts', () => {
    expect(progressLine({ phase: 'loading', input: 'plan.json' })).toBe('baseline: loading plan.json');
    expect(progressLine({ phase: 'evaluating', resources: 200000, rulesDone: 12, rules: 42 })).toBe('baseline: evaluating 200,000 resources: rule 12 of 42');
    expect(progressLine({ phase: 'evaluating', resources: 1, rulesDone: 0, rules: 42 })).toBe('baseline: evaluating 1 resource: rule 0 of 42');
    expect(progressLine({ phase: 'writing', results: 1, format: 'sarif' })).toBe('baseline: writing the sarif report: 1 result');
  });

  it('rewrites one line in place and clears it when done; writes nothing when not a terminal', () => {
    let tty = '';
    const shown = progressOn((t) => void (tty += t), true);
    shown.update({ phase: 'loading', input: 'p.json' });
    shown.update({ phase: 'writing', results: 2, format: 'text' });
    shown.done();
    expect(tty).toBe('\r\x1b[2Kbaseline: loading p.json\r\x1b[2Kbaseline: writing the text report: 2 results\r\x1b[2K');
    let piped = '';
    const silent = progressOn((t) => void (piped += t), false);
    silent.update({ phase: 'loading', input: 'p.json' });
    silent.done();
    expect(piped).toBe('');
  });
});
