// Prints the test counts of the last `npm test` run (from vitest's JSON reports), the e2e ones
// (real Chromium) separately, and a closing "N passed, N failed" line.
import { readFileSync, existsSync } from 'node:fs';

const reports = [
  ['unit, component and contract (vitest, happy-dom)', 'test-output/unit.json'],
  ['e2e (Chromium with the extension loaded)', 'test-output/e2e.json'],
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [label, file] of reports) {
  if (!existsSync(file)) {
    console.log(`${label}: no report (${file})`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const skip = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skip} skipped`);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += skip;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
