/**
 * The checklist in Chromium's real side panel, with the clicks and keys a user makes (OS-level,
 * through the window system), on TinyMCE holding the report excerpt. In a real panel the
 * keyboard stays with the panel after a click there, whatever the extension does in the page;
 * F6 moves it to the page. Expected texts are written out by hand.
 *
 * Each test prints how long the step it measures took (not asserted: speed belongs to
 * `npm run bench`), from time stamps taken in the panel and in the page on the one system clock.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { RealBrowser } from './real-browser';

const ORIGINAL = '一、主要工作\n今年以来，我们围绕xx中心工作，完成了xx项任务。\n二、存在问题\n一是学习不够深入。';
const COUNT_FILLED = '一、主要工作\n今年以来，我们围绕xx中心工作，完成了12项任务。\n二、存在问题\n一是学习不够深入。';
const FIELD_FILLED = '一、主要工作\n今年以来，我们围绕AI中心工作，完成了xx项任务。\n二、存在问题\n一是学习不够深入。';

/** The test page's editor, and what the tests record in the page and the panel. */
interface StampedWindow {
  testEditor: { getText(): string };
  /** Trusted keydowns in this document and its frames: key and time (ms since the epoch). */
  keysSeen?: { key: string; at: number }[];
  /** When the editor's model first held the text waited for. */
  textSeenAt?: number | null;
  /** When the selection in the editor's frame first was the text waited for. */
  selectionSeenAt?: number | null;
}

const editorText = (page: Page) => page.evaluate(() => (window as unknown as StampedWindow).testEditor.getText());

/** The text selected in TinyMCE's frame. */
const editorSelection = (page: Page) => page.frameLocator('iframe').locator('body').evaluate((body) => body.ownerDocument.getSelection()?.toString() ?? '');

/** Whether the document has the browser's focus, that is, whether keys typed now go to it. */
const hasFocus = (page: Page) => page.evaluate(() => document.hasFocus());

/**
 * Starts recording the trusted keydowns (and clicks, as key `click`) that reach `page` or any
 * of its same-origin frames.
 */
async function recordKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const view = window as unknown as StampedWindow;
    view.keysSeen = [];
    const documents = [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter((doc) => doc !== null)];
    const stamp = (key: string) => view.keysSeen?.push({ key, at: performance.timeOrigin + performance.now() });
    for (const doc of documents) {
      doc.addEventListener('keydown', (event) => event.isTrusted && stamp(event.key), { capture: true });
      doc.addEventListener('click', (event) => event.isTrusted && stamp('click'), { capture: true });
    }
  });
}

const keysSeen = (page: Page) => page.evaluate(() => ((window as unknown as StampedWindow).keysSeen ?? []).filter((k) => k.key !== 'click'));
const clickedAt = (page: Page) => page.evaluate(() => (window as unknown as StampedWindow).keysSeen?.findLast((k) => k.key === 'click')?.at);

/** Starts watching the editor's model for `expected`; `textSeenAt` reads when it first held it. */
async function watchFor(page: Page, expected: string): Promise<void> {
  await page.evaluate((expected) => {
    const view = window as unknown as StampedWindow;
    view.textSeenAt = null;
    const check = () => {
      if (view.textSeenAt === null && view.testEditor.getText() === expected) view.textSeenAt = performance.timeOrigin + performance.now();
    };
    const observer = new MutationObserver(check);
    const documents = [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter((doc) => doc !== null)];
    for (const doc of documents) observer.observe(doc, { subtree: true, childList: true, characterData: true });
  }, expected);
}

/** Starts watching the selection in TinyMCE's frame for `expected`; `selectionSeenAt` reads when it first was. */
async function watchSelectionFor(page: Page, expected: string): Promise<void> {
  await page.frameLocator('iframe').locator('body').evaluate((body, expected) => {
    const view = window.top as unknown as StampedWindow;
    view.selectionSeenAt = null;
    const doc = body.ownerDocument;
    doc.addEventListener('selectionchange', () => {
      if (view.selectionSeenAt === null && doc.getSelection()?.toString() === expected) view.selectionSeenAt = performance.timeOrigin + performance.now();
    });
  }, expected);
}

const selectionSeenAt = (page: Page) => page.evaluate(() => (window as unknown as StampedWindow).selectionSeenAt ?? null);

const textSeenAt = (page: Page) => page.evaluate(() => (window as unknown as StampedWindow).textSeenAt ?? null);

function figure(what: string, from: number | undefined, to: number | null): void {
  const ms = from === undefined || to === null ? 'not measured' : `${Math.round(to - from)} ms`;
  console.log(`  figure: ${what}: ${ms}`);
}

/** The excerpt in TinyMCE, clicked into by the writer, its two placeholders listed in document order. */
async function openExcerpt({ openEditor, realBrowser }: { openEditor: (path: string) => Promise<{ page: Page; panel: Page }>; realBrowser: RealBrowser }) {
  const { page, panel } = await openEditor('editors/tinymce.html');
  expect(await editorText(page)).toBe(ORIGINAL);
  await realBrowser.click(page, page.frameLocator('iframe').locator('p', { hasText: '今年以来' }));
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('2 unfilled');
  await realBrowser.click(panel, panel.getByRole('radio', { name: 'In document order' }));
  const rows = panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');
  // 围绕xx中心 (any words) first, then 完成了xx项 (a count).
  await expect(rows).toHaveCount(2);
  return { page, panel, rows };
}

test('Select, then F6 and typing, replaces the placeholder in the page; one Ctrl+Z brings it back', async ({ realBrowser, desktop, openEditor }) => {
  const { page, panel, rows } = await openExcerpt({ openEditor, realBrowser });
  await recordKeys(page);
  await recordKeys(panel);
  await watchSelectionFor(page, 'xx');
  await realBrowser.click(panel, rows.nth(1).getByRole('button', { name: 'Select' }));
  await expect.poll(() => editorSelection(page)).toBe('xx');
  figure('click on Select → placeholder selected in the page', await clickedAt(panel), await selectionSeenAt(page));
  // The keyboard is still the panel's, and the panel says how to reach the page.
  expect(await hasFocus(page)).toBe(false);
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Selected in the page. Press F6 to type there.');

  desktop.key('F6');
  await expect.poll(() => hasFocus(page)).toBe(true);
  expect(await editorSelection(page)).toBe('xx');
  await watchFor(page, COUNT_FILLED);
  desktop.type('12');
  await expect.poll(() => editorText(page)).toBe(COUNT_FILLED);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('1 unfilled');
  const keys = await keysSeen(page);
  expect(keys.map((k) => k.key)).toEqual(['1', '2']);
  figure('last key typed → value in the model', keys.at(-1)?.at, await textSeenAt(page));

  desktop.key('ctrl+z');
  await expect.poll(() => editorText(page)).toBe(ORIGINAL);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('2 unfilled');
});

test('a value typed in the panel and Enter fill the placeholder in one undo step, and focus goes to the next Value box', async ({ realBrowser, desktop, openEditor }) => {
  const { page, panel, rows } = await openExcerpt({ openEditor, realBrowser });
  await realBrowser.click(panel, rows.nth(0).getByRole('textbox', { name: 'Value' }));
  desktop.type('AI');
  await expect(rows.nth(0).getByRole('textbox', { name: 'Value' })).toHaveValue('AI');

  await recordKeys(panel);
  await watchFor(page, FIELD_FILLED);
  desktop.key('Return');
  await expect.poll(() => editorText(page)).toBe(FIELD_FILLED);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('1 unfilled');
  const enter = (await keysSeen(panel)).find((k) => k.key === 'Enter');
  figure('Enter → value in the model', enter?.at, await textSeenAt(page));

  // The keyboard is still the panel's, in the Value box of the placeholder left (完成了xx项).
  const next = panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem').filter({ hasText: '完成了' });
  await expect(next.getByRole('textbox', { name: 'Value' })).toBeFocused();
  expect(await hasFocus(panel)).toBe(true);
  desktop.type('7');
  await expect(next.getByRole('textbox', { name: 'Value' })).toHaveValue('7');

  desktop.key('F6');
  await expect.poll(() => hasFocus(page)).toBe(true);
  desktop.key('ctrl+z');
  await expect.poll(() => editorText(page)).toBe(ORIGINAL);
});

test('control: after a click in the panel, typed keys go to the panel, even when the page focuses its editor', async ({ realBrowser, desktop, openEditor }) => {
  const { page, panel, rows } = await openExcerpt({ openEditor, realBrowser });
  await recordKeys(page);
  await recordKeys(panel);

  // Select focuses the editor in the page (the adapter calls TinyMCE's focus()) and selects.
  await realBrowser.click(panel, rows.nth(0).getByRole('button', { name: 'Select' }));
  await expect.poll(() => editorSelection(page)).toBe('xx');
  expect(await hasFocus(page)).toBe(false);
  expect(await hasFocus(panel)).toBe(true);
  desktop.type('ab');
  await expect.poll(async () => (await keysSeen(panel)).map((k) => k.key)).toEqual(['a', 'b']);
  expect(await keysSeen(page)).toEqual([]);
  expect(await editorText(page)).toBe(ORIGINAL);

  // A click in a Value box, then element.focus() on the editor's body in the page, as a script
  // there would call it: the page's DOM takes the focus, the keyboard does not follow.
  const value = rows.nth(0).getByRole('textbox', { name: 'Value' });
  await realBrowser.click(panel, value);
  const focused = await page.frameLocator('iframe').locator('body').evaluate((body) => {
    body.focus();
    return body.ownerDocument.activeElement === body;
  });
  expect(focused).toBe(true);
  desktop.type('cd');
  await expect(value).toHaveValue('cd');
  expect(await keysSeen(page)).toEqual([]);
  expect(await editorText(page)).toBe(ORIGINAL);

  // The same keys after F6 do reach the page: what the checks above tell apart. (The panel
  // sees the F6 itself go by, before the browser moves focus.)
  desktop.key('F6');
  await expect.poll(() => hasFocus(page)).toBe(true);
  desktop.type('e');
  await expect.poll(async () => (await keysSeen(page)).map((k) => k.key)).toEqual(['e']);
  const panelKeys = (await keysSeen(panel)).map((k) => k.key);
  expect(panelKeys).toEqual(['a', 'b', 'c', 'd', 'F6']);
  const letters = panelKeys.filter((key) => key.length === 1).length;
  console.log(`  figure: of 4 letters typed after a click in the panel, ${letters} reached the panel and 0 the page; after F6, 1 of 1 reached the page`);
});
