// Records each Jest run's pass/fail counts under tmp/test-tally so that `npm test`
// can print one closing "N passed, N failed" line for the whole workspace.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');

class TallyReporter {
  onRunComplete(_contexts, results) {
    const dir = process.env.BRIGADE_TEST_TALLY_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${randomUUID()}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}
module.exports = TallyReporter;
