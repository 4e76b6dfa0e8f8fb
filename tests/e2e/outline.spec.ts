import { expect, test } from './fixtures';

test.describe('outline', () => {
  test('shows the headings with numbering problems flagged, and selects a heading in the editor', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/textarea.html`);
    await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
    const field = page.locator('textarea');
    // The writer's own typing, through the keyboard: 一、 二、 then 四、 (三、 is missing).
    await field.fill('');
    await field.pressSequentially('一、总体情况\n正文。\n二、主要做法\n正文。\n四、下一步打算\n正文。');
    await field.evaluate((el: HTMLTextAreaElement) => el.blur());

    const panel = await openPanel(page);
    await panel.getByRole('tab', { name: 'Outline' }).click();
    const outline = panel.getByRole('list', { name: 'Outline' });
    await expect(outline.getByRole('listitem')).toHaveCount(3);
    await expect(outline).toContainText('四、');
    await expect(outline.getByRole('note')).toContainText('expected 三、');

    await outline.getByRole('button', { name: /下一步打算/ }).click();
    await page.waitForTimeout(100);
    const selected = await field.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toBe('四、下一步打算');
  });
});
