// Prints vitest's JSON result as one plain closing line, "N passed, N failed, N skipped", for CI logs.
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
if (r.numFailedTests > 0 || r.numPassedTests === 0 || skipped > 0) process.exit(1);
