import { renderJson } from '../../../policies/report/json';
import { sampleEvaluation } from './evaluation';

describe('json report', () => {
  test('is the Evaluation itself', () => {
    expect(JSON.parse(renderJson(sampleEvaluation()))).toEqual(sampleEvaluation());
  });
});
