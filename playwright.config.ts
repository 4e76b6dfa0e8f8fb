import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The editor libraries with no adapter of their own run in the full suite (npm run test:full).
  testIgnore: process.env.TEST_FULL ? [] : ['**/generic-editors.spec.ts'],
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // The full suite (CI, on a loaded machine) runs a failed test once more; a test that passes
  // only then is listed by name as flaky at the end of the run (scripts/test.mjs).
  retries: process.env.TEST_FULL ? 1 : 0,
  reporter: [['list'], ['./tests/e2e/matrix-reporter.ts']],
  use: { trace: 'off' },
});
