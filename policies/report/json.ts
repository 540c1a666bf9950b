/** The Evaluation itself, for machines: stable field names, results already free of sensitive values. */
import type { Evaluation } from '../engine/results';

export function renderJson(evaluation: Evaluation): string {
  return `${JSON.stringify(evaluation, null, 2)}\n`;
}
