/**
 * Preloaded into a measured process (`node -r scripts/bench-usage.js ...`) by `npm run bench`: on exit it writes
 * the process's own peak RSS and CPU time to the file named by BENCH_USAGE_FILE, so the benchmark needs no
 * /usr/bin/time and measures the process itself, not a wrapper.
 */
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes; CPU times in microseconds.
    writeFileSync(file, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
  });
}
