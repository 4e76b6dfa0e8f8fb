import type { Page } from '@playwright/test';
import { openDemoPanel } from './demo-panel';
import { expect, test } from './fixtures';

test('the panel speaks English by default: tab names, the checklist count', async ({ page, baseUrl, openPanel }) => {
  const panel = await openDemoPanel(page, baseUrl, openPanel);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('5 unfilled');
  await expect(panel.getByRole('region', { name: 'Editors on this page' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
  const names = await panel.getByRole('tablist').getByRole('tab').allTextContents();
  expect(names).toEqual(expect.arrayContaining(['Checklist', 'Outline']));
  for (const name of names) expect(name).toMatch(/^[\x20-\x7e]+$/);
});

/** A text area holding 一、 二、 四、: three headings, one numbering problem. */
async function outlineOfOneProblem(page: Page, baseUrl: string, openPanel: (page: Page) => Promise<Page>) {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  await page.evaluate(() => (window as unknown as { testEditor: { ready: Promise<void> } }).testEditor.ready);
  const field = page.locator('textarea');
  await field.fill('');
  await field.pressSequentially('一、总体情况\n正文。\n二、主要做法\n正文。\n四、下一步打算\n正文。');
  await field.evaluate((el: HTMLTextAreaElement) => el.blur());
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Outline' }).click();
  return panel;
}

test('a count of one takes the singular', async ({ page, baseUrl, openPanel }) => {
  const panel = await outlineOfOneProblem(page, baseUrl, openPanel);
  await expect(panel.locator('.outline-summary')).toHaveText('3 headings · 1 numbering problem');
});
