// Prints the run's counts as one plain line, "tests: N passed, N failed, N skipped", the closing
// line CI reads for any test runner (jest's own summary is not one it knows). Written when the
// process exits, so it comes after jest's own summary.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once("exit", () => process.stderr.write(line));
  }
}

module.exports = SummaryReporter;
