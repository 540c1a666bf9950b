/**
 * `baseline review`: check the input (and OLD, with --against) exactly as `baseline check` does, draw the
 * review's facts from that one model and evaluation, and write review.md/.html, evidence.json and
 * practices.md/.html into one directory. No secret value reaches a file: every value the input marks
 * sensitive is replaced before writing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { audit, check, type CheckOptions, type CheckRun } from '../check';
import type { ModelInput } from '../engine/load';
import { modelSensitiveValues, REDACTED } from '../engine/redact';
import { version } from '../version';
import { buildReview } from './build';
import { diffReviews } from './diff';
import { buildEvidence } from './evidence';
import type { Review, ReviewDiff } from './facts';
import { renderHtml } from './html';
import { reviewDocument } from './layout';
import { renderMarkdown } from './markdown';
import { practicesDocument } from './practices';

export const REVIEW_FILES = ['review.md', 'review.html', 'evidence.json', 'practices.md', 'practices.html'] as const;

export interface ReviewOptions extends CheckOptions {
  /** OLD: a second input (synth output or plan) to compare the access, routing, secrets and detection rows with. @default - none */
  readonly against?: ModelInput;
  /** The time written into evidence.json. @default now */
  readonly now?: Date;
  /**
   * What the code declares (cdktf.out, cdk.tf.json or a plan), when the input is a Cloud Asset Inventory export:
   * the review is then of `baseline audit --declared`, and live grants no code declares are marked. @default - none
   */
  readonly declared?: ModelInput;
  /** With `declared`: project numbers to ids (`gcloud projects list --format=json` or a resource export). @default - none */
  readonly projects?: string;
}

export interface ReviewRun {
  readonly run: CheckRun;
  readonly review: Review;
  readonly diff?: ReviewDiff;
  /** File name -> contents, as written. */
  readonly files: Readonly<Record<(typeof REVIEW_FILES)[number], string>>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The input's SHA-256: of the file itself when it is one file (what `sha256sum` prints), else of the
 * `sha256sum`-style lines (`<hash>  <path>`) of every file read, paths relative to the input, sorted.
 */
export function inputSha256(input: ModelInput, sources: readonly string[]): string {
  if (typeof input !== 'string') return sha256(input.text);
  if (sources.length === 1 && sources[0] === input) return sha256(readFileSync(input));
  const lines = sources.map((s) => `${sha256(readFileSync(s))}  ${relative(input, s)}`).sort();
  return sha256(`${lines.join('\n')}\n`);
}

/** The config's SHA-256: of the file when one was read, else of the policy in effect (the defaults). */
function configSha256(options: CheckOptions, run: CheckRun): string {
  return options.configFile !== undefined ? sha256(readFileSync(options.configFile)) : sha256(JSON.stringify(run.policy));
}

/** Replaces every sensitive value of the input (8 characters or more) wherever it appears in a file. */
function scrub(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

function describeInput(input: ModelInput): string {
  return typeof input === 'string' ? input : input.name;
}

/**
 * Builds every file of the review in memory. Throws InputError / ConfigError as check() does. `checked`:
 * the check already run on this input with these options (`npm start` reviews what it just checked).
 */
export async function runReview(input: ModelInput, options: ReviewOptions = {}, checked?: CheckRun): Promise<ReviewRun> {
  const now = options.now ?? (checked ? new Date(checked.evaluation.evaluatedAt) : new Date());
  const run = checked ?? (options.declared !== undefined ? audit(input, { ...options, declared: options.declared, projects: options.projects, now }) : check(input, { ...options, now }));
  const review = buildReview(run);
  let diff: ReviewDiff | undefined;
  const secrets = new Set(modelSensitiveValues(run.model));
  if (options.against !== undefined) {
    const old = check(options.against, { ...options, now });
    for (const s of modelSensitiveValues(old.model)) secrets.add(s);
    diff = diffReviews(review, buildReview(old), describeInput(options.against));
  }
  const reviewDoc = reviewDocument(review, diff);
  const practicesDoc = practicesDocument(review);
  const evidence = buildEvidence({
    evaluation: run.evaluation,
    catalogue: run.rules,
    version,
    inputSha256: inputSha256(input, run.model.sources),
    configSha256: configSha256(options, run),
    now,
  });
  const files = {
    'review.md': renderMarkdown(reviewDoc),
    'review.html': await renderHtml(reviewDoc),
    'evidence.json': `${JSON.stringify(evidence, null, 2)}\n`,
    'practices.md': renderMarkdown(practicesDoc),
    'practices.html': await renderHtml(practicesDoc),
  };
  const scrubbed = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, scrub(text, secrets)])) as ReviewRun['files'];
  return { run, review, diff, files: scrubbed };
}

/** runReview, then writes its files into `outDir` (created when missing). */
export async function writeReview(input: ModelInput, outDir: string, options: ReviewOptions = {}, checked?: CheckRun): Promise<ReviewRun> {
  const result = await runReview(input, options, checked);
  mkdirSync(outDir, { recursive: true });
  for (const name of REVIEW_FILES) writeFileSync(join(outDir, name), result.files[name]);
  return result;
}
