/** The error a bad config or policy file raises: a header naming the file, then every problem, one a line. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
    what = 'baseline config',
  ) {
    super(`${source}: invalid ${what}\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
