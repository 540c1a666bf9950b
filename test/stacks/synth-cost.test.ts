/** The two synth-cost measures of stacks/synth-cost.ts keep cdktf's answers and restore what they change. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';
import { askTerraformVersionOnce, withPlainStackTraces } from '../../stacks/synth-cost';

describe('askTerraformVersionOnce', () => {
  it('runs each version command once per process and gives every validation the same answer', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'version-once-')), 'runs');
    // A stand-in binary that counts its runs and prints a version.
    const command = `"${process.execPath}" -e "require('fs').appendFileSync(process.argv[1], 'x'); console.log('v1.9.8')" "${log}"`;
    askTerraformVersionOnce();
    askTerraformVersionOnce();
    const recent = () => new ValidateBinaryVersion('tool', '>=1.5', command);
    expect([recent().validate(), recent().validate(), recent().validate()]).toEqual([[], [], []]);
    expect(readFileSync(log, 'utf8')).toBe('x');
    // Another constraint is another question, with cdktf's own wording.
    expect(new ValidateBinaryVersion('tool', '>=2.0', command, 'Upgrade it.').validate()).toEqual([
      'tool version 1.9.8 is lower than the required version >=2.0 for this construct. Upgrade it.',
    ]);
    expect(readFileSync(log, 'utf8')).toBe('xx');
  });
});

describe('withPlainStackTraces', () => {
  it('formats stack traces with V8 inside, and restores the formatter afterwards, also when it throws', () => {
    const formatter = () => 'formatted';
    const saved = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
    Error.prepareStackTrace = formatter;
    try {
      expect(withPlainStackTraces(() => new Error('inside').stack)).toMatch(/^Error: inside\n\s+at /);
      expect(() => withPlainStackTraces(() => {
        throw new Error('fails');
      })).toThrow('fails');
      expect(Error.prepareStackTrace).toBe(formatter);
    } finally {
      if (saved) Object.defineProperty(Error, 'prepareStackTrace', saved);
      else delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    }
  });
});
