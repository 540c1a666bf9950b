/**
 * Reads configuration (YAML or JSON): the baseline's org config, or a team's policy file, validated
 * against its schema. A bad file throws ConfigError listing every problem as `path.to.field: expected X,
 * got Y`; a file that is no config at all (or a YAML alias bomb) is one problem line, never a crash.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { core, ZodType } from 'zod';
import { DEFAULT_POLICY, policyFromFile, policyFromOrgConfig, type CheckPolicy } from './adapter';
import { baselineConfigSchema, type BaselineConfig } from './org-config';
import { policyFileSchema } from './policy-file';

import { ConfigError } from './errors';

export { ConfigError };

/** A short, safe description of a value: its type, or the value itself when it is a short scalar. */
function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return input.length <= 40 ? `"${input}"` : `a string of ${input.length} characters`;
  return `${typeof input} ${String(input)}`;
}

function pathOf(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function problemOf(issue: core.$ZodIssue): string {
  const where = pathOf(issue.path);
  const got = describe((issue as { input?: unknown }).input);
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'unrecognized_keys':
      return `${where}: expected only known fields, got unknown ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return `${where}: expected ${issue.origin === 'array' ? 'at least' : '>='} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, got ${got}`;
    case 'too_big':
      return `${where}: expected ${issue.origin === 'array' ? 'at most' : '<='} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, got ${got}`;
    case 'invalid_format':
      return `${where}: expected ${issue.format === 'regex' ? issue.message : `a ${issue.format}`}, got ${got}`;
    case 'custom':
      return `${where}: ${issue.message}`;
    default:
      return `${where}: ${issue.message}, got ${got}`;
  }
}

function parseWith<T>(schema: ZodType<T>, raw: unknown, source: string, what: string): T {
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ConfigError(source, result.error.issues.map(problemOf), what);
  return result.data;
}

/** Validates an already-parsed org config object. */
export function parseConfig(raw: unknown, source = 'config'): BaselineConfig {
  return parseWith(baselineConfigSchema, raw, source, 'baseline config');
}

/** Reads a YAML (or JSON) file into plain data; read and syntax errors are ConfigErrors. */
function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`(file): cannot read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`]);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `(yaml) line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml refuses documents whose aliases expand past maxAliasCount (a "billion laughs" bomb).
    throw new ConfigError(file, [`(yaml): ${(e as Error).message.split('\n')[0]}`]);
  }
}

/** Reads and validates a YAML (or JSON) org config file. */
export function loadConfig(file: string): BaselineConfig {
  return parseConfig(readDocument(file), file);
}

/** Whether a parsed document is an org config (it declares an organization) rather than a policy file. */
function isOrgConfig(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'organization' in raw;
}

/**
 * What a config file means for the checks: an org config (it has `organization:`) or a team's policy
 * file (rule parameters and suppressions only). An empty file is the defaults.
 */
export function loadPolicy(file: string): CheckPolicy {
  const raw = readDocument(file);
  if (raw === null || raw === undefined) return DEFAULT_POLICY;
  if (isOrgConfig(raw)) return policyFromOrgConfig(parseConfig(raw, file));
  return policyFromFile(parseWith(policyFileSchema, raw, file, 'policy file'));
}

