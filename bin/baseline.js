#!/usr/bin/env node
/*
 * `npx baseline ...`: runs policies/cli.ts straight from the TypeScript sources.
 *
 * Start-up is most of a check's time, and most of start-up used to be TypeScript transpiling the
 * same files on every run (ts-node --transpile-only: ~3 s of CPU per run). So .ts files are transpiled
 * with the repository's tsconfig (transpile only: `npm test` type-checks) and the output is cached
 * under node_modules/.cache/baseline-ts, keyed by source, tsconfig and TypeScript version; TypeScript
 * itself is loaded only on a cache miss. Also exports registerTypeScript() for scripts/main-job.js.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'baseline-ts');

function registerTypeScript() {
  // Already handled (ts-node, jest): leave it be.
  if (require.extensions['.ts']) return;
  const tsconfigText = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
  const salt = `${require('typescript/package.json').version}\0${tsconfigText}`;
  let transpile;

  function compile(source, filename) {
    if (!transpile) {
      const ts = require('typescript');
      const { options } = ts.convertCompilerOptionsFromJson(JSON.parse(tsconfigText).compilerOptions, root);
      const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false, incremental: false };
      transpile = (text, fileName) => ts.transpileModule(text, { compilerOptions, fileName }).outputText;
    }
    return transpile(source, filename);
  }

  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const key = crypto.createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
    const cached = path.join(cacheDir, `${key}.js`);
    let js;
    try {
      js = fs.readFileSync(cached, 'utf8');
    } catch {
      js = compile(source, filename);
      try {
        // Write then rename, so a concurrent run never reads half a file.
        fs.mkdirSync(cacheDir, { recursive: true });
        const partial = `${cached}.${process.pid}.tmp`;
        fs.writeFileSync(partial, js);
        fs.renameSync(partial, cached);
      } catch {
        // A read-only checkout still runs, only slower.
      }
    }
    module._compile(js, filename);
  };
}

function run() {
  // A reader that closes early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    registerTypeScript();
    const { main } = require(path.join(root, 'policies', 'cli.ts'));
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`baseline: cannot start: ${String((e && e.message) || e).split('\n')[0]}\n`);
    process.exitCode = 2;
  }
}

module.exports = { registerTypeScript };

if (require.main === module) run();
