#!/usr/bin/env node
/** `baseline ...`: the checker's command line (compiled to dist/bin/baseline.js, the package's bin). */
import { main } from '../cli';

process.exitCode = main(process.argv.slice(2));
