/**
 * Every read is bounded: regular files only, inside the input directory once links are followed. A FIFO,
 * a device or a link out of cdktf.out is one InputError, at once, never a hang or an endless read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../../policies/engine/load';
import { main } from '../../../policies/cli';
import { TERRAFORM_VALIDATOR_PLANS } from '../../support/fixtures';
import { captureIo } from '../cli/io';
import { inputErrorOf } from '../../support/input-error';

const STACK = JSON.stringify({ resource: { google_project: { p: { project_id: 'p', name: 'p' } } } });

function cdktfOut(stackPath = 'stacks/a/cdk.tf.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'bounded-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: { synthesizedStackPath: stackPath } } }));
  return dir;
}

describe('bounded reads', () => {
  it('fails at once on a FIFO instead of waiting for a writer', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'bounded-')), 'plan.json');
    execFileSync('mkfifo', [fifo]);
    expect(inputErrorOf(() => loadModel(fifo))).toBe(`${fifo}: cannot read input: not a regular file`);
  });

  it('fails at once on a manifest.json that is a link to /dev/zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bounded-'));
    symlinkSync('/dev/zero', join(dir, 'manifest.json'));
    expect(inputErrorOf(() => loadModel(dir))).toBe(`${join(dir, 'manifest.json')}: cannot read manifest: not a regular file`);
  });

  it('refuses a stack file that is a link out of the cdktf.out directory', () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'bounded-secret-')), 'cdk.tf.json');
    writeFileSync(outside, STACK);
    const dir = cdktfOut();
    mkdirSync(join(dir, 'stacks', 'a'), { recursive: true });
    symlinkSync(outside, join(dir, 'stacks', 'a', 'cdk.tf.json'));
    expect(inputErrorOf(() => loadModel(dir))).toBe(`${join(dir, 'manifest.json')}: stack "a" points outside the directory`);
  });

  it('still reads a stack file that is a link inside the directory', () => {
    const dir = cdktfOut();
    mkdirSync(join(dir, 'stacks', 'a'), { recursive: true });
    writeFileSync(join(dir, 'real.json'), STACK);
    symlinkSync(join(dir, 'real.json'), join(dir, 'stacks', 'a', 'cdk.tf.json'));
    expect(loadModel(dir).resources.map((r) => r.id)).toEqual(['a/google_project.p']);
  });
});

describe('bounded writes', () => {
  const plan = join(TERRAFORM_VALIDATOR_PLANS, 'example_pubsub_topic.tfplan.json');

  it('refuses --output that is an existing symbolic link, and leaves its target alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bounded-out-'));
    const target = join(dir, 'precious.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(dir, 'report.txt'));
    const io = captureIo();
    expect(main(['check', plan, '--output', join(dir, 'report.txt')], io)).toBe(2);
    expect(io.err()).toBe(`baseline: cannot write --output ${join(dir, 'report.txt')}: it is a symbolic link\n`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('refuses --output that is a FIFO instead of blocking on it', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'bounded-out-')), 'report.txt');
    execFileSync('mkfifo', [fifo]);
    const io = captureIo();
    expect(main(['check', plan, '--output', fifo], io)).toBe(2);
    expect(io.err()).toMatch(/^baseline: cannot write --output .*report\.txt: (ENXIO|not a regular file)\n$/);
  });
});
