import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from '../e2e/fixtures';
import { FIRST_HOUR_DIR, firstHourName } from './readme-section';
import { wordsOf } from './words';

const PANEL_WIDTH = 360;

/** Values a writer would type, tried in turn until the checklist takes one: a figure, words, a year, a span of years. */
const TRIES = ['3', '（已填写）', '2023', '2023-2024'];

const shot = (panel: Page, index: number, step: string, lang: string) =>
  panel.screenshot({ path: `${FIRST_HOUR_DIR}/${firstHourName(index, step, lang)}`, fullPage: true, animations: 'disabled', caret: 'hide' });

const unfilled = async (panel: Page, ui: (english: string) => string) =>
  Number((await panel.getByRole('status', { name: ui('Unfilled placeholders') }).textContent())?.match(/\d+/)?.[0] ?? NaN);

/** Fills the first row of the checklist: with the document's own suggestion when it offers one, else with the first value taken. */
async function fillFirst(panel: Page, list: Locator, ui: (english: string) => string) {
  const before = await unfilled(panel, ui);
  const row = list.getByRole('listitem').first();
  const value = row.getByRole('textbox', { name: ui('Value') });
  await value.focus();
  const suggestion = row.locator('button.suggestion').first();
  const tries = (await suggestion.count()) ? [(await suggestion.textContent())!.trim(), ...TRIES] : TRIES;
  for (const attempt of tries) {
    await value.fill(attempt);
    await row.getByRole('button', { name: ui('Fill'), exact: true }).click();
    try {
      await expect.poll(() => unfilled(panel, ui), { timeout: 2000 }).toBeLessThan(before);
      return;
    } catch {
      // Refused for its kind: the next value.
    }
  }
  throw new Error(`No value was taken for the blank “${await row.textContent()}”`);
}

test('a first hour: empty panel, template inserted, sample imported, checklist filled, ready to submit', async ({ page, baseUrl, openPanel, uiLanguage }) => {
  test.setTimeout(240_000);
  const ui = wordsOf(uiLanguage);
  await page.goto(`${baseUrl}/first-hour.html`);
  const panel = await openPanel(page);
  await panel.setViewportSize({ width: PANEL_WIDTH, height: 640 });
  await panel.waitForTimeout(500);
  await shot(panel, 0, 'empty', uiLanguage);
  // Read once, put away.
  await panel.getByRole('button', { name: ui('Got it') }).click();

  // The writer clicks into the form's editor and inserts the whole yearly summary template.
  await page.locator('#report p').click();
  await panel.getByRole('tab', { name: ui('Templates') }).click();
  await panel.getByRole('tabpanel').getByRole('button', { name: '年度工作总结', exact: true }).click();
  await panel.getByRole('button', { name: ui('Insert whole template') }).click();
  await expect(page.locator('#report')).toContainText('主要工作');
  await panel.waitForTimeout(300);
  await shot(panel, 1, 'template-inserted', uiLanguage);

  // Then brings material downloaded earlier: pasted, cleaned, looked over.
  await panel.getByRole('button', { name: ui('All templates') }).click();
  await panel.getByRole('button', { name: ui('Import sample') }).click();
  await panel.getByRole('textbox').first().fill(readFileSync('tests/fixtures/samples/zh-duty-report-2023.txt', 'utf8'));
  await panel.waitForTimeout(500);
  await shot(panel, 2, 'sample-imported', uiLanguage);
  await panel.getByRole('button', { name: ui('Save as template') }).click();
  await expect(panel.getByRole('button', { name: ui('Insert whole template') })).toBeVisible();

  // Back to the checklist: every blank filled from the panel, one after another.
  await panel.getByRole('tab', { name: ui('Checklist') }).click();
  const list = panel.getByRole('list', { name: ui('Placeholders') });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  for (let filled = 0; (await unfilled(panel, ui)) > 0; filled++) {
    if (filled > 200) throw new Error('The checklist does not empty');
    await fillFirst(panel, list, ui);
    if (filled === 2) await shot(panel, 3, 'checklist-filling', uiLanguage);
  }
  await expect(panel.getByRole('status', { name: ui('Unfilled placeholders') })).toHaveText(/(^|\D)0(\D|$)/);
  await shot(panel, 4, 'ready-to-submit', uiLanguage);
});
