import { test as base, type BrowserContext, type Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { extensionIdOf, launchWithExtension, tabIdOf } from './browser.mjs';
import { startServer } from './server.mjs';

export { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from './browser.mjs';

interface WorkerFixtures {
  /** The browser's UI language; `test.use({ uiLanguage: 'zh-CN' })` runs a file in Chinese. */
  uiLanguage: string;
  extensionContext: BrowserContext;
  extensionId: string;
  baseUrl: string;
}

interface TestFixtures {
  /** Opens the side panel as a page bound to `page`'s tab. */
  openPanel(page: Page, query?: string): Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  uiLanguage: ['en-US', { scope: 'worker', option: true }],
  baseUrl: [
    async ({}, use) => {
      const server = await startServer(0);
      await use(`http://localhost:${(server.address() as AddressInfo).port}`);
      server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    async ({ uiLanguage }, use) => {
      const context = await launchWithExtension({ lang: uiLanguage });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extensionContext: context }, use) => {
      await use(await extensionIdOf(context));
    },
    { scope: 'worker' },
  ],
  page: async ({ extensionContext: context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close();
  },
  openPanel: async ({ extensionContext: context, extensionId }, use) => {
    const panels: Page[] = [];
    await use(async (page, query = '') => {
      const tabId = await tabIdOf(context, page);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}${query}`);
      // The panel keeps drafts in the extension's localStorage, shared by the tests of a worker:
      // each test starts without those of the tests before it (a panel opened again keeps them).
      if (!panels.length && (await panel.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('draft:'))))) {
        await panel.evaluate(() => localStorage.clear());
        await panel.reload();
      }
      panels.push(panel);
      return panel;
    });
    for (const panel of panels) await panel.close();
  },
});

export { expect } from '@playwright/test';
