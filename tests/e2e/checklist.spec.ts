import { expect, test } from './fixtures';
import { testChecklist } from './checklist-contract';

testChecklist({ family: 'textarea', name: 'Text area', page: 'editors/textarea.html', highlights: false });
testChecklist({ family: 'contenteditable', name: 'Rich text', page: 'editors/contenteditable.html', highlights: true });
testChecklist({ family: 'prosemirror', name: 'ProseMirror', page: 'editors/tiptap.html', highlights: true });
testChecklist({ family: 'lexical', name: 'Lexical', page: 'editors/lexical.html', highlights: true });
testChecklist({ family: 'codemirror', name: 'CodeMirror', page: 'editors/codemirror.html', highlights: false });
testChecklist({ family: 'tinymce', name: 'TinyMCE', page: 'editors/tinymce.html', highlights: true });
testChecklist({ family: 'ckeditor4', name: 'CKEditor 4', page: 'editors/ckeditor4.html', highlights: true });

test.describe('next and previous placeholder commands', () => {
  test('move the selection to the next placeholder after the caret, each time', async ({ page, baseUrl, openPanel, extensionContext }) => {
    await page.goto(`${baseUrl}/editors/contenteditable.html`);
    await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
    const editor = page.locator('[aria-label="报告正文"]');
    // Caret at the start of the second paragraph: "今年以来，我们围绕xx中心工作，完成了xx项任务。"
    await editor.getByText('今年以来').click();
    await page.keyboard.press('Home');
    const panel = await openPanel(page);
    await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('2 unfilled');
    const tabId = Number(new URL(panel.url()).searchParams.get('tabId'));

    // What the background does when the keyboard command fires.
    const step = (direction: 1 | -1) =>
      extensionContext.serviceWorkers()[0].evaluate(
        ({ tabId, direction }) =>
          (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.sendMessage({
            type: 'placeholder-step',
            tabId,
            direction,
          }),
        { tabId, direction },
      );

    await step(1);
    await page.waitForTimeout(200);
    await page.keyboard.type('甲');
    await expect(editor.locator('p').first()).toHaveText('今年以来，我们围绕甲中心工作，完成了xx项任务。');
    await step(1);
    await page.waitForTimeout(200);
    await page.keyboard.type('乙');
    await expect(editor.locator('p').first()).toHaveText('今年以来，我们围绕甲中心工作，完成了乙项任务。');
  });
});
