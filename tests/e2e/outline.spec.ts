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
    await expect.poll(() => field.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('四、下一步打算');
  });
});

test.describe('outline renumbering', () => {
  test('a skipped number in a text area has a Renumber button beside it: it mends the number in one Ctrl+Z step', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/textarea.html`);
    await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
    const field = page.locator('textarea');
    await field.fill('');
    await field.pressSequentially('一、总体情况\n正文。\n二、主要做法\n正文。\n四、下一步打算\n正文。');
    await field.evaluate((el: HTMLTextAreaElement) => el.blur());

    const panel = await openPanel(page);
    await panel.getByRole('tab', { name: 'Outline' }).click();
    const outline = panel.getByRole('list', { name: 'Outline' });
    const problem = outline.getByRole('listitem').filter({ hasText: '下一步打算' });
    await expect(problem.getByRole('note')).toHaveText('Numbering skips: expected 三、, found 四、');
    // Only the flagged heading has one.
    await expect(outline.getByRole('button', { name: 'Renumber' })).toHaveCount(1);
    await problem.getByRole('button', { name: 'Renumber' }).click();

    await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('1 heading renumbered. Ctrl+Z in the editor takes it back.');
    await expect(field).toHaveValue('一、总体情况\n正文。\n二、主要做法\n正文。\n三、下一步打算\n正文。');
    await expect(panel.locator('.outline-summary')).toHaveText('3 headings · numbering in order');
    await expect(outline.getByRole('note')).toHaveCount(0);
    await expect(outline.getByRole('button', { name: 'Renumber' })).toHaveCount(0);

    await field.focus();
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+z');
    await expect(field).toHaveValue('一、总体情况\n正文。\n二、主要做法\n正文。\n四、下一步打算\n正文。');
  });

  test('in the demo page’s rich-text editor, Renumber mends a number the writer typed wrong', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/demo.html`);
    const duty = page.locator('#duty');
    const blocks = () => duty.evaluate((root) => [...root.children].map((block) => block.textContent ?? ''));
    // The writer turns 二、 into 三、 by hand: Home, select one character, type.
    await duty.getByText('二、存在的问题', { exact: true }).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('三');
    await expect.poll(async () => (await blocks())[2]).toBe('三、存在的问题');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    const panel = await openPanel(page);
    await panel.getByRole('tab', { name: 'Outline' }).click();
    const outline = panel.getByRole('list', { name: 'Outline' });
    const problem = outline.getByRole('listitem').filter({ hasText: '存在的问题' });
    await expect(problem.getByRole('note')).toHaveText('Numbering skips: expected 二、, found 三、');
    await problem.getByRole('button', { name: 'Renumber' }).click();
    await expect.poll(async () => (await blocks())[2]).toBe('二、存在的问题');
    await expect(panel.locator('.outline-summary')).toHaveText('3 headings · numbering in order');

    await duty.focus();
    await page.waitForTimeout(400);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await blocks())[2]).toBe('三、存在的问题');
  });
});
