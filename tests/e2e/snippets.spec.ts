/**
 * The snippet library in the real extension: saved from the page's context menu (its handler,
 * run in the service worker with the page's real selection) and from the panel, found by a
 * two-character Chinese query, inserted at the caret of a contenteditable and a textarea with
 * one-step undo, expanded from an abbreviation while typing, deleted and restored, backed up.
 * Every check on an editor reads the editor's own model through `window.testEditor`.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { tabIdOf } from './browser.mjs';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';
import { caretAfter } from './panel-actions';
import { replaceTables } from './extension-db';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; getHtml(): string | null; focus(): void } };

const editorText = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());
const editorHtml = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml());
const oneLine = (text: string) => text.replace(/\n/g, '');

const ANCHOR = '完成了xx项任务。';
const NOW = Date.now();

function snippet(overrides: Partial<Snippet>): Snippet {
  return { id: crypto.randomUUID(), title: '', body: '', tags: [], createdAt: NOW, updatedAt: NOW, useCount: 0, ...overrides };
}

const DISCIPLINE = snippet({
  title: '廉洁自律',
  body: '严格遵守中央八项规定精神。',
  html: '<p>严格遵守<strong>中央八项规定</strong>精神。</p>',
  tags: ['纪律'],
  abbreviation: 'lzzl',
});
const STUDY = snippet({ title: '理论学习', body: '持续深化理论学习，推动学习贯彻走深走实。', tags: ['学习'], updatedAt: NOW - 1000 });
const REPORT = snippet({ title: 'Quarterly report', body: 'The reporting cycle closed ahead of schedule.', tags: ['report'], updatedAt: NOW - 2000 });

/**
 * The panel's snippets replaced by `records`, straight in IndexedDB, then the panel reloaded so
 * that it starts from them (tests share one browser, so one database).
 */
async function resetSnippets(panel: Page, records: Snippet[] = []) {
  await replaceTables(panel, { snippets: records });
  await panel.reload();
}

async function openSnippets(panel: Page) {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  return panel.getByRole('list', { name: 'Snippets' });
}

async function storedSnippets(panel: Page): Promise<Snippet[]> {
  return panel.evaluate(
    () =>
      new Promise<Snippet[]>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('snippets').objectStore('snippets').getAll();
          all.onsuccess = () => resolve(all.result as Snippet[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function openEditorPage(page: Page, baseUrl: string, family: 'textarea' | 'contenteditable') {
  await page.goto(`${baseUrl}/editors/${family}.html`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
}

async function undoOnce(page: Page) {
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  // Editors merge quick edits into one undo step; let the insertion stand on its own.
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
}

function serviceWorker(context: BrowserContext) {
  return context.serviceWorkers()[0];
}

test.describe('saving snippets', () => {
  test('the context menu saves the page selection with its formatting, sanitized, and a Chinese query finds it', async ({
    page,
    baseUrl,
    openPanel,
    extensionContext,
  }) => {
    await page.goto(`${baseUrl}/snippet-source.html`);
    const panel = await openPanel(page);
    await resetSnippets(panel);

    // The user selects the heading and the first paragraph, then right-clicks.
    const tabId = await tabIdOf(extensionContext, page);
    const selectionText = await page.evaluate(() => {
      const [heading, paragraph] = document.querySelectorAll('#source h2, #source p');
      const range = document.createRange();
      range.setStartBefore(heading);
      range.setEndAfter(paragraph);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    // What a click on "Save selection as snippet" sends the background's menu listener.
    await serviceWorker(extensionContext).evaluate(
      ({ tabId, selectionText }) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } };
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'save-selection-as-snippet', frameId: 0, selectionText, editable: false, pageUrl: '' }, { id: tabId });
      },
      { tabId, selectionText },
    );
    await expect.poll(async () => (await storedSnippets(panel)).length).toBe(1);
    const [saved] = await storedSnippets(panel);

    expect(saved.title).toBe('三、廉洁自律');
    expect(oneLine(saved.body)).toBe('三、廉洁自律严格遵守中央八项规定精神，坚决反对“四风”。');
    // The page's formatting kept; its handlers, styles and script links not.
    expect(saved.html).toContain('<h2>三、廉洁自律</h2>');
    expect(saved.html).toContain('<strong>中央八项规定</strong>');
    expect(saved.html).not.toMatch(/onclick|style=|javascript:|<img/);

    // The panel hears of it, and finds it by two Chinese characters from the middle of a word.
    const list = await openSnippets(panel);
    await panel.getByRole('searchbox', { name: 'Search snippets' }).fill('八项');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem').locator('mark')).toHaveText(['八项']);
    await panel.getByRole('searchbox', { name: 'Search snippets' }).fill('廉洁');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await panel.getByRole('searchbox', { name: 'Search snippets' }).fill('不在其中');
    await expect(list).toHaveCount(0);
  });

  test('the keyboard command saves the selection of the field being typed in', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await page.goto(`${baseUrl}/snippet-source.html`);
    const panel = await openPanel(page);
    await resetSnippets(panel);
    const tabId = await tabIdOf(extensionContext, page);
    const field = page.locator('#plain');
    await field.click();
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 9));
    // What pressing Alt+Shift+S sends the background's command listener.
    await serviceWorker(extensionContext).evaluate((tabId) => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(command: string, tab: object): void } } } };
      chrome.commands.onCommand.dispatch('save-snippet', { id: tabId });
    }, tabId);
    await expect.poll(async () => (await storedSnippets(panel)).map((s) => [s.title, s.body, s.html])).toEqual([['完成了各项任务', '完成了各项任务', undefined]]);
  });

  test('the panel saves the editor selection, and a new snippet, under tags', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/snippet-source.html`);
    const field = page.locator('#plain');
    await field.click();
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 9));
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await resetSnippets(panel);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('草稿');
    const list = await openSnippets(panel);
    await expect(panel.getByText('No snippets yet')).toBeVisible();

    await panel.getByRole('button', { name: 'Save selection' }).click();
    await expect(panel.getByRole('textbox', { name: 'Body' })).toHaveValue('完成了各项任务');
    await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveAttribute('placeholder', '完成了各项任务');
    await panel.getByRole('textbox', { name: 'Tags' }).fill('总结，任务');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText('完成了各项任务');
    await expect(list.getByRole('listitem')).toContainText('#总结 #任务');

    await panel.getByRole('button', { name: 'New snippet' }).click();
    await panel.getByRole('textbox', { name: 'Title' }).fill('Closing paragraph');
    await panel.getByRole('textbox', { name: 'Body' }).fill('Thank you for your review.');
    await panel.getByRole('textbox', { name: 'Tags' }).fill('report');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);

    await panel.getByRole('searchbox', { name: 'Search snippets' }).fill('任务');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await panel.getByRole('searchbox', { name: 'Search snippets' }).fill('REV');
    await expect(list.getByRole('listitem')).toHaveText(/Closing paragraph/);
    const stored = await storedSnippets(panel);
    expect(stored.map((s) => [s.title, s.body, s.tags])).toEqual(
      expect.arrayContaining([
        ['完成了各项任务', '完成了各项任务', ['总结', '任务']],
        ['Closing paragraph', 'Thank you for your review.', ['report']],
      ]),
    );
  });
});

test.describe('inserting snippets', () => {
  test('into a contenteditable at the caret, rich, with one-step undo', async ({ page, baseUrl, openPanel }) => {
    await openEditorPage(page, baseUrl, 'contenteditable');
    const original = await editorText(page);
    await caretAfter(page, ANCHOR);
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await resetSnippets(panel, [DISCIPLINE, STUDY, REPORT]);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Rich text');
    const list = await openSnippets(panel);
    await panel.getByRole('searchbox', { name: 'Search snippets' }).fill('规定');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await list.getByRole('listitem').getByRole('button', { name: 'Insert' }).click();
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

    const at = original.indexOf(ANCHOR) + ANCHOR.length;
    await expect.poll(async () => oneLine(await editorText(page))).toBe(oneLine(original.slice(0, at) + DISCIPLINE.body + original.slice(at)));
    expect(await editorHtml(page)).toContain('<strong>中央八项规定</strong>');
    // Counted as used, for ranking.
    await expect.poll(async () => (await storedSnippets(panel)).find((s) => s.id === DISCIPLINE.id)?.useCount).toBe(1);

    await undoOnce(page);
    await expect.poll(() => editorText(page)).toBe(original);
  });

  test('into a textarea as plain text, from the keyboard, with one-step undo', async ({ page, baseUrl, openPanel }) => {
    await openEditorPage(page, baseUrl, 'textarea');
    const original = await editorText(page);
    await caretAfter(page, ANCHOR);
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await resetSnippets(panel, [DISCIPLINE, STUDY, REPORT]);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Text area');
    const list = await openSnippets(panel);
    await expect(list.getByRole('listitem')).toHaveCount(3);

    // Arrows move through the list; Enter inserts the one chosen.
    const search = panel.getByRole('searchbox', { name: 'Search snippets' });
    await search.fill('学习');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await search.fill('');
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await search.press('ArrowDown');
    await expect(list.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(list.getByRole('listitem').nth(1)).toContainText('理论学习');
    await search.press('Enter');
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

    const at = original.indexOf(ANCHOR) + ANCHOR.length;
    await expect.poll(() => editorText(page)).toBe(original.slice(0, at) + STUDY.body + original.slice(at));
    await undoOnce(page);
    await expect.poll(() => editorText(page)).toBe(original);
  });
});

test.describe('abbreviations', () => {
  async function typeAbbreviation(page: Page, baseUrl: string, openPanel: (p: Page) => Promise<Page>, family: 'textarea' | 'contenteditable') {
    await openEditorPage(page, baseUrl, family);
    const panel = await openPanel(page);
    await resetSnippets(panel, [DISCIPLINE, STUDY]);
    await page.bringToFront();
    // Focus tells the content script the abbreviations in use; the background answers at once.
    await caretAfter(page, ANCHOR);
    await page.waitForTimeout(300);
    const original = await editorText(page);
    await page.keyboard.type('lzzl');
    const typed = await editorText(page);
    const at = original.indexOf(ANCHOR) + ANCHOR.length;
    expect(typed).toBe(original.slice(0, at) + 'lzzl' + original.slice(at));
    return { original, typed, at };
  }

  test('expand in a textarea, never while an input method composes, and undo brings the abbreviation back', async ({ page, baseUrl, openPanel }) => {
    const { original, typed, at } = await typeAbbreviation(page, baseUrl, openPanel, 'textarea');
    // The key that ends a composition: nothing happens.
    for (const init of [{ isComposing: true }, { keyCode: 229 }]) {
      await page.locator('textarea').evaluate((el, init) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, ...init })), init);
    }
    await page.waitForTimeout(300);
    expect(await editorText(page)).toBe(typed);

    await page.keyboard.press('Tab');
    const expanded = original.slice(0, at) + DISCIPLINE.body + original.slice(at);
    await expect.poll(() => editorText(page)).toBe(expanded);
    // Tab was the trigger: focus stayed in the editor.
    await expect(page.locator('textarea')).toBeFocused();

    await undoOnce(page);
    await expect.poll(() => editorText(page)).toBe(typed);
  });

  test('expand in a contenteditable right after Chinese text, rich, with one-step undo', async ({ page, baseUrl, openPanel }) => {
    const { original, typed, at } = await typeAbbreviation(page, baseUrl, openPanel, 'contenteditable');
    expect(original[at - 1]).toBe('。');
    await page.keyboard.press('Tab');
    await expect.poll(async () => oneLine(await editorText(page))).toBe(oneLine(original.slice(0, at) + DISCIPLINE.body + original.slice(at)));
    expect(await editorHtml(page)).toContain('<strong>中央八项规定</strong>');

    await undoOnce(page);
    await expect.poll(() => editorText(page)).toBe(typed);
  });

  test('a word that only ends with an abbreviation stays as typed', async ({ page, baseUrl, openPanel }) => {
    await openEditorPage(page, baseUrl, 'textarea');
    const panel = await openPanel(page);
    await resetSnippets(panel, [DISCIPLINE]);
    await page.bringToFront();
    await caretAfter(page, ANCHOR);
    await page.waitForTimeout(300);
    await page.keyboard.type('xlzzl');
    const typed = await editorText(page);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(await editorText(page)).toBe(typed);
  });
});

test.describe('managing the library', () => {
  test('orders by use or title, shows how often and when each was used, and filters by a folder with its subfolders', async ({ page, baseUrl, openPanel }) => {
    const DAY = 86_400_000;
    // Uses and folders written by hand: the expected orders below follow from them.
    const WEEKLY = snippet({ title: '周报开头', body: '本周主要工作如下。', folder: '工作/周报', useCount: 2, lastUsedAt: NOW - 3 * DAY });
    const MONTHLY = snippet({ title: '月报结尾', body: '下月工作计划如下。', folder: '工作/月报', useCount: 9, lastUsedAt: NOW - 20 * DAY });
    const NOTE = snippet({ title: 'Agenda note', body: 'Items for the next meeting.', folder: '个人', useCount: 1, lastUsedAt: NOW - 2 * 3_600_000 });
    const NEVER = snippet({ title: '会议通知', body: '定于下周一召开会议。' });
    await page.goto(`${baseUrl}/basic.html`);
    const panel = await openPanel(page);
    await resetSnippets(panel, [WEEKLY, MONTHLY, NOTE, NEVER]);
    const list = await openSnippets(panel);
    const titles = () => list.locator('.snippet-title').allTextContents();
    const order = panel.getByRole('combobox', { name: 'Order' });

    await order.selectOption({ label: 'Most used' });
    await expect.poll(titles).toEqual(['月报结尾', '周报开头', 'Agenda note', '会议通知']);
    const details = (title: string) => list.getByRole('listitem').filter({ hasText: title }).locator('.snippet-details');
    await expect(details('月报结尾')).toHaveText('used 9 times · 2 weeks ago · 工作/月报');
    await expect(details('Agenda note')).toHaveText('used 1 time · 2 hours ago · 个人');
    await expect(details('会议通知')).toHaveCount(0);

    await order.selectOption({ label: 'Recently used' });
    await expect.poll(titles).toEqual(['Agenda note', '周报开头', '月报结尾', '会议通知']);
    await order.selectOption({ label: 'By title' });
    await expect.poll(titles).toEqual(['会议通知', '月报结尾', '周报开头', 'Agenda note']);

    // The folder tree: 工作 holds 周报 and 月报; picking it shows both, and nothing else.
    const folder = panel.getByRole('combobox', { name: 'Folder' });
    expect(await folder.locator('option').allTextContents()).toEqual(['All folders', '个人 (1)', '工作 (2)', '工作 › 月报 (1)', '工作 › 周报 (1)']);
    await folder.selectOption('工作');
    await expect.poll(titles).toEqual(['月报结尾', '周报开头']);
    await expect(panel.getByRole('status', { name: 'Snippets found' })).toHaveText('2 of 4');
    await folder.selectOption('工作/周报');
    await expect.poll(titles).toEqual(['周报开头']);

    // The order picked stays when the panel opens again.
    await panel.reload();
    await openSnippets(panel);
    await expect(order).toHaveValue('title');
  });

  test('deletes with undo, duplicates, and tags and deletes in bulk', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    const panel = await openPanel(page);
    await resetSnippets(panel, [DISCIPLINE, STUDY, REPORT]);
    const list = await openSnippets(panel);
    const rows = list.getByRole('listitem');
    await expect(rows).toHaveCount(3);

    // One deleted from its editor, then put back.
    await rows.filter({ hasText: '理论学习' }).getByRole('button', { name: 'Edit' }).click();
    await panel.getByRole('button', { name: 'Delete' }).click();
    await expect(rows).toHaveCount(2);
    await expect(panel.getByText('Deleted “理论学习”.')).toBeVisible();
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(3);
    expect((await storedSnippets(panel)).find((s) => s.id === STUDY.id)).toEqual(STUDY);

    // A copy: new id, no abbreviation (it must stay unique).
    await rows.filter({ hasText: '廉洁自律' }).getByRole('button', { name: 'Edit' }).click();
    await panel.getByRole('button', { name: 'Duplicate' }).click();
    await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('廉洁自律 (copy)');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(rows).toHaveCount(4);
    const copy = (await storedSnippets(panel)).find((s) => s.title === '廉洁自律 (copy)')!;
    expect(copy.id).not.toBe(DISCIPLINE.id);
    expect(copy.abbreviation).toBeUndefined();
    expect(copy.html).toBe(DISCIPLINE.html);

    // Two ticked: tagged together, then deleted together and restored.
    await rows.filter({ hasText: 'Quarterly report' }).getByRole('checkbox').check();
    await rows.filter({ hasText: '理论学习' }).getByRole('checkbox').check();
    const bulk = panel.getByRole('form', { name: 'Selected snippets' });
    await expect(bulk).toContainText('2 selected');
    await bulk.getByRole('combobox', { name: 'Tag to add' }).fill('年度');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await panel.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('年度');
    await expect(rows).toHaveCount(2);
    await bulk.getByRole('button', { name: 'Delete' }).click();
    await panel.getByRole('group', { name: 'Snippets to delete' }).getByRole('button', { name: 'Delete 2 snippets' }).click();
    await expect(panel.getByText('Deleted 2 snippets.')).toBeVisible();
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(2);
    expect((await storedSnippets(panel)).filter((s) => s.tags.includes('年度')).map((s) => s.title).sort()).toEqual(['Quarterly report', '理论学习']);
  });

  test('exports a backup and imports it back after a preview; a bad file changes nothing', async ({ page, baseUrl, openPanel }, testInfo) => {
    await page.goto(`${baseUrl}/basic.html`);
    const panel = await openPanel(page);
    await resetSnippets(panel, [DISCIPLINE, STUDY, REPORT]);
    const list = await openSnippets(panel);
    await panel.getByText('Backup, storage and abbreviations').click();
    // Whether the browser grants persistent storage is its choice (headless Chromium may not): the note says which.
    await expect(panel.getByRole('note')).toContainText(/keeps your snippets|keep your snippets safe|may clear stored snippets/);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export all' }).click()]);
    const file = testInfo.outputPath('backup.json');
    await download.saveAs(file);
    const backup = JSON.parse(await readFile(file, 'utf8'));
    expect(backup.snippets).toHaveLength(3);

    await resetSnippets(panel, [STUDY]);
    await openSnippets(panel);
    await panel.getByText('Backup, storage and abbreviations').click();
    const importInput = panel.getByLabel('Import backup…');

    const truncated = JSON.stringify(backup).slice(0, 200);
    await importInput.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(truncated) });
    await expect(panel.getByRole('alert')).toContainText('not a backup');
    expect(await storedSnippets(panel)).toEqual([STUDY]);

    await importInput.setInputFiles(file);
    const preview = panel.getByRole('group', { name: 'Import preview' });
    await expect(preview.getByRole('row', { name: /Snippets/ })).toHaveText(/Snippets\s*2\s*0\s*1/);
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    const byId = (records: Snippet[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await storedSnippets(panel))).toEqual(byId([DISCIPLINE, STUDY, REPORT]));
  });
});
