import { blurAllFrames, INSERTION, testEditorContract } from '../editor-contract';
import { expect, test } from '../fixtures';
import { insertText } from '../panel-actions';

testEditorContract({
  family: 'tinymce',
  name: 'TinyMCE',
  page: 'editors/tinymce.html',
  richHeading: /<h2>三、下一步打算<\/h2>\s*<p>持续深化理论学习。<\/p>\s*<p>加强制度建设。<\/p>/,
});

testEditorContract({
  family: 'ckeditor4',
  name: 'CKEditor 4',
  page: 'editors/ckeditor4.html',
  richHeading: /<h2>三、下一步打算<\/h2>\s*<p>持续深化理论学习。<\/p>\s*<p>加强制度建设。<\/p>/,
});

testEditorContract({
  family: 'kindeditor',
  name: 'KindEditor',
  page: 'editors/kindeditor.html',
  // KindEditor's html() puts each block's content on an indented line of its own.
  richHeading: /<h2>\s*三、下一步打算\s*<\/h2>\s*<p>\s*持续深化理论学习。\s*<\/p>\s*<p>\s*加强制度建设。\s*<\/p>/,
});

type CkWindow = Window & {
  CKEDITOR: { instances: Record<string, { getData(): string; setData(html: string, options: { callback(): void }): void }> };
};

test.describe('CKEditor 4 rebuilding its frame document', () => {
  // setData() rewrites the frame with document.write: a new <body>, the remembered Range detached.
  for (const panelFirst of [true, false]) {
    test(`the caret survives setData() (panel opened ${panelFirst ? 'before' : 'after'})`, async ({ page, baseUrl, openPanel }) => {
      await page.goto(`${baseUrl}/editors/ckeditor4.html`);
      await page.evaluate(() => window.testEditor.ready);
      const original = await page.evaluate(() => window.testEditor.getText());
      const frame = page.frameLocator('iframe.cke_wysiwyg_frame');
      const anchor = '完成了xx项任务。';
      await frame.getByText(anchor).click();
      await page.keyboard.press('End');
      await page.waitForTimeout(100);
      await blurAllFrames(page);
      const oldBody = await frame.locator('body').elementHandle();

      const panel = panelFirst ? await openPanel(page) : null;
      if (panel) await expect(panel.getByRole('button', { name: /Target/ })).toContainText('CKEditor 4');
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const editor = Object.values((window as unknown as CkWindow).CKEDITOR.instances)[0];
            editor.setData(editor.getData(), { callback: done });
          }),
      );
      expect(await oldBody!.evaluate((body) => body.isConnected)).toBe(false);

      const panelNow = panel ?? (await openPanel(page));
      await expect(panelNow.getByRole('button', { name: /Target/ })).toContainText('CKEditor 4');
      await insertText(panelNow, INSERTION);
      await expect(panelNow.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
      const at = original.indexOf(anchor) + anchor.length;
      await expect.poll(() => page.evaluate(() => window.testEditor.getText())).toBe(original.slice(0, at) + INSERTION + original.slice(at));
    });
  }
});
