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

test.describe('the text a scan brings', () => {
  type Scanned = { editors: { id: string; reason?: string }[]; text?: { editorId: string; text: string } };
  /** A scan sent from the panel's page as the panel sends one, and the frame's answer. */
  const scan = (panel: import('@playwright/test').Page, requestId: string) =>
    panel.evaluate(async (requestId) => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
      const tabId = Number(new URL(location.href).searchParams.get('tabId'));
      const answer = new Promise<Scanned>((resolve) => {
        chrome.runtime.onMessage.addListener((message: Scanned & { type: string; requestId: string }) => {
          if (message.type === 'editors-found' && message.requestId === requestId) resolve(message);
        });
      });
      await chrome.tabs.sendMessage(tabId, { type: 'scan-editors', requestId }, { frameId: 0 });
      return answer;
    }, requestId);
  /** Everything a watch port sends within half a second. */
  const watch = (panel: import('@playwright/test').Page, editorId: string, since?: string) =>
    panel.evaluate(
      async ({ editorId, since }) => {
        const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
        const tabId = Number(new URL(location.href).searchParams.get('tabId'));
        const heard: { type: string; text?: string; delta?: { start: number; removed: number; inserted: string } }[] = [];
        const port = chrome.tabs.connect(tabId, { name: 'watch-editor', frameId: 0 });
        port.onMessage.addListener((message: (typeof heard)[number]) => heard.push(message));
        port.postMessage({ type: 'watch', editorId, since });
        await new Promise((r) => setTimeout(r, 500));
        port.disconnect();
        return heard;
      },
      { editorId, since },
    );

  test('carries the text of the editor last written in, and its watch then sends only what changed', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    const rich = page.locator('#rich');
    await rich.click();
    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('述职报告');

    const first = await scan(panel, 'scan-1');
    expect(first.text?.text).toBe('一、主要工作\n今年以来，围绕中心工作完成了各项任务。');
    const editorId = first.text!.editorId;

    // Unchanged since the scan: the watch has nothing to send.
    expect(await watch(panel, editorId, 'scan-1')).toEqual([]);

    // Changed after the scan: the watch starts with the change, which makes the scanned text the editor's.
    await scan(panel, 'scan-2');
    await page.bringToFront();
    await rich.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('完毕');
    const heard = await watch(panel, editorId, 'scan-2');
    expect(heard).toHaveLength(1);
    expect(heard[0].type).toBe('delta');
    const { start, removed, inserted } = heard[0].delta!;
    const scanned = first.text!.text;
    expect(scanned.slice(0, start) + inserted + scanned.slice(start + removed)).toBe('一、主要工作\n今年以来，围绕中心工作完成了各项任务。完毕');

    // A watch since a scan the frame no longer holds (or none) gets the whole text.
    expect(await watch(panel, editorId, 'scan-1')).toEqual([{ type: 'text', text: '一、主要工作\n今年以来，围绕中心工作完成了各项任务。完毕' }]);
  });

  test('carries no text of a one-line field', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    await page.locator('#search').fill('不该读到的搜索词');
    const panel = await openPanel(page);
    const answer = await scan(panel, 'scan-1');
    expect(answer.editors.some((e) => e.reason === 'single line')).toBe(true);
    expect(answer.text).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain('不该读到的搜索词');
  });
});
