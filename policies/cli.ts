/**
 * The `baseline` command: load Terraform JSON (cdktf.out, cdk.tf.json or a plan) or, for `audit`, a Cloud
 * Asset Inventory export of the live organization, evaluate a pack of rules, print or write a report,
 * exit 0 (pass), 1 (findings) or 2 (bad input, config or usage).
 * Every error is one line on stderr saying what and where; a stack trace is never the user's problem.
 */
import { closeSync, constants, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { CheckOptions, CheckRun } from './check';
import { ConfigError } from './config/errors';
import { InputError } from './engine/errors';
import { readText } from './engine/load/read-text';
import { SEVERITIES, type Severity } from './engine/rule';
import { PACKS, type PackName } from './packs';
import { render, REPORT_FORMATS, type ReportFormat } from './report';
import { plainLine } from './report/plain';
import { progressOn } from './report/progress';
import { summaryLine } from './report/summary';
import type * as ReviewWriter from './review/write';
import type * as EventsRunner from './events/run';
import { UNKNOWN_MODES, type Gate, type UnknownMode } from './report/verdict';
import { version } from './version';

/** The policy file a team keeps beside its Terraform; read when --config is not given. */
export const POLICY_FILE_NAME = '.baseline.yaml';

/** Where the CLI talks to; a parameter so tests can run it in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  readonly isTTY: boolean;
  /** Whether stderr is a terminal: a progress line is shown there only then. */
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** SARIF artifact URIs are made relative to this directory. */
  readonly cwd: string;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

interface CheckFlags {
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: Severity;
  readonly config?: string;
  readonly unknown: UnknownMode;
  readonly pack?: PackName;
}

/** The one line (or, for a config, the list of problems) a user sees when a check cannot run. */
function describeError(error: unknown, input: string): string {
  // ConfigError's message is a header plus one line per problem: the user needs all of them at once.
  if (error instanceof ConfigError) return error.message;
  if (error instanceof InputError) return plainLine(error.message);
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error while checking ${input}: ${plainLine(message.split('\n')[0] ?? '')}`;
}

class OutputError extends Error {}

/**
 * Writes a report to a regular file only: an existing symbolic link is refused (O_NOFOLLOW), not followed
 * to wherever it points, and so is anything that is not a regular file once opened (a device, a FIFO).
 */
function writeReport(file: string, report: string): void {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    ftruncateSync(fd, 0);
    writeSync(fd, report);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(`cannot write --output ${file}: ${code === 'ELOOP' ? 'it is a symbolic link' : (code ?? 'error')}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** --config, else `.baseline.yaml` in the working directory, else none (safe defaults). */
function configFileOf(flags: { readonly config?: string }, io: Io): string | undefined {
  if (flags.config !== undefined) return flags.config;
  const found = join(io.cwd, POLICY_FILE_NAME);
  return existsSync(found) ? found : undefined;
}

interface AuditFlags extends CheckFlags {
  readonly declared?: string;
  readonly projects?: string;
}

/** The engine, rules and schemas, loaded on first use: `baseline --version` and `--help` start without them. */
const engine = () => require('./check') as typeof import('./check');

/** Runs a check or an audit and prints or writes its report: the part `check` and `audit` share. */
function runAndReport(input: string, flags: CheckFlags, io: Io, run: (options: CheckOptions) => CheckRun): number {
  const gate: Gate = { failOn: flags.failOn, unknown: flags.unknown };
  const progress = progressOn(io.stderr, io.stderrIsTTY);
  try {
    const result = run({ configFile: configFileOf(flags, io), pack: flags.pack, gate, progress: progress.update });
    const color = flags.format === 'text' && !flags.output && io.isTTY && io.env.NO_COLOR === undefined;
    progress.update({ phase: 'writing', results: result.evaluation.results.length, format: flags.format });
    const report = render(flags.format, result.evaluation, { gate, catalogue: result.rules, color, baseDir: io.cwd });
    progress.done();
    if (flags.output) {
      writeReport(flags.output, report);
      io.stdout(`${summaryLine(result.evaluation, gate)}\n${flags.format} report written to ${flags.output}\n`);
    } else {
      io.stdout(report);
    }
    return result.exitCode;
  } catch (e) {
    progress.done();
    io.stderr(`baseline: ${e instanceof OutputError ? e.message : describeError(e, input)}\n`);
    return 2;
  }
}

interface ReviewFlags {
  readonly out: string;
  readonly against?: string;
  readonly declared?: string;
  readonly projects?: string;
  readonly config?: string;
}

/** The default --out of `baseline review`. */
export const REVIEW_DIR = join('reports', 'review');

async function review(input: string, flags: ReviewFlags, io: Io): Promise<number> {
  try {
    const stdin = input === '-' ? { text: readText(0, '<stdin>'), name: '<stdin>' } : undefined;
    // Inputs are named as given, as `baseline check` names them (evidence.json and the review quote them).
    // Loaded on first use, like the engine: the review brings Graphviz compiled to WebAssembly.
    const { REVIEW_FILES, writeReview } = require('./review/write') as typeof ReviewWriter;
    const result = await writeReview(stdin ?? input, flags.out, { configFile: configFileOf(flags, io), against: flags.against, declared: flags.declared, projects: flags.projects });
    io.stdout(`${summaryLine(result.run.evaluation, result.run.gate)}\nreview written to ${flags.out}: ${REVIEW_FILES.join(', ')}\n`);
    return result.run.exitCode;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const cannotWrite = typeof code === 'string' && ['EACCES', 'EEXIST', 'ENOTDIR', 'EISDIR', 'EROFS', 'ENOSPC'].includes(code);
    io.stderr(`baseline: ${cannotWrite ? `cannot write --out ${flags.out}: ${code}` : describeError(e, input)}\n`);
    return 2;
  }
}

interface EventsFlags {
  readonly format: 'ndjson' | 'json';
  readonly coverage?: boolean;
  readonly skipInvalid?: boolean;
  readonly config?: string;
}

/** The output formats of `baseline events` (kept here so --help needs no mapping loaded). */
const EVENT_FORMATS = ['ndjson', 'json'];

function events(input: string, flags: EventsFlags, io: Io): number {
  try {
    // Loaded on first use, like the engine: the mapping and the org config schema.
    const { runEvents } = require('./events/run') as typeof EventsRunner;
    const { EntryError } = require('./events/read-entries') as typeof import('./events/read-entries');
    const logging = flags.config === undefined ? undefined : (require('./config/load') as typeof import('./config/load')).loadConfig(flags.config).logging;
    const applicationLogs = logging?.applicationLogs ?? [];
    const sources = logging?.sources ?? [];
    const shown = input === '-' ? '<stdin>' : input;
    try {
      const run = runEvents(input, { format: flags.format, coverage: flags.coverage === true, skipInvalid: flags.skipInvalid === true, applicationLogs, sources }, io.stdout);
      if (run.skipped > 0) io.stderr(`baseline: ${shown}: skipped ${run.skipped} invalid ${run.skipped === 1 ? 'entry' : 'entries'} (first: ${run.firstSkipped!.message}); ${run.events} mapped\n`);
      return 0;
    } catch (e) {
      if (e instanceof EntryError) throw new InputError(`${shown}: ${e.message} (--skip-invalid skips such entries)`);
      throw e;
    }
  } catch (e) {
    io.stderr(`baseline: ${describeError(e, input)}\n`);
    return 2;
  }
}

/** The options `check` and `audit` share: report format and destination, gate, config, pack. */
function withReportOptions(command: Command, packHelp: string): Command {
  return command
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(SEVERITIES).default('high'))
    .option('--config <file>', `policy file or org config (YAML/JSON): rule parameters and suppressions (default: ./${POLICY_FILE_NAME} if present)`)
    .addOption(
      new Option('--unknown <mode>', 'fail: an unknown on a high/critical rule fails; warn: unknowns never fail')
        .choices(UNKNOWN_MODES)
        .default('fail'),
    )
    .addOption(new Option('--pack <pack>', packHelp).choices(Object.keys(PACKS)));
}

function program(io: Io, onExit: (code: number | Promise<number>) => void): Command {
  const cli = new Command('baseline')
    .description('Check Terraform JSON (cdktf.out, cdk.tf.json, terraform show -json) or the live organization (a Cloud Asset Inventory export) against the GCP security baseline.')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`baseline: ${plainLine(text.replace(/^error: /, ''))}\n`),
    });
  withReportOptions(
    cli
      .command('check')
      .description('Evaluate the rules of a pack against one input and report the results.')
      .argument('<input>', 'a cdktf.out directory, a cdk.tf.json, a `terraform show -json` plan, a folder of plans, a Cloud Asset Inventory export, or - for stdin'),
    'rule pack (default: all for cdktf.out, audit for an asset export, else guardrails)',
  ).action((input: string, flags: CheckFlags) => onExit(runAndReport(input, flags, io, (options) => engine().check(input, options))));
  withReportOptions(
    cli
      .command('audit')
      .description('Evaluate the live organization (a Cloud Asset Inventory IAM export) and, with --declared, report where it differs from the code.')
      .argument('<export>', 'gcloud asset export --content-type=iam-policy output (newline-delimited JSON or a JSON list), gcloud asset search-all-iam-policies --format=json output, or - for stdin')
      .option('--declared <input>', 'what the code declares: a cdktf.out directory, a cdk.tf.json or a `terraform show -json` plan')
      .option('--projects <file>', 'project numbers to ids: gcloud projects list --format=json, or a --content-type=resource export'),
    'rule pack (default: audit)',
  ).action((input: string, flags: AuditFlags) =>
    onExit(runAndReport(input, flags, io, (options) => engine().audit(input, { ...options, declared: flags.declared, projects: flags.projects }))),
  );
  cli
    .command('review')
    .description('Write a reviewer\'s report (review.md, review.html), dated evidence per control (evidence.json) and a public practices page (practices.md, practices.html).')
    .argument('<input>', 'a cdktf.out directory, a cdk.tf.json, a `terraform show -json` plan, a folder of plans, a Cloud Asset Inventory export, or - for stdin')
    .option('--out <dir>', 'directory to write into', REVIEW_DIR)
    .option('--against <old>', 'an older input (synth output or plan): show what the change adds and removes')
    .option('--declared <input>', 'with an asset export: what the code declares (cdktf.out, cdk.tf.json or a plan); live grants it lacks are marked undeclared')
    .option('--projects <file>', 'with --declared: project numbers to ids (gcloud projects list --format=json, or a --content-type=resource export)')
    .option('--config <file>', `policy file or org config (YAML/JSON) (default: ./${POLICY_FILE_NAME} if present)`)
    .action((input: string, flags: ReviewFlags) => onExit(review(input, flags, io)));
  cli
    .command('events')
    .description('Normalize exported Cloud Logging entries to one security-event schema (OCSF attribute names), or with --coverage show how much context each log source carries.')
    .argument('<input>', 'gcloud logging read --format=json output (a JSON array), newline-delimited entries as Cloud Logging writes them to Cloud Storage, or - for stdin')
    .addOption(new Option('--format <format>', 'output: one event per line, or a JSON array').choices(EVENT_FORMATS).default('ndjson'))
    .option('--coverage', 'print, per log source, the share of entries carrying each context field, the sources that fall short first')
    .option('--skip-invalid', 'skip entries that are not JSON or not a LogEntry, and count them on stderr, instead of stopping with exit 2')
    .option('--config <file>', 'org config (YAML/JSON): logging.applicationLogs map applications\' own logs; with --coverage, logging.sources are rows of their own')
    .action((input: string, flags: EventsFlags) => onExit(events(input, flags, io)));
  return cli;
}

/**
 * Runs the CLI on arguments (without `node` and the script) and returns the exit code; `review` lays out
 * its diagrams with WebAssembly, which loads asynchronously, so it returns a promise of the code.
 */
export function main(args: readonly string[], io: Io = processIo()): number | Promise<number> {
  if (args.length === 0) {
    io.stderr('baseline: missing command: expected `baseline check <path|->`, `baseline review <path|->`, `baseline audit <export>` or `baseline events <file|->` (see baseline --help)\n');
    return 2;
  }
  let exitCode: number | Promise<number> = 0;
  try {
    program(io, (code) => (exitCode = code)).parse([...args], { from: 'user' });
    return exitCode;
  } catch (e) {
    // Help and --version "exit" 0; every other commander error is bad usage, already printed as one line.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.stderr(`baseline: ${describeError(e, args.join(' '))}\n`);
    return 2;
  }
}
