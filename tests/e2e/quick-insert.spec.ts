/**
 * The quick-insert box, opened by its keyboard command in the page (no panel open): found by a
 * Chinese query, inserted at the caret with one-step undo, Escape giving the caret back; and
 * the page learns nothing: only an empty host element appears in its DOM, it hears none of the
 * keys typed in the box, and messages it posts to the box are ignored.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { tabIdOf } from './browser.mjs';
import { replaceTables } from './extension-db';
import { expect, test } from './fixtures';
import { caretAfter } from './panel-actions';
import { contenteditableWith } from './editor-contract';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; focus(): void } };
const editorText = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());
const words = (text: string) => text.replace(/\s+/g, '');

const ANCHOR = '完成了xx项任务。';
const NOW = Date.now();
const record = (id: string, title: string, body: string): Snippet => ({ id, title, body, tags: [], createdAt: NOW, updatedAt: NOW, useCount: 0 });
const SNIPPETS = [
  record('q1', '廉洁自律', '严格遵守中央八项规定精神。'),
  record('q2', '理论学习', '持续深化理论学习，推动学习贯彻走深走实。'),
  record('q3', 'Quarterly report', 'The reporting cycle closed ahead of schedule.'),
];

async function pressCommand(context: BrowserContext, page: Page) {
  const tabId = await tabIdOf(context, page);
  // What pressing Alt+Shift+I sends the background's command listener.
  await context.serviceWorkers()[0].evaluate((tabId) => {
    const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(command: string, tab: object): void } } } };
    chrome.commands.onCommand.dispatch('quick-insert', { id: tabId });
  }, tabId);
}

async function boxFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/quick-insert.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/quick-insert.html'))!;
  await frame.waitForSelector('input[type="search"]');
  return frame;
}

/** `inserted` lands after the anchor, where the caret was, the box closes, and one Ctrl+Z takes it back. */
async function expectInsertedThenUndone(page: Page, original: string, inserted: string) {
  const at = original.indexOf(ANCHOR) + ANCHOR.length;
  await expect.poll(async () => words(await editorText(page))).toBe(words(original.slice(0, at) + inserted + original.slice(at)));
  await expect.poll(() => page.frames().some((f) => f.url().includes('/quick-insert.html'))).toBe(false);
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => words(await editorText(page))).toBe(words(original));
}

const snippetOptions = (box: Frame) => box.getByRole('group', { name: 'Snippets' }).getByRole('option');
const sectionOptions = (box: Frame) => box.getByRole('group', { name: 'Template sections' }).getByRole('option');

async function seedAndOpenPage(page: Page, baseUrl: string, openPanel: (page: Page) => Promise<Page>, path = 'editors/contenteditable.html') {
  await page.goto(`${baseUrl}/${path}`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  const panel = await openPanel(page);
  await replaceTables(panel, { snippets: SNIPPETS });
  // The box works with no panel open.
  await panel.close();
  await page.bringToFront();
  await caretAfter(page, ANCHOR);
}

test.describe('quick insert in the page', () => {
  test('finds a snippet by a Chinese query, inserts it at the caret, one Ctrl+Z takes it back', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await seedAndOpenPage(page, baseUrl, openPanel);
    const original = await editorText(page);
    await pressCommand(extensionContext, page);
    const box = await boxFrame(page);
    await page.keyboard.type('规定');
    await expect(box.getByRole('option')).toHaveCount(1);
    await expect(box.getByRole('option')).toContainText('廉洁自律');
    await page.keyboard.press('Enter');

    await expectInsertedThenUndone(page, original, '严格遵守中央八项规定精神。');
  });

  test('a snippet with fields asks them in the box, then writes what was typed, in one undo step', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await page.goto(`${baseUrl}/editors/contenteditable.html`);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
    const panel = await openPanel(page);
    await replaceTables(panel, { snippets: [record('f1', '会议通知', '请{{部门}}于{{时间=下午三点}}参会。')] });
    await panel.close();
    await page.bringToFront();
    await caretAfter(page, ANCHOR);
    const original = await editorText(page);
    await pressCommand(extensionContext, page);
    const box = await boxFrame(page);
    await page.keyboard.type('会议');
    await expect(box.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');

    const form = box.getByRole('form', { name: 'Fields of “会议通知”' });
    await expect(form).toBeVisible();
    await expect(form.getByRole('textbox', { name: '时间' })).toHaveValue('下午三点');
    // The first field has the focus: what is typed goes into it.
    await page.keyboard.type('办公室');
    await expect(form.getByLabel('As it will be written')).toHaveText('请办公室于下午三点参会。');
    await form.getByRole('button', { name: 'Insert' }).click();

    await expectInsertedThenUndone(page, original, '请办公室于下午三点参会。');
  });

  test('opens over an editor in a frame of its own (TinyMCE), and inserts there', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await seedAndOpenPage(page, baseUrl, openPanel, 'editors/tinymce.html');
    const original = await editorText(page);
    await pressCommand(extensionContext, page);
    const box = await boxFrame(page);
    await page.keyboard.type('学习');
    // The snippet, then a built-in template's section (述职报告: 加强学习，……).
    await expect(snippetOptions(box)).toHaveCount(1);
    await expect(sectionOptions(box)).toHaveText([/^加强学习，不断提高政治素质和业务能力/]);
    await page.keyboard.press('Enter');
    const at = original.indexOf(ANCHOR) + ANCHOR.length;
    await expect.poll(async () => words(await editorText(page))).toBe(words(original.slice(0, at) + '持续深化理论学习，推动学习贯彻走深走实。' + original.slice(at)));
    await page.waitForTimeout(400);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
    await page.keyboard.press('Control+z');
    await expect.poll(async () => words(await editorText(page))).toBe(words(original));
  });

  test('the first results, worked out as the command fires, follow a snippet saved a moment before', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await seedAndOpenPage(page, baseUrl, openPanel);
    await pressCommand(extensionContext, page);
    let box = await boxFrame(page);
    await expect(snippetOptions(box)).toHaveCount(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.frames().some((f) => f.url().includes('/quick-insert.html'))).toBe(false);

    const panel = await openPanel(page);
    const used = { ...record('q4', '安全生产', '坚决守住安全生产底线。'), useCount: 9, lastUsedAt: NOW };
    await replaceTables(panel, { snippets: [...SNIPPETS, used] });
    await panel.close();
    await page.bringToFront();
    await caretAfter(page, ANCHOR);
    await pressCommand(extensionContext, page);
    box = await boxFrame(page);
    await expect(snippetOptions(box)).toHaveCount(4);
    // With no query the most used comes first.
    await expect(snippetOptions(box).first()).toContainText('安全生产');
  });

  test('arrows choose, Escape closes and gives the caret back', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await seedAndOpenPage(page, baseUrl, openPanel);
    const original = await editorText(page);
    await pressCommand(extensionContext, page);
    const box = await boxFrame(page);
    await expect(box.getByRole('option')).toHaveCount(3);
    await page.keyboard.press('ArrowDown');
    await expect(box.getByRole('option', { selected: true })).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.frames().some((f) => f.url().includes('/quick-insert.html'))).toBe(false);
    // The caret is back where it was: typing lands after the anchor.
    await page.keyboard.type('甲');
    const at = original.indexOf(ANCHOR) + ANCHOR.length;
    await expect.poll(async () => words(await editorText(page))).toBe(words(original.slice(0, at) + '甲' + original.slice(at)));
  });

  test('finds a template section by its heading and inserts it numbered to fit after the caret, in one undo step', async ({ page, baseUrl, openPanel, extensionContext }) => {
    // A report with two numbered parts; the caret at the end of the second part's paragraph.
    const lines = ['一、总体情况', '今年完成了xx项任务。', '二、主要工作', '工作稳步推进。'];
    await contenteditableWith(page, baseUrl, lines);
    const panel = await openPanel(page);
    await replaceTables(panel, { snippets: SNIPPETS });
    await panel.close();
    await page.bringToFront();
    await caretAfter(page, '工作稳步推进。');
    const original = await editorText(page);
    await pressCommand(extensionContext, page);
    const box = await boxFrame(page);
    await page.keyboard.type('问题和不足');
    await expect(snippetOptions(box)).toHaveCount(0);
    // From 年度工作总结, written by hand: its third part, with its text.
    await expect(sectionOptions(box)).toHaveCount(1);
    await expect(sectionOptions(box)).toContainText('存在的问题和不足');
    await expect(sectionOptions(box)).toContainText('年度工作总结');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => words(await editorText(page)))
      .toBe(words(`${lines.join('\n')}\n三、存在的问题和不足\n一是……；二是……；三是……。`));
    await expect.poll(() => page.frames().some((f) => f.url().includes('/quick-insert.html'))).toBe(false);
    await page.waitForTimeout(400);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => words(await editorText(page))).toBe(words(original));
  });

  test('the page sees only an empty host, hears no key typed in the box, and cannot talk to it', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await seedAndOpenPage(page, baseUrl, openPanel);
    const original = await editorText(page);
    // A hostile page: it logs every key event and every node added, and posts to every frame.
    await page.evaluate(() => {
      const seen = { keys: [] as string[], added: [] as string[] };
      (window as unknown as { seen: typeof seen }).seen = seen;
      for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'compositionstart']) {
        window.addEventListener(type, (e) => seen.keys.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
      new MutationObserver((records) => {
        for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) seen.added.push(`${node.tagName}:${node.shadowRoot === null}:${node.innerHTML}`);
      }).observe(document.documentElement, { childList: true, subtree: true });
    });
    await pressCommand(extensionContext, page);
    const box = await boxFrame(page);
    await page.evaluate(() => {
      for (let i = 0; i < frames.length; i++) {
        frames[i].postMessage({ type: 'insert', content: { text: 'FORGED' } }, '*');
        frames[i].postMessage({ secret: 'guess', family: 'contenteditable' }, '*');
      }
    });
    await page.keyboard.type('学习');
    await expect(snippetOptions(box)).toHaveCount(1);
    const seen = await page.evaluate(() => (window as unknown as { seen: { keys: string[]; added: string[] } }).seen);
    expect(seen.keys).toEqual([]);
    expect(seen.added).toEqual(['REPORT-DRAFTING-QUICK-INSERT:true:']);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await editorText(page)).toBe(original);
  });
});
