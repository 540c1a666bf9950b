/**
 * Preloaded (`node -r scripts/max-rss.js ...`) by the synth benchmark into each child it measures: at exit,
 * writes the process's peak resident set size in KiB (`process.resourceUsage().maxRSS`) to BENCH_RSS_FILE.
 * Plain JavaScript, so it also preloads into the packed command line, which runs without ts-node.
 */
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
