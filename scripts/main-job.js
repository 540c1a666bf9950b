#!/usr/bin/env node
/* `npm start`: TypeScript through ts-node (transpile only), then scripts/main-job.ts. */
'use strict';
const path = require('node:path');
const { registerTypeScript } = require('../bin/baseline.js');

registerTypeScript();
process.exitCode = require(path.join(__dirname, 'main-job.ts')).runMainJob();
