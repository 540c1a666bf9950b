/** The message of the InputError a load throws; fails the test when it throws none or another error. */
import { InputError } from '../../policies/engine/errors';

export function inputErrorOf(load: () => unknown, type: abstract new (...args: never[]) => Error = InputError): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return (error as Error).message;
  }
  throw new Error(`expected ${type.name}, got none`);
}
