/**
 * Which results fail a run. One rule for the CLI's exit code, the cdktf synth gate and the
 * reports that show a verdict, so the three can never disagree.
 */
import type { Evaluation, Result } from '../engine/results';
import { SEVERITIES, type Severity } from '../engine/rule';

/** `fail`: an unknown on a high or critical rule fails like a finding; `warn`: unknowns never fail. */
export type UnknownMode = 'fail' | 'warn';
export const UNKNOWN_MODES: readonly UnknownMode[] = ['fail', 'warn'];

export interface Gate {
  /** The lowest severity that fails the run. @default 'high' */
  readonly failOn: Severity;
  /** What an unknown outcome does to the run. @default 'fail' */
  readonly unknown: UnknownMode;
}

export const DEFAULT_GATE: Gate = { failOn: 'high', unknown: 'fail' };

/** Unknowns fail only on rules this severe: a medium rule that cannot decide is a note, not a blocker. */
const UNKNOWN_FAILS_AT: Severity = 'high';

/** True when `severity` is `threshold` or more severe. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** True when this one result fails the run under the gate. Suppressed results never do. */
export function fails(result: Result, gate: Gate = DEFAULT_GATE): boolean {
  if (result.suppression) return false;
  if (!atOrAbove(result.severity, gate.failOn)) return false;
  if (result.outcome === 'finding') return true;
  return gate.unknown === 'fail' && atOrAbove(result.severity, UNKNOWN_FAILS_AT);
}

export function failingResults(evaluation: Evaluation, gate: Gate = DEFAULT_GATE): Result[] {
  return evaluation.results.filter((r) => fails(r, gate));
}

/** 0: nothing fails the gate; 1: something does. (2, bad input or usage, is the CLI's to decide.) */
export function exitCodeOf(evaluation: Evaluation, gate: Gate = DEFAULT_GATE): 0 | 1 {
  return failingResults(evaluation, gate).length > 0 ? 1 : 0;
}
