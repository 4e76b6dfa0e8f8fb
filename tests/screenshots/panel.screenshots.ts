import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { eachTab, openDemoPanel } from '../e2e/demo-panel';
import { expect, test } from '../e2e/fixtures';
import { SCREENSHOTS_DIR, screenshotName } from './readme-section';
import { wordsOf } from './words';

/** The width of a side panel as people keep it. */
const PANEL_WIDTH = 360;

/** Two saved snippets, so that the Snippets tab shows a library, made as a user makes them. */
async function saveSnippets(panel: Page, ui: (english: string) => string) {
  const snippets = [
    { title: '工作总结·开头段', body: '今年以来，我单位紧紧围绕年度目标任务，统筹推进各项工作，取得了阶段性成效。现将有关情况总结如下。', tags: '总结' },
    { title: 'Quarterly report opening', body: 'This quarter the team delivered the planned milestones on time and within budget.', tags: 'report' },
  ];
  await panel.getByRole('tab', { name: ui('Snippets') }).click();
  for (const snippet of snippets) {
    await panel.getByRole('button', { name: ui('New snippet') }).click();
    await panel.getByRole('textbox', { name: ui('Title'), exact: true }).fill(snippet.title);
    await panel.getByRole('textbox', { name: ui('Body'), exact: true }).fill(snippet.body);
    await panel.getByRole('textbox', { name: ui('Tags'), exact: true }).fill(snippet.tags);
    await panel.getByRole('button', { name: ui('Save'), exact: true }).click();
    await expect(panel.getByText(snippet.title).first()).toBeVisible();
  }
}

test('each tab of the panel, working on the demo page', async ({ page, baseUrl, openPanel, uiLanguage }) => {
  if (uiLanguage.startsWith('zh')) {
    // Without a CJK font Chinese renders as boxes, which is worse than no screenshot.
    const fonts = spawnSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
    if (!fonts.error && !fonts.stdout.trim()) {
      throw new Error('No Chinese font on this machine. On Debian or Ubuntu: apt-get install fonts-noto-cjk');
    }
  }
  const panel = await openDemoPanel(page, baseUrl, openPanel);
  await panel.setViewportSize({ width: PANEL_WIDTH, height: 640 });
  await saveSnippets(panel, wordsOf(uiLanguage));
  await eachTab(panel, async (_name, index) => {
    const id = (await panel.getByRole('tab').nth(index).getAttribute('id'))?.replace(/^tab-/, '') ?? String(index);
    // Let the tab settle (lists read from the editor or the database) before the picture.
    await expect(panel.getByRole('tabpanel')).not.toBeEmpty();
    await panel.waitForTimeout(300);
    await panel.screenshot({ path: `${SCREENSHOTS_DIR}/${screenshotName(index, id, uiLanguage)}`, fullPage: true, animations: 'disabled', caret: 'hide' });
  });
});
