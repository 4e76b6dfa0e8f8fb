/**
 * Editors where office systems put them: three frames deep, each of another origin than the one
 * around it, and in a modal dialog built only when it opens. Each is found by a click, counted,
 * written into (asking first where the editor's site is not the page's), and one Ctrl+Z takes
 * the insertion back.
 */
import type { Frame, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { insertText } from '../panel-actions';

// A pop-up left open would be the browser's last focused window, where later tests look for their tab.
test.afterEach(async ({ extensionContext }) => {
  for (const open of extensionContext.pages()) if (open.url().includes('/frames/popup-editor.html')) await open.close();
});

const target = (panel: Page) => panel.getByRole('button', { name: /Target/ });
const unfilled = (panel: Page) => panel.getByRole('status', { name: 'Unfilled placeholders' });

test('an editor three frames deep, origins alternating: found, counted, inserted into after asking, undone in one step', async ({ page, baseUrl, openPanel }) => {
  const other = baseUrl.replace('localhost', '127.0.0.1');
  await page.goto(`${baseUrl}/frames/nest.html?hosts=${encodeURIComponent([other, baseUrl, other].join(','))}`);
  await expect.poll(() => page.frames().some((f) => f.url().endsWith('/frames/deep-editor.html'))).toBe(true);
  const deep: Frame = page.frames().find((f) => f.url().endsWith('/frames/deep-editor.html'))!;
  // Three frames between it and the page.
  let depth = 0;
  for (let f: Frame | null = deep; f?.parentFrame(); f = f.parentFrame()) depth++;
  expect(depth).toBe(3);
  const editor = deep.locator('#deep');
  await editor.getByText('走访xx户群众。').click();
  await page.keyboard.press('End');
  const original = await editor.innerText();

  const panel = await openPanel(page);
  await expect(target(panel)).toContainText('深层正文');
  await expect(target(panel)).toContainText(other);
  // Counted by hand: the date xxxx年x月 (one blank), xx项, xx户.
  await expect(unfilled(panel)).toHaveText('3 unfilled');

  await insertText(panel, '（插入）');
  const ask = panel.getByRole('alertdialog', { name: 'Insert into another site?' });
  await expect(ask).toContainText(other);
  await ask.getByRole('button', { name: 'Insert there' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
  await expect.poll(() => editor.innerText()).toBe(original.replace('走访xx户群众。', '走访xx户群众。（插入）'));

  await page.bringToFront();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor.innerText()).toBe(original);
});

test('an editor in a modal dialog opened after the panel: found at the click, counted, inserted into, undone in one step', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/frames/dialog.html`);
  const panel = await openPanel(page);
  await expect(target(panel)).toHaveCount(0);

  await page.bringToFront();
  await page.getByRole('button', { name: '填写情况说明' }).click();
  const editor = page.getByRole('dialog').locator('[contenteditable]');
  await editor.getByText('现将有关情况说明如下。').click();
  await page.keyboard.press('End');
  const original = await editor.innerText();
  await expect(target(panel)).toContainText('情况说明');
  // Counted by hand: xx户.
  await expect(unfilled(panel)).toHaveText('1 unfilled');

  await insertText(panel, '（插入）');
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
  await expect.poll(() => editor.innerText()).toBe(original.replace('现将有关情况说明如下。', '现将有关情况说明如下。（插入）'));

  await page.bringToFront();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor.innerText()).toBe(original);
});

test('an editor in a pop-up window the page opens: the panel of the page’s window follows it at the click, counts it, inserts into it, and comes back when it closes', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/frames/popup.html`);
  const panel = await openPanel(page);
  await expect(target(panel)).toHaveCount(0);

  await page.bringToFront();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '编辑正文' }).click()]);
  await popup.waitForLoadState();
  const editor = popup.locator('#body');
  // A real click, as the user puts the caret after the date.
  await editor.click();
  await editor.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.indexOf('开展检查。') + 5, el.value.indexOf('开展检查。') + 5));
  const original = await editor.inputValue();
  await expect(target(panel)).toContainText('正文');
  await expect(target(panel)).toContainText('in a pop-up');
  // Counted by hand: the date xx月xx日, one blank.
  await expect(unfilled(panel)).toHaveText('1 unfilled');

  await insertText(panel, '（插入）');
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
  await expect.poll(() => editor.inputValue()).toBe(original.replace('开展检查。', '开展检查。（插入）'));
  await popup.bringToFront();
  await popup.keyboard.press('Control+z');
  await expect.poll(() => editor.inputValue()).toBe(original);

  // Closed: the panel is the page's again.
  await popup.close();
  await expect(target(panel)).toHaveCount(0);
});

test('a pop-up that focuses its own box by script, with no click there, does not take the panel', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/frames/popup.html`);
  const panel = await openPanel(page);
  await page.bringToFront();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '编辑正文' }).click()]);
  await popup.waitForLoadState();
  await popup.evaluate(() => document.getElementById('body')!.focus());
  // The agent has loaded (the focus was trusted) and heard no gesture: the panel stays on the page.
  await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('body');
  await panel.waitForTimeout(800);
  await expect(target(panel)).toHaveCount(0);
  await expect(panel.getByText('No report editor on this page.', { exact: false })).toBeVisible();
});
