// Reads the JSON reports of Vitest and Playwright and prints one closing line for the whole run:
// "tests: N passed, N failed, N skipped". Exits 1 when a report is missing or counted no test.
import { readFileSync } from 'node:fs';

const [vitestReport, playwrightReport] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let problem = '';

try {
  const vitest = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} catch (error) {
  problem += `no Vitest report (${error.message}); `;
}
try {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
} catch (error) {
  problem += `no Playwright report (${error.message}); `;
}

if (problem) console.log(`test-summary: ${problem.replace(/; $/, '')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(problem || passed === 0 ? 1 : 0);
