/**
 * Opening the Snippets tab on a library the panel has shown before: the rows painted first are
 * the top of the list in use order, the same rows the loaded library puts there, also when a
 * snippet was used behind the panel's back while it was closed.
 */
import type { Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { expect, test } from './fixtures';
import { replaceTables } from './extension-db';

const NOW = Date.now();
const DAY = 86_400_000;

/**
 * Sixty snippets, all last touched a day ago, used 0 to 59 times: in use order the most used
 * comes first, “Snippet 59” down to “Snippet 0”. More than a panel shows, so the list scrolls.
 */
const LIBRARY: Snippet[] = Array.from({ length: 60 }, (_, i) => ({
  id: `open-${String(i).padStart(2, '0')}`,
  title: `Snippet ${i}`,
  body: `Body of snippet number ${i}.`,
  tags: [],
  createdAt: NOW - 10 * DAY,
  updatedAt: NOW - DAY,
  lastUsedAt: NOW - DAY,
  useCount: i,
}));
const IN_USE_ORDER = Array.from({ length: 60 }, (_, k) => `Snippet ${59 - k}`);

/** On every load: the tab clicked as soon as it shows, the titles of the first rows ever painted kept. */
async function watchFirstRows(panel: Page) {
  await panel.addInitScript(() => {
    const seen = window as unknown as { firstRows?: string[] };
    const observer = new MutationObserver(() => {
      const tab = document.getElementById('tab-snippets');
      if (tab && tab.getAttribute('aria-selected') !== 'true' && !seen.firstRows) tab.click();
      const rows = [...document.querySelectorAll('.snippet-row .snippet-title')];
      if (!rows.length) return;
      seen.firstRows = rows.map((row) => row.textContent ?? '');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const firstRows = (panel: Page) => panel.evaluate(() => (window as unknown as { firstRows?: string[] }).firstRows ?? []);

async function loadedTitles(panel: Page): Promise<string[]> {
  await expect(panel.getByRole('status', { name: 'Snippets found' })).toHaveText('60 of 60');
  return panel.getByRole('list', { name: 'Snippets' }).locator('.snippet-title').allTextContents();
}

/** Lets the panel's idle work (noting the top of the list) run. */
const idle = (panel: Page) => panel.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));

test('the first rows painted on reopening are the top of the list in use order, also after a use elsewhere', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  await watchFirstRows(panel);
  await replaceTables(panel, { snippets: LIBRARY });

  // Shown once, in full.
  await panel.reload();
  const shown = await loadedTitles(panel);
  expect(shown.length).toBeGreaterThan(5);
  expect(shown).toEqual(IN_USE_ORDER.slice(0, shown.length));
  await idle(panel);

  // Reopened with nothing changed: the rows painted first are the ones the loaded list shows.
  await panel.reload();
  expect(await loadedTitles(panel)).toEqual(shown);
  const paintedFirst = await firstRows(panel);
  expect(paintedFirst.length).toBeGreaterThan(5);
  expect(paintedFirst).toEqual(IN_USE_ORDER.slice(0, paintedFirst.length));
  await idle(panel);

  // The least used snippet used a thousand times while the panel was closed (another window,
  // an import): it leads from the very first paint, not only once the library has loaded.
  await panel.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('report-drafting');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const store = db.transaction('snippets', 'readwrite').objectStore('snippets');
      const request = store.get('open-00');
      request.onsuccess = () => {
        store.put({ ...request.result, useCount: 1000, lastUsedAt: Date.now() }).onsuccess = resolve;
      };
      request.onerror = () => reject(request.error);
    });
    db.close();
  });
  await panel.reload();
  const afterUse = ['Snippet 0', ...IN_USE_ORDER.slice(0, -1)];
  const loaded = await loadedTitles(panel);
  expect(loaded).toEqual(afterUse.slice(0, loaded.length));
  const painted = await firstRows(panel);
  expect(painted.length).toBeGreaterThan(5);
  expect(painted).toEqual(afterUse.slice(0, painted.length));

  await replaceTables(panel, { snippets: [] });
});
