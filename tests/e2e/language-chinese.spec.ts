import { openDemoPanel } from './demo-panel';
import { expect, test } from './fixtures';

// A browser whose UI language is Chinese; every other spec runs in English.
test.use({ uiLanguage: 'zh-CN' });

test('the panel speaks Chinese when the browser does: tab names, the checklist count', async ({ page, baseUrl, openPanel }) => {
  const panel = await openDemoPanel(page, baseUrl, openPanel);
  await expect(panel.getByRole('status', { name: '未填占位符' })).toHaveText('未填 5 处');
  await expect(panel.getByRole('heading', { name: '本页的编辑器' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const names = await panel.getByRole('tablist').getByRole('tab').allTextContents();
  expect(names).toEqual(expect.arrayContaining(['检查清单', '大纲']));
  // Tabs added later are translated too.
  for (const name of names) expect(name).toMatch(/\p{Script=Han}/u);

  await panel.getByRole('tab', { name: '大纲' }).click();
  await expect(panel.getByRole('list', { name: '大纲' })).toContainText('提高政治站位，强化政治担当');
  await expect(panel.locator('.outline-summary')).toContainText('编号');
});
