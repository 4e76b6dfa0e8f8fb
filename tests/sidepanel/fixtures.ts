import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { EXTENSION_DIR } from '../e2e/browser.mjs';
import { startServer } from '../e2e/server.mjs';
import { Desktop } from './desktop';
import { RealBrowser } from './real-browser';

interface WorkerFixtures {
  /** The browser's UI language; `test.use({ uiLanguage: 'zh-CN' })` runs a file in Chinese. */
  uiLanguage: string;
  baseUrl: string;
  desktop: Desktop;
  realBrowser: RealBrowser;
}

interface TestFixtures {
  /**
   * Opens `path` (under the test pages) in a new tab, makes it the active tab, and gives it with
   * the real side panel, which follows the active tab. The panel starts afresh: reloaded,
   * without the values typed in earlier tests.
   */
  openEditor(path: string): Promise<{ page: Page; panel: Page }>;
}

type TestEditorWindow = Window & { testEditor: { ready: Promise<void> } };

/** The built extension's message `key` in the UI language `lang` (`zh-CN`), as the panel shows it. */
function message(lang: string, key: string): string {
  const file = (locale: string) => `${EXTENSION_DIR}/_locales/${locale}/messages.json`;
  const locale = [lang.replace('-', '_'), lang.split('-')[0]].find((name) => existsSync(file(name))) ?? 'en';
  const messages = JSON.parse(readFileSync(file(locale), 'utf8')) as Record<string, { message: string }>;
  return messages[key].message;
}

/** The browsers whose panel's welcome has been put away. */
const welcomed = new WeakSet<RealBrowser>();

export const test = base.extend<TestFixtures, WorkerFixtures>({
  uiLanguage: ['en-US', { scope: 'worker', option: true }],
  baseUrl: [
    // Playwright reads a fixture's dependencies from its first parameter, a pattern even when empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer(0);
      try {
        await use(`http://localhost:${(server.address() as AddressInfo).port}`);
      } finally {
        server.close();
      }
    },
    { scope: 'worker' },
  ],
  desktop: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const desktop = await Desktop.start();
      try {
        await use(desktop);
      } finally {
        await desktop.stop();
      }
    },
    { scope: 'worker' },
  ],
  realBrowser: [
    async ({ desktop, uiLanguage }, use) => {
      const browser = await RealBrowser.launch(desktop, { lang: uiLanguage });
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  openEditor: async ({ realBrowser, baseUrl, uiLanguage }, use, testInfo) => {
    const pages: Page[] = [];
    await use(async (path) => {
      const page = await realBrowser.context.newPage();
      pages.push(page);
      await page.goto(`${baseUrl}/${path}`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      const panel = await realBrowser.openPanel();
      // A user's click on the tab, done through the browser: the panel follows the active tab.
      await page.bringToFront();
      await panel.evaluate(() => {
        for (const key of Object.keys(localStorage)) if (key.startsWith('draft:')) localStorage.removeItem(key);
      });
      await panel.reload();
      // A fresh profile shows the welcome on the first opening; put it away as a user would.
      if (!welcomed.has(realBrowser)) {
        const welcome = panel.getByRole('button', { name: message(uiLanguage, 'welcomeGotIt') });
        await realBrowser.click(panel, welcome);
        await expect(welcome).toBeHidden();
        welcomed.add(realBrowser);
      }
      return { page, panel };
    });
    // What the panel and the page looked like when a test failed.
    if (testInfo.status !== testInfo.expectedStatus) {
      const shown: [string, Page][] = pages.map((page, i) => [`page-${i + 1}`, page]);
      if (realBrowser.panelIsAttached) shown.unshift(['panel', realBrowser.panel]);
      for (const [name, page] of shown) {
        const body = await page.screenshot().catch(() => null);
        if (body) await testInfo.attach(`${name}.png`, { body, contentType: 'image/png' });
      }
    }
    for (const page of pages) await page.close();
  },
});

export { expect };
