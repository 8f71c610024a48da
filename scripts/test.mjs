// npm test: install what is missing (npm packages, Debian chromium), then lint, type-check,
// unit tests (Vitest), a production build, and the end-to-end suite (Playwright on real Chromium).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureNodeModules, run } from './setup.mjs';

// outside test-results/, which Playwright empties when it starts
const REPORTS = '.test-reports';
const started = Date.now();
ensureNodeModules();
ensureChromium();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const step = (name, cmd, args, env) => {
  console.log(`\n=== ${name} ===`);
  run(cmd, args, env);
};

let failure = null;
try {
  step('lint', 'npx', ['eslint', '.']);
  step('format', 'npx', ['prettier', '--check', '.']);
  step('type-check', 'npx', ['tsc', '-b']);
  step('unit tests (vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${REPORTS}/unit.json`,
  ]);
  step('build', 'npx', ['vite', 'build']);
  step(
    'e2e tests (playwright, /usr/bin/chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`,
    },
  );
} catch (e) {
  failure = e;
}

// One closing line that counts both suites.
let passed = 0;
let failed = 0;
if (existsSync(`${REPORTS}/unit.json`)) {
  const unit = JSON.parse(readFileSync(`${REPORTS}/unit.json`, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (existsSync(`${REPORTS}/e2e.json`)) {
  const e2e = JSON.parse(readFileSync(`${REPORTS}/e2e.json`, 'utf8'));
  // a test that passed only on a retry is flaky, and a flaky test is a failing one
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
}
console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
if (failure) {
  console.error(failure.message);
  process.exit(1);
}
