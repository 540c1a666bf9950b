/**
 * Exact lookups in synthesized Terraform JSON for the logging, KMS and audit tests: find the one
 * resource that matches, spell a reference to it as cdktf writes it (`${type.name.attr}`), and
 * list every IAM resource, so each grant is asserted with its exact role, member and target.
 * Parsing and synthesis come from the shared test helper.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { EXAMPLE_CONFIG } from '../../../config/example';
import type { SynthDoc } from '../iam/synth-json';

export { synthScope, synthStack, type SynthDoc } from '../iam/synth-json';

type Values = Record<string, unknown>;

function matching(block: Record<string, Record<string, Values>> | undefined, type: string, where: (v: Values) => boolean): [string, Values] {
  const found = Object.entries(block?.[type] ?? {}).filter(([, v]) => where(v));
  if (found.length !== 1) throw new Error(`expected exactly one ${type} matching, found ${found.length}`);
  return found[0];
}

/** `type.name` of the one resource of `type` that `where` accepts (all of them when omitted). */
export function addressOf(doc: SynthDoc, type: string, where: (v: Values) => boolean = () => true): string {
  return `${type}.${matching(doc.resource, type, where)[0]}`;
}

/** `data.type.name` of the one data source of `type` that `where` accepts. */
export function dataAddressOf(doc: SynthDoc, type: string, where: (v: Values) => boolean = () => true): string {
  return `data.${type}.${matching(doc.data, type, where)[0]}`;
}

/** The values of the one resource of `type` that `where` accepts. */
export function only(doc: SynthDoc, type: string, where: (v: Values) => boolean = () => true): Values {
  return matching(doc.resource, type, where)[1];
}

/** A reference as cdktf synthesizes it. */
export const ref = (address: string, attribute: string): string => `\${${address}.${attribute}}`;

/** Every IAM resource (`*_iam_member`, `*_iam_binding`, `*_iam_policy`) as `{ type, values }`, sorted. */
export function iamResources(doc: SynthDoc): { type: string; values: Values }[] {
  return Object.entries(doc.resource ?? {})
    .filter(([type]) => /_iam_(member|binding|policy)$/.test(type))
    .flatMap(([type, byName]) => Object.values(byName).map((values) => ({ type, values })))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The shipped example org as written (before validation), for tests that vary one field. */
export function exampleConfigInput(): Record<string, any> {
  return parse(readFileSync(EXAMPLE_CONFIG, 'utf8')) as Record<string, any>;
}
