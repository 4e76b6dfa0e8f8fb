import { openDemoPanel } from './demo-panel';
import { expect, test } from './fixtures';

// A browser whose UI language is Chinese; every other spec runs in English.
test.use({ uiLanguage: 'zh-CN' });

test('the panel speaks Chinese when the browser does: tab names, the checklist count', async ({ page, baseUrl, openPanel }) => {
  const panel = await openDemoPanel(page, baseUrl, openPanel);
  await expect(panel.getByRole('status', { name: '未填占位符' })).toHaveText('未填 5 处');
  await expect(panel.getByRole('region', { name: '本页的编辑器' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const names = await panel.getByRole('tablist').getByRole('tab').allTextContents();
  expect(names).toEqual(expect.arrayContaining(['检查清单', '大纲']));
  // Tabs added later are translated too.
  for (const name of names) expect(name).toMatch(/\p{Script=Han}/u);

  await panel.getByRole('tab', { name: '大纲' }).click();
  await expect(panel.getByRole('list', { name: '大纲' })).toContainText('提高政治站位，强化政治担当');
  await expect(panel.locator('.outline-summary')).toContainText('编号');
});

test('sample import and rules speak Chinese too: the file button, the file read, a refused rule in plain words', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: '模板' }).click();
  await panel.getByRole('button', { name: '导入范文' }).click();
  const button = panel.getByRole('button', { name: '打开文件…' });
  await expect(button).toHaveAccessibleDescription('支持 .txt、.md、.docx');
  await panel.getByLabel('打开文件（.txt、.md、.docx）').setInputFiles({ name: '述职报告.txt', mimeType: 'text/plain', buffer: Buffer.from('一、总体情况\n机关D组认真学习。') });
  await expect(button).toHaveAccessibleDescription('述职报告.txt');
  await expect(panel.getByText('No file chosen')).toHaveCount(0);
  await panel.getByRole('button', { name: '取消' }).first().click();

  await panel.getByRole('tab', { name: '设置' }).click();
  await panel.getByRole('button', { name: '添加占位符规则' }).click();
  const form = panel.getByRole('form', { name: '新建占位符规则' });
  await form.getByRole('textbox', { name: '规则名称' }).fill('中心工作');
  await form.getByText('高级：正则表达式').click();
  await form.getByRole('textbox', { name: '正则表达式', exact: true }).fill('中心(工作');
  await form.getByRole('button', { name: '保存规则' }).click();
  await expect(form.getByRole('alert')).toHaveText('未保存，规则保持不变：有一个“(”开始的分组没有用“)”结束。');
});

test('a count takes the one Chinese form', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
  const field = page.locator('textarea');
  await field.fill('');
  await field.pressSequentially('一、总体情况\n正文。\n二、主要做法\n正文。\n四、下一步打算\n正文。');
  await field.evaluate((el: HTMLTextAreaElement) => el.blur());
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: '大纲' }).click();
  await expect(panel.locator('.outline-summary')).toHaveText('3 个标题 · 1 处编号问题');
});
