import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, KEPT_WASM_PROBE, PREVIEW_PORT } from './e2e/browser';

export default defineConfig({
  testDir: 'e2e',
  // the README's screenshots are their own suite (npm run screenshots)
  testIgnore: 'screenshots/**',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // no retries: a flaky test is a failing test
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PREVIEW_PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
    // every context starts as a browser that has run the backend probe before and kept wasm (what
    // it measures on SwiftShader), so no test pays for the probe; e2e/backend-probe.spec.ts
    // starts without it and runs the real one
    storageState: KEPT_WASM_PROBE,
  },
  webServer: {
    // serves the production build made by `npm test` / `npm start`
    command: `npx vite preview --host localhost --port ${PREVIEW_PORT} --strictPort`,
    url: `http://localhost:${PREVIEW_PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
