import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { editorList, insertText, oneOffForm, targetLine } from './panel-actions';

/** The panel as a new user meets it: the target as one line, messages where they belong. */

// basic.html's rich-text editor, counted by hand: 一、主要工作 (6) + the block break (1) +
// 今年以来，围绕中心工作完成了各项任务。 (19).
const RICH_CHARS = 26;
const INSERTION = '（补充）';

async function targetRich(page: Page, baseUrl: string, openPanel: (page: Page) => Promise<Page>) {
  await page.goto(`${baseUrl}/basic.html`);
  // The caret after 今年以来, in the second paragraph.
  await page.locator('#rich').evaluate((el) => {
    const range = document.createRange();
    range.setStart(el.querySelectorAll('p')[1].firstChild!, 4);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    (el as HTMLElement).focus();
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const panel = await openPanel(page);
  await expect(targetLine(panel)).toContainText('述职报告');
  return panel;
}

test('the target is one line above the tabs, with its kind, name and length now; the editors are listed on demand', async ({ page, baseUrl, openPanel }) => {
  const panel = await targetRich(page, baseUrl, openPanel);
  const line = targetLine(panel);
  await expect(line).toContainText('Rich text');
  await expect(line).toContainText(`${RICH_CHARS} characters`);
  // One line at 360 px: no taller than a button.
  await panel.setViewportSize({ width: 360, height: 640 });
  expect((await line.boundingBox())!.height).toBeLessThan(40);
  // The tabs come right after it.
  const lineBottom = (await line.boundingBox())!.y + (await line.boundingBox())!.height;
  const tabsTop = (await panel.getByRole('tablist').boundingBox())!.y;
  expect(tabsTop - lineBottom).toBeLessThan(40);
  // The other editors only when asked for; no pixel sizes anywhere.
  await expect(panel.getByRole('list', { name: 'Report editors' })).toHaveCount(0);
  await expect(panel.locator('main')).not.toContainText(/\d+×\d+/);
  await line.click();
  await expect(line).toHaveAttribute('aria-expanded', 'true');
  const list = panel.getByRole('list', { name: 'Report editors' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(panel.locator('main')).not.toContainText(/\d+×\d+/);
  // Picking one closes the list; the line names the new target.
  await list.getByRole('button', { name: /工作总结/ }).click();
  await expect(targetLine(panel)).toContainText('工作总结');
  await expect(panel.getByRole('list', { name: 'Report editors' })).toHaveCount(0);
});

test('the length follows the document: an insertion and its undo', async ({ page, baseUrl, openPanel }) => {
  const panel = await targetRich(page, baseUrl, openPanel);
  await insertText(panel, INSERTION);
  await expect(targetLine(panel)).toContainText(`${RICH_CHARS + INSERTION.length} characters`);
  await page.locator('#rich').focus();
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#rich p').nth(1)).toHaveText('今年以来，围绕中心工作完成了各项任务。');
  await expect(targetLine(panel)).toContainText(`${RICH_CHARS} characters`);
  // The list says the same of the target.
  const list = await editorList(panel);
  await expect(list.getByRole('listitem').filter({ hasText: '述职报告' })).toContainText(`${RICH_CHARS} characters`);
});

test('the editors keep their order, the page’s own, through every Refresh', async ({ page, baseUrl, openPanel }) => {
  // many-fields.html: 2,000 form fields, then the text area 工作总结, a rich-text editor, and a
  // frame's rich-text editor. The frame answers a scan before the busy page does; the list must
  // not follow the order of the answers.
  await page.goto(`${baseUrl}/many-fields.html`);
  const panel = await openPanel(page);
  const list = panel.getByRole('list', { name: 'Report editors' });
  const order = () => list.getByRole('listitem').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
  for (let i = 0; i < 4; i++) {
    if (i) await panel.getByRole('button', { name: 'Refresh' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    const [first, second, third] = await order();
    expect(first).toContain('工作总结');
    expect(second).toMatch(/^Rich text(?! \(frame\))/);
    expect(third).toContain('Rich text (frame)');
  }
});

test('there is no global box for text to insert: one-off text goes in from a new snippet, unsaved', async ({ page, baseUrl, openPanel }) => {
  const panel = await targetRich(page, baseUrl, openPanel);
  await expect(panel.getByRole('textbox', { name: 'Text to insert' })).toHaveCount(0);
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  const count = panel.getByRole('status', { name: 'Snippets found' });
  await expect(count).toHaveText(/^\d+ of \d+$/);
  const before = await count.textContent();
  await insertText(panel, INSERTION);
  await expect(page.locator('#rich p').nth(1)).toHaveText(`今年以来${INSERTION}，围绕中心工作完成了各项任务。`);
  // Nothing was saved: the library is as it was once the form is cancelled.
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(count).toHaveText(before!);
});

test('a confirmation appears beside its button, and goes on a tab switch, a new target or an edit after it', async ({ page, baseUrl, openPanel }) => {
  const panel = await targetRich(page, baseUrl, openPanel);
  await insertText(panel, INSERTION);
  const result = panel.getByRole('status', { name: 'Result' });
  await expect(result).toContainText('Inserted into Rich text “述职报告”.');
  // Drawn just under the form's Insert button, not at the foot of the panel.
  const form = await oneOffForm(panel);
  const button = (await form.getByRole('button', { name: 'Insert', exact: true }).boundingBox())!;
  const shown = (await form.getByText('Inserted into Rich text “述职报告”.', { exact: true }).boundingBox())!;
  expect(shown.y - (button.y + button.height)).toBeGreaterThanOrEqual(0);
  expect(shown.y - (button.y + button.height)).toBeLessThan(48);

  // Another tab: it goes.
  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await expect(result).toHaveText('');
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await expect(panel.getByRole('tabpanel', { name: 'Snippets' }).getByText('Inserted into', { exact: false })).toHaveCount(0);

  // A new action replaces it; an edit of the document after it has settled ends it.
  await insertText(panel, INSERTION);
  await expect(result).toContainText('Inserted into');
  await page.waitForTimeout(1600);
  await page.locator('#rich').focus();
  await page.keyboard.press('Control+z');
  await expect(result).toHaveText('');

  // Another editor: it goes too.
  await insertText(panel, INSERTION);
  await expect(result).toContainText('Inserted into');
  const list = await editorList(panel);
  await list.getByRole('button', { name: /工作总结/ }).click();
  await expect(result).toHaveText('');
});
