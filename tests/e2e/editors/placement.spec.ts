/**
 * Where insertions land, in the real editors: block content (a section) inserted with the caret
 * mid-paragraph goes after that paragraph, never splitting it or gluing its tail onto the
 * section; in an empty paragraph it fills that paragraph; inline content (a one-line snippet)
 * stays inside the sentence. Each is read from the editor's own HTML serialisation as a list of
 * blocks and undone by one Ctrl+Z.
 */
import type { Frame, Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { blurAllFrames, sendToEditor } from '../editor-contract';
import { replaceTables } from '../extension-db';
import { expect, test } from '../fixtures';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getHtml(): string | null; focus(): void } };

type Block = [tag: string, text: string];

/** The page's excerpt (tests/e2e/pages/editors/shared/harness.ts), as blocks. */
const EXCERPT: Block[] = [
  ['h2', '一、主要工作'],
  ['p', '今年以来，我们围绕xx中心工作，完成了xx项任务。'],
  ['h2', '二、存在问题'],
  ['p', '一是学习不够深入。'],
];
/** The caret goes after this much of the second block, mid-sentence. */
const HEAD = '今年以来，我们围绕xx中心工作，';

const SECTION = {
  text: '三、下一步打算\n持续深化理论学习。\n加强制度建设。',
  html: '<h2>三、下一步打算</h2><p>持续深化理论学习。</p><p>加强制度建设。</p>',
  placement: 'block' as const,
};
/** The excerpt with the section after its second block. */
const WITH_SECTION: Block[] = [
  EXCERPT[0],
  EXCERPT[1],
  ['h2', '三、下一步打算'],
  ['p', '持续深化理论学习。'],
  ['p', '加强制度建设。'],
  EXCERPT[2],
  EXCERPT[3],
];

const PHRASE = { text: '（插入内容）', html: '<p>（插入内容）</p>', placement: 'inline' as const };

interface Family {
  family: string;
  name: string;
  page: string;
}

const FAMILIES: Family[] = [
  { family: 'contenteditable', name: 'Rich text', page: 'editors/contenteditable.html' },
  { family: 'tinymce', name: 'TinyMCE', page: 'editors/tinymce.html' },
  { family: 'ckeditor5', name: 'CKEditor 5', page: 'editors/ckeditor5.html' },
  { family: 'lexical', name: 'Lexical', page: 'editors/lexical.html' },
  { family: 'prosemirror', name: 'ProseMirror', page: 'editors/tiptap.html' },
  { family: 'quill', name: 'Quill', page: 'editors/quill.html' },
  { family: 'slate', name: 'Slate', page: 'editors/slate.html' },
  { family: 'ckeditor4', name: 'CKEditor 4', page: 'editors/ckeditor4.html' },
  { family: 'kindeditor', name: 'KindEditor', page: 'editors/kindeditor.html' },
  { family: 'wangeditor', name: 'wangEditor', page: 'editors/wangeditor.html' },
];

/** The editor's top-level blocks from its own HTML serialisation: tag and shown text. */
function editorBlocks(page: Page): Promise<Block[]> {
  return page.evaluate(() => {
    const template = document.createElement('template');
    template.innerHTML = (window as unknown as TestEditorWindow).testEditor.getHtml() ?? '';
    return [...template.content.children].map((el): [string, string] => [
      el.tagName.toLowerCase(),
      (el.textContent ?? '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim(),
    ]);
  });
}

async function open(page: Page, baseUrl: string, family: Family) {
  await page.goto(`${baseUrl}/${family.page}`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  expect(await editorBlocks(page)).toEqual(EXCERPT);
}

/** The frame showing `text` (iframe editors keep their body in a frame). */
async function frameWith(page: Page, text: string): Promise<Frame> {
  for (const frame of page.frames()) if (await frame.getByText(text, { exact: false }).count()) return frame;
  throw new Error(`no frame shows ${text}`);
}

/** Clicks the block holding `text` and moves the caret `column` characters into it by keyboard. */
async function caretAt(page: Page, text: string, column: number) {
  const frame = await frameWith(page, text);
  await frame.getByText(text, { exact: false }).last().click();
  await page.keyboard.press('Home');
  // Editors that move the caret themselves (Slate) read the browser's from selectionchange first.
  await page.waitForTimeout(200);
  for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
}

async function openPanelOn(page: Page, openPanel: (p: Page) => Promise<Page>, family: Family) {
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText(family.name);
  return panel;
}

/** Undo as the user would: back in the editor, after a pause so the edit stands on its own. */
async function undoOnce(page: Page) {
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
}

for (const family of FAMILIES) {
  test.describe(`${family.name} (${family.family})`, () => {
    test('a section inserted mid-paragraph goes after the paragraph, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
      await open(page, baseUrl, family);
      await caretAt(page, EXCERPT[1][1], HEAD.length);
      const panel = await openPanelOn(page, openPanel, family);
      expect(await sendToEditor(panel, { type: 'insert', content: SECTION })).toMatchObject({ ok: true });
      await expect.poll(() => editorBlocks(page)).toEqual(WITH_SECTION);

      await undoOnce(page);
      await expect.poll(() => editorBlocks(page)).toEqual(EXCERPT);
    });

    test('a section inserted in an empty paragraph fills it', async ({ page, baseUrl, openPanel }) => {
      await open(page, baseUrl, family);
      await caretAt(page, EXCERPT[1][1], EXCERPT[1][1].length);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      const withEmpty: Block[] = [EXCERPT[0], EXCERPT[1], ['p', ''], EXCERPT[2], EXCERPT[3]];
      await expect.poll(() => editorBlocks(page)).toEqual(withEmpty);
      // Editors group edits made in quick succession into one undo step (ProseMirror: 500 ms).
      await page.waitForTimeout(700);
      const panel = await openPanelOn(page, openPanel, family);
      expect(await sendToEditor(panel, { type: 'insert', content: SECTION })).toMatchObject({ ok: true });
      await expect.poll(() => editorBlocks(page)).toEqual(WITH_SECTION);

      await undoOnce(page);
      await expect.poll(() => editorBlocks(page)).toEqual(withEmpty);
    });

    test('a one-line snippet inserted mid-sentence stays in the sentence, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
      await open(page, baseUrl, family);
      await caretAt(page, EXCERPT[1][1], HEAD.length);
      const panel = await openPanelOn(page, openPanel, family);
      expect(await sendToEditor(panel, { type: 'insert', content: PHRASE })).toMatchObject({ ok: true });
      const expected: Block[] = [EXCERPT[0], ['p', `${HEAD}（插入内容）完成了xx项任务。`], EXCERPT[2], EXCERPT[3]];
      await expect.poll(() => editorBlocks(page)).toEqual(expected);

      await undoOnce(page);
      await expect.poll(() => editorBlocks(page)).toEqual(EXCERPT);
    });
  });
}

const NOW = Date.now();

/** A snippet saved from a rich editor: one paragraph, with formatting. */
const DISCIPLINE: Snippet = {
  id: crypto.randomUUID(),
  title: '廉洁自律',
  body: '严格遵守中央八项规定精神。',
  html: '<p>严格遵守<strong>中央八项规定</strong>精神。</p>',
  tags: [],
  abbreviation: 'lzzl',
  createdAt: NOW,
  updatedAt: NOW,
  useCount: 0,
};

const TINYMCE = FAMILIES.find((f) => f.family === 'tinymce')!;
const CONTENTEDITABLE = FAMILIES.find((f) => f.family === 'contenteditable')!;

async function storedSnippets(panel: Page): Promise<Snippet[]> {
  return panel.evaluate(
    () =>
      new Promise<Snippet[]>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('snippets').objectStore('snippets').getAll();
          all.onsuccess = () => resolve(all.result as Snippet[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('an abbreviation typed mid-sentence in TinyMCE expands inside the sentence, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
  await open(page, baseUrl, TINYMCE);
  const panel = await openPanel(page);
  await replaceTables(panel, { snippets: [DISCIPLINE] });
  await page.bringToFront();
  await caretAt(page, EXCERPT[1][1], HEAD.length);
  // Focus tells the content script the abbreviations in use; the background answers at once.
  await page.waitForTimeout(300);
  await page.keyboard.type('lzzl');
  const typed: Block[] = [EXCERPT[0], ['p', `${HEAD}lzzl完成了xx项任务。`], EXCERPT[2], EXCERPT[3]];
  await expect.poll(() => editorBlocks(page)).toEqual(typed);

  await page.keyboard.press('Tab');
  await expect.poll(() => editorBlocks(page)).toEqual([EXCERPT[0], ['p', `${HEAD}严格遵守中央八项规定精神。完成了xx项任务。`], EXCERPT[2], EXCERPT[3]]);
  expect(await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml())).toContain(
    `<p>${HEAD}严格遵守<strong>中央八项规定</strong>精神。完成了xx项任务。</p>`,
  );

  await undoOnce(page);
  await expect.poll(() => editorBlocks(page)).toEqual(typed);
});

test('a paragraph saved with a triple click keeps no empty block, and inserting it into TinyMCE adds none', async ({ page, baseUrl, openPanel, extensionContext }) => {
  await open(page, baseUrl, CONTENTEDITABLE);
  // A triple click selects the paragraph up to the start of the heading after it.
  await page.getByText(EXCERPT[1][1]).click({ clickCount: 3 });
  await page.waitForTimeout(100);
  await blurAllFrames(page);
  const panel = await openPanelOn(page, openPanel, CONTENTEDITABLE);
  await replaceTables(panel, { snippets: [] });
  await panel.reload();
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await panel.getByRole('button', { name: 'Save selection' }).click();
  await expect(panel.getByRole('textbox', { name: 'Body' })).toContainText(EXCERPT[1][1]);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await storedSnippets(panel)).map((s) => s.html)).toEqual([`<p>${EXCERPT[1][1]}</p>`]);

  const editorPage = await extensionContext.newPage();
  await open(editorPage, baseUrl, TINYMCE);
  await caretAt(editorPage, EXCERPT[3][1], EXCERPT[3][1].length);
  const tinyPanel = await openPanelOn(editorPage, openPanel, TINYMCE);
  await tinyPanel.getByRole('tab', { name: 'Snippets' }).click();
  await tinyPanel.getByRole('list', { name: 'Snippets' }).getByRole('listitem').getByRole('button', { name: 'Insert' }).click();
  await expect.poll(() => editorBlocks(editorPage)).toEqual([EXCERPT[0], EXCERPT[1], EXCERPT[2], ['p', `${EXCERPT[3][1]}${EXCERPT[1][1]}`]]);
  expect(await editorPage.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml())).not.toContain('&nbsp;');
  await editorPage.close();
});

test('a snippet of two paragraphs, saved with an empty one after them, goes after the caret\'s paragraph in TinyMCE', async ({ page, baseUrl, openPanel }) => {
  const twoParagraphs: Snippet = {
    ...DISCIPLINE,
    id: crypto.randomUUID(),
    title: '整改措施',
    body: '三是加强队伍建设。\n四是完善制度机制。',
    // As a triple click used to save it.
    html: '<p>三是加强队伍建设。</p><p>四是完善制度机制。</p><p><br></p>',
    abbreviation: undefined,
  };
  await open(page, baseUrl, TINYMCE);
  await caretAt(page, EXCERPT[3][1], 2);
  const panel = await openPanelOn(page, openPanel, TINYMCE);
  await replaceTables(panel, { snippets: [twoParagraphs] });
  await panel.reload();
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await panel.getByRole('list', { name: 'Snippets' }).getByRole('listitem').getByRole('button', { name: 'Insert' }).click();
  await expect.poll(() => editorBlocks(page)).toEqual([...EXCERPT, ['p', '三是加强队伍建设。'], ['p', '四是完善制度机制。']]);
  expect(await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml())).not.toContain('&nbsp;');

  await undoOnce(page);
  await expect.poll(() => editorBlocks(page)).toEqual(EXCERPT);
});

type TextEditorWindow = Window & { testEditor: { getText(): string } };

/** The section's lines, as a plain editor shows them. */
const SECTION_LINES = '三、下一步打算\n持续深化理论学习。\n加强制度建设。';

for (const family of [
  { family: 'textarea', name: 'Text area', page: 'editors/textarea.html' },
  { family: 'codemirror', name: 'CodeMirror', page: 'editors/codemirror.html' },
]) {
  test(`${family.name} (${family.family}): a section inserted mid-line goes on lines of its own after that line, undone by one Ctrl+Z`, async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/${family.page}`);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
    const text = () => page.evaluate(() => (window as unknown as TextEditorWindow).testEditor.getText());
    // The excerpt first; the CodeMirror page goes on with many more lines, to be drawn lazily.
    const original = await text();
    const excerpt = EXCERPT.map(([, line]) => line).join('\n');
    expect(original.startsWith(excerpt)).toBe(true);
    const secondLineEnd = '一、主要工作\n'.length + EXCERPT[1][1].length;
    const field = page.locator('textarea');
    if (await field.count()) {
      await field.click();
      await field.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), original.indexOf(HEAD) + HEAD.length);
    } else {
      await caretAt(page, EXCERPT[1][1], HEAD.length);
    }
    const panel = await openPanelOn(page, openPanel, family);
    expect(await sendToEditor(panel, { type: 'insert', content: SECTION })).toMatchObject({ ok: true });
    await expect.poll(text).toBe(`${original.slice(0, secondLineEnd)}\n${SECTION_LINES}${original.slice(secondLineEnd)}`);

    await undoOnce(page);
    await expect.poll(text).toBe(original);
  });
}
