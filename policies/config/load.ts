/**
 * Reads the org config (YAML or JSON), validates it against the schema and returns the typed config.
 * A bad config throws ConfigError listing every problem as `path.to.field: expected X, got Y`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { core } from 'zod';
import { baselineConfigSchema, type BaselineConfig } from './org-config';

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid baseline config\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

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

/** Validates an already-parsed config object. */
export function parseConfig(raw: unknown, source = 'config'): BaselineConfig {
  const result = baselineConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ConfigError(source, result.error.issues.map(problemOf));
  return result.data;
}

/** Reads and validates a YAML (or JSON) config file. */
export function loadConfig(file: string): BaselineConfig {
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
  return parseConfig(doc.toJS({ maxAliasCount: 100 }), file);
}

/** The shipped example org, used by `npm start` and the tests. */
export const EXAMPLE_CONFIG = join(__dirname, '..', '..', 'config', 'example.baseline.yaml');
