/**
 * Input method composition, driven as Chromium's own input method drives it (the DevTools
 * protocol's `Input.imeSetComposition`, step by step, then `Input.insertText` to commit), in a
 * text area, a contenteditable, ProseMirror, Lexical, CKEditor 5 and TinyMCE: an abbreviation
 * being composed never expands, the checklist counts what was committed and not the letters
 * being composed, and an insertion asked for from the panel during a composition waits for it
 * to end, or is refused with a message and changes nothing. Every check reads the editor's own
 * model through the page's `window.testEditor`.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { blurAllFrames } from './editor-contract';
import { replaceTables } from './extension-db';
import { expect, test } from './fixtures';
import { caretAfter, insertText } from './panel-actions';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; focus(): void } };
const editorText = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());

const ANCHOR = '完成了xx项任务。';
const INSERTION = '（插入内容）';
const NOW = Date.now();
const DISCIPLINE: Snippet = {
  id: 'ime-discipline',
  title: '廉洁自律',
  body: '严格遵守中央八项规定精神。',
  tags: [],
  abbreviation: 'lzzl',
  createdAt: NOW,
  updatedAt: NOW,
  useCount: 0,
};

const EDITORS = [
  { family: 'textarea', name: 'Text area', page: 'editors/textarea.html' },
  { family: 'contenteditable', name: 'Rich text', page: 'editors/contenteditable.html' },
  { family: 'prosemirror', name: 'ProseMirror', page: 'editors/tiptap.html' },
  { family: 'lexical', name: 'Lexical', page: 'editors/lexical.html' },
  { family: 'ckeditor5', name: 'CKEditor 5', page: 'editors/ckeditor5.html' },
  { family: 'tinymce', name: 'TinyMCE', page: 'editors/tinymce.html' },
];


/** Composes `steps` one after another, the caret at the end of each, as a pinyin input method shows them. */
async function compose(cdp: CDPSession, steps: string[]) {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

const commit = (cdp: CDPSession, text: string) => cdp.send('Input.insertText', { text });

/** A key pressed while the input method composes, as the browser delivers it (the protocol's raw key). */
async function keyDuringComposition(cdp: CDPSession, key: string, code: string, keyCode: number) {
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
}

for (const editor of EDITORS) {
  test.describe(`IME in ${editor.name} (${editor.family})`, () => {
    const open = async (page: Page, baseUrl: string, openPanel: (p: Page) => Promise<Page>, trigger?: string) => {
      await page.goto(`${baseUrl}/${editor.page}`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      const original = await editorText(page);
      expect(original).toContain(ANCHOR);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
      await blurAllFrames(page);
      const panel = await openPanel(page);
      await replaceTables(panel, { snippets: [DISCIPLINE], settings: trigger ? [{ id: 'abbreviation-trigger', value: trigger }] : [] });
      await panel.reload();
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(editor.name);
      await page.bringToFront();
      // Focus tells the content script the abbreviations in use and their trigger.
      await caretAfter(page, ANCHOR);
      await page.waitForTimeout(300);
      const cdp = await page.context().newCDPSession(page);
      const at = original.indexOf(ANCHOR) + ANCHOR.length;
      return { original, panel, cdp, withAt: (text: string) => original.slice(0, at) + text + original.slice(at) };
    };

    test('an abbreviation being composed is not expanded by Tab', async ({ page, baseUrl, openPanel }) => {
      const { cdp, withAt } = await open(page, baseUrl, openPanel);
      await compose(cdp, ['l', 'lz', 'lzz', 'lzzl']);
      await keyDuringComposition(cdp, 'Tab', 'Tab', 9);
      await page.waitForTimeout(400);
      expect(await editorText(page)).not.toContain(DISCIPLINE.body);
      await commit(cdp, 'lzzl');
      await page.waitForTimeout(400);
      // Tab itself goes on as the browser and the editor handle it (some move focus, which ends
      // the composition without its letters): the letters stay letters, never the snippet.
      expect([withAt('lzzl'), withAt('')]).toContain(await editorText(page));
    });

    test('the space that picks a candidate for composed letters that spell an abbreviation does not expand it', async ({ page, baseUrl, openPanel }) => {
      const { cdp, withAt } = await open(page, baseUrl, openPanel, ' ');
      await compose(cdp, ['l', 'lz', 'lzz', 'lzzl']);
      // With Space as the trigger: Space picks the input method's candidate.
      await keyDuringComposition(cdp, ' ', 'Space', 32);
      await commit(cdp, '履职尽力');
      await page.waitForTimeout(400);
      expect(await editorText(page)).toBe(withAt('履职尽力'));
    });

    test('the checklist counts a placeholder once the composition ends, not the letters being composed', async ({ page, baseUrl, openPanel }) => {
      const { panel, cdp, withAt } = await open(page, baseUrl, openPanel);
      const count = panel.getByRole('status', { name: 'Unfilled placeholders' });
      await panel.getByRole('tab', { name: 'Checklist' }).click();
      await expect(count).toHaveText(/^\d+ unfilled$/);
      const before = Number((await count.textContent())!.match(/\d+/)![0]);
      // Pinyin letters that read as a placeholder while composed (`xx`), then a word that is not.
      await compose(cdp, ['x', 'xx']);
      await page.waitForTimeout(800);
      await expect(count).toHaveText(`${before} unfilled`);
      await compose(cdp, ['xx', '某某']);
      await page.waitForTimeout(800);
      await expect(count).toHaveText(`${before} unfilled`);
      // Committed, `某某` is a name left blank: now it counts.
      await commit(cdp, '某某');
      await expect(count).toHaveText(`${before + 1} unfilled`);
      expect(await editorText(page)).toBe(withAt('某某'));
    });

    test('an insertion asked for during a composition waits for it to end', async ({ page, baseUrl, openPanel }) => {
      const { panel, cdp, withAt } = await open(page, baseUrl, openPanel);
      await compose(cdp, ['li', 'lilun']);
      await insertText(panel, INSERTION);
      await page.waitForTimeout(300);
      expect(await editorText(page)).not.toContain(INSERTION);
      await commit(cdp, '理论');
      await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
      await expect.poll(() => editorText(page)).toBe(withAt(`理论${INSERTION}`));
    });

    test('an insertion asked for during a composition that goes on is refused with a message and changes nothing', async ({ page, baseUrl, openPanel }) => {
      const { panel, cdp, withAt } = await open(page, baseUrl, openPanel);
      await compose(cdp, ['li', 'lilun']);
      await insertText(panel, INSERTION);
      await expect(panel.getByRole('status', { name: 'Result' })).toContainText('input method is still composing');
      await commit(cdp, '理论');
      await page.waitForTimeout(400);
      expect(await editorText(page)).toBe(withAt('理论'));
    });
  });
}
