/**
 * A snippet with fields and caret stops, inserted from the panel into a text area,
 * contenteditable, TinyMCE and ProseMirror (TipTap): the form asks each field once, the text
 * goes in written, the caret waits at the first stop, Tab moves it to the next, and one Ctrl+Z
 * takes the insertion back. Every check reads the editor's own model (`window.testEditor`).
 */
import type { Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { blurAllFrames } from './editor-contract';
import { replaceTables } from './extension-db';
import { expect, test } from './fixtures';
import { caretAfter } from './panel-actions';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; focus(): void } };
const editorText = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());
/** Rich editors may keep their own white space between blocks: compare the words. */
const words = (text: string) => text.replace(/\s+/g, '');

const ANCHOR = '完成了xx项任务。';
const NOW = Date.now();
const NOTICE: Snippet = {
  id: 'fields-notice',
  title: '报送通知',
  body: '请{{单位}}于{{截止日期:date}}前报送，{{单位}}联系人：{{cursor}}，电话：{{tab}}。',
  tags: [],
  createdAt: NOW,
  updatedAt: NOW,
  useCount: 0,
};
// Written by hand from the body above and the values the test types.
const WRITTEN = '请市财政局于2023年6月15日前报送，市财政局联系人：，电话：。';
const TYPED = '请市财政局于2023年6月15日前报送，市财政局联系人：张三，电话：6612。';


async function insertWithForm(panel: Page) {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  const list = panel.getByRole('list', { name: 'Snippets' });
  await list.getByRole('button', { name: 'Insert' }).click();
  const form = panel.getByRole('form', { name: 'Fields of “报送通知”' });
  // A field named twice is asked once.
  await expect(form.getByRole('textbox', { name: '单位' })).toHaveCount(1);
  await form.getByRole('textbox', { name: '单位' }).fill('市财政局');
  await form.getByLabel('截止日期').fill('2023-06-15');
  await expect(form.getByLabel('As it will be written')).toHaveText(WRITTEN);
  await form.getByRole('button', { name: 'Insert' }).click();
  await expect(form).toHaveCount(0);
}

const FAMILIES = [
  { name: 'text area', page: 'textarea' },
  { name: 'contenteditable', page: 'contenteditable' },
  { name: 'TinyMCE', page: 'tinymce' },
  { name: 'ProseMirror (TipTap)', page: 'tiptap' },
];

for (const family of FAMILIES) {
  test.describe(`snippet fields in ${family.name}`, () => {
    test('the form writes the fields, the caret waits at the first stop and Tab moves it to the next', async ({ page, baseUrl, openPanel }) => {
      await page.goto(`${baseUrl}/editors/${family.page}.html`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      const original = await editorText(page);
      const panel = await openPanel(page);
      await replaceTables(panel, { snippets: [NOTICE] });
      await panel.reload();
      await caretAfter(page, ANCHOR);
      await blurAllFrames(page);

      await insertWithForm(panel);
      const at = original.indexOf(ANCHOR) + ANCHOR.length;
      await expect.poll(async () => words(await editorText(page))).toBe(words(original.slice(0, at) + WRITTEN + original.slice(at)));

      // The caret is at the first stop: typing goes there; Tab takes it to the second.
      await page.keyboard.type('张三');
      await page.keyboard.press('Tab');
      await page.keyboard.type('6612');
      await expect.poll(async () => words(await editorText(page))).toBe(words(original.slice(0, at) + TYPED + original.slice(at)));
    });

    test('one Ctrl+Z takes the written snippet back', async ({ page, baseUrl, openPanel }) => {
      await page.goto(`${baseUrl}/editors/${family.page}.html`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      const original = await editorText(page);
      const panel = await openPanel(page);
      await replaceTables(panel, { snippets: [NOTICE] });
      await panel.reload();
      await caretAfter(page, ANCHOR);
      await blurAllFrames(page);
      await insertWithForm(panel);
      await expect.poll(async () => words(await editorText(page))).toContain(words(WRITTEN));

      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
      await page.waitForTimeout(400);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => words(await editorText(page))).toBe(words(original));
    });
  });
}
