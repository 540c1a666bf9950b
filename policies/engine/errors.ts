/**
 * The one error the engine throws for bad input. Its message is a single line saying what was wrong
 * and where (file, stack, address), never the offending value, so it is safe to print; the CLI exits 2 on it.
 */
export class InputError extends Error {
  constructor(message: string) {
    // One line, always: a multi-line message would break the CLI's one-line error contract.
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'InputError';
  }
}
