/** Google API durations (`7776000s`, `3.5s`) as the provider writes them for rotation periods. */
export function parseDurationSeconds(duration: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return match ? Number(match[1]) : undefined;
}

export const SECONDS_PER_DAY = 86400;
