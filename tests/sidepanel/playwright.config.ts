import { defineConfig } from '@playwright/test';

/**
 * `npm run test:sidepanel`: the extension in Chromium's real side panel, headed on an Xvfb
 * display the tests start themselves, driven by OS-level clicks and keys (xdotool). One worker:
 * there is one display, one mouse and one keyboard.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../.tmp/sidepanel-results',
  fullyParallel: false,
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: 'list',
});
