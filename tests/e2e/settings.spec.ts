/**
 * The Settings tab: a placeholder rule of the user's, written as plain text, changes the
 * checklist at once; a regular expression under Advanced that is bad is refused in plain words
 * and the old rule stays; a highlight colour that is not one is refused, a good one is what the
 * page's highlights are drawn with.
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
          const tx = request.result.transaction(['placeholderRules', 'settings', 'snippets'], 'readwrite');
          tx.objectStore('placeholderRules').clear();
          tx.objectStore('snippets').clear();
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
  // Plain text by default: the regular expression and its flags wait under Advanced.
  await expect(form.getByRole('textbox', { name: 'Regular expression pattern' })).toBeHidden();
  await expect(form.getByRole('textbox', { name: 'Regular expression flags' })).toBeHidden();
  await form.getByRole('textbox', { name: 'A word or sign that marks a blank' }).fill(rule.pattern);
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Blank' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  const list = panel.getByRole('list', { name: 'Your placeholder rules' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('“中心工作”');

  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await expect(count).toHaveText(`${after} unfilled`);

  // Under Advanced, an invalid pattern, then one that backtracks catastrophically: each refused
  // in a sentence (never the engine's message alone), and nothing is written.
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await list.getByRole('button', { name: 'Edit rule 中心工作' }).click();
  const edit = panel.getByRole('form', { name: 'Edit rule 中心工作' });
  await expect(edit.getByRole('textbox', { name: 'A word or sign that marks a blank' })).toHaveValue('中心工作');
  await edit.getByText('Advanced: a regular expression').click();
  const pattern = edit.getByRole('textbox', { name: 'Regular expression pattern' });
  await expect(pattern).toHaveValue('中心工作');
  await pattern.fill('中心(工作');
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(edit.getByRole('alert')).toHaveText('Not saved, the rule stays as it was: a ( opens a group that no ) closes.');
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await pattern.fill('(中+)+心');
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(edit.getByRole('alert')).toHaveText(
    'Not saved, the rule stays as it was: “(中+)+” repeats something that already repeats; on some text that could freeze the page. Repeat it once, for example a+ instead of (a+)+.',
  );
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(list).toContainText('“中心工作”');

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
  await form.getByText('Advanced: a regular expression').click();
  await form.getByRole('textbox', { name: 'Regular expression pattern' }).fill('^第\\d+页(');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Remove the whole line' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByRole('alert')).toHaveText('Not saved, the rule stays as it was: a ( opens a group that no ) closes.');
  const list = panel.getByRole('list', { name: 'Your cleanup rules' });
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await form.getByRole('textbox', { name: 'Regular expression pattern' }).fill('^第\\d+页$');
  await form.getByRole('textbox', { name: 'Regular expression flags' }).fill('m');
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

test('a rule written as plain text finds its signs literally, brackets and dots included', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('button', { name: 'Add cleanup rule' }).click();
  const form = panel.getByRole('form', { name: 'New cleanup rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Ad marks');
  // As a regular expression this would be a group matching 广告 alone, and . any character.
  await form.getByRole('textbox', { name: 'A word or sign to find' }).fill('(广告).');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Remove the match' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  const list = panel.getByRole('list', { name: 'Your cleanup rules' });
  await expect(list).toContainText('“(广告).”');

  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: /Import sample/ }).click();
  await panel.getByRole('textbox', { name: 'Or paste the text' }).fill('一、总体(广告).情况\n广告x内容\n二、下一步\n');
  await panel.getByText('Cleaned text').click();
  await expect(panel.getByRole('textbox', { name: 'Cleaned text' })).toHaveValue('一、总体情况\n广告x内容\n二、下一步\n');
});

test('the storage note waits for a snippet to keep, and is said in the tone of a hint', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const panel = await openPanel(page);
  // This browser does not grant persistent storage to the extension: the note is the refusal's.
  const refused = await panel.evaluate(async () => !(await navigator.storage.persisted()) && !(await navigator.storage.persist()));
  test.skip(!refused, 'the browser granted persistent storage');
  const note = panel.getByRole('note').filter({ hasText: 'may clear stored snippets' });
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await expect(panel.getByText('No snippets yet.', { exact: false })).toBeVisible();
  await expect(note).toHaveCount(0);
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await expect(panel.getByRole('region', { name: 'Sites turned off' })).toBeVisible();
  await expect(note).toHaveCount(0);

  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await panel.getByRole('button', { name: 'New snippet' }).click();
  await panel.getByRole('textbox', { name: 'Title' }).fill('结尾段');
  await panel.getByRole('textbox', { name: 'Body' }).fill('以上报告，请审议。');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(note).toBeVisible();
  await expect(note).toHaveText('The browser may clear stored snippets when disk space runs low. Export a backup now and then to keep a copy.');
  // Not the colour of an error: the colour every hint has.
  const hintColour = await panel.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--muted').trim());
  expect(await note.evaluate((el) => getComputedStyle(el).color)).toBe(
    await panel.evaluate((muted) => {
      const probe = document.createElement('span');
      probe.style.color = muted;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }, hintColour),
  );
});
