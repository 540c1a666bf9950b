/** The message of the InputError a load throws; fails the test when it throws none or another error. */
import { InputError } from '../../policies/engine/errors';

export function inputErrorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, got none');
}
