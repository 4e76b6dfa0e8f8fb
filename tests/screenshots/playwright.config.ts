import { defineConfig } from '@playwright/test';

/**
 * `npm run screenshots`: the panel on the demo page, each tab, in English and in Chinese,
 * written to docs/screenshots and shown in the README. Not part of the test run.
 */
export default defineConfig<object, { uiLanguage: string }>({
  testDir: '.',
  testMatch: '*.screenshots.ts',
  globalSetup: './setup.ts',
  globalTeardown: './readme-section.ts',
  outputDir: '../../.tmp/screenshot-results',
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  projects: [
    { name: 'en-US', use: { uiLanguage: 'en-US' } },
    { name: 'zh-CN', use: { uiLanguage: 'zh-CN' } },
  ],
});
