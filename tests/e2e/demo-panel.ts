import { expect, type Page } from '@playwright/test';

/**
 * The demo page with its text area as the target editor, and the panel bound to it. The text
 * area holds five placeholders (xxxx年, x周, xx次, x个, xx篇) and a numbered outline.
 */
export async function openDemoPanel(page: Page, baseUrl: string, openPanel: (page: Page) => Promise<Page>) {
  await page.goto(`${baseUrl}/demo.html`);
  await page.locator('#summary').click();
  const panel = await openPanel(page);
  // The checklist has read the text area: its count is there, in whichever language.
  await expect(panel.locator('.checklist .count')).toHaveText(/\d/);
  return panel;
}

/** Visits every tab of the panel in turn, whatever tabs exist when the test runs. */
export async function eachTab(panel: Page, visit: (name: string, index: number) => Promise<void>) {
  const tabs = panel.getByRole('tablist').getByRole('tab');
  const count = await tabs.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('tabpanel')).toBeVisible();
    await visit((await tab.textContent()) ?? `tab ${i + 1}`, i);
  }
}
