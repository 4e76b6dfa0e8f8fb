/**
 * What every page pays: the manifest puts a small bootstrap in every frame, and the agent that
 * does the work is loaded only when the user focuses something editable there or the panel
 * asks. Which scripts the browser parsed is read over the DevTools protocol, outside the
 * extension; the page itself can neither trigger the load nor see it.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { targetLine } from './panel-actions';

/** The extension's scripts the browser has parsed in `page`'s frames so far, by file name. */
async function parsedScripts(page: Page): Promise<{ cdp: CDPSession; names: () => string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const urls = new Set<string>();
  cdp.on('Debugger.scriptParsed', ({ url }: { url: string }) => {
    if (url.startsWith('chrome-extension://')) urls.add(url);
  });
  await cdp.send('Debugger.enable');
  return { cdp, names: () => [...urls].map((url) => url.split('/').pop()!).sort() };
}

test('a page with no editor runs only the bootstrap; a click into a text area loads the agent', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/no-editor.html`);
  const scripts = await parsedScripts(page);
  await page.reload();
  await page.waitForTimeout(500);
  expect(scripts.names()).toContain('editor-bootstrap.js');
  expect(scripts.names()).not.toContain('editor-agent.js');

  await page.goto(`${baseUrl}/editors/textarea.html`);
  await page.waitForTimeout(300);
  expect(scripts.names()).not.toContain('editor-agent.js');
  await page.locator('textarea').first().click();
  await expect.poll(scripts.names).toContain('editor-agent.js');
  // The focus that woke the agent counts: the panel opens on that editor.
  const panel = await openPanel(page);
  await expect(targetLine(panel)).toContainText('Text area');
});

test('the pointer resting on a text area loads the agent before the click, and the click that follows at once still counts', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const scripts = await parsedScripts(page);
  await page.mouse.move(0, 0);
  await page.reload();
  await page.waitForTimeout(300);
  expect(scripts.names()).not.toContain('editor-agent.js');
  const box = (await page.locator('textarea').first().boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await expect.poll(scripts.names).toContain('editor-agent.js');

  // On a fresh page the click comes while the agent is still loading: its focus is handed over.
  await page.mouse.move(0, 0);
  await page.reload();
  await page.locator('textarea').first().waitFor();
  await page.mouse.click(box.x + 20, box.y + 10);
  const panel = await openPanel(page);
  await expect(targetLine(panel)).toContainText('Text area');
});

test('a page cannot wake the agent with synthetic focus, nor find it or see it load', async ({ page, baseUrl, extensionId }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const scripts = await parsedScripts(page);
  await page.reload();
  await page.waitForTimeout(300);
  const probe = await page.evaluate(async (extensionId) => {
    const box = document.querySelector('textarea')!;
    box.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    box.dispatchEvent(new FocusEvent('focus'));
    box.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    // The agent's file sits under an address made for the session: the fixed one is closed to pages.
    const fixed = await fetch(`chrome-extension://${extensionId}/editor-agent.js`).then(
      (answer) => `answered ${answer.status}`,
      () => 'refused',
    );
    return { fixed };
  }, extensionId);
  await page.waitForTimeout(300);
  expect(scripts.names()).not.toContain('editor-agent.js');
  expect(probe.fixed).toBe('refused');

  // A real click loads it, and the page's own resource timeline does not show that load.
  await page.locator('textarea').first().click();
  await expect.poll(scripts.names).toContain('editor-agent.js');
  const seen = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(seen.filter((name) => !name.startsWith('http://'))).toEqual([]);
});

test('the panel asking a frame loads the agent there, and its first question is answered', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html?sample=zh-duty-report-2023.txt`);
  const scripts = await parsedScripts(page);
  await page.reload();
  await page.waitForTimeout(300);
  expect(scripts.names()).not.toContain('editor-agent.js');
  const panel = await openPanel(page);
  // The scan that woke it found the editor, with nothing focused first.
  await expect(panel.getByRole('list', { name: 'Report editors' }).getByRole('listitem')).toHaveCount(1);
  expect(scripts.names()).toContain('editor-agent.js');
});

test("a page's strict Content-Security-Policy does not keep the agent out", async ({ page, baseUrl, openPanel }) => {
  const csp = encodeURIComponent("default-src 'self'; script-src 'self'; connect-src 'none'");
  await page.goto(`${baseUrl}/editors/textarea.html?csp=${csp}`);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
  await page.locator('textarea').first().click();
  const panel = await openPanel(page);
  await expect(targetLine(panel)).toContainText('Text area');
});
