import { openDemoPanel } from './demo-panel';
import { expect, test } from './fixtures';

test('the panel speaks English by default: tab names, the checklist count', async ({ page, baseUrl, openPanel }) => {
  const panel = await openDemoPanel(page, baseUrl, openPanel);
  await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('5 unfilled');
  await expect(panel.getByRole('heading', { name: 'Editors on this page' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
  const names = await panel.getByRole('tablist').getByRole('tab').allTextContents();
  expect(names).toEqual(expect.arrayContaining(['Checklist', 'Outline']));
  for (const name of names) expect(name).toMatch(/^[\x20-\x7e]+$/);
});
