/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers). One run; one rule descriptor
 * per rule the pack ran; one result per finding or unknown, suppressed ones carrying their justification.
 * GitHub rejects results without `physicalLocation.artifactLocation.uri`, so a result that belongs to
 * no one file (a model-level finding) points at the first input file.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocUrl } from '../package-info';
import { version } from '../version';
import type { Evaluation, Result } from '../engine/results';
import type { RuleMeta, Severity } from '../engine/rule';
import { sortedResults } from './summary';

export const TOOL_NAME = 'gcp-security-baseline';

/** GitHub's scale: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.0', high: '7.0', medium: '4.0', low: '2.0' };
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** Results the engine itself produces, with no rule file behind them. */
const ENGINE_RULES: Readonly<Record<string, Pick<RuleMeta, 'description' | 'help' | 'category' | 'controls'>>> = {
  'suppression-expired': {
    description: 'Renew or remove a suppression whose expiry date has passed.',
    help: 'A suppression stops applying on its expiry date and the finding it hid is reported again. Fix the finding, or renew the suppression with a new reason and date.',
    category: 'change',
    controls: [],
  },
  'suppression-invalid': {
    description: 'Give every inline suppression a rule, a reason and an expiry date.',
    help: 'An inline suppression without a reason of at least 10 characters or a YYYY-MM-DD expiry is not applied, so the finding it meant to hide is reported too. Write it with suppress(construct, rule, reason, expires).',
    category: 'change',
    controls: [],
  },
  'input-not-read': {
    description: 'Check what the input holds but the checker could not read (module calls in a cdk.tf.json) on a plan instead.',
    help: 'A module call in a synthesized cdk.tf.json names a module source; its resources are not in the file, so no rule saw them. The result is unknown, never a pass. Check `terraform show -json` of the plan, which lists every module resource, or suppress it with a reason and an expiry.',
    category: 'change',
    controls: [],
  },
};

export interface SarifOptions {
  /** Directory that artifact URIs are made relative to (the repository root in CI). @default - URIs stay as the input named them */
  readonly baseDir?: string;
}

/** A relative path as a URI reference: each segment percent-encoded (`#`, `%`, `?`, spaces, and `:` so no segment reads as a scheme). */
function relativeUri(path: string): string {
  return path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

/**
 * `artifactLocation.uri` must be a valid URI reference (SARIF 2.1.0, 3.10.2): paths under `baseDir` become
 * relative references, others `file:` URLs; standard input, which has no file, is the relative reference `stdin`.
 */
export function artifactUri(file: string, baseDir: string | undefined): string {
  if (file === '-' || file === '<stdin>') return 'stdin';
  if (!isAbsolute(file)) return relativeUri(file);
  if (baseDir) {
    const rel = relative(baseDir, file);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return relativeUri(rel);
  }
  return pathToFileURL(file).href;
}

function descriptor(ruleId: string, severity: Severity, meta: Pick<RuleMeta, 'description' | 'help' | 'category' | 'controls'> | undefined): Sarif.ReportingDescriptor {
  const description = meta?.description ?? ruleId;
  return {
    id: ruleId,
    name: ruleId,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: meta?.help ?? description },
    helpUri: ruleDocUrl(ruleId),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[severity],
      tags: meta ? [meta.category, ...meta.controls] : [],
    },
  };
}

/** Stable across runs for the same problem on the same resource, so code scanning does not reopen alerts. */
function fingerprint(r: Result): string {
  return createHash('sha256').update([r.ruleId, r.resourceId, r.messageId, r.path ?? ''].join('\u0000')).digest('hex').slice(0, 32);
}

function sarifResult(r: Result, ruleIndex: number, fallbackFile: string | undefined, options: SarifOptions): Sarif.Result {
  const file = r.sourceFile ?? fallbackFile;
  const location: Sarif.Location = {
    ...(file ? { physicalLocation: { artifactLocation: { uri: artifactUri(file, options.baseDir) } } } : {}),
    logicalLocations: [{ fullyQualifiedName: r.resourceId, name: r.address, kind: 'resource' }],
  };
  const properties: Sarif.PropertyBag = {
    // The rule's facts (an audit finding's role and member) first, so the fixed keys below always win.
    ...(r.properties ?? {}),
    'security-severity': SECURITY_SEVERITY[r.severity],
    outcome: r.outcome,
    messageId: r.messageId,
    ...(r.constructPath ? { constructPath: r.constructPath } : {}),
    ...(r.path ? { path: r.path } : {}),
  };
  return {
    ruleId: r.ruleId,
    ruleIndex,
    level: LEVEL[r.severity],
    message: { text: r.message },
    locations: [location],
    partialFingerprints: { 'baselineResult/v1': fingerprint(r) },
    properties,
    ...(r.suppression
      ? {
          suppressions: [
            {
              kind: r.suppression.source === 'inline' ? 'inSource' : 'external',
              status: 'accepted',
              justification: r.suppression.reason,
              ...(r.suppression.expires ? { properties: { expires: r.suppression.expires } } : {}),
            },
          ],
        }
      : {}),
  };
}

export function toSarif(evaluation: Evaluation, catalogue: readonly { readonly meta: RuleMeta }[], options: SarifOptions = {}): Sarif.Log {
  const metaById = new Map(catalogue.map((rule) => [rule.meta.id, rule.meta]));
  const severityById = new Map<string, Severity>(evaluation.rules.map((o) => [o.ruleId, o.severity]));
  for (const r of evaluation.results) if (!severityById.has(r.ruleId)) severityById.set(r.ruleId, r.severity);
  const ruleIds = [...severityById.keys()];
  const indexById = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => descriptor(id, severityById.get(id)!, metaById.get(id) ?? ENGINE_RULES[id]));
  const fallbackFile = evaluation.sources[0];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, semanticVersion: version, rules } },
        results: sortedResults(evaluation).map((r) => sarifResult(r, indexById.get(r.ruleId)!, fallbackFile, options)),
        properties: { pack: evaluation.pack, inputKind: evaluation.inputKind, evaluatedAt: evaluation.evaluatedAt },
      },
    ],
  };
}

export function renderSarif(evaluation: Evaluation, catalogue: readonly { readonly meta: RuleMeta }[], options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(evaluation, catalogue, options), null, 2)}\n`;
}
