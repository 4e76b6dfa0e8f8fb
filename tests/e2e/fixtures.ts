import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';

export const EXTENSION_DIR = resolve(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

interface WorkerFixtures {
  extensionContext: BrowserContext;
  extensionId: string;
  baseUrl: string;
}

interface TestFixtures {
  /** Opens the side panel as a page bound to `page`'s tab. */
  openPanel(page: Page, query?: string): Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  baseUrl: [
    async ({}, use) => {
      const server = await startServer(0);
      await use(`http://localhost:${(server.address() as AddressInfo).port}`);
      server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    async ({}, use) => {
      const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rda-profile-')), {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          `--disable-extensions-except=${EXTENSION_DIR}`,
          `--load-extension=${EXTENSION_DIR}`,
        ],
      });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extensionContext: context }, use) => {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await use(new URL(worker.url()).host);
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
      // Without the `tabs` permission tab URLs are hidden: find the tab by making it active.
      await page.bringToFront();
      const worker = context.serviceWorkers()[0];
      const url = page.url();
      const tabId = await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      });
      if (!tabId) throw new Error(`no tab for ${url}`);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}${query}`);
      panels.push(panel);
      return panel;
    });
    for (const panel of panels) await panel.close();
  },
});

export { expect } from '@playwright/test';
