/**
 * The Settings tab: a placeholder rule of the user's changes the checklist at once, a bad one
 * is refused and the old one stays; a highlight colour that is not one is refused, a good one
 * is what the page's highlights are drawn with.
 */
import type { Page } from '@playwright/test';
import { findPlaceholders } from '@/utils/report/placeholders';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; focus(): void } };

async function openOnEditor(page: Page, baseUrl: string, openPanel: (p: Page) => Promise<Page>) {
  await page.goto(`${baseUrl}/editors/contenteditable.html`);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Rich text');
  const text = await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());
  return { panel, text };
}

/** The extension's database is shared by every test of a worker: leave it as it was found. */
test.afterEach(async ({ page, openPanel }) => {
  const panel = await openPanel(page);
  await panel.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction(['placeholderRules', 'settings'], 'readwrite');
          tx.objectStore('placeholderRules').clear();
          tx.objectStore('settings').delete('highlight-colours');
          tx.objectStore('settings').delete('cleanup-rules');
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
  );
});

test('a placeholder rule of the user changes the checklist; a bad edit is refused and the old rule stays', async ({ page, baseUrl, openPanel }) => {
  const { panel, text } = await openOnEditor(page, baseUrl, openPanel);
  const count = panel.getByRole('status', { name: 'Unfilled placeholders' });
  const before = findPlaceholders(text).length;
  await expect(count).toHaveText(`${before} unfilled`);
  const rule = { id: 'r', name: '中心工作', pattern: '中心工作', flags: '', kind: 'free' as const, enabled: true };
  const after = findPlaceholders(text, { rules: [rule] }).length;
  expect(after).toBe(before + 1);

  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('button', { name: 'Add placeholder rule' }).click();
  const form = panel.getByRole('form', { name: 'New placeholder rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill(rule.name);
  await form.getByRole('textbox', { name: 'Pattern' }).fill(rule.pattern);
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Blank' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  const list = panel.getByRole('list', { name: 'Your placeholder rules' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('/中心工作/');

  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await expect(count).toHaveText(`${after} unfilled`);

  // An invalid pattern, then one that backtracks catastrophically: each refused with the
  // validator's reason, and nothing is written.
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await list.getByRole('button', { name: 'Edit rule 中心工作' }).click();
  const edit = panel.getByRole('form', { name: 'Edit rule 中心工作' });
  const pattern = edit.getByRole('textbox', { name: 'Pattern' });
  await pattern.fill('中心(工作');
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(edit.getByRole('alert')).toContainText('Invalid pattern');
  await expect(edit.getByRole('alert')).toContainText('the rule stays as it was');
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await pattern.fill('(中+)+心');
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(edit.getByRole('alert')).toContainText('repeats something that already repeats');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(list).toContainText('/中心工作/');

  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await expect(count).toHaveText(`${after} unfilled`);

  // Off, then deleted: the checklist is back to the built-in rules.
  await panel.getByRole('tab', { name: 'Settings' }).click();
  // A click, not uncheck(): the box follows the database, a moment after the click.
  const use = list.getByRole('checkbox', { name: 'Use rule 中心工作' });
  await use.click();
  await expect(use).not.toBeChecked();
  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await expect(count).toHaveText(`${before} unfilled`);
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await list.getByRole('button', { name: 'Delete rule 中心工作' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(0);
});

/** The background colour of a highlight rule in the page's adopted style sheets. */
const highlightColour = (page: Page, name: string) =>
  page.evaluate((name) => {
    for (const sheet of document.adoptedStyleSheets) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (rule instanceof CSSStyleRule && rule.selectorText.includes(name)) return rule.style.backgroundColor;
      }
    }
    return null;
  }, name);

test('an unparsable highlight colour is refused; a valid one is what the page draws with', async ({ page, baseUrl, openPanel }) => {
  const { panel } = await openOnEditor(page, baseUrl, openPanel);
  await expect.poll(() => highlightColour(page, 'report-assistant-placeholder')).toBe('rgba(255, 196, 0, 0.35)');

  await panel.getByRole('tab', { name: 'Settings' }).click();
  const form = panel.getByRole('form', { name: 'Placeholder highlight colour' });
  const field = form.getByRole('textbox', { name: 'Placeholder highlight colour' });
  await expect(field).toHaveValue('rgba(255, 196, 0, 0.35)');
  await field.fill('rgb(300, 0, 0)');
  await form.getByRole('button', { name: 'Save colour' }).click();
  await expect(form.getByRole('alert')).toContainText('out of range');
  await field.fill('yellowish; } body { display: none');
  await form.getByRole('button', { name: 'Save colour' }).click();
  await expect(form.getByRole('alert')).toContainText('Not a colour');
  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await page.waitForTimeout(300);
  expect(await highlightColour(page, 'report-assistant-placeholder')).toBe('rgba(255, 196, 0, 0.35)');

  await panel.getByRole('tab', { name: 'Settings' }).click();
  await field.fill('#00ff0099');
  await form.getByRole('button', { name: 'Save colour' }).click();
  await expect(field).toHaveValue('rgba(0, 255, 0, 0.6)');
  const current = panel.getByRole('form', { name: 'Current placeholder colour' });
  await current.getByRole('textbox', { name: 'Current placeholder colour' }).fill('hsl(240 100% 50% / 60%)');
  await current.getByRole('button', { name: 'Save colour' }).click();
  await expect.poll(() => highlightColour(page, 'report-assistant-placeholder')).toBe('rgba(0, 255, 0, 0.6)');
  await expect.poll(() => highlightColour(page, 'report-assistant-current')).toBe('rgba(0, 0, 255, 0.6)');
});

test('a cleanup rule of the user is used by sample import; an invalid one is refused', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('button', { name: 'Add cleanup rule' }).click();
  const form = panel.getByRole('form', { name: 'New cleanup rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Page numbers');
  await form.getByRole('textbox', { name: 'Pattern' }).fill('^第\\d+页(');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Remove the whole line' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByRole('alert')).toContainText('Invalid pattern');
  const list = panel.getByRole('list', { name: 'Your cleanup rules' });
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await form.getByRole('textbox', { name: 'Pattern' }).fill('^第\\d+页$');
  await form.getByRole('textbox', { name: 'Flags' }).fill('m');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const wechat = panel.getByRole('list', { name: 'Built-in cleanup rules' }).getByRole('checkbox', { name: 'AAA standing for 微信' });
  await wechat.click();
  await expect(wechat).not.toBeChecked();

  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: /Import sample/ }).click();
  await panel.getByRole('textbox', { name: 'Or paste the text' }).fill('一、总体情况\n关注AAA公众号\n第3页\n二、下一步\n');
  const rules = panel.getByRole('list', { name: 'Cleanup rules' });
  await expect(rules.getByRole('checkbox', { name: 'Page numbers' })).toBeChecked();
  await expect(rules.getByRole('checkbox', { name: 'AAA standing for 微信' })).not.toBeChecked();
  const cleaned = panel.getByRole('textbox', { name: 'Cleaned text' });
  await panel.getByText('Cleaned text').click();
  await expect(cleaned).toHaveValue('一、总体情况\n关注AAA公众号\n二、下一步\n');
});
