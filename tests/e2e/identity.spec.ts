import { expect, test } from './fixtures';
import { insertText } from './panel-actions';

/** Which editor a write goes to, and when a write counts as done. */

test('a caret is not carried to the editor that slides into a removed one’s place', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/identity/siblings.html`);
  const first = page.locator('[aria-label="第一份"]');
  const second = page.locator('[aria-label="第二份"]');
  await first.click();
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());

  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('第一份');
  // The page drops the first editor; the second now stands at its index with the same tag.
  await first.evaluate((el) => el.remove());
  await insertText(panel, '（不该出现的文字）');

  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Click into the editor');
  await expect(second).toHaveText('第二份报告的正文。');
});

test('an insertion the editor takes late is reported as inserted, not refused', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/identity/slow-paste.html`);
  const slow = page.locator('[aria-label="慢编辑器"]');
  await slow.click();
  await slow.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.querySelector('p')!);
    range.collapse(false);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());

  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('慢编辑器');
  await insertText(panel, '迟到的文字');

  const result = panel.getByRole('status', { name: 'Result' });
  await expect(result).toContainText('Inserted into', { timeout: 5000 });
  await expect(result).not.toContainText('refused');
  await expect(slow).toHaveText('正文。迟到的文字');
});

test('an editor that refuses the text leaves it on the clipboard, and the panel says to press Ctrl+V', async ({ page, baseUrl, openPanel, extensionContext }) => {
  await page.goto(`${baseUrl}/identity/refusing.html`);
  const stubborn = page.locator('[aria-label="固执的编辑器"]');
  await stubborn.click();
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());

  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('固执的编辑器');
  await insertText(panel, '要粘贴的文字');

  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('press Ctrl+V', { timeout: 6000 });
  // The clipboard is the system's: read back from the page, allowed to read it.
  await extensionContext.grantPermissions(['clipboard-read'], { origin: baseUrl });
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('要粘贴的文字');
  await expect(stubborn).toHaveText('正文。');
});
