// The extension in Firefox (Debian's firefox-esr), on the same editor test pages as the Chromium
// tests: each editor is detected and named in the panel, text from the panel goes in at the
// caret and one Ctrl+Z takes it back, the checklist counts the sample's placeholders as counted
// by hand, and a selection by offsets is where typing lands. Checks read the editor's own model
// through the page's `window.testEditor`. One browser, one extension install, for every test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { buildEditorPages } from '../e2e/build-pages.mjs';
import { startServer } from '../e2e/server.mjs';
import { launchFirefox } from './firefox.mjs';

const ANCHOR = '完成了xx项任务。';
const INSERTION = '（插入内容）';
const SAMPLE = 'zh-duty-report-2023.txt';
const counts = JSON.parse(readFileSync(new URL('../fixtures/samples/zh-duty-report-2023.counts.json', import.meta.url), 'utf8'));

const EDITORS = [
  { family: 'textarea', name: 'Text area', page: 'editors/textarea.html' },
  { family: 'contenteditable', name: 'Rich text', page: 'editors/contenteditable.html' },
  { family: 'tinymce', name: 'TinyMCE', page: 'editors/tinymce.html' },
  { family: 'ckeditor5', name: 'CKEditor 5', page: 'editors/ckeditor5.html' },
  { family: 'prosemirror', name: 'ProseMirror', page: 'editors/tiptap.html' },
  { family: 'lexical', name: 'Lexical', page: 'editors/lexical.html' },
];

let firefox;
let server;
let baseUrl;

before(async () => {
  // The editor pages' bundles, as the Chromium tests' global setup builds them (this run may come first).
  await buildEditorPages();
  server = await startServer(0);
  baseUrl = `http://localhost:${server.address().port}`;
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.browser.close();
  server?.close();
});

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `check` holds on what it returns; fails with the last value after `ms`. */
async function eventually(read, check, ms = 6000) {
  let value;
  for (const end = Date.now() + ms; Date.now() < end; await pause(100)) {
    value = await read();
    if (check(value)) return value;
  }
  return value;
}

const editorText = (page) => page.evaluate(() => window.testEditor.getText());

/** The page, its editor ready, with its tab id. */
async function openPage(path) {
  const opened = await firefox.openTab(`${baseUrl}/${path}`);
  await opened.page.evaluate(() => window.testEditor.ready);
  return opened;
}

/**
 * Clicks at the end of the block holding `text`, as a user does, in the page or a frame of it
 * (iframe editors write their own same-origin frame); a text area gets its caret after `text`.
 */
async function caretAfter(page, text) {
  const point = await page.evaluate((text) => {
    const documents = [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter(Boolean)];
    for (const doc of documents) {
      const offset = doc === document ? { left: 0, top: 0 } : doc.defaultView.frameElement.getBoundingClientRect();
      const field = [...doc.querySelectorAll('textarea')].find((el) => el.offsetParent && el.value.includes(text));
      let block = field;
      if (!block) {
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes(text)) block = node.parentElement;
      }
      if (!block) continue;
      block.scrollIntoView({ block: 'center' });
      const rect = block.getBoundingClientRect();
      return { x: offset.left + rect.left + Math.min(20, rect.width / 2), y: offset.top + rect.top + Math.min(10, rect.height / 2), field: !!field };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no block with ${text}`);
  await page.mouse.click(point.x, point.y);
  if (point.field) {
    await page.evaluate((text) => {
      const el = document.activeElement;
      const at = el.value.indexOf(text) + text.length;
      el.setSelectionRange(at, at);
    }, text);
  } else await page.keyboard.press('End');
}

/** Blurs every frame, as a click into the side panel does. */
async function blurAll(page) {
  for (const frame of page.frames()) await frame.evaluate(() => document.activeElement?.blur()).catch(() => {});
}

/** The text of the panel's element matching `selector`, or null. */
const panelText = (panel, selector) => panel.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, selector);

/**
 * Clicks the panel's control with this role and name, with the browser's own pointer, once it
 * is there: a tab's code loads on first use.
 */
async function clickControl(panel, role, name) {
  const find = () =>
    panel.evaluateHandle(
      (role, name) => [...document.querySelectorAll(role === 'tab' ? '[role="tab"]' : 'button')].find((el) => el.textContent.trim() === name && !el.disabled) ?? null,
      role,
      name,
    );
  const present = (handle) => handle.evaluate((el) => !!el);
  let handle = await find();
  for (const end = Date.now() + 5000; !(await present(handle)) && Date.now() < end; await pause(100)) handle = await find();
  assert.ok(await present(handle), `no ${role} named ${name}`);
  await handle.click();
}

/** Sends one request to the target editor's frame from the panel page, as the panel does. */
async function sendToEditor(panel, tabId, request) {
  return panel.evaluate(
    async (tabId, request) => {
      const [frameId, editorId] = document.querySelector('.target-line[data-editor-key]').getAttribute('data-editor-key').split(':');
      return globalThis.browser.tabs.sendMessage(tabId, { ...request, editorId }, { frameId: Number(frameId) });
    },
    tabId,
    request,
  );
}

/** The page with the caret after the anchor, blurred, and the panel open on it naming the editor. */
async function caretThenPanel(editor, path) {
  const { page, tabId } = await openPage(path);
  // A click, as a user gives: a focus() by script fires no focus event when the editor already
  // had it on load or the tab is not the window's active one.
  const anchor = path.includes('?sample=') ? counts.checklist.eleventh.context : ANCHOR;
  let panel = null;
  let target = null;
  // Now and then Firefox's panel on a just-loaded page misses the editor (an editor that
  // rebuilds itself as its sample loads takes the click with it): a user would click into the
  // editor again and open the panel again.
  for (let attempt = 0; attempt < 3 && !target?.includes(editor.name); attempt++) {
    if (panel) await panel.close();
    await page.bringToFront();
    await caretAfter(page, anchor);
    await pause(150 + 350 * attempt);
    await blurAll(page);
    panel = await firefox.openPanel(tabId);
    target = await eventually(() => panelText(panel, '.target-line'), (text) => text?.includes(editor.name), 6000);
  }
  assert.match(target ?? '', new RegExp(editor.name), 'the panel names the editor');
  return { page, tabId, panel };
}

for (const editor of EDITORS) {
  describe(`${editor.name} (${editor.family}) in Firefox`, () => {
    test('is detected, and text from the panel goes in at the caret, undone by one Ctrl+Z', async () => {
      const { page, panel } = await caretThenPanel(editor, editor.page);
      try {
        const original = await editorText(page);
        assert.ok(original.includes(ANCHOR));
        await clickControl(panel, 'tab', 'Snippets');
        // The one-off form stays open with its draft from an earlier test: start it again empty.
        const formOpen = () => panel.evaluate(() => !!document.querySelector('form textarea'));
        const listShown = () => panel.evaluate(() => [...document.querySelectorAll('button')].some((el) => el.textContent.trim() === 'New snippet'));
        await eventually(async () => (await formOpen()) || (await listShown()), Boolean);
        if (!(await formOpen())) await clickControl(panel, 'button', 'New snippet');
        const body = await panel.waitForSelector('form textarea', { timeout: 5000 });
        await body.click();
        await body.evaluate((field) => field.select());
        await panel.keyboard.press('Backspace');
        await panel.keyboard.type(INSERTION);
        await clickControl(panel, 'button', 'Insert');
        const at = original.indexOf(ANCHOR) + ANCHOR.length;
        const inserted = original.slice(0, at) + INSERTION + original.slice(at);
        const result = await eventually(() => panelText(panel, '[role="status"][aria-label="Result"]'), (text) => !!text);
        assert.match(result ?? '', /Inserted into/);
        assert.equal(await eventually(() => editorText(page), (text) => text === inserted), inserted);

        await page.bringToFront();
        await page.evaluate(() => window.testEditor.focus());
        // Editors merge quick edits into one undo step: let the insertion stand on its own.
        await pause(400);
        await page.keyboard.down('Control');
        await page.keyboard.press('z');
        await page.keyboard.up('Control');
        assert.equal(await eventually(() => editorText(page), (text) => text === original), original);
      } finally {
        await panel.close();
        await page.close();
      }
    });

    test('counts the placeholders counted by hand, and a selection by offsets is where typing lands', async () => {
      const { page, tabId, panel } = await caretThenPanel(editor, `${editor.page}?sample=${SAMPLE}`);
      try {
        const count = () => panelText(panel, '[role="status"][aria-label="Unfilled placeholders"]');
        assert.equal(await eventually(count, (text) => text === `${counts.total} unfilled`), `${counts.total} unfilled`);

        const text = await editorText(page);
        const { context, marks } = counts.checklist.eleventh;
        const start = text.indexOf(context) + context.indexOf(marks);
        assert.ok(start >= context.indexOf(marks), `the sample holds ${context}`);
        assert.deepEqual(await sendToEditor(panel, tabId, { type: 'select', start, end: start + marks.length }), { ok: true });
        await page.bringToFront();
        await page.keyboard.type('36');
        const filled = text.slice(0, start) + '36' + text.slice(start + marks.length);
        assert.equal(await eventually(() => editorText(page), (now) => now === filled), filled);
        assert.equal(await eventually(count, (now) => now === `${counts.total - 1} unfilled`), `${counts.total - 1} unfilled`);
      } finally {
        await panel.close();
        await page.close();
      }
    });
  });
}

// The agent is imported by the bootstrap when a frame first needs it: a page's policy on
// scripts does not apply to the extension's own.
test("a page's strict Content-Security-Policy does not keep the agent out", async () => {
  const csp = encodeURIComponent("default-src 'self'; script-src 'self'; connect-src 'none'");
  const { page, tabId } = await openPage(`editors/textarea.html?csp=${csp}`);
  await caretAfter(page, ANCHOR);
  await pause(150);
  await blurAll(page);
  const panel = await firefox.openPanel(tabId);
  const target = await eventually(() => panelText(panel, '.target-line'), (text) => text?.includes('Text area'), 8000);
  assert.match(target ?? '', /Text area/);
  await panel.close();
  await page.close();
});
