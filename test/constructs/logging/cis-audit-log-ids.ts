/**
 * The five audit log ids as the vendored CIS reference lists them (test/fixtures/reference), so
 * the filter tests compare with the reference text itself: the bullet reads
 * `- Audit log ids: \`cloudaudit.googleapis.com%2Factivity\`, \`%2Fsystem_event\`, ...` where
 * every id after the first is given as its suffix.
 */
import { readFileSync } from 'node:fs';
import { CIS_REFERENCE } from '../../support/fixtures';

const REFERENCE = CIS_REFERENCE;

export function cisAuditLogIds(): string[] {
  // The bullet may wrap: it runs until the next bullet or blank line.
  const line = /^- Audit log ids:[^\n]*(?:\n {2,}[^\n]*)*/m.exec(readFileSync(REFERENCE, 'utf8'))?.[0];
  if (!line) throw new Error(`no "Audit log ids" bullet in ${REFERENCE}`);
  const [first, ...suffixes] = [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  const service = first.slice(0, first.indexOf('%2F'));
  return [first, ...suffixes.map((s) => `${service}${s}`)];
}
