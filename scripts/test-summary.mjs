#!/usr/bin/env node
// Reads vitest's JSON report and prints one plain line, `N passed, N failed`, for CI.
// Exits non-zero when any test failed, when no test ran, or when the report is missing.
// Usage: node scripts/test-summary.mjs <report.json> [exit code of the test run]
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, runExitCode = '0'] = process.argv.slice(2);
if (!reportPath || !existsSync(reportPath)) {
  console.log('0 passed, 1 failed');
  console.error(`test-summary: no report at ${reportPath}: the test run did not finish (build or setup failed?)`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A test file that fails to load (a syntax error, a failing hook) has no failed test: count it as one failure.
const fileErrors = (report.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')).length;
const failed = (report.numFailedTests ?? 0) + fileErrors;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || runExitCode !== '0' ? 1 : 0);
