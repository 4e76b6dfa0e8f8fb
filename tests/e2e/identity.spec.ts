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
