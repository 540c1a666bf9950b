/**
 * Progress of a long check on a terminal: one line on stderr, rewritten in place (loading, evaluating rule
 * by rule, writing), cleared at the end. Nothing at all when stderr is not a terminal, so logs and pipes
 * see only the report and the errors.
 */

/** A step of a run, with its counts. */
export type ProgressStep =
  | { readonly phase: 'loading'; readonly input: string }
  | { readonly phase: 'evaluating'; readonly resources: number; readonly rulesDone: number; readonly rules: number }
  | { readonly phase: 'writing'; readonly results: number; readonly format: string };

const count = (n: number): string => n.toLocaleString('en');

/** The line shown for a step (without the carriage return that rewrites it). */
export function progressLine(step: ProgressStep): string {
  switch (step.phase) {
    case 'loading':
      return `baseline: loading ${step.input}`;
    case 'evaluating':
      return `baseline: evaluating ${count(step.resources)} resource${step.resources === 1 ? '' : 's'}: rule ${step.rulesDone} of ${step.rules}`;
    case 'writing':
      return `baseline: writing the ${step.format} report: ${count(step.results)} result${step.results === 1 ? '' : 's'}`;
  }
}

/** Carriage return, then erase the line (ECMA-48 EL 2): the next text starts on a clean line. */
const CLEAR_LINE = '\r\x1b[2K';

export interface Progress {
  readonly update: (step: ProgressStep) => void;
  /** Clears the line, if one was shown, so the report or an error starts clean. */
  readonly done: () => void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };

/** A progress line on `write` (stderr) when it is a terminal; silent otherwise. */
export function progressOn(write: (text: string) => void, isTTY: boolean): Progress {
  if (!isTTY) return SILENT;
  let shown = false;
  return {
    update: (step) => {
      write(`${CLEAR_LINE}${progressLine(step)}`);
      shown = true;
    },
    done: () => {
      if (shown) write(CLEAR_LINE);
      shown = false;
    },
  };
}
