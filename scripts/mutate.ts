/**
 * `npm run mutate`: mutation testing of the checker in two Stryker passes, then one score over both.
 *
 *   rules   policies/rules, judged by the rules' and the engine's suites (stryker.config.json)
 *   engine  policies/engine, judged by the engine's suites (stryker.engine.config.cjs): with every rule's tests
 *           too, each surviving mutant of the loader ran all 67 test files, about a minute a mutant here
 *
 * Both are incremental (.stryker/incremental*.json, committed): a pass re-tests only mutants whose code or
 * covering tests changed. Stryker compares tests with those the report last recorded, for every file at once: after
 * a run on part of a pass (`--mutate`), the other files' results stand against tests they were never run with (a
 * survivor a newer test kills stays a survivor, here 10 of sensitive.ts's 13 mutants), so measure a whole pass with
 * `--force` before trusting its score. `npm run mutate -- engine --mutate 'policies/engine/cel.ts'` runs one pass with
 * Stryker's own options; `npm run mutate -- score` only prints the score of what is recorded. Exit 1 when the
 * score over both passes is under 85% (or a pass fails), 2 on a usage error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PASSES = {
  rules: { config: 'stryker.config.json', incremental: '.stryker/incremental.json' },
  engine: { config: 'stryker.engine.config.cjs', incremental: '.stryker/incremental-engine.json' },
} as const;
type Pass = keyof typeof PASSES;

export const BREAK_AT = 85;

interface MutantRecord {
  readonly status: string;
}
interface IncrementalReport {
  readonly files: Record<string, { readonly mutants: readonly MutantRecord[] }>;
}

export interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
}

const DETECTED = new Set(['Killed', 'Timeout']);

/** Stryker's mutation score: detected over detected, survived and not covered (ignored and erroring mutants left out). */
export const score = (t: Tally): number => (100 * t.killed) / Math.max(1, t.killed + t.survived + t.noCoverage);

/** The part a source file is reported under: a rules folder, the loader, or the rest of the engine. */
export function partOf(file: string): string {
  const parts = file.split('/');
  if (parts[1] === 'rules') return parts.slice(0, 3).join('/');
  if (parts[1] === 'engine' && parts[2] === 'load') return 'policies/engine/load';
  return parts.slice(0, 2).join('/');
}

/** Tallies per part from incremental reports; a file in two reports counts from the later one. */
export function tally(reports: readonly IncrementalReport[]): Map<string, Tally> {
  const byFile = new Map<string, readonly MutantRecord[]>();
  for (const report of reports) for (const [file, { mutants }] of Object.entries(report.files)) byFile.set(file, mutants);
  const parts = new Map<string, Tally>();
  for (const [file, mutants] of byFile) {
    const part = partOf(file);
    const t = parts.get(part) ?? { killed: 0, survived: 0, noCoverage: 0 };
    for (const m of mutants) {
      if (DETECTED.has(m.status)) t.killed++;
      else if (m.status === 'Survived') t.survived++;
      else if (m.status === 'NoCoverage') t.noCoverage++;
    }
    parts.set(part, t);
  }
  return parts;
}

/** One row of the table: a part's counts and score. */
function row(part: string, t: Tally): string {
  const n = t.killed + t.survived + t.noCoverage;
  return `${part.padEnd(28)} ${String(n).padStart(7)} ${String(t.killed).padStart(7)} ${String(t.survived).padStart(8)} ${String(t.noCoverage).padStart(8)}  ${score(t).toFixed(1)}%`;
}

function printScore(): number {
  const reports = (Object.keys(PASSES) as Pass[]).filter((p) => existsSync(PASSES[p].incremental)).map((p) => JSON.parse(readFileSync(PASSES[p].incremental, 'utf8')) as IncrementalReport);
  const parts = tally(reports);
  const total: Tally = { killed: 0, survived: 0, noCoverage: 0 };
  console.log(`${'part'.padEnd(28)} ${'mutants'.padStart(7)} ${'killed'.padStart(7)} ${'survived'.padStart(8)} ${'no cover'.padStart(8)}  score`);
  for (const [part, t] of [...parts].sort(([a], [b]) => a.localeCompare(b))) {
    if (t.killed + t.survived + t.noCoverage === 0) continue; // a file without mutants (an index of rules)
    total.killed += t.killed;
    total.survived += t.survived;
    total.noCoverage += t.noCoverage;
    console.log(row(part, t));
  }
  console.log(row('total', total));
  return score(total);
}

function main(argv: readonly string[]): number {
  const [first, ...rest] = argv;
  if (first === 'score') return printScore() >= BREAK_AT ? 0 : 1;
  let passes: Pass[] = ['rules', 'engine'];
  let strykerArgs = argv;
  if (first !== undefined && !first.startsWith('-')) {
    if (!(first in PASSES)) {
      console.error(`mutate: unknown pass "${first}" (rules, engine or score)`);
      return 2;
    }
    passes = [first as Pass];
    strykerArgs = rest;
  }
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' };
  for (const pass of passes) {
    const run = spawnSync(process.execPath, [join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js'), 'run', PASSES[pass].config, ...strykerArgs], { env, stdio: 'inherit' });
    if (run.status !== 0) return 1;
  }
  return printScore() >= BREAK_AT ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
