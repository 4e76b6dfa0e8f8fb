/**
 * The caret survives the page replacing the editor element: React remounts a field whose key
 * changed, with the same content in a new element at the same place. The insertion lands where
 * the caret was, in the new element.
 */
import { blurAllFrames, INSERTION } from '../editor-contract';
import { expect, test } from '../fixtures';
import { insertText } from '../panel-actions';

test.describe('caret memory survives React remounting the editor', () => {
  test('contenteditable, panel opened after the remount', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/react-remount.html`);
    const rich = page.locator('#rich');
    await rich.click();
    // Caret after "今年以来，" in the second paragraph.
    await rich.evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.querySelectorAll('p')[1].firstChild!, 5);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.waitForTimeout(100);
    await blurAllFrames(page);
    const old = await rich.elementHandle();
    await page.evaluate(() => window.remount());
    expect(await old!.evaluate((el) => el.isConnected)).toBe(false);

    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('述职报告');
    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(rich.locator('p').nth(1)).toHaveText(`今年以来，${INSERTION}围绕中心工作完成了各项任务。`);
    await expect(rich.locator('p').nth(0)).toHaveText('一、主要工作');
  });

  test('controlled textarea, panel open before the remount', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/react-remount.html`);
    const field = page.locator('#plain');
    const original = await field.inputValue();
    await field.click();
    await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('React 表单');

    const old = await field.elementHandle();
    await page.evaluate(() => window.remount());
    expect(await old!.evaluate((el) => el.isConnected)).toBe(false);

    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    const expected = original.slice(0, 3) + INSERTION + original.slice(3);
    await expect(field).toHaveValue(expected);
    await expect(page.locator('#state')).toHaveJSProperty('textContent', expected);
  });
});
