/**
 * The behaviour every editor family must show, as one reusable set of browser tests: detected
 * and named, plain insertion at a caret placed mid-document after the page blurred, a rich
 * section, one-step undo of each, the full text read from the model, selection by offsets then
 * real typing, a checklist Fill, Fill all with one-step undo, and the placeholders highlighted.
 * Every check reads the editor's own model through the page's `window.testEditor`.
 */
import type { Page } from '@playwright/test';
import type { EditorFamily, TargetRequest } from '@/protocol/messages';
import { highlightedTexts } from './checklist-contract';
import { expect, test } from './fixtures';
import { editorList, insertText } from './panel-actions';

/** The behaviours of the contract, one column each in the README's matrix. */
export type Behaviour = 'detected' | 'insertPlain' | 'insertRich' | 'readText' | 'select' | 'fill' | 'fillAll' | 'highlight';

/**
 * Why a behaviour cannot work in an editor, shown in the matrix: `fail` runs the test and
 * expects it to fail (so a fix shows up as an unexpected pass), `skip` does not run it.
 */
export type KnownLimit = { fail: string } | { skip: string };

export interface EditorContract {
  family: EditorFamily;
  /** The name the panel shows for the family. */
  name: string;
  /** The library on the page, with its version, when the row is not named by the family. */
  library?: string;
  /** Test page, relative to the server root. */
  page: string;
  /** Names the variant when one family is tested on several pages. */
  variant?: string;
  /** How the rich section must show in the editor's HTML; null for plain-text editors. */
  richHeading: RegExp | null;
  /** Clicks the editor at the end of the block that contains `text`. */
  placeCaretAfter?(page: Page, text: string): Promise<void>;
  /** Behaviours that cannot work in this editor, each with the reason. */
  limits?: Partial<Record<Behaviour, KnownLimit>>;
}

/** The fill excerpt (`?doc=fill` of every editor page): two years of one kind, in two sections. */
const FILL_DOC = 'xxxx年以来，我们完成了xx项任务。';
const FILL_TEXT = ['一、主要工作', FILL_DOC, '二、下一步打算', 'xxxx年要完成十项任务。'];
const FILLED_TEXT = ['一、主要工作', '2024年以来，我们完成了xx项任务。', '二、下一步打算', '2024年要完成十项任务。'];

export const INSERTION = '（插入内容）';
const ANCHOR = '完成了xx项任务。';
export const SECTION = {
  text: '三、下一步打算\n持续深化理论学习。\n加强制度建设。',
  html: '<h2>三、下一步打算</h2><p>持续深化理论学习。</p><p>加强制度建设。</p>',
};

type TestEditorWindow = Window & {
  testEditor: { ready: Promise<void>; getText(): string; getHtml(): string | null; focus(): void };
};

async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());
}

async function editorHtml(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml());
}

/** What the page's selection holds, in whichever frame has one (iframe editors select in their own frame). */
export async function selectedText(page: Page): Promise<string> {
  for (const frame of page.frames()) {
    const text = await frame.evaluate(() => document.getSelection()?.toString() ?? '').catch(() => '');
    if (text) return text;
  }
  return '';
}

/** Blur whatever has focus in every frame, as a click into the side panel does. */
export async function blurAllFrames(page: Page) {
  for (const frame of page.frames()) {
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()).catch(() => {});
  }
}

async function defaultPlaceCaretAfter(page: Page, text: string) {
  for (const frame of page.frames()) {
    const target = frame.getByText(text, { exact: false }).last();
    if (await target.count()) {
      await target.click();
      await page.keyboard.press('End');
      return;
    }
  }
  throw new Error(`no block with ${text}`);
}

/** Undo as the user would: back in the editor, after a pause so the edit stands on its own. */
async function undoOnce(page: Page) {
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
}

/** Sends one protocol message to the editor's frame from the panel page. */
export async function sendToEditor(panel: Page, request: TargetRequest) {
  const key = await panel.locator('[data-editor-key]').filter({ hasText: 'Target' }).getAttribute('data-editor-key');
  const [frameId, editorId] = key!.split(':');
  const tabId = Number(new URL(panel.url()).searchParams.get('tabId'));
  return panel.evaluate(
    ({ tabId, frameId, message }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
      return chrome.tabs.sendMessage(tabId, message, { frameId });
    },
    { tabId, frameId: Number(frameId), message: { ...request, editorId } },
  );
}

/** Marks the running test with the editor's known limit for `behaviour`, if it has one. */
function applyLimit(contract: EditorContract, behaviour: Behaviour) {
  const limit = contract.limits?.[behaviour];
  if (!limit) return;
  if ('skip' in limit) test.skip(true, limit.skip);
  else test.fail(true, limit.fail);
}

export function testEditorContract(contract: EditorContract) {
  const title = `${contract.library ?? contract.name} (${contract.family}${contract.variant ? `, ${contract.variant}` : ''})`;
  test.describe(title, () => {
    let original = '';

    const open = async (page: Page, baseUrl: string, query = '') => {
      const separator = contract.page.includes('?') ? '&' : '?';
      await page.goto(`${baseUrl}/${contract.page}${query ? separator + query : ''}`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      original = await editorText(page);
      expect(original).toContain(query ? FILL_DOC : ANCHOR);
    };

    /** The page blurred as after the user wrote in it, then the panel on its checklist. */
    const checklistFor = async (page: Page, openPanel: (p: Page) => Promise<Page>) => {
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
      await blurAllFrames(page);
      const panel = await openPanel(page);
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(contract.name);
      await panel.getByRole('tab', { name: 'Checklist' }).click();
      await panel.getByRole('radio', { name: 'In document order' }).check();
      return panel;
    };
    const items = (panel: Page) => panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');

    /** Caret after the anchor sentence, then the page blurs and the panel opens. */
    const caretThenPanel = async (page: Page, openPanel: (p: Page) => Promise<Page>) => {
      await (contract.placeCaretAfter ?? defaultPlaceCaretAfter)(page, ANCHOR);
      await page.waitForTimeout(100);
      await blurAllFrames(page);
      const panel = await openPanel(page);
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(contract.name);
      return panel;
    };

    test('is detected and named in the panel', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'detected');
      await open(page, baseUrl);
      const panel = await openPanel(page);
      await expect(await editorList(panel)).toContainText(contract.name);
    });

    test('inserts plain text at the caret, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'insertPlain');
      await open(page, baseUrl);
      const panel = await caretThenPanel(page, openPanel);
      await insertText(panel, INSERTION);
      await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
      const at = original.indexOf(ANCHOR) + ANCHOR.length;
      await expect.poll(() => editorText(page)).toBe(original.slice(0, at) + INSERTION + original.slice(at));

      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(original);
    });

    test('inserts a rich section, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'insertRich');
      await open(page, baseUrl);
      const panel = await caretThenPanel(page, openPanel);
      const result = await sendToEditor(panel, { type: 'insert', content: SECTION });
      expect(result).toMatchObject({ ok: true });
      await expect.poll(() => editorText(page)).toContain('三、下一步打算');
      const text = await editorText(page);
      // The section's lines arrive in order, each on its own line, after the anchor.
      const lines = SECTION.text.split('\n');
      const positions = lines.map((line) => text.indexOf(line));
      expect(positions.every((p, i) => p > text.indexOf(ANCHOR) && (i === 0 || p > positions[i - 1]))).toBe(true);
      for (const line of lines) expect(text.split('\n')).toContain(line);
      if (contract.richHeading) expect(await editorHtml(page)).toMatch(contract.richHeading);

      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(original);
    });

    test('reads the whole text from the editor', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'readText');
      await open(page, baseUrl);
      const panel = await caretThenPanel(page, openPanel);
      const result = await sendToEditor(panel, { type: 'read-text' });
      expect(result).toEqual({ ok: true, text: original });
    });

    test('selects a text range by offsets, so typing replaces exactly it', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'select');
      await open(page, baseUrl);
      const panel = await caretThenPanel(page, openPanel);
      // The first "xx" of the document, away from where the caret was left.
      const start = original.indexOf('xx');
      const result = await sendToEditor(panel, { type: 'select', start, end: start + 2 });
      expect(result).toEqual({ ok: true });
      await page.keyboard.type('12');
      await expect.poll(() => editorText(page)).toBe(original.slice(0, start) + '12' + original.slice(start + 2));
    });

    test('fills a placeholder from the checklist, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'fill');
      await open(page, baseUrl);
      const panel = await checklistFor(page, openPanel);
      await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('2 unfilled');
      // The second blank, 完成了xx项: a count.
      const item = items(panel).nth(1);
      await item.getByRole('textbox', { name: 'Value' }).fill('12');
      await item.getByRole('button', { name: 'Fill', exact: true }).click();
      await expect.poll(() => editorText(page)).toBe(original.replace('完成了xx项', '完成了12项'));
      await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('1 unfilled');

      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(original);
    });

    test('fills all of the same in two sections, undone by one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'fillAll');
      await open(page, baseUrl, 'doc=fill');
      expect(original).toBe(FILL_TEXT.join('\n'));
      const panel = await checklistFor(page, openPanel);
      await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('3 unfilled');
      const item = items(panel).first();
      await item.getByRole('textbox', { name: 'Value' }).fill('2024');
      await item.getByRole('button', { name: 'Fill all 2 the same' }).click();
      await panel.getByRole('group', { name: 'Fill all 2?' }).getByRole('button', { name: 'Fill all 2', exact: true }).click();
      await expect.poll(() => editorText(page)).toBe(FILLED_TEXT.join('\n'));
      await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('1 unfilled');

      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(FILL_TEXT.join('\n'));
    });

    test('highlights every placeholder over its own text', async ({ page, baseUrl, openPanel }) => {
      applyLimit(contract, 'highlight');
      await open(page, baseUrl);
      const panel = await checklistFor(page, openPanel);
      await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('2 unfilled');
      // 围绕xx中心 and 完成了xx项: each highlight holds exactly the blank's two letters.
      await expect.poll(() => highlightedTexts(page)).toEqual(['xx', 'xx']);
    });
  });
}

/** The contenteditable test page holding these paragraphs, as a user leaves it: focused once, then blurred. */
export async function contenteditableWith(page: Page, baseUrl: string, lines: string[]) {
  await page.goto(`${baseUrl}/editors/contenteditable.html`);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void>; focus(): void } }).testEditor.ready);
  await page.locator('[aria-label="报告正文"]').evaluate((editor, lines) => {
    editor.replaceChildren(
      ...lines.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }, lines);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void>; focus(): void } }).testEditor.focus());
  await blurAllFrames(page);
}
