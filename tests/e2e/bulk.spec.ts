/**
 * Bulk actions show what they will change and ask first: deleting many snippets, merging a
 * backup, renumbering headings. Cancel changes nothing; confirm changes exactly what was shown,
 * and one message says how many and how to undo. An import that reuses an abbreviation keeps
 * its owner and says so; backup format 2 restores settings and format 1 files still import.
 * Saves from the page menu report on the toolbar button, failures included.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import type { SettingRecord, Snippet } from '@/utils/db/schema';
import { tabIdOf } from './browser.mjs';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';
import { replaceTables } from './extension-db';

const NOW = Date.now();
function snippet(overrides: Partial<Snippet> & Pick<Snippet, 'id' | 'title' | 'body'>): Snippet {
  return { tags: [], createdAt: NOW, updatedAt: NOW, useCount: 0, ...overrides };
}
const OWNER = snippet({ id: 'bulk-owner', title: '廉洁自律', body: '严格遵守中央八项规定精神。', abbreviation: 'lzzl' });
const STUDY = snippet({ id: 'bulk-study', title: '理论学习', body: '持续深化理论学习，推动走深走实。', updatedAt: NOW - 1000 });
const REPORT = snippet({ id: 'bulk-report', title: 'Quarterly report', body: 'The reporting cycle closed ahead of schedule.', updatedAt: NOW - 2000 });

interface Stored {
  snippets: Snippet[];
  settings: SettingRecord[];
}

/** The database's snippets and settings replaced by these (drafts of other tests gone), the panel reloaded. */
async function reset(panel: Page, snippets: Snippet[], settings: SettingRecord[] = []) {
  await replaceTables(panel, { snippets, settings }, { clearDrafts: true });
  await panel.reload();
}

async function stored(panel: Page): Promise<Stored> {
  return panel.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction(['snippets', 'settings']);
          const snippets = tx.objectStore('snippets').getAll();
          const settings = tx.objectStore('settings').getAll();
          tx.oncomplete = () => resolve({ snippets: snippets.result as Snippet[], settings: settings.result as SettingRecord[] });
        };
      }),
  );
}

const byId = (records: Snippet[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

async function openSnippets(panel: Page) {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  return panel.getByRole('list', { name: 'Snippets' }).getByRole('listitem');
}

test('deleting many shows the snippets with their words and asks first; cancel keeps them, confirm deletes exactly those', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  await reset(panel, [OWNER, STUDY, REPORT]);
  const rows = await openSnippets(panel);
  await rows.filter({ hasText: 'Quarterly report' }).getByRole('checkbox').check();
  await rows.filter({ hasText: '理论学习' }).getByRole('checkbox').check();
  const bulk = panel.getByRole('form', { name: 'Selected snippets' });
  await bulk.getByRole('button', { name: 'Delete' }).click();

  const preview = panel.getByRole('group', { name: 'Snippets to delete' });
  await expect(preview).toContainText('Delete these 2 snippets?');
  await expect(preview.getByRole('listitem')).toHaveText([/Quarterly report.*The reporting cycle/, /理论学习.*持续深化理论学习/]);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  expect(byId((await stored(panel)).snippets)).toEqual(byId([OWNER, STUDY, REPORT]));

  await bulk.getByRole('button', { name: 'Delete' }).click();
  await preview.getByRole('button', { name: 'Delete 2 snippets' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Deleted 2 snippets. Undo puts them back.' })).toBeVisible();
  expect((await stored(panel)).snippets).toEqual([OWNER]);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(3);
  expect(byId((await stored(panel)).snippets)).toEqual(byId([OWNER, STUDY, REPORT]));
});

test('an import merge is previewed record by record; cancel changes nothing, confirm writes what was shown and can be undone', async ({ page, baseUrl, openPanel }, testInfo) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  await reset(panel, [OWNER, STUDY]);
  await openSnippets(panel);
  const changedStudy = { ...STUDY, body: '持续深化理论学习，改过的正文。', updatedAt: NOW + 1 };
  // A new snippet that wants the abbreviation OWNER has, dated far in the future to win every Tab.
  const taker = snippet({ id: 'bulk-taker', title: '抢缩写', body: '别人的正文。', abbreviation: 'lzzl', updatedAt: 1e300 });
  const fresh = snippet({ id: 'bulk-fresh', title: '新文段', body: '新增的一段话。' });
  const file = testInfo.outputPath('merge.json');
  const backup = {
    format: 'report-drafting-assistant/backup',
    version: 2,
    exportedAt: '2025-06-01T00:00:00.000Z',
    snippets: [OWNER, changedStudy, taker, fresh],
    templates: [],
    placeholderRules: [],
    settings: [],
  };
  await writeFile(file, JSON.stringify(backup));

  await panel.getByText('Backup, storage and abbreviations').click();
  const importInput = panel.getByLabel('Import backup…');
  await importInput.setInputFiles(file);
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview).toContainText('The import writes 3 records:');
  await expect(preview.getByRole('row', { name: /Snippets/ })).toHaveText(/Snippets\s*2\s*1\s*1/);
  await expect(preview.getByRole('list').getByRole('listitem')).toHaveText([
    /Snippets, new: 抢缩写.*别人的正文。/,
    /Snippets, new: 新文段.*新增的一段话。/,
    /Snippets, changed: 理论学习.*持续深化理论学习，推动走深走实。.*持续深化理论学习，改过的正文。/,
  ]);
  await expect(preview.getByRole('note').filter({ hasText: 'abbreviation' })).toHaveText('“抢缩写” comes in without its abbreviation lzzl: “廉洁自律” has it already and keeps it.');
  await expect(preview.getByRole('note').filter({ hasText: 'dates' })).toContainText('“抢缩写” has dates that cannot be');

  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  expect(byId((await stored(panel)).snippets)).toEqual(byId([OWNER, STUDY]));

  await importInput.setInputFiles(file);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Imported 3 records. Undo import puts the library back as it was.');
  const after = byId((await stored(panel)).snippets);
  expect(after.map((s) => [s.id, s.body, s.abbreviation])).toEqual([
    ['bulk-fresh', '新增的一段话。', undefined],
    ['bulk-owner', OWNER.body, 'lzzl'],
    ['bulk-study', changedStudy.body, undefined],
    ['bulk-taker', '别人的正文。', undefined],
  ]);
  // The impossible date became the time of the import.
  expect(after[3].updatedAt).toBeLessThan(Date.now() + 1);

  await panel.getByRole('button', { name: 'Undo import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Import undone: the library is as it was before it.');
  expect(byId((await stored(panel)).snippets)).toEqual(byId([OWNER, STUDY]));
});

test('backup format 2 restores the settings, and a format 1 file still imports', async ({ page, baseUrl, openPanel }, testInfo) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  const settings = [
    { id: 'sites-off', value: '["mail.example.com"]' },
    { id: 'welcome-dismissed', value: 'yes' },
  ];
  await reset(panel, [STUDY], settings);
  await openSnippets(panel);
  await panel.getByText('Backup, storage and abbreviations').click();
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export all' }).click()]);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect([exported.version, exported.settings]).toEqual([2, settings]);

  // After a reset the extension would run on the site turned off; the restore turns it off again.
  await reset(panel, []);
  await openSnippets(panel);
  await panel.getByText('Backup, storage and abbreviations').click();
  await panel.getByLabel('Import backup…').setInputFiles(file);
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview.getByRole('row', { name: /Settings/ })).toHaveText(/Settings\s*2\s*0\s*0/);
  await expect(preview.getByRole('list').getByRole('listitem').filter({ hasText: 'Sites turned off' })).toContainText('mail.example.com');
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported 3 records.');
  const restored = await stored(panel);
  expect([restored.snippets, [...restored.settings].sort((a, b) => a.id.localeCompare(b.id))]).toEqual([[STUDY], settings]);

  const v1 = {
    format: 'report-drafting-assistant/backup',
    version: 1,
    exportedAt: '2024-12-31T00:00:00.000Z',
    snippets: [REPORT],
    templates: [],
    placeholderRules: [],
  };
  await panel.getByLabel('Import backup…').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v1)) });
  await expect(preview.getByRole('row', { name: /Snippets/ })).toHaveText(/Snippets\s*1\s*0\s*0/);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported 1 record.');
  expect(byId((await stored(panel)).snippets)).toEqual(byId([STUDY, REPORT]));
});

test('renumbering shows each heading number it changes with the words around it, and asks first', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  await page.evaluate(() => window.testEditor.ready);
  const field = page.locator('textarea');
  await field.fill('一、基本情况\n今年完成了任务。\n一、存在问题\n学习不够深入。\n二、下一步打算\n继续努力。');
  await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(14, 14));
  await blurAllFrames(page);
  const original = await page.evaluate(() => window.testEditor.getText());
  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Text area');
  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: 'Renumber after caret' }).first().click();

  const preview = panel.getByRole('group', { name: 'Renumbering preview' });
  await expect(preview).toContainText('Renumbering changes 2 headings after the caret:');
  await expect(preview.getByRole('listitem')).toHaveText([/今年完成了任务。↵\s*一、\s*二、\s*存在问题/, /学习不够深入。↵\s*二、\s*三、\s*下一步打算/]);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.testEditor.getText())).toBe(original);

  await panel.getByRole('button', { name: 'Renumber after caret' }).first().click();
  await preview.getByRole('button', { name: 'Renumber them' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Headings renumbered after the caret: 2. Ctrl+Z in the editor takes it back.');
  await expect.poll(() => page.evaluate(() => window.testEditor.getText())).toBe('一、基本情况\n今年完成了任务。\n二、存在问题\n学习不够深入。\n三、下一步打算\n继续努力。');
});

test.describe('saves from the page menu report on the toolbar button', () => {
  const badge = (context: BrowserContext, tabId: number) =>
    context.serviceWorkers()[0].evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } };
      return { text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) };
    }, tabId);
  const clickMenu = (context: BrowserContext, tabId: number, selectionText: string) =>
    context.serviceWorkers()[0].evaluate(
      ({ tabId, selectionText }) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } };
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'save-selection-as-snippet', frameId: 0, selectionText, editable: false, pageUrl: '' }, { id: tabId });
      },
      { tabId, selectionText },
    );

  test('nothing selected: a mark and the reason; a save that works: a tick that goes', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await page.goto(`${baseUrl}/snippet-source.html`);
    const panel = await openPanel(page);
    await reset(panel, []);
    const tabId = await tabIdOf(extensionContext, page);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await clickMenu(extensionContext, tabId, '');
    await expect.poll(() => badge(extensionContext, tabId)).toEqual({ text: '!', title: 'Nothing was saved as a snippet: no text was selected.' });
    expect((await stored(panel)).snippets).toEqual([]);

    const field = page.locator('#plain');
    await field.click();
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 9));
    await clickMenu(extensionContext, tabId, '完成了各项任务');
    await expect.poll(() => badge(extensionContext, tabId)).toEqual({ text: '✓', title: 'Saved “完成了各项任务” as a snippet.' });
    await expect.poll(() => badge(extensionContext, tabId), { timeout: 8000 }).toEqual({ text: '', title: 'Open the drafting panel' });
  });

  test('sanitizing that fails: a mark and the reason, and nothing saved', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await page.goto(`${baseUrl}/snippet-source.html`);
    const panel = await openPanel(page);
    await reset(panel, []);
    const tabId = await tabIdOf(extensionContext, page);
    const worker = extensionContext.serviceWorkers()[0];
    // No offscreen document can be made: the formatted selection cannot be sanitized.
    await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { offscreen: Record<string, unknown> & { closeDocument(): Promise<void> } } };
      await chrome.offscreen.closeDocument().catch(() => {});
      chrome.offscreen.saved = chrome.offscreen.createDocument;
      chrome.offscreen.createDocument = () => Promise.reject(new Error('no offscreen document'));
    });
    try {
      const selectionText = await page.evaluate(() => {
        const [heading, paragraph] = document.querySelectorAll('#source h2, #source p');
        const range = document.createRange();
        range.setStartBefore(heading);
        range.setEndAfter(paragraph);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString();
      });
      await clickMenu(extensionContext, tabId, selectionText);
      await expect
        .poll(() => badge(extensionContext, tabId), { timeout: 10_000 })
        .toEqual({ text: '!', title: 'Nothing was saved as a snippet: the formatting of the selection could not be cleaned in time. Try again.' });
      expect((await stored(panel)).snippets).toEqual([]);
    } finally {
      await worker.evaluate(() => {
        const { chrome } = globalThis as unknown as { chrome: { offscreen: Record<string, unknown> } };
        chrome.offscreen.createDocument = chrome.offscreen.saved;
        delete chrome.offscreen.saved;
      });
    }
  });
});
