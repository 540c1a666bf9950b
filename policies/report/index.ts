/** Every report format behind one switch, for the CLI and `npm start`. */
import type { Evaluation } from '../engine/results';
import type { RuleMeta } from '../engine/rule';
import { renderJson } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderText } from './text';
import type { Gate } from './verdict';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'junit' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'junit', 'markdown'];

export interface RenderOptions {
  readonly gate: Gate;
  /** Rule metadata for SARIF's rule descriptors. */
  readonly catalogue: readonly { readonly meta: RuleMeta }[];
  /** ANSI colour in the text report. @default false */
  readonly color?: boolean;
  /** Directory SARIF artifact URIs are relative to. @default - as the input named them */
  readonly baseDir?: string;
}

export function render(format: ReportFormat, evaluation: Evaluation, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(evaluation, { color: options.color, gate: options.gate });
    case 'json':
      return renderJson(evaluation);
    case 'sarif':
      return renderSarif(evaluation, options.catalogue, { baseDir: options.baseDir });
    case 'junit':
      return renderJunit(evaluation, { gate: options.gate });
    case 'markdown':
      return renderMarkdown(evaluation, { gate: options.gate });
  }
}
