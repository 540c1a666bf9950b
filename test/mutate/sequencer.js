/**
 * Jest test sequencer for `npm run mutate` only. Stryker's jest runner selects the tests that cover a mutant
 * with a `testNamePattern`; jest still loads every test file to find them (about 10 s a mutant here, most of
 * it requiring the engine 68 times). This sequencer keeps only the files that hold a matching test, quickest
 * first (so that `environment.js` can bail early), using the map `record-test-files.js` wrote during the initial
 * run. Without a pattern (coverage analysis "all") every file runs, quickest first; without the map, or when no
 * file matches, every file runs in jest's order: it can only narrow a run to files that hold a selected test.
 */
const fs = require('fs');
const Sequencer = require('@jest/test-sequencer').default;
const { TEST_FILES_MAP } = require('./test-files-map');

let recorded;

function loadMap() {
  if (recorded) return recorded;
  if (!fs.existsSync(TEST_FILES_MAP)) return undefined;
  const filesByTest = new Map();
  const msByFile = new Map();
  for (const line of fs.readFileSync(TEST_FILES_MAP, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line);
    if (entry.test === undefined) msByFile.set(entry.file, entry.ms);
    else {
      if (!filesByTest.has(entry.test)) filesByTest.set(entry.test, new Set());
      filesByTest.get(entry.test).add(entry.file);
    }
  }
  recorded = { filesByTest, msByFile };
  return recorded;
}

class CoveringFilesSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    const map = loadMap();
    if (!map) return sorted;
    const ms = (test) => map.msByFile.get(test.path) ?? Infinity;
    // Every file, quickest first (a run without a test filter: coverage analysis "all").
    if (!this.pattern) return [...sorted].sort((a, b) => ms(a) - ms(b));
    const pattern = new RegExp(this.pattern, 'i');
    const wanted = new Set();
    for (const [test, files] of map.filesByTest) if (pattern.test(test)) for (const file of files) wanted.add(file);
    const kept = sorted.filter((test) => wanted.has(test.path)).sort((a, b) => ms(a) - ms(b));
    return kept.length > 0 ? kept : sorted;
  }
}

module.exports = CoveringFilesSequencer;
