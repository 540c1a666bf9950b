/** Where `record-test-files.js` writes and `sequencer.js` reads the test-name -> test-file map (inside Stryker's sandbox). */
const path = require('path');

exports.TEST_FILES_MAP = path.join(__dirname, '.test-files.jsonl');
