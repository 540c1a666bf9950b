/**
 * `npm start`: synthesize the example org (bin/synth.ts, in this process: one TypeScript start-up, not two),
 * check cdktf.out with the example config, print the text report, write every other format to
 * reports/ and the reviewer's report, evidence and practices page (baseline review) to reports/review/. Exits with the check's code: 0 pass, 1 findings, 2 the baseline could not be built or read.
 * BASELINE_CONFIG, BASELINE_OUTDIR and BASELINE_REPORTS_DIR move the config, cdktf.out and reports/.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXAMPLE_CONFIG } from '../config/example';
import { check as runCheck } from '../policies/check';
import { render, type ReportFormat } from '../policies/report';
import { REVIEW_FILES, writeReview } from '../policies/review/write';

const ROOT = resolve(__dirname, '..');

const REPORT_FILES: Readonly<Record<Exclude<ReportFormat, 'text'>, string>> = {
  sarif: 'baseline.sarif',
  junit: 'baseline.junit.xml',
  markdown: 'baseline.md',
  json: 'baseline.json',
};

function seconds(since: bigint): string {
  return (Number(process.hrtime.bigint() - since) / 1e9).toFixed(2);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

export async function runMainJob(): Promise<number> {
  process.chdir(ROOT);
  process.env.CHECKPOINT_DISABLE = '1';
  process.env.DISABLE_VERSION_CHECK = '1';
  const outdir = resolve(process.env.BASELINE_OUTDIR ?? 'cdktf.out');
  const configFile = process.env.BASELINE_CONFIG ?? EXAMPLE_CONFIG;
  process.env.BASELINE_OUTDIR = outdir;

  // A manifest left from an earlier run must never be checked as if it were this one's.
  rmSync(join(outdir, 'manifest.json'), { force: true });
  const synthStart = process.hrtime.bigint();
  try {
    require(join(ROOT, 'bin', 'synth.ts'));
  } catch (e) {
    // The synth-time policy gate throws after writing the whole output; the check below reports why.
    // Anything else (no manifest) is a broken build.
    process.stderr.write(`synth: ${firstLine(e)}\n`);
    if (!existsSync(join(outdir, 'manifest.json'))) return 2;
  }
  const synthTime = seconds(synthStart);

  const checkStart = process.hrtime.bigint();
  let run;
  try {
    run = runCheck(outdir, { configFile });
  } catch (e) {
    process.stderr.write(`baseline: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const checkTime = seconds(checkStart);

  const options = { gate: run.gate, catalogue: run.rules, baseDir: ROOT };
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  process.stdout.write(render('text', run.evaluation, { ...options, color }));
  const reportsDir = resolve(process.env.BASELINE_REPORTS_DIR ?? 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const [format, file] of Object.entries(REPORT_FILES) as [ReportFormat, string][]) {
    writeFileSync(join(reportsDir, file), render(format, run.evaluation, options));
  }
  const reviewStart = process.hrtime.bigint();
  const reviewDir = join(reportsDir, 'review');
  await writeReview(outdir, reviewDir, { configFile }, run);
  const reviewTime = seconds(reviewStart);
  process.stdout.write(
    `\nreports: ${Object.values(REPORT_FILES).map((f) => relative(ROOT, join(reportsDir, f))).join(', ')}\n` +
      `review: ${REVIEW_FILES.map((f) => relative(ROOT, join(reviewDir, f))).join(', ')}\n` +
      `synth ${synthTime} s, check ${checkTime} s, review ${reviewTime} s, ${process.uptime().toFixed(2)} s in all ` +
      `(${relative(ROOT, outdir) || '.'}, config ${relative(ROOT, configFile)})\n`,
  );
  return run.exitCode;
}

if (require.main === module) {
  runMainJob().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`review: ${firstLine(e)}\n`);
      process.exitCode = 2;
    },
  );
}
