/**
 * The placeholder checklist on a real editor holding the real sample report: the count is the
 * one counted by hand (tests/fixtures/samples/*.counts.json); Select then typing replaces exactly
 * that occurrence; Fill and fill-all change the editor and the count; undo restores; highlights
 * come and go with the panel.
 */
import type { Page } from '@playwright/test';
import type { EditorFamily } from '@/protocol/messages';
import { readSampleCounts } from '../unit/samples';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';

const SAMPLE = 'zh-duty-report-2023.txt';
const counts = readSampleCounts(SAMPLE);
const blanks = counts.checklist!;

/** `text` with the marks inside `context`, which occurs once, replaced by `value`. */
function filledAt(text: string, context: string, marks: string, value: string): string {
  const at = text.indexOf(context);
  expect(at, context).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(context, at + 1), `${context} occurs once`).toBe(-1);
  return text.slice(0, at) + context.replace(marks, value) + text.slice(at + context.length);
}

export interface ChecklistContract {
  family: EditorFamily;
  name: string;
  /** The editor's test page; `?sample=` is added. */
  page: string;
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

/** The text under every range highlighted as a placeholder, in every frame of the page. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const frame of page.frames()) {
    texts.push(
      ...(await frame
        .evaluate(() => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          return ['report-assistant-placeholder', 'report-assistant-current'].flatMap((name) => [...(registry.get(name) ?? [])].map((r) => r.toString()));
        })
        .catch(() => [] as string[])),
    );
  }
  return texts;
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
      await page.goto(`${baseUrl}/${contract.page}${separator}sample=${SAMPLE}`);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.ready);
      await page.evaluate(() => (window as unknown as TestEditorWindow).testEditor.focus());
      await blurAllFrames(page);
      const panel = await openPanel(page);
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(contract.name);
      await panel.getByRole('radio', { name: 'In document order' }).check();
      return panel;
    };

    test('counts the placeholders counted by hand, and selects an occurrence to type over', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWithSample(page, baseUrl, openPanel);
      const text = await editorText(page);
      const count = panel.getByRole('status', { name: 'Unfilled placeholders' });
      await expect(count).toHaveText(`${counts.total} unfilled`);
      const items = panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');
      // Only the rows in view are drawn; each says how many there are in all.
      await expect(items.first()).toHaveAttribute('aria-setsize', String(counts.total));

      // The eleventh placeholder, away from the start of the document.
      const chosen = blanks.eleventh;
      await items.nth(chosen.index).getByRole('button', { name: 'Select' }).click();
      // Typed once the panel says the blank is selected in the page, as a writer would.
      await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Selected in the page. Press F6 to type there.');
      await page.keyboard.type('36');
      await expect.poll(() => editorText(page)).toBe(filledAt(text, chosen.context, chosen.marks, '36'));
      await expect(count).toHaveText(`${counts.total - 1} unfilled`);

      if (contract.highlights) {
        // The highlight registry is per document: an iframe editor's highlights are in its frame.
        // One range per unfilled placeholder, each still over a blank after the edit: none over the
        // typed value, none left empty by it.
        await expect.poll(async () => (await highlightedTexts(page)).length).toBe(counts.total - 1);
        const texts = await highlightedTexts(page);
        expect(texts.filter((t) => t === '' || t.includes('36'))).toEqual([]);
        await panel.close();
        await expect.poll(() => highlighted(page, null)).toBe(0);
      }
    });

    test('fills one placeholder, then all of the same, and undo restores', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWithSample(page, baseUrl, openPanel);
      const text = await editorText(page);
      const count = panel.getByRole('status', { name: 'Unfilled placeholders' });
      await expect(count).toHaveText(`${counts.total} unfilled`);
      const items = panel.getByRole('list', { name: 'Placeholders' }).getByRole('listitem');

      // A count that takes a number: a wrong value is refused with a message, nothing changes.
      const target = blanks.firstCount;
      const item = items.nth(target.index);
      await item.getByRole('textbox', { name: 'Value' }).fill('许多');
      await item.getByRole('button', { name: 'Fill', exact: true }).click();
      await expect(item.getByRole('alert')).toContainText('digits or Chinese numerals');
      expect(await editorText(page)).toBe(text);

      await item.getByRole('textbox', { name: 'Value' }).fill('十二');
      await item.getByRole('button', { name: 'Fill', exact: true }).click();
      await expect.poll(() => editorText(page)).toBe(filledAt(text, target.context, target.marks, '十二'));
      await expect(count).toHaveText(`${counts.total - 1} unfilled`);

      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(text);
      await expect(count).toHaveText(`${counts.total} unfilled`);

      // Fill every year written xxxx年 at once (not the xxxx-xxxx年 ranges).
      const years = blanks.yearsWrittenXxxx年;
      const yearItem = items.nth(years.index);
      await yearItem.getByRole('textbox', { name: 'Value' }).fill('2023');
      await yearItem.getByRole('button', { name: `Fill all ${years.contexts.length} the same` }).click();
      // It shows the places first, and fills them only when told to.
      const preview = panel.getByRole('group', { name: `Fill all ${years.contexts.length}?` });
      await expect(preview.getByRole('listitem')).toHaveCount(years.contexts.length);
      expect(await editorText(page)).toBe(text);
      await preview.getByRole('button', { name: `Fill all ${years.contexts.length}`, exact: true }).click();
      const allFilled = years.contexts.reduce((filled, context) => filledAt(filled, context, years.marks, '2023'), text);
      await expect.poll(() => editorText(page)).toBe(allFilled);
      await expect(count).toHaveText(`${counts.total - years.contexts.length} unfilled`);

      // The fills go in as one change: one Ctrl+Z takes them all back.
      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(text);
      await expect(count).toHaveText(`${counts.total} unfilled`);
    });
  });
}
