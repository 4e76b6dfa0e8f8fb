/**
 * The placeholder checklist on a real editor holding the real sample report: the count equals
 * the engine's on the editor's own text; Select then typing replaces exactly that occurrence;
 * Fill and fill-all change the editor and the count; undo restores; highlights come and go
 * with the panel.
 */
import type { Page } from '@playwright/test';
import type { EditorFamily } from '@/utils/messaging';
import { findPlaceholders, placeholderKey } from '@/utils/report/placeholders';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';

export interface ChecklistContract {
  family: EditorFamily;
  name: string;
  /** The editor's test page; `?sample=` is added. */
  page: string;
  /** Whether a fill-all is one undo step in this editor. */
  fillAllUndoesAtOnce: boolean;
  /** Whether the page's editor shows placeholder highlights (not text fields). */
  highlights: boolean;
}

type TestEditorWindow = Window & { testEditor: { ready: Promise<void>; getText(): string; focus(): void } };

/** Ranges highlighted under `name` (or under any name, with null) in every frame of the page. */
async function highlighted(page: Page, name: string | null): Promise<number> {
  let total = 0;
  for (const frame of page.frames()) {
    total += await frame
      .evaluate((name) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return name === null ? registry.size : (registry.get(name)?.size ?? 0);
      }, name)
      .catch(() => 0);
  }
  return total;
}

const editorText = (page: Page) => page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.getText());

async function undoOnce(page: Page) {
  await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
}

export function testChecklist(contract: ChecklistContract) {
  test.describe(`Checklist in ${contract.name} (${contract.family})`, () => {
    const openWithSample = async (page: Page, baseUrl: string, openPanel: (p: Page) => Promise<Page>) => {
      const separator = contract.page.includes('?') ? '&' : '?';
      await page.goto(`${baseUrl}/${contract.page}${separator}sample=zh-duty-report-2023.txt`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
      await blurAllFrames(page);
      const panel = await openPanel(page);
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(contract.name);
      await panel.getByRole('radio', { name: 'In document order' }).check();
      return panel;
    };

    test('counts what the engine finds in the editor, and selects an occurrence to type over', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWithSample(page, baseUrl, openPanel);
      const text = await editorText(page);
      const expected = findPlaceholders(text);
      expect(expected.length).toBeGreaterThan(100);
      const count = panel.getByRole('status', { name: 'Unfilled placeholders' });
      await expect(count).toHaveText(`${expected.length} unfilled`);
      const items = panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');
      await expect(items).toHaveCount(expected.length);

      // The tenth placeholder, away from the start of the document.
      const chosen = expected[10];
      await items.nth(10).getByRole('button', { name: 'Select' }).click();
      await page.waitForTimeout(100);
      await page.keyboard.type('36');
      await expect.poll(() => editorText(page)).toBe(text.slice(0, chosen.start) + '36' + text.slice(chosen.end));
      await expect(count).toHaveText(`${expected.length - 1} unfilled`);

      if (contract.highlights) {
        // The highlight registry is per document: an iframe editor's highlights are in its frame.
        await expect.poll(() => highlighted(page, 'report-assistant-placeholder')).toBeGreaterThanOrEqual(expected.length - 2);
        await panel.close();
        await expect.poll(() => highlighted(page, null)).toBe(0);
      }
    });

    test('fills one placeholder, then all of the same, and undo restores', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWithSample(page, baseUrl, openPanel);
      const text = await editorText(page);
      const expected = findPlaceholders(text);
      const count = panel.getByRole('status', { name: 'Unfilled placeholders' });
      await expect(count).toHaveText(`${expected.length} unfilled`);
      const items = panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');

      // A count that takes a number: a wrong value is refused with a message, nothing changes.
      const index = expected.findIndex((p) => p.kind === 'count');
      const item = items.nth(index);
      await item.getByRole('textbox', { name: 'Value' }).fill('许多');
      await item.getByRole('button', { name: 'Fill', exact: true }).click();
      await expect(item.getByRole('alert')).toContainText('digits or Chinese numerals');
      expect(await editorText(page)).toBe(text);

      await item.getByRole('textbox', { name: 'Value' }).fill('十二');
      await item.getByRole('button', { name: 'Fill', exact: true }).click();
      const target = expected[index];
      const filled = text.slice(0, target.start) + '十二' + text.slice(target.end);
      await expect.poll(() => editorText(page)).toBe(filled);
      await expect(count).toHaveText(`${expected.length - 1} unfilled`);

      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(text);
      await expect(count).toHaveText(`${expected.length} unfilled`);

      // Fill every year written xxxx at once.
      const years = expected.filter((p) => placeholderKey(p) === placeholderKey(expected.find((q) => q.rule === 'x-year')!));
      expect(years.length).toBeGreaterThan(1);
      const yearItem = items.nth(expected.indexOf(years[0]));
      await yearItem.getByRole('textbox', { name: 'Value' }).fill('2023');
      await yearItem.getByRole('button', { name: `Fill all ${years.length} the same` }).click();
      let allFilled = text;
      for (const p of [...years].reverse()) allFilled = allFilled.slice(0, p.start) + '2023' + allFilled.slice(p.end);
      await expect.poll(() => editorText(page)).toBe(allFilled);
      await expect(count).toHaveText(`${expected.length - years.length} unfilled`);

      if (contract.fillAllUndoesAtOnce) {
        await undoOnce(page);
        await expect.poll(() => editorText(page)).toBe(text);
      }
    });
  });
}
