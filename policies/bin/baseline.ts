#!/usr/bin/env node
/** `baseline ...`: the checker's command line (compiled to dist/bin/baseline.js, the package's bin). */
import { main } from '../cli';

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
