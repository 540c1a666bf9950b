/** A bug anywhere behind the CLI is still one line on stderr and exit 2, never a stack trace. */
import { resolve } from 'node:path';
import { main } from '../../../policies/cli';
import { captureIo } from './io';
import { TERRAFORM_VALIDATOR_PLANS } from '../../support/fixtures';

jest.mock('../../../policies/check', () => ({
  check: () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'meta')\nsecond line");
    error.stack = `${error.message}\n    at check (policies/check.ts:1:1)`;
    throw error;
  },
}));

test('fails with 2 and one line on an unexpected error', () => {
  const io = captureIo();
  const plan = resolve(TERRAFORM_VALIDATOR_PLANS, 'example_pubsub_topic.tfplan.json');
  expect(main(['check', plan], io)).toBe(2);
  expect(io.err()).toBe(`baseline: unexpected error while checking ${plan}: Cannot read properties of undefined (reading 'meta')\n`);
});
