/**
 * Reading synthesized Terraform JSON in construct and stack tests: resources by type, and every
 * IAM grant in a document with references resolved to the thing they name, so tests assert
 * "secret app-prod-db-password" rather than a hashed logical id.
 */
import { Testing, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

export type SynthDoc = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  provider?: Record<string, unknown[]>;
  terraform?: Record<string, unknown>;
  /** Import blocks (`importFrom`): the resources the configuration adopts rather than creates. */
  import?: { to: string; id: string; provider?: string }[];
};

/** Synthesizes a stack (Testing.synth) and parses it. */
export function synthStack(stack: TerraformStack): { doc: SynthDoc; text: string } {
  const text = Testing.synth(stack);
  return { doc: JSON.parse(text) as SynthDoc, text };
}

/** Synthesizes whatever `build` adds to a fresh stack (Testing.synthScope) and parses it. */
export function synthScope(build: (scope: Construct) => void): { doc: SynthDoc; text: string } {
  const text = Testing.synthScope(build);
  return { doc: JSON.parse(text) as SynthDoc, text };
}

/** The values of every resource of one type, in logical-id order. */
export function resourcesOf(doc: SynthDoc, type: string): Record<string, unknown>[] {
  return Object.values(doc.resource?.[type] ?? {});
}

/** Resource (or data source) values by logical id. */
export function byAddress(doc: SynthDoc, address: string): Record<string, unknown> | undefined {
  const [first, ...rest] = address.split('.');
  if (first === 'data') return doc.data?.[rest[0]]?.[rest[1]];
  return doc.resource?.[first]?.[rest[0]];
}

/** A readable name for a resource: what it is, not its hashed logical id. */
function describe(doc: SynthDoc, type: string, values: Record<string, unknown>): string {
  switch (type) {
    case 'google_secret_manager_secret':
      return `secret ${String(values.project)}/${String(values.secret_id)}`;
    case 'google_pubsub_topic':
      return `topic ${String(values.project)}/${String(values.name)}`;
    case 'google_kms_crypto_key': {
      const ring = /^\$\{google_kms_key_ring\.([^.]+)\.id\}$/.exec(String(values.key_ring));
      const r = ring ? doc.resource?.google_kms_key_ring?.[ring[1]] : undefined;
      return `key ${r ? `${String(r.project)}/${String(r.location)}/${String(r.name)}` : String(values.key_ring)}/${String(values.name)}`;
    }
    case 'google_active_folder':
      return `folder "${String(values.display_name)}" under ${resolve(doc, String(values.parent))}`;
    case 'google_folder':
      return `folder "${String(values.display_name)}"`;
    case 'google_project_service_identity':
      return `service agent of ${String(values.service)} in ${String(values.project)}`;
    default:
      return type;
  }
}

/** Replaces each `${type.name.attr}` / `${data.type.name.attr}` in a string with `[<what it names>]`. */
export function resolve(doc: SynthDoc, value: string): string {
  return value.replace(/\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}/g, (whole, data, type: string, name: string) => {
    const values = data ? doc.data?.[type]?.[name] : doc.resource?.[type]?.[name];
    return values ? `[${describe(doc, type, values)}]` : whole;
  });
}

export interface SynthGrant {
  /** `member`, `binding` or `policy` (from the resource type's suffix). */
  readonly kind: string;
  /** What the grant is on: `organization 123`, `project p`, `[secret p/s]`, ... */
  readonly on: string;
  readonly role: string;
  readonly member: string;
  readonly condition?: { readonly title: string; readonly expression: string };
}

const TARGET_ATTRIBUTES: readonly [string, string][] = [
  ['org_id', 'organization'],
  ['folder', 'folder'],
  ['project', 'project'],
  ['secret_id', 'secret'],
  ['topic', 'topic'],
  ['crypto_key_id', 'key'],
];

/** Every grant any IAM resource in the document makes (members of bindings listed one by one). */
export function grantsIn(doc: SynthDoc): SynthGrant[] {
  const grants: SynthGrant[] = [];
  for (const [type, resources] of Object.entries(doc.resource ?? {})) {
    const match = /_iam_(member|binding|policy)$/.exec(type);
    if (!match) continue;
    for (const values of Object.values(resources)) {
      // The most specific target wins: a topic grant also names its project.
      const target = [...TARGET_ATTRIBUTES].reverse().find(([attr]) => values[attr] !== undefined);
      const raw = target ? String(values[target[0]]) : '?';
      const on = raw.includes('${') ? resolve(doc, raw) : `${target?.[1]} ${raw}`;
      const condition = values.condition as { title: string; expression: string } | undefined;
      const members = match[1] === 'member' ? [values.member as string] : ((values.members as string[]) ?? ['<policy_data>']);
      for (const member of members) {
        grants.push({
          kind: match[1],
          on,
          role: String(values.role ?? '<policy_data>'),
          member: resolve(doc, member),
          ...(condition ? { condition: { title: condition.title, expression: condition.expression } } : {}),
        });
      }
    }
  }
  return grants;
}

/** Grants as one sortable line each: `on | role | member` (plus ` | if <expression>`). */
export function grantLines(doc: SynthDoc): string[] {
  return grantsIn(doc)
    .map((g) => `${g.on} | ${g.role} | ${g.member}${g.condition ? ` | if ${g.condition.expression}` : ''}${g.kind === 'member' ? '' : ` | ${g.kind}`}`)
    .sort();
}
