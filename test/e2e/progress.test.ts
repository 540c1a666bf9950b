/**
 * The progress line of the real `baseline check` process: shown on a real terminal (a pseudo-terminal from
 * script(1)), rewritten in place and cleared before the report or an error; never on a pipe.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASELINE_BIN, baseline, corpusPlan, REPO } from './run-baseline';

const PLAN = corpusPlan('example_project_iam_binding');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs a shell command under script(1): its stdout and stderr are a terminal, and script's stdout is what the terminal showed. */
function onTerminal(command: string): { status: number | null; shown: string } {
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', NO_COLOR: '1' }, timeout: 60_000 });
  return { status: run.status, shown: run.stdout };
}

describe('baseline check progress', () => {
  (hasScript ? test : test.skip)('shows loading, evaluating rule by rule and writing on a terminal, cleared before the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    try {
      const report = join(dir, 'report.txt');
      // stdout to a file, stderr on the terminal: what the terminal shows is the progress alone.
      const run = onTerminal(`node ${BASELINE_BIN} check ${PLAN} --pack all > ${report}`);
      expect(run.status).toBe(1);
      expect(run.shown).toContain(`\r\x1b[2Kbaseline: loading ${PLAN}`);
      expect(run.shown).toMatch(/\r\x1b\[2Kbaseline: evaluating \d+ resources?: rule 0 of \d+/);
      expect(run.shown).toMatch(/\r\x1b\[2Kbaseline: evaluating \d+ resources?: rule (\d+) of \1\r/);
      expect(run.shown).toMatch(/\r\x1b\[2Kbaseline: writing the text report: \d+ results?\r\x1b\[2K$/);
      const text = readFileSync(report, 'utf8');
      expect(text).toContain('iam-no-basic-roles');
      expect(text).not.toContain('\x1b');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (hasScript ? test : test.skip)('clears the line before a one-line error', () => {
    const run = onTerminal(`node ${BASELINE_BIN} check ${join(REPO, 'package.json')}`);
    expect(run.status).toBe(2);
    expect(run.shown).toMatch(/^\r\x1b\[2Kbaseline: loading .*package\.json\r\x1b\[2Kbaseline: .*package\.json: not a Terraform plan/);
  });

  test('writes nothing to a piped stderr', () => {
    const run = baseline(['check', PLAN, '--pack', 'all']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });
});
