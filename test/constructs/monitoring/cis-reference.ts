/**
 * Reads the CIS log metric filters from the vendored reference (test/fixtures/reference), so the
 * tests compare what we synthesize with the benchmark text itself, not with a copy of it.
 */
import { readFileSync } from 'node:fs';
import { CIS_REFERENCE } from '../../support/fixtures';

export const CIS_REFERENCE_FILE = CIS_REFERENCE;

export interface CisFilterRow {
  /** v5.0 control number, e.g. `2.5`. */
  readonly control: string;
  readonly filter: string;
}

/** Filters are compared after collapsing whitespace, as the reference says. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The rows of the "Log metric filters with an alert" table: `| 2.5 [2.4] | event | \`filter\` |`. */
export function cisFilterRows(): CisFilterRow[] {
  const rows: CisFilterRow[] = [];
  for (const line of readFileSync(CIS_REFERENCE_FILE, 'utf8').split('\n')) {
    const match = /^\| (2\.\d+)(?: \[[^\]]*\])? \| [^|]+\| `([^`]+)`/.exec(line);
    if (match) rows.push({ control: match[1], filter: collapseWhitespace(match[2]) });
  }
  return rows;
}
