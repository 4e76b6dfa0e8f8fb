/**
 * The page side of the checklist: a value typed in the panel is drawn over its blank without
 * touching the editor, out of the page's reach; Select brings the blank into view.
 */
import type { CDPSession, Page } from '@playwright/test';
import { blurAllFrames, sendToEditor } from './editor-contract';
import { expect, test } from './fixtures';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; getHtml(): string | null; focus(): void } };

/** Geometry of the textarea in the tests below, chosen so a line's place follows by hand. */
const LINE = 20;
const PAD = 8;
const FIELD_STYLE = `font: 16px/${LINE}px monospace; padding: ${PAD}px; border: 2px solid #888; width: 640px; height: 300px; box-sizing: border-box;`;

const VALUE = '预览值七十二';

/** A textarea page whose field holds `lines`, after `spacer` px of page, with inputs counted. */
async function openTextarea(page: Page, baseUrl: string, lines: string[], spacer = 0) {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  await page.evaluate(
    ({ text, style, spacer }) => {
      const field = document.querySelector('textarea')!;
      field.setAttribute('style', style);
      field.value = text;
      const gap = document.createElement('div');
      gap.style.height = `${spacer}px`;
      field.before(gap);
      const after = document.createElement('div');
      after.style.height = '2000px';
      field.after(after);
      (window as unknown as { inputs: number }).inputs = 0;
      field.addEventListener('input', () => (window as unknown as { inputs: number }).inputs++);
    },
    { text: lines.join('\n'), style: FIELD_STYLE, spacer },
  );
}

/** Focus in the editor, then the page blurs and the panel opens on it as its target. */
async function panelOn(page: Page, openPanel: (p: Page) => Promise<Page>, focus: () => Promise<void>) {
  await focus();
  await page.waitForTimeout(100);
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toBeVisible();
  return panel;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One preview as drawn: the box over the blank, and the value with its own box. */
interface Drawn extends Box {
  text: string;
  value: Box;
}

/**
 * What the extension drew, read through the DevTools protocol, which sees into closed shadow
 * roots (the page cannot): the mark over each blank and the value written at it, in the viewport.
 */
async function drawnPreviews(cdp: CDPSession): Promise<Drawn[]> {
  type Node = { nodeId: number; nodeName: string; nodeValue?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[]; contentDocument?: Node };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const marks: Node[] = [];
  const fills: Node[] = [];
  const walk = (node: Node) => {
    const attrs = node.attributes ?? [];
    const classes = attrs.includes('class') ? attrs[attrs.indexOf('class') + 1].split(' ') : [];
    if (classes.includes('mark')) marks.push(node);
    if (classes.includes('fill')) fills.push(node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) walk(child);
  };
  walk(root);
  const boxOf = async (node: Node): Promise<Box> => {
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[]; width: number; height: number } };
    return { left: model.border[0], top: model.border[1], width: model.width, height: model.height };
  };
  const drawn: Drawn[] = [];
  for (const [i, mark] of marks.entries()) {
    const text = (fills[i]?.children ?? []).map((c) => c.nodeValue ?? '').join('');
    drawn.push({ ...(await boxOf(mark)), text, value: await boxOf(fills[i]) });
  }
  return drawn;
}

/** The value is written on the blank, or just above or below it, starting where it starts. */
function expectValueAtBlank(drawn: Drawn) {
  expect(Math.abs(drawn.value.left - drawn.left)).toBeLessThanOrEqual(1);
  const on = Math.abs(drawn.value.top - drawn.top) <= 1;
  const above = drawn.value.top + drawn.value.height <= drawn.top + 1 && drawn.value.top >= drawn.top - 2 * drawn.height - 8;
  const below = drawn.value.top >= drawn.top + drawn.height - 1 && drawn.value.top <= drawn.top + 2 * drawn.height + 8;
  expect(on || above || below).toBe(true);
}

/** Everything the page's own script can reach of the document, as text. */
async function whatThePageSees(page: Page): Promise<string> {
  return page.evaluate(() => {
    const extra = [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);
    return [
      document.documentElement.outerHTML,
      document.body.innerText,
      document.documentElement.textContent ?? '',
      ...extra.map((el) => `${el.textContent}|${String(el.shadowRoot)}|${el.attributes.length}`),
      ...[...document.querySelectorAll('*')].map((el) => el.shadowRoot?.innerHTML ?? ''),
    ].join('\n');
  });
}

/** Where `marks` start in the target editor's text as the extension reads it. */
async function blankAt(panel: Page, marks: string): Promise<number> {
  const read = (await sendToEditor(panel, { type: 'read-text' })) as { ok: boolean; text: string };
  expect(read.ok).toBe(true);
  expect(read.text.split(marks)).toHaveLength(2);
  return read.text.indexOf(marks);
}

/** Types a value into the checklist row of the one placeholder, as a user does before Fill. */
async function typeValue(panel: Page, value: string) {
  const box = panel.getByRole('list', { name: 'Placeholders' }).getByRole('textbox', { name: 'Value' }).first();
  await box.click();
  await box.pressSequentially(value);
}

test.describe('preview of a value over its blank', () => {
  test('in a textarea: drawn at the blank, out of the page reach, the field untouched, gone with the panel', async ({ page, baseUrl, openPanel }) => {
    // Line 6 starts with the only blank: its place follows from the field's geometry.
    const lines = ['一、主要工作', '今年以来，我们围绕中心工作。', '', '二、存在问题', '一是学习不够深入。', '', 'xx项任务已完成。'];
    await openTextarea(page, baseUrl, lines, 100);
    const before = await page.evaluate(() => document.querySelector('textarea')!.value);
    const panel = await panelOn(page, openPanel, () => page.locator('textarea').click());
    await typeValue(panel, VALUE);

    const cdp = await page.context().newCDPSession(page);
    const field = await page.locator('textarea').boundingBox();
    await expect.poll(async () => (await drawnPreviews(cdp)).map((b) => b.text)).toEqual([VALUE]);
    const [drawn] = await drawnPreviews(cdp);
    // Border 2, padding 8, the seventh line (index 6) of 20 px each.
    expect(Math.abs(drawn.left - (field!.x + 2 + PAD))).toBeLessThanOrEqual(1);
    expect(Math.abs(drawn.top - (field!.y + 2 + PAD + 6 * LINE))).toBeLessThanOrEqual(1);
    // The glyphs' box, a little less than the line.
    expect(Math.abs(drawn.height - LINE)).toBeLessThanOrEqual(2);
    expectValueAtBlank(drawn);

    // The field is as it was: same value, no input event, nothing to undo.
    expect(await page.evaluate(() => document.querySelector('textarea')!.value)).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(0);
    expect(await whatThePageSees(page)).not.toContain(VALUE);

    // It follows the page's scroll.
    await page.evaluate(() => window.scrollBy(0, 50));
    await expect.poll(async () => Math.round((await drawnPreviews(cdp))[0]?.top ?? NaN)).toBe(Math.round(drawn.top - 50));

    await panel.close();
    await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(0);
    expect(await page.evaluate(() => document.documentElement.children.length)).toBe(2);
  });

  test('in a textarea: gone when the text changes under it, when cleared, and never left after a fill', async ({ page, baseUrl, openPanel }) => {
    await openTextarea(page, baseUrl, ['一、主要工作', 'xx项任务已完成。']);
    const panel = await panelOn(page, openPanel, () => page.locator('textarea').click());
    const cdp = await page.context().newCDPSession(page);
    const span = { start: '一、主要工作\n'.length, end: '一、主要工作\n'.length + 2 };

    // A span that no longer holds what the panel saw is refused, and nothing is drawn.
    expect(await sendToEditor(panel, { type: 'preview-fill', ...span, expected: 'yy', text: VALUE })).toEqual({ ok: false, reason: 'stale' });
    expect(await drawnPreviews(cdp)).toEqual([]);

    expect(await sendToEditor(panel, { type: 'preview-fill', ...span, expected: 'xx', text: VALUE })).toEqual({ ok: true });
    await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(1);
    await sendToEditor(panel, { type: 'preview-clear' });
    await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(0);

    // The user edits the field: the blank moved, the preview goes.
    expect(await sendToEditor(panel, { type: 'preview-fill', ...span, expected: 'xx', text: VALUE })).toEqual({ ok: true });
    await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(1);
    await page.locator('textarea').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('甲');
    await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(0);

    // A fill replaces the blank: no preview is left over the value.
    const moved = { start: span.start + 1, end: span.end + 1 };
    expect(await sendToEditor(panel, { type: 'preview-fill', ...moved, expected: 'xx', text: '12' })).toEqual({ ok: true });
    await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(1);
    expect(await sendToEditor(panel, { type: 'replace', spans: [{ ...moved, text: 'xx' }], text: '12' })).toMatchObject({ ok: true });
    expect(await page.evaluate(() => document.querySelector('textarea')!.value)).toBe('甲一、主要工作\n12项任务已完成。');
    expect(await drawnPreviews(cdp)).toEqual([]);
  });

  test('in a rich editor: drawn over the blank, the editor DOM and model untouched', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/contenteditable.html`);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
    await page.evaluate(() => {
      (window as unknown as { inputs: number }).inputs = 0;
      document.addEventListener('input', () => (window as unknown as { inputs: number }).inputs++, true);
    });
    const html = await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml());
    const panel = await panelOn(page, openPanel, () => page.getByText('一是学习不够深入。').click());
    // The first blank the checklist lists (counts come first), `xx` in `完成了xx项任务`: where
    // the page itself lays it out.
    const blank = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('#editor p')].find((p) => p.textContent!.includes('xx项'))!;
      const node = paragraph.firstChild as Text;
      const range = document.createRange();
      const at = node.data.indexOf('xx项');
      range.setStart(node, at);
      range.setEnd(node, at + 2);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, top: rect.top, height: rect.height };
    });
    await typeValue(panel, VALUE);

    const cdp = await page.context().newCDPSession(page);
    await expect.poll(async () => (await drawnPreviews(cdp)).map((b) => b.text)).toEqual([VALUE]);
    const [drawn] = await drawnPreviews(cdp);
    expect(Math.abs(drawn.left - blank.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(drawn.top - blank.top)).toBeLessThanOrEqual(1);
    expect(Math.abs(drawn.height - blank.height)).toBeLessThanOrEqual(1);
    expectValueAtBlank(drawn);

    expect(await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml())).toBe(html);
    expect(await page.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(0);
    expect(await whatThePageSees(page)).not.toContain(VALUE);
    // The editor's own undo has nothing of it.
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
    await page.keyboard.press('Control+z');
    expect(await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getHtml())).toBe(html);
  });
});

test('preview in TinyMCE: drawn over the blank inside the editor frame, with no undo level and no change to its content', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/tinymce.html`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  type Tiny = { tinymce: { activeEditor: { getContent(): string; undoManager: { hasUndo(): boolean } } } };
  const state = () => page.evaluate(() => {
    const editor = (window as unknown as Tiny).tinymce.activeEditor;
    return { content: editor.getContent(), hasUndo: editor.undoManager.hasUndo() };
  });
  const before = await state();
  const frame = page.frameLocator('iframe.tox-edit-area__iframe');
  const panel = await panelOn(page, openPanel, () => frame.getByText('一是学习不够深入。').click());
  // The blank `xx` of `完成了xx项任务`, in the main page's viewport: the frame's place plus the
  // blank's place in the frame, as the page lays them out.
  const editorFrame = page.frames().find((f) => f !== page.mainFrame())!;
  const inFrame = await editorFrame.evaluate(() => {
    const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent!.includes('xx项'))!;
    const node = paragraph.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf('xx项'));
    range.setEnd(node, node.data.indexOf('xx项') + 2);
    const rect = range.getBoundingClientRect();
    return { left: rect.left, top: rect.top, height: rect.height };
  });
  const frameBox = await page.evaluate(() => {
    const element = document.querySelector('iframe.tox-edit-area__iframe')!;
    const rect = element.getBoundingClientRect();
    return { left: rect.left + element.clientLeft, top: rect.top + element.clientTop };
  });
  await typeValue(panel, VALUE);

  const cdp = await page.context().newCDPSession(page);
  await expect.poll(async () => (await drawnPreviews(cdp)).map((b) => b.text)).toEqual([VALUE]);
  const [drawn] = await drawnPreviews(cdp);
  expect(Math.abs(drawn.left - (frameBox.left + inFrame.left))).toBeLessThanOrEqual(1);
  expect(Math.abs(drawn.top - (frameBox.top + inFrame.top))).toBeLessThanOrEqual(1);
  expectValueAtBlank(drawn);
  expect(await state()).toEqual(before);
  expect(before.hasUndo).toBe(false);
  expect(await editorFrame.evaluate(() => document.documentElement.outerHTML + document.body.innerText)).not.toContain(VALUE);

  await panel.close();
  await expect.poll(async () => (await drawnPreviews(cdp)).length).toBe(0);
});

test.describe('Select brings the blank into view', () => {
  test('a textarea scrolls its line to the middle, and the page brings it on screen', async ({ page, baseUrl, openPanel }) => {
    const lines = Array.from({ length: 200 }, (_, i) => `第${i + 1}行，工作正常推进。`);
    const target = 187;
    lines[target] = '全年完成重点任务xx项。';
    await openTextarea(page, baseUrl, lines, 1200);
    const panel = await panelOn(page, openPanel, async () => {
      await page.locator('textarea').focus();
      await page.evaluate(() => document.querySelector('textarea')!.setSelectionRange(0, 0));
    });
    // The field and the page at their tops, the blank far below both.
    await page.evaluate(() => {
      document.querySelector('textarea')!.scrollTop = 0;
      window.scrollTo(0, 0);
    });
    const start = lines.slice(0, target).join('\n').length + 1 + '全年完成重点任务'.length;

    expect(await sendToEditor(panel, { type: 'select', start, end: start + 2, text: 'xx' })).toEqual({ ok: true });

    const seen = await page.evaluate(() => {
      const field = document.querySelector('textarea')!;
      const rect = field.getBoundingClientRect();
      return { scrollTop: field.scrollTop, clientHeight: field.clientHeight, top: rect.top + field.clientTop, viewport: innerHeight, selection: [field.selectionStart, field.selectionEnd] };
    });
    expect(seen.selection).toEqual([start, start + 2]);
    // The line's top in the field's content: padding, then 187 lines of 20 px.
    const lineTop = PAD + target * LINE;
    expect(lineTop).toBeGreaterThanOrEqual(seen.scrollTop);
    expect(lineTop + LINE).toBeLessThanOrEqual(seen.scrollTop + seen.clientHeight);
    // Centred: the line's middle within a line of the field's middle.
    expect(Math.abs(lineTop + LINE / 2 - (seen.scrollTop + seen.clientHeight / 2))).toBeLessThanOrEqual(LINE);
    // And on screen.
    const onScreen = seen.top + lineTop - seen.scrollTop;
    expect(onScreen).toBeGreaterThanOrEqual(0);
    expect(onScreen + LINE).toBeLessThanOrEqual(seen.viewport);
  });

  test('a rich editor that scrolls inside its own box brings the blank into that box', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/contenteditable.html`);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
    await page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('#editor [contenteditable]')!;
      editor.style.cssText = 'height: 240px; overflow: auto; font: 16px/20px sans-serif;';
      for (let i = 0; i < 120; i++) {
        const p = document.createElement('p');
        p.textContent = i === 110 ? '全年完成重点任务xx件。' : `第${i + 1}段，工作正常推进。`;
        editor.append(p);
      }
    });
    const panel = await panelOn(page, openPanel, () => page.getByText('一是学习不够深入。').click());
    const start = await blankAt(panel, 'xx件');
    expect(await sendToEditor(panel, { type: 'select', start, end: start + 2, text: 'xx' })).toEqual({ ok: true });

    const seen = await page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('#editor [contenteditable]')!;
      const range = getSelection()!.getRangeAt(0);
      const box = editor.getBoundingClientRect();
      const mark = range.getBoundingClientRect();
      return { selected: range.toString(), inBox: mark.top >= box.top && mark.bottom <= box.bottom, onScreen: mark.top >= 0 && mark.bottom <= innerHeight };
    });
    expect(seen).toEqual({ selected: 'xx', inBox: true, onScreen: true });
  });

  test('a rich editor brings a blank hidden above in its own box back into the box', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/contenteditable.html`);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
    await page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('#editor [contenteditable]')!;
      // Low on the page, so a line scrolled out of the top of the box is still inside the window.
      editor.style.cssText = 'margin-top: 400px; height: 240px; overflow: auto; font: 16px/20px sans-serif;';
      for (let i = 0; i < 60; i++) {
        const p = document.createElement('p');
        p.textContent = i === 3 ? '全年完成重点任务xx件。' : `第${i + 1}段，工作正常推进。`;
        editor.prepend(p);
      }
    });
    const panel = await panelOn(page, openPanel, () => page.getByText('一是学习不够深入。').click());
    const start = await blankAt(panel, 'xx件');
    const hidden = await page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('#editor [contenteditable]')!;
      editor.scrollTop = editor.scrollHeight;
      window.scrollTo(0, 0);
      const mark = [...editor.querySelectorAll('p')].find((p) => p.textContent!.includes('xx件'))!.getBoundingClientRect();
      return { top: mark.top, boxTop: editor.getBoundingClientRect().top };
    });
    // The case at hand: above the box, yet on screen.
    expect(hidden.top).toBeGreaterThan(0);
    expect(hidden.top).toBeLessThan(hidden.boxTop);
    expect(await sendToEditor(panel, { type: 'select', start, end: start + 2, text: 'xx' })).toEqual({ ok: true });

    const seen = await page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('#editor [contenteditable]')!;
      const range = getSelection()!.getRangeAt(0);
      const box = editor.getBoundingClientRect();
      const mark = range.getBoundingClientRect();
      return { selected: range.toString(), inBox: mark.top >= box.top && mark.bottom <= box.bottom };
    });
    expect(seen).toEqual({ selected: 'xx', inBox: true });
  });

  test('TinyMCE scrolls its frame to the blank', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/tinymce.html`);
    await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
    await page.evaluate(() => {
      const paragraphs = Array.from({ length: 120 }, (_, i) => `<p>${i === 110 ? '全年完成重点任务xx件。' : `第${i + 1}段，工作正常推进。`}</p>`);
      (window as unknown as { tinymce: { activeEditor: { setContent(html: string): void } } }).tinymce.activeEditor.setContent(paragraphs.join(''));
    });
    const frame = page.frameLocator('iframe.tox-edit-area__iframe');
    const panel = await panelOn(page, openPanel, () => frame.getByText('第2段，工作正常推进。').click());
    const start = await blankAt(panel, 'xx件');
    expect(await sendToEditor(panel, { type: 'select', start, end: start + 2, text: 'xx' })).toEqual({ ok: true });

    const editorFrame = page.frames().find((f) => f !== page.mainFrame());
    const seen = await editorFrame!.evaluate(() => {
      const range = getSelection()!.getRangeAt(0);
      const mark = range.getBoundingClientRect();
      return { selected: range.toString(), inView: mark.top >= 0 && mark.bottom <= innerHeight };
    });
    expect(seen).toEqual({ selected: 'xx', inView: true });
  });
});
