/**
 * The checklist as a writer meets it at 360 px: one line a row, the kind said once, a row that
 * opens on focus with values the document already uses, buttons that stay where they are,
 * filling from the Value box (the page previews what is typed, Enter fills in one undo step
 * and moves on, Escape leaves the page as it was), and Select saying how to type in the page.
 */
import type { Locator, Page } from '@playwright/test';
import { blurAllFrames, contenteditableWith } from './editor-contract';
import { expect, test } from './fixtures';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; focus(): void } };
type RecordingWindow = Window & { sent: { type: string; text?: string; start?: number; end?: number; expected?: string }[] };

/**
 * A short report, its placeholders counted by hand, in document order: xx项 (count), xx%
 * (percent), xxxx年以来 (year), xx户 (count), 【单位名称】 (field). It writes the year 2023 twice.
 */
const REPORT = ['关于2023年度工作的总结', '2023年，我单位完成了xx项任务，同比增长xx%。', 'xxxx年以来，走访xx户群众，由【单位名称】牵头。'];
const REPORT_TEXT = REPORT.join('\n');

const editorText = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());

/** The contenteditable test editor holding `lines`, one paragraph each, focused once and left. */

/** The panel at a side panel's width, in document order, every request it sends to the page recorded. */
async function narrowPanel(page: Page, openPanel: (page: Page) => Promise<Page>, unfilled: number) {
  const panel = await openPanel(page);
  await panel.setViewportSize({ width: 360, height: 800 });
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText(`${unfilled} unfilled`);
  await panel.evaluate(() => {
    const w = window as unknown as RecordingWindow & { chrome: { tabs: { sendMessage(...args: unknown[]): unknown } } };
    w.sent = [];
    const tabs = w.chrome.tabs;
    const send = tabs.sendMessage.bind(tabs);
    tabs.sendMessage = (...args: unknown[]) => {
      w.sent.push(args[1] as RecordingWindow['sent'][number]);
      return send(...args);
    };
  });
  return panel;
}

const sent = (panel: Page) => panel.evaluate(() => (window as unknown as RecordingWindow).sent.filter((m) => m.type.startsWith('preview-')));
const rows = (panel: Page) => panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');
const leftOf = async (control: Locator) => (await control.boundingBox())!.x;

test('rows are one line at 360 px, name their kind once, and keep the contract', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/contenteditable.html?sample=zh-duty-report-2023.txt`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await panel.setViewportSize({ width: 360, height: 800 });
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('132 unfilled');

  const items = rows(panel);
  const shown = await items.count();
  expect(shown).toBeGreaterThan(10);
  for (let i = 0; i < shown; i++) {
    const item = items.nth(i);
    // One line: no taller than its controls, nothing wider than the panel.
    expect((await item.boundingBox())!.height, `row ${i}`).toBeLessThanOrEqual(36);
    expect(await item.evaluate((li) => li.scrollWidth <= li.clientWidth), `row ${i} fits`).toBe(true);
    await expect(item.getByRole('button', { name: 'Select' })).toBeVisible();
    await expect(item.getByRole('button', { name: 'Fill', exact: true })).toBeVisible();
    await expect(item.getByRole('textbox', { name: 'Value' })).toBeVisible();
  }
  // Grouped by kind, the group's heading names the kind and its rows do not.
  await expect(panel.locator('.group-name').first()).toHaveText('Year');
  await expect(items.first()).not.toContainText('Year');
  // In document order there is no heading: each row names its kind.
  await panel.getByRole('radio', { name: 'In document order' }).check();
  await expect(panel.locator('.group-name')).toHaveCount(0);
  await expect(items.first()).toContainText('Year');
  await expect(items.nth(1)).toContainText('Date');
});

test('an opened row offers the years the document writes, and Fill and Select never move', async ({ page, baseUrl, openPanel }) => {
  await contenteditableWith(page, baseUrl, REPORT);
  const panel = await narrowPanel(page, openPanel, 5);
  await panel.getByRole('radio', { name: 'In document order' }).check();
  const items = rows(panel);
  const year = items.nth(2);
  const count = items.nth(0);
  const fillOf = (item: Locator) => item.getByRole('button', { name: 'Fill', exact: true });
  const selectOf = (item: Locator) => item.getByRole('button', { name: 'Select' });
  const closed = { fill: await leftOf(fillOf(year)), select: await leftOf(selectOf(year)) };

  await year.getByRole('textbox', { name: 'Value' }).focus();
  // The document is about 2023 (written twice), whatever the clock says; then the years around it.
  await expect(year.locator('.suggestion')).toHaveText(['2023', '2022', '2024']);
  await expect(year.getByRole('button', { name: 'Fill all' })).toHaveCount(0);
  expect(await leftOf(fillOf(year))).toBe(closed.fill);
  expect(await leftOf(selectOf(year))).toBe(closed.select);

  // A count no other sentence of the document matches: no suggestion, the buttons where they were.
  await count.getByRole('textbox', { name: 'Value' }).focus();
  await expect(count.locator('.suggestion')).toHaveCount(0);
  expect(await leftOf(fillOf(count))).toBe(closed.fill);
  expect(await leftOf(selectOf(count))).toBe(closed.select);

  // A suggestion puts its value in the box; Fill puts it in the page.
  await year.getByRole('textbox', { name: 'Value' }).focus();
  await year.getByRole('button', { name: '2023' }).click();
  await expect(year.getByRole('textbox', { name: 'Value' })).toHaveValue('2023');
  await expect(year.getByRole('textbox', { name: 'Value' })).toBeFocused();
});

test('typing in the Value box previews in the page, Escape leaves it as it was, Enter fills and moves on', async ({ page, baseUrl, openPanel }) => {
  await contenteditableWith(page, baseUrl, REPORT);
  const panel = await narrowPanel(page, openPanel, 5);
  await panel.getByRole('radio', { name: 'In document order' }).check();
  const items = rows(panel);
  const value = items.nth(0).getByRole('textbox', { name: 'Value' });
  const at = REPORT_TEXT.indexOf('xx项');

  await value.focus();
  await panel.keyboard.type('12');
  // The page is asked to draw each state of the box over the blank; the editor is not touched.
  await expect.poll(() => sent(panel)).toContainEqual({ type: 'preview-fill', start: at, end: at + 2, expected: 'xx', text: '12', editorId: expect.any(String) });
  expect(await editorText(page)).toBe(REPORT_TEXT);

  // An input method's composition is previewed as it is composed, before it is committed.
  await panel.keyboard.press('Control+a');
  await panel.keyboard.press('Backspace');
  const cdp = await panel.context().newCDPSession(panel);
  await cdp.send('Input.imeSetComposition', { text: '十', selectionStart: 1, selectionEnd: 1 });
  await expect.poll(async () => (await sent(panel)).at(-1)).toMatchObject({ type: 'preview-fill', text: '十' });
  await cdp.send('Input.imeSetComposition', { text: '十二', selectionStart: 2, selectionEnd: 2 });
  await expect.poll(async () => (await sent(panel)).at(-1)).toMatchObject({ type: 'preview-fill', text: '十二' });
  await cdp.send('Input.insertText', { text: '十二' });
  await expect(value).toHaveValue('十二');

  // Escape takes the preview away: the box is empty and the editor as it was.
  await panel.keyboard.press('Escape');
  await expect.poll(async () => (await sent(panel)).at(-1)).toMatchObject({ type: 'preview-clear' });
  await expect(value).toHaveValue('');
  expect(await editorText(page)).toBe(REPORT_TEXT);

  // Enter fills through the fill path and moves to the next placeholder's Value box.
  await panel.keyboard.type('十二');
  await panel.keyboard.press('Enter');
  const filled = REPORT_TEXT.replace('完成了xx项', '完成了十二项');
  await expect.poll(() => editorText(page)).toBe(filled);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('4 unfilled');
  const next = items.nth(0);
  await expect(next).toContainText('同比增长');
  await expect(next.getByRole('textbox', { name: 'Value' })).toBeFocused();
  // The confirmation is said in the row that took the filled one's place, not at the list's top.
  await expect(next.getByText('Filled.')).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Filled.');

  // One Ctrl+Z in the editor takes the fill back.
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(REPORT_TEXT);
});

test('Select says in its row how to type in the page', async ({ page, baseUrl, openPanel }) => {
  await contenteditableWith(page, baseUrl, REPORT);
  const panel = await narrowPanel(page, openPanel, 5);
  await panel.getByRole('radio', { name: 'In document order' }).check();
  const item = rows(panel).nth(3);
  await item.getByRole('button', { name: 'Select' }).click();
  await expect(item.getByText('Selected in the page. Press F6 to type there.')).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Selected in the page. Press F6 to type there.');
  // The page's selection is on that blank: typing there replaces it.
  await page.keyboard.type('30');
  await expect.poll(() => editorText(page)).toBe(REPORT_TEXT.replace('走访xx户', '走访30户'));
});

test('arrow keys move between rows, each opening as it gets focus; Enter goes into its Value box', async ({ page, baseUrl, openPanel }) => {
  await contenteditableWith(page, baseUrl, REPORT);
  const panel = await narrowPanel(page, openPanel, 5);
  await panel.getByRole('radio', { name: 'In document order' }).check();
  const items = rows(panel);
  await items.nth(0).focus();
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toBeFocused();
  await expect(items.nth(2).locator('.suggestion').first()).toHaveText('2023');
  await panel.keyboard.press('End');
  await expect(items.nth(4)).toBeFocused();
  await expect(items.nth(4)).toContainText('单位名称');
  await panel.keyboard.press('ArrowUp');
  await expect(items.nth(3)).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(items.nth(3).getByRole('textbox', { name: 'Value' })).toBeFocused();
  // Only one row is open at a time.
  await expect(panel.locator('li.placeholder.open')).toHaveCount(1);
  await expect(items.nth(2).locator('.suggestion')).toHaveCount(0);
});

test('a text area says once that it cannot show highlights; a rich editor does not', async ({ page, baseUrl, openPanel }) => {
  const note = 'Highlights cannot be drawn in this kind of editor.';
  await page.goto(`${baseUrl}/editors/textarea.html?sample=zh-duty-report-2023.txt`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('132 unfilled');
  await expect(panel.getByText(note)).toHaveCount(1);

  await contenteditableWith(page, baseUrl, REPORT);
  const rich = await openPanel(page);
  await expect(rich.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('5 unfilled');
  await expect(rich.getByText(note)).toHaveCount(0);
});

test('a row opened below the open one stays where it was clicked', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/contenteditable.html?sample=zh-duty-report-2023.txt`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await panel.setViewportSize({ width: 360, height: 800 });
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('132 unfilled');
  // Grouped by kind, the first ten rows are years, each opening with suggestions and a fill-all.
  await panel.locator('.placeholder-scroll').evaluate((box) => (box.scrollTop = 60));
  const row = (index: number) => panel.locator(`li[data-index="${index}"]`);
  await row(3).click({ position: { x: 40, y: 12 } });
  await expect(row(3).locator('.suggestion')).toHaveCount(3);
  const before = (await row(7).boundingBox())!.y;
  await row(7).click({ position: { x: 40, y: 12 } });
  await expect(row(7).locator('.suggestion')).toHaveCount(3);
  await expect(row(3).locator('.suggestion')).toHaveCount(0);
  expect(Math.abs((await row(7).boundingBox())!.y - before)).toBeLessThanOrEqual(1);
});
