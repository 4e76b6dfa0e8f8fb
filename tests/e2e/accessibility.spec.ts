import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { eachTab, openDemoPanel } from './demo-panel';
import { expect, test } from './fixtures';

const seriousOrWorse = (impact: string | null | undefined) => impact === 'serious' || impact === 'critical';

/** What folds away is checked too: open every disclosure (a user opens it with Enter or Space). */
const openDisclosures = (panel: Page) => panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

test.describe('accessibility of the panel', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violation on any tab (${colorScheme})`, async ({ page, baseUrl, openPanel }) => {
      // axe walks the whole panel once per tab: on two busy cores that outlasts the default.
      test.setTimeout(120_000);
      const panel = await openDemoPanel(page, baseUrl, openPanel);
      await panel.emulateMedia({ colorScheme });
      await eachTab(panel, async (name) => {
        await openDisclosures(panel);
        const { violations } = await new AxeBuilder({ page: panel })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const found = violations
          .filter((v) => seriousOrWorse(v.impact))
          .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
        expect(found, `tab ${name}`).toEqual([]);
      });
    });
  }

  test('every control of every tab is reached with the keyboard and shows where focus is', async ({ page, baseUrl, openPanel }) => {
    const panel = await openDemoPanel(page, baseUrl, openPanel);
    const tabs = panel.getByRole('tablist').getByRole('tab');
    const count = await tabs.count();
    await tabs.first().focus();
    for (let i = 0; i < count; i++) {
      // Arrow keys move between tabs (only the selected tab is in the Tab order).
      if (i > 0) {
        await tabs.nth(i - 1).focus();
        await panel.keyboard.press('ArrowRight');
      }
      await expect(tabs.nth(i)).toBeFocused();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      const name = await tabs.nth(i).textContent();
      await openDisclosures(panel);
      await tabs.nth(i).focus();

      // Walk the Tab order once round the page, noting each stop and whether focus shows.
      const stops = new Set<string>();
      const unmarked: string[] = [];
      for (let step = 0; step < 200; step++) {
        await panel.keyboard.press('Tab');
        const stop = await panel.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          // Numbered by a counter, not by the marks present: a control can leave the page as focus
          // moves on (a checklist row closes), and its number must not be given again.
          const marks = window as unknown as { a11yStops?: number };
          el.dataset.a11yStop ??= String((marks.a11yStops = (marks.a11yStops ?? 0) + 1));
          const style = getComputedStyle(el);
          const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return { id: el.dataset.a11yStop, visible, what: el.outerHTML.slice(0, 80) };
        });
        if (!stop) continue;
        if (stops.has(stop.id)) break;
        stops.add(stop.id);
        if (!stop.visible) unmarked.push(stop.what);
      }
      expect(unmarked, `controls without a visible focus mark on tab ${name}`).toEqual([]);

      // Every enabled control on screen was a stop (a radio group is one stop, its arrow keys
      // choose within it).
      const missed = await panel.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>('button, input, textarea, select, summary, a[href], [tabindex]')];
        const groups = new Set<string>();
        return controls
          // checkVisibility: not inside a closed <details> or a hidden panel either.
          .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0)
          .filter((el) => {
            if (el instanceof HTMLInputElement && el.type === 'radio') {
              const group = el.name;
              if (groups.has(group)) return false;
              groups.add(group);
              return !document.querySelector(`input[name="${group}"][data-a11y-stop]`);
            }
            return el.dataset.a11yStop === undefined;
          })
          .map((el) => el.outerHTML.slice(0, 80));
      });
      expect(missed, `controls out of the Tab order on tab ${name}`).toEqual([]);
      await panel.evaluate(() => document.querySelectorAll('[data-a11y-stop]').forEach((el) => el.removeAttribute('data-a11y-stop')));
    }
  });
});

test('a keyboard user fills one placeholder after another without leaving the list', async ({ page, baseUrl, openPanel }) => {
  const panel = await openDemoPanel(page, baseUrl, openPanel);
  await panel.getByRole('radio', { name: 'In document order' }).check();
  const values = ['2025', '2', '12', '3', '5'];
  await panel.getByRole('textbox', { name: 'Value' }).first().focus();
  for (const [i, value] of values.entries()) {
    // Focus stays on the first Value box: the item that took the filled one's place.
    await expect(panel.getByRole('textbox', { name: 'Value' }).first()).toBeFocused();
    await panel.keyboard.type(value);
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText(`${values.length - i - 1} unfilled`);
  }
  await expect(panel.getByText('The document is ready to submit')).toBeFocused();
  const text = await page.locator('#summary').inputValue();
  expect(text).toContain('2025年工作总结');
  expect(text).toContain('举办为期2周的专题读书班，开展集中学习12次');
  expect(text).toContain('确定调研课题3个，形成调研报告5篇');
});
