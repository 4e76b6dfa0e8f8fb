import type { Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { tabIdOf } from '../e2e/browser.mjs';
import { replaceTables } from '../e2e/extension-db';
import { expect, test } from '../e2e/fixtures';

const NOW = Date.now();
const record = (id: string, title: string, body: string, tags: string[] = []): Snippet => ({ id, title, body, tags, createdAt: NOW, updatedAt: NOW, useCount: 0 });
const SNIPPETS = [
  record('s1', '廉洁自律', '严格遵守中央八项规定精神，持续纠治“四风”。', ['纪律']),
  record('s2', '理论学习', '持续深化理论学习，推动学习贯彻走深走实。', ['学习']),
  record('s3', '下一步打算', '下一步，我们将{{cursor}}进一步加强{{重点工作}}。'),
  record('s4', 'Quarterly summary', 'The reporting cycle closed ahead of schedule. Risks are listed below.', ['report']),
];

/** The quick-insert box over the demo editor, opened by its command, in each language. */
test('quick insert at the caret', async ({ page, baseUrl, openPanel, extensionContext, uiLanguage }) => {
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto(`${baseUrl}/editors/contenteditable.html`);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
  const panel: Page = await openPanel(page);
  await replaceTables(panel, { snippets: SNIPPETS });
  await panel.close();
  await page.bringToFront();
  await page.getByText('完成了xx项任务。', { exact: false }).last().click();
  await page.keyboard.press('End');
  const tabId = await tabIdOf(extensionContext, page);
  await extensionContext.serviceWorkers()[0].evaluate((tabId) => {
    const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(command: string, tab: object): void } } } };
    chrome.commands.onCommand.dispatch('quick-insert', { id: tabId });
  }, tabId);
  await expect.poll(() => page.frames().some((f) => f.url().includes('/quick-insert.html'))).toBe(true);
  const box = page.frames().find((f) => f.url().includes('/quick-insert.html'))!;
  await expect(box.getByRole('option')).toHaveCount(4);
  await page.keyboard.type(uiLanguage.startsWith('zh') ? '学习' : 'risks');
  // One snippet and a template section (述职报告's 加强学习…; the status report's Risks and issues).
  await expect(box.getByRole('group').first().getByRole('option')).toHaveCount(1);
  await expect(box.getByRole('group').last().getByRole('option')).not.toHaveCount(0);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `docs/screenshots/quick-insert.${uiLanguage}.png`, animations: 'disabled', caret: 'hide' });
});
