/**
 * A hostile page against the built extension: it drives its own editors by script (synthetic
 * keys, focus, input and paste events), forges the MAIN-world bridge's answers, posts messages
 * and custom events, embeds a frame of another origin that takes focus by script, and holds
 * fields that must never be read. None of it may reveal a snippet or an abbreviation, write
 * into the page, or move the panel's target; a real keypress still expands (the control).
 */
import type { Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';
import { replaceTables } from './extension-db';
import { editorList, insertText } from './panel-actions';

const NOW = Date.now();
const SECRET = '内部口径：第三季度指标暂不对外。';
const ABBREVIATION = 'lzzl';
const SNIPPET: Snippet = {
  id: 'hostile-snippet',
  title: '内部口径',
  body: SECRET,
  html: `<p>${SECRET}</p>`,
  tags: [],
  abbreviation: ABBREVIATION,
  createdAt: NOW,
  updatedAt: NOW,
  useCount: 0,
};

/** The snippet library holds exactly `records`, written straight into the extension's database. */
async function resetSnippets(panel: Page, records: Snippet[]) {
  await replaceTables(panel, { snippets: records });
}

/** Everything the page holds as text: its markup and the values of its fields. */
function pageText(page: Page) {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].map((f) => f.value);
    return [document.documentElement.outerHTML, ...values].join('\n');
  });
}

/** What the page sees of a Tab keydown it dispatches itself after `word` in its own editor. */
interface Probe {
  dispatched: boolean;
  defaultPrevented: boolean;
  reachedPage: boolean;
}

/**
 * The page focuses its own editor by script, writes `x <word>` before the caret and dispatches
 * a synthetic Tab (and the events around it), as a page enumerating abbreviations would.
 */
function probe(page: Page, selector: string, word: string): Promise<Probe> {
  return page.evaluate(
    async ({ selector, word }) => {
      const editor = document.querySelector<HTMLElement>(selector)!;
      editor.focus();
      editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      if (editor instanceof HTMLTextAreaElement) {
        editor.value = `x ${word}`;
        editor.setSelectionRange(editor.value.length, editor.value.length);
      } else {
        editor.innerHTML = `<p>x ${word}</p>`;
        const text = editor.querySelector('p')!.firstChild!;
        getSelection()!.collapse(text, text.textContent!.length);
      }
      document.dispatchEvent(new Event('selectionchange'));
      editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: word }));
      // Let the content script settle on the focus (it asks the background for abbreviations).
      await new Promise((r) => setTimeout(r, 300));
      let reachedPage = false;
      const onKey = () => (reachedPage = true);
      editor.addEventListener('keydown', onKey);
      const key = new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', keyCode: 9, bubbles: true, cancelable: true, composed: true });
      const dispatched = editor.dispatchEvent(key);
      editor.removeEventListener('keydown', onKey);
      editor.dispatchEvent(new KeyboardEvent('keyup', { key: 'Tab', bubbles: true }));
      return { dispatched, defaultPrevented: key.defaultPrevented, reachedPage };
    },
    { selector, word },
  );
}

/** Paste, beforeinput, postMessage and custom-event traffic a page might try. */
async function otherTraffic(page: Page, selector: string) {
  await page.evaluate(
    ({ selector, abbreviation }) => {
      const editor = document.querySelector<HTMLElement>(selector)!;
      const data = new DataTransfer();
      data.setData('text/plain', abbreviation);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      editor.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', data: abbreviation, bubbles: true, cancelable: true }));
      for (const message of [
        { type: 'expand-abbreviation', abbreviation, family: 'textarea' },
        { type: 'insert', editorId: 'editor-1', content: { text: abbreviation } },
        { type: 'read-text', editorId: 'editor-1' },
        { type: 'abbreviations' },
      ]) {
        postMessage(message, '*');
        postMessage(JSON.stringify(message), '*');
        document.dispatchEvent(new CustomEvent('report-assistant:call', { detail: JSON.stringify({ id: 'x', family: 'textarea', method: message.type, args: null }), bubbles: true }));
        editor.dispatchEvent(new CustomEvent('report-assistant:answer', { detail: JSON.stringify({ id: 'x', value: message }), bubbles: true }));
      }
    },
    { selector, abbreviation: ABBREVIATION },
  );
}

/** Sends one protocol message to a frame of the page's tab, from the panel. */
function sendToFrame(panel: Page, frameId: number, message: object) {
  const tabId = Number(new URL(panel.url()).searchParams.get('tabId'));
  return panel.evaluate(
    ({ tabId, frameId, message }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
      return chrome.tabs.sendMessage(tabId, message, { frameId }).catch((error: Error) => `error: ${error.message}`);
    },
    { tabId, frameId, message },
  );
}

/** Everything a watch port on each of the frame's first editor ids sends within half a second. */
function watchAll(panel: Page, frameId: number, ids: string[]) {
  const tabId = Number(new URL(panel.url()).searchParams.get('tabId'));
  return panel.evaluate(
    async ({ tabId, frameId, ids }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
      const heard: unknown[] = [];
      const ports = ids.map((editorId) => {
        const port = chrome.tabs.connect(tabId, { name: 'watch-editor', frameId });
        port.onMessage.addListener((message: unknown) => heard.push(message));
        port.postMessage({ type: 'watch', editorId });
        return port;
      });
      await new Promise((r) => setTimeout(r, 500));
      for (const port of ports) port.disconnect();
      return JSON.stringify(heard);
    },
    { tabId, frameId, ids },
  );
}

const EDITOR_IDS = Array.from({ length: 12 }, (_, i) => `editor-${i + 1}`);
const target = (panel: Page) => panel.getByRole('button', { name: /Target/ });

for (const panelState of ['open', 'closed'] as const) {
  test(`with the panel ${panelState}, a page's own events reveal no abbreviation and expand nothing`, async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/hostile/keyboard.html`);
    const panel = await openPanel(page);
    await resetSnippets(panel, [SNIPPET]);
    if (panelState === 'closed') await panel.close();
    await page.bringToFront();

    for (const selector of ['#own', '#rich']) {
      const abbreviation = await probe(page, selector, ABBREVIATION);
      const plainWord = await probe(page, selector, 'qqqq');
      // Nothing tells the page which word is an abbreviation: the key goes on as any other.
      expect(abbreviation).toEqual(plainWord);
      expect(abbreviation).toEqual({ dispatched: true, defaultPrevented: false, reachedPage: true });
      await otherTraffic(page, selector);
    }
    await page.waitForTimeout(600);
    const text = await pageText(page);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('第三季度');
    expect(await page.locator('#rich').textContent()).toBe('x qqqq');
  });
}

test('a real Tab after an abbreviation still expands it (the control)', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/hostile/keyboard.html`);
  const panel = await openPanel(page);
  await resetSnippets(panel, [SNIPPET]);
  await panel.close();
  await page.bringToFront();
  const own = page.locator('#own');
  await own.click();
  await page.keyboard.press('End');
  await page.keyboard.type(` ${ABBREVIATION}`);
  await page.keyboard.press('Tab');
  await expect(own).toHaveValue(`一、情况 ${SECRET}`);
  await expect(own).toBeFocused();
});

test("a page's synthetic focus does not move the panel's target", async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/hostile/keyboard.html`);
  await page.locator('#own').click();
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await expect(target(panel)).toContainText('留言');
  await page.evaluate(() => {
    const rich = document.querySelector<HTMLElement>('#rich p')!;
    rich.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    rich.dispatchEvent(new FocusEvent('focus'));
  });
  await panel.waitForTimeout(500);
  await editorList(panel);
  await panel.getByRole('button', { name: 'Refresh' }).click();
  await panel.waitForTimeout(500);
  await expect(target(panel)).toContainText('Text area');
  await expect(target(panel)).not.toContainText('富文本留言');
});

test.describe('a frame of another origin', () => {
  test('that focuses its own box by script does not take the target; a click does, and inserting there asks first', async ({ page, baseUrl, openPanel }) => {
    const otherOrigin = baseUrl.replace('localhost', '127.0.0.1');
    await page.goto(`${baseUrl}/hostile/frame-host.html?frame=${encodeURIComponent(`${otherOrigin}/hostile/embed.html`)}`);
    const embed = page.frameLocator('#embed');
    await expect(embed.locator('#embed-box')).toHaveValue('广告留言');
    const report = page.locator('#report');
    const original = await report.inputValue();
    await report.click();
    await page.keyboard.press('End');
    const panel = await openPanel(page);
    await expect(target(panel)).toContainText('工作总结');

    // The embed takes focus by script, asked by postMessage, as an advertisement would.
    await page.bringToFront();
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('#embed')!.contentWindow!.postMessage('focus-box', '*'));
    const frame = page.frames().find((f) => f.url().startsWith(otherOrigin))!;
    await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('embed-box');
    await panel.waitForTimeout(500);
    await expect(target(panel)).toContainText('工作总结');

    await insertText(panel, '（插入）');
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(report).toHaveValue(`${original}（插入）`);
    await expect(embed.locator('#embed-box')).toHaveValue('广告留言');

    // The user clicks into the embed: now it is the target, and the panel says where it lives.
    await page.bringToFront();
    await embed.locator('#embed-box').click();
    await page.keyboard.press('End');
    await expect(target(panel)).toContainText('嵌入留言框');
    await expect(target(panel)).toContainText(otherOrigin);

    await panel.getByRole('button', { name: 'Insert', exact: true }).click();
    const ask = panel.getByRole('alertdialog', { name: 'Insert into another site?' });
    await expect(ask).toContainText(otherOrigin);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toHaveCount(0);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Nothing was inserted');
    await expect(embed.locator('#embed-box')).toHaveValue('广告留言');

    await panel.getByRole('button', { name: 'Insert', exact: true }).click();
    await ask.getByRole('button', { name: 'Insert there' }).click();
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(embed.locator('#embed-box')).toHaveValue('广告留言（插入）');
    await expect(report).toHaveValue(`${original}（插入）`);
  });
});

test('a frame of another origin reached with Tab becomes the target at the first key pressed in it, not before', async ({ page, baseUrl, openPanel }) => {
  const otherOrigin = baseUrl.replace('localhost', '127.0.0.1');
  await page.goto(`${baseUrl}/hostile/frame-host.html?frame=${encodeURIComponent(`${otherOrigin}/hostile/embed.html`)}`);
  const embed = page.frameLocator('#embed');
  await expect(embed.locator('#embed-box')).toHaveValue('广告留言');
  await page.locator('#report').click();
  const panel = await openPanel(page);
  await expect(target(panel)).toContainText('工作总结');

  // Tab from the report into the embed's box: focus moved, but no key was pressed there yet.
  await page.bringToFront();
  await page.locator('#report').focus();
  await page.keyboard.press('Tab');
  const frame = page.frames().find((f) => f.url().startsWith(otherOrigin))!;
  await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('embed-box');
  await panel.waitForTimeout(500);
  await expect(target(panel)).toContainText('工作总结');
  // The user presses a key there: now they are writing in it.
  await page.keyboard.press('End');
  await expect(target(panel)).toContainText('嵌入留言框');
  await expect(target(panel)).toContainText(otherOrigin);
});

test.describe('fields that are never read', () => {
  test('password, one-time-code, payment and hidden fields are not listed, targeted or read; a search box is not streamed', async ({
    page,
    baseUrl,
    openPanel,
  }) => {
    await page.goto(`${baseUrl}/hostile/fields.html`);
    // The user works in each field, the search box last.
    for (const id of ['#password', '#otp', '#card', '#card-notes', '#search']) {
      await page.locator(id).click();
      await page.keyboard.press('End');
      await page.keyboard.type(id === '#search' ? 'search-secret 完成xx项' : '9');
    }
    await blurAllFrames(page);
    const panel = await openPanel(page);
    const list = panel.getByRole('list', { name: 'Report editors' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('工作总结');
    // No field the user typed in became the target by itself.
    await expect(target(panel)).toHaveCount(0);
    await expect(panel.locator('main')).not.toContainText('secret');

    // Asked directly, by every id the frame may have given out: nothing of the fields comes back.
    const answers = [];
    for (const editorId of EDITOR_IDS) {
      for (const type of ['read-text', 'read-selected-content', 'read-selection']) {
        answers.push(await sendToFrame(panel, 0, { type, editorId }));
      }
    }
    expect(JSON.stringify(answers)).not.toContain('secret');
    expect(await watchAll(panel, 0, EDITOR_IDS)).not.toContain('secret');

    // The one report editor still works as ever.
    await page.bringToFront();
    await page.locator('#report').click();
    await expect(target(panel)).toContainText('工作总结');
    expect(await watchAll(panel, 0, EDITOR_IDS)).toContain('完成了xx项任务');
  });
});

test.describe('forged bridge answers', () => {
  test('a page answering for CodeMirror cannot make the panel show or save text that is not in the editor', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/editors/codemirror.html`);
    await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
    const FORGED = '伪造文档：【伪造单位】于xxxx年完成了全部任务。';
    // The page answers every call before the bridge can, and keeps the bridge from answering.
    await page.evaluate((forged) => {
      addEventListener(
        'report-assistant:call',
        (event) => {
          const call = JSON.parse((event as CustomEvent).detail) as { id: string; method: string };
          const value = call.method === 'readText' ? forged : call.method === 'readSelection' ? { start: 0, end: 12 } : undefined;
          if (value === undefined) return;
          event.stopImmediatePropagation();
          event.target!.dispatchEvent(new CustomEvent('report-assistant:answer', { detail: JSON.stringify({ id: call.id, value }) }));
        },
        true,
      );
    }, FORGED);
    await page.locator('.cm-line').nth(3).click();
    await page.keyboard.press('End');
    await blurAllFrames(page);
    const panel = await openPanel(page);
    await expect(target(panel)).toContainText('CodeMirror');
    // The panel names the editor by the start of its text: the one in the editor.
    await expect(target(panel)).toContainText('一、主要工作');
    await panel.waitForTimeout(500);
    await expect(panel.locator('main')).not.toContainText('伪造');

    const read = await sendToFrame(panel, 0, { type: 'read-text', editorId: (await panel.locator('[data-editor-key]').filter({ hasText: 'Target' }).getAttribute('data-editor-key'))!.split(':')[1] });
    expect(JSON.stringify(read)).not.toContain('伪造');

    await panel.getByRole('tab', { name: 'Snippets' }).click();
    await panel.getByRole('button', { name: 'Save selection' }).click();
    await panel.waitForTimeout(300);
    const body = panel.getByRole('textbox', { name: 'Body' });
    if (await body.count()) await expect(body).not.toHaveValue(/伪造/);
    await expect(panel.locator('main')).not.toContainText('伪造');
  });
});
