import type { Page } from '@playwright/test';
import { blurAllFrames, INSERTION, sendToEditor, testEditorContract } from '../editor-contract';
import { expect, test } from '../fixtures';
import { insertText } from '../panel-actions';

testEditorContract({
  family: 'slate',
  name: 'Slate',
  page: 'editors/slate.html',
  // The page's Slate model serialised by the page: `heading` as <h2>, `paragraph` as <p>.
  richHeading: /<h2>三、下一步打算<\/h2><p>持续深化理论学习。<\/p><p>加强制度建设。<\/p>/,
});

testEditorContract({
  family: 'wangeditor',
  name: 'wangEditor',
  page: 'editors/wangeditor.html',
  richHeading: /<h2>三、下一步打算<\/h2><p>持续深化理论学习。<\/p><p>加强制度建设。<\/p>/,
  limits: { fillAll: { fail: 'wangEditor records each edit of a fill-all as its own undo step' } },
});

testEditorContract({
  family: 'codemirror',
  name: 'CodeMirror',
  page: 'editors/codemirror.html',
  richHeading: null,
  limits: { highlight: { skip: 'CodeMirror draws only the lines in view: placeholders are listed in the checklist, not marked in the text' } },
});

/** CodeMirror draws only the lines in view: the end of its 426 lines is not in the DOM at first. */
test.describe('CodeMirror (codemirror), far from the lines in view', () => {
  const LAST_LINE = '一是加强理论学习。';

  const open = async (page: Page, baseUrl: string) => {
    await page.goto(`${baseUrl}/editors/codemirror.html`);
    await page.evaluate(() => window.testEditor.ready);
    await expect(page.locator('.cm-content')).not.toContainText(LAST_LINE);
    return page.evaluate(() => window.testEditor.getText());
  };

  test('selects a range near the end by offsets, so typing replaces exactly it', async ({ page, baseUrl, openPanel }) => {
    const original = await open(page, baseUrl);
    await page.getByText('完成了xx项任务。').click();
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('CodeMirror');
    const start = original.lastIndexOf('理论');
    expect(await sendToEditor(panel, { type: 'select', start, end: start + 2 })).toEqual({ ok: true });
    await page.keyboard.type('12');
    await expect.poll(() => page.evaluate(() => window.testEditor.getText())).toBe(original.slice(0, start) + '12' + original.slice(start + 2));
  });

  test('remembers a caret far down the document and inserts exactly there', async ({ page, baseUrl, openPanel }) => {
    const original = await open(page, baseUrl);
    await page.getByText('完成了xx项任务。').click();
    // To the end of the next-to-last line, which was not drawn when the page opened.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(100);
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('CodeMirror');
    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    const at = original.lastIndexOf(`\n${LAST_LINE}`);
    await expect.poll(() => page.evaluate(() => window.testEditor.getText())).toBe(original.slice(0, at) + INSERTION + original.slice(at));
  });
});
