/**
 * The Check section of the Checklist tab on real editors holding hand-written reports
 * (tests/fixtures/check-panel/): the findings expected are written out below by hand. Go to
 * selects exactly the flagged text in the editor; Fix and Fix all change exactly that text, as
 * one undo step; a rule switched off stays off after a reload, and Settings turns it back on.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/check-panel', name), 'utf8').replace(/\n$/, '');
const REPORT_ZH = fixture('report-zh.txt');
const REPORT_EN = fixture('report-en.txt');

/** One finding as the section should list it: the flagged text, the words before it on its line, its fix. */
interface Expected {
  flagged: string;
  before: string;
  fix?: string;
}

/** The Chinese report's findings, by rule name, in document order. */
const FINDINGS_ZH: Record<string, Expected[]> = {
  'Half-width punctuation': [
    { flagged: ',', before: '全年召开专题会议12次', fix: '，' },
    { flagged: ',', before: '全年召开专题会议12次,印发文件8份', fix: '，' },
  ],
  Ranges: [{ flagged: '3～5万元', before: '全年投入整改资金', fix: '3万元～5万元' }],
  'Repeated characters': [{ flagged: '的的', before: '一是部分单位对安全生产', fix: '的' }],
  'Masked words': [{ flagged: 'D', before: '二是个别企业', fix: '党' }],
  '报告: no request': [
    { flagged: '妥否', before: '我局将持续抓好安全生产工作。' },
    { flagged: '请批示', before: '我局将持续抓好安全生产工作。妥否，' },
  ],
  Dates: [{ flagged: '2023-12-20', before: '', fix: '2023年12月20日' }],
};

/** The English report's findings. */
const FINDINGS_EN: Record<string, Expected[]> = {
  'Unbalanced brackets': [{ flagged: '(', before: 'Revenue grew by 12% in the third quarter ' }],
  'Date formats': [{ flagged: '10/15/2023', before: 'The launch review is set for ' }],
  'TBD left': [{ flagged: 'TBD', before: 'Owner of the hiring plan: ' }],
};

interface Family {
  family: string;
  name: string;
  page: string;
}

const FAMILIES: Family[] = [
  { family: 'contenteditable', name: 'Rich text', page: 'editors/contenteditable.html' },
  { family: 'tinymce', name: 'TinyMCE', page: 'editors/tinymce.html' },
];

type EditorWindow = Window & {
  testEditor: {
    family: string;
    ready: Promise<void>;
    getText(): string;
    focus(): void;
    instance: unknown;
  };
};

/** The report as the editor's blocks: a numbered heading `一、` as a heading, every other line a paragraph. */
function reportHtml(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split('\n')
    .map((line) => (/^[一二三四五六七八九十]+、/.test(line) ? `<h2>${escape(line)}</h2>` : `<p>${escape(line)}</p>`))
    .join('');
}

/** Opens the editor page, puts the report in as the editor's starting content, and the panel on it. */
async function openWith(page: Page, baseUrl: string, openPanel: (page: Page) => Promise<Page>, family: Family, text: string) {
  await page.goto(`${baseUrl}/${family.page}`);
  await page.evaluate(() => (window as unknown as EditorWindow).testEditor.ready);
  await page.evaluate((html) => {
    const editor = (window as unknown as EditorWindow).testEditor;
    if (editor.family === 'tinymce') {
      const tiny = editor.instance as { setContent(html: string): void; undoManager: { clear(): void; add(): void } };
      tiny.setContent(html);
      // The report is where the writer starts: nothing before it to undo.
      tiny.undoManager.clear();
      tiny.undoManager.add();
    } else {
      (editor.instance as HTMLElement).innerHTML = html;
    }
  }, reportHtml(text));
  expect(await editorText(page)).toBe(text);
  await page.evaluate(() => (window as unknown as EditorWindow).testEditor.focus());
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText(family.name);
  return panel;
}

const editorText = (page: Page) => page.evaluate(() => (window as unknown as EditorWindow).testEditor.getText());

/** The editor's selection: its text, and the text of its block before it. */
const editorSelection = (page: Page) =>
  page.evaluate(() => {
    const editor = (window as unknown as EditorWindow).testEditor;
    const doc = editor.family === 'tinymce' ? (editor.instance as { getDoc(): Document }).getDoc() : document;
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const start = range.startContainer;
    const block = (start instanceof Element ? start : start.parentElement)!.closest('p, h1, h2, h3, li')!;
    const before = doc.createRange();
    before.selectNodeContents(block);
    before.setEnd(range.startContainer, range.startOffset);
    return { text: range.toString(), before: before.toString() };
  });

async function undoOnce(page: Page) {
  await page.evaluate(() => (window as unknown as EditorWindow).testEditor.focus());
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
}

const checkRegion = (panel: Page) => panel.getByRole('region', { name: 'Check' });
/** The findings of one rule: the list named by the rule. */
const ruleList = (check: Locator, rule: string) => check.getByRole('list', { name: rule, exact: true });
/** The rule's group: its heading line, buttons and findings. */
const ruleGroup = (check: Locator, rule: string) => check.getByRole('listitem').filter({ has: check.page().getByRole('list', { name: rule, exact: true }) });

/** `text` with `flagged`, found right after `before` on a line, replaced by `fix`. */
function fixedAt(text: string, { flagged, before, fix }: Expected): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(before + flagged));
  expect(index, `${before}${flagged}`).toBeGreaterThanOrEqual(0);
  lines[index] = before + fix + lines[index].slice(before.length + flagged.length);
  return lines.join('\n');
}

/** The section lists exactly the expected findings, rule by rule, each row's flagged text in order. */
async function expectFindings(check: Locator, expected: Record<string, Expected[]>) {
  const total = Object.values(expected).reduce((sum, list) => sum + list.length, 0);
  await expect(check.getByRole('button', { name: 'Go to', exact: true })).toHaveCount(total);
  for (const [rule, findings] of Object.entries(expected)) {
    const rows = ruleList(check, rule).getByRole('listitem');
    await expect(rows, rule).toHaveCount(findings.length);
    await expect(rows.locator('mark')).toHaveText(findings.map((f) => f.flagged.replace(/ /g, '␣')));
    // Fix is offered exactly where the finding has a fix.
    for (const [i, finding] of findings.entries()) {
      await expect(rows.nth(i).getByRole('button', { name: 'Fix', exact: true }), `${rule} #${i + 1}`).toHaveCount(finding.fix === undefined ? 0 : 1);
    }
  }
}

/** Every finding's Go to selects exactly its text, at its place. */
async function expectGoToSelects(page: Page, check: Locator, expected: Record<string, Expected[]>) {
  for (const [rule, findings] of Object.entries(expected)) {
    const rows = ruleList(check, rule).getByRole('listitem');
    for (const [i, finding] of findings.entries()) {
      await rows.nth(i).getByRole('button', { name: 'Go to', exact: true }).click();
      await expect(rows.nth(i).getByText('Selected in the page')).toBeVisible();
      await expect.poll(() => editorSelection(page), `${rule} #${i + 1}`).toEqual({ text: finding.flagged, before: finding.before });
    }
  }
}

/** Switches every rule back on, straight in the settings table: tests share one browser. */
async function allRulesOn(panel: Page) {
  await panel.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('report-drafting');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').delete('check-rules-off');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

for (const family of FAMILIES) {
  test.describe(`Check in ${family.name} (${family.family})`, () => {
    test('lists each finding written by hand under its rule, and Go to selects exactly its text', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWith(page, baseUrl, openPanel, family, REPORT_ZH);
      await allRulesOn(panel);
      const check = checkRegion(panel);
      await expectFindings(check, FINDINGS_ZH);
      await expect(ruleGroup(check, 'Masked words')).toContainText('Left over from sample material');
      await expect(ruleGroup(check, 'Half-width punctuation')).toContainText('GB/T 15834-2011');
      await expectGoToSelects(page, check, FINDINGS_ZH);
      // Nothing was written.
      expect(await editorText(page)).toBe(REPORT_ZH);
    });

    test('Fix changes exactly the flagged text, and one Ctrl+Z restores it', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWith(page, baseUrl, openPanel, family, REPORT_ZH);
      await allRulesOn(panel);
      const check = checkRegion(panel);
      for (const rule of ['Repeated characters', 'Ranges', 'Dates']) {
        const [finding] = FINDINGS_ZH[rule];
        await ruleList(check, rule).getByRole('button', { name: 'Fix', exact: true }).click();
        await expect.poll(() => editorText(page), rule).toBe(fixedAt(REPORT_ZH, finding));
        // Its finding goes; the message stays beside where it was.
        await expect(ruleList(check, rule)).toHaveCount(0);
        await expect(check.getByText('1 fixed.')).toBeVisible();
        await undoOnce(page);
        await expect.poll(() => editorText(page), `${rule} undone`).toBe(REPORT_ZH);
        await expect(ruleList(check, rule).getByRole('listitem')).toHaveCount(1);
      }
    });

    test('Fix all shows every change with its words, then makes them as one step', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWith(page, baseUrl, openPanel, family, REPORT_ZH);
      await allRulesOn(panel);
      const check = checkRegion(panel);
      const rule = 'Half-width punctuation';
      await ruleGroup(check, rule).getByRole('button', { name: 'Fix all', exact: true }).click();
      const preview = check.getByRole('group', { name: `Fix all: ${rule}` });
      const items = preview.getByRole('listitem');
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toHaveText('…全年召开专题会议12次,，印发文件8份,开展督查4轮。…');
      await expect(items.nth(1)).toHaveText('…召开专题会议12次,印发文件8份,，开展督查4轮。…');
      expect(await editorText(page)).toBe(REPORT_ZH);
      await preview.getByRole('button', { name: 'Make the 2 changes' }).click();
      // Last first, so that each finding's words before it are as they were.
      const fixed = [...FINDINGS_ZH[rule]].reverse().reduce(fixedAt, REPORT_ZH);
      expect(fixed).toContain('全年召开专题会议12次，印发文件8份，开展督查4轮。');
      await expect.poll(() => editorText(page)).toBe(fixed);
      await expect(ruleList(check, rule)).toHaveCount(0);
      await undoOnce(page);
      await expect.poll(() => editorText(page)).toBe(REPORT_ZH);
      await expect(ruleList(check, rule).getByRole('listitem')).toHaveCount(2);
    });

    test('checks an English report by the English rules', async ({ page, baseUrl, openPanel }) => {
      const panel = await openWith(page, baseUrl, openPanel, family, REPORT_EN);
      await allRulesOn(panel);
      const check = checkRegion(panel);
      await expectFindings(check, FINDINGS_EN);
      await expectGoToSelects(page, check, FINDINGS_EN);
      expect(await editorText(page)).toBe(REPORT_EN);
    });
  });
}

test.describe('Check rules and the ready state', () => {
  const family = FAMILIES[0];

  test('a rule switched off hides its findings, stays off after a reload, and Settings turns it on again', async ({ page, baseUrl, openPanel }) => {
    const panel = await openWith(page, baseUrl, openPanel, family, REPORT_ZH);
    await allRulesOn(panel);
    const check = checkRegion(panel);
    await expect(ruleList(check, 'Repeated characters').getByRole('listitem')).toHaveCount(1);
    await ruleGroup(check, 'Repeated characters').getByRole('button', { name: 'Switch off this rule' }).click();
    await expect(ruleList(check, 'Repeated characters')).toHaveCount(0);
    await expect(check.getByText('“Repeated characters” is switched off')).toBeVisible();
    // The other rules' findings stay.
    await expect(ruleList(check, 'Masked words').getByRole('listitem')).toHaveCount(1);

    await panel.reload();
    await expect(ruleList(checkRegion(panel), 'Masked words').getByRole('listitem')).toHaveCount(1);
    await expect(ruleList(checkRegion(panel), 'Repeated characters')).toHaveCount(0);

    await panel.getByRole('tab', { name: 'Settings' }).click();
    const rules = panel.getByRole('region', { name: 'Rules of the check' });
    const box = rules.getByRole('checkbox', { name: /^Repeated characters/ });
    await expect(box).not.toBeChecked();
    await expect(rules.getByRole('checkbox', { name: /^Masked words/ })).toBeChecked();
    await box.click();
    await expect(box).toBeChecked();
    await panel.getByRole('tab', { name: 'Checklist' }).click();
    await expect(ruleList(checkRegion(panel), 'Repeated characters').getByRole('listitem')).toHaveCount(1);
  });

  test('with nothing to fill, the document is ready once the check finds no error; warnings do not hold it up', async ({ page, baseUrl, openPanel }) => {
    const panel = await openWith(page, baseUrl, openPanel, family, REPORT_ZH);
    await allRulesOn(panel);
    await expect(panel.getByText('No placeholder left, but the check below found 1 error to correct before you submit.')).toBeVisible();
    const check = checkRegion(panel);
    await ruleList(check, 'Masked words').getByRole('button', { name: 'Fix', exact: true }).click();
    await expect(panel.getByText('No placeholder left and the check found no error. The document is ready to submit.')).toBeVisible();
    // The warnings are still listed.
    await expect(ruleList(check, 'Half-width punctuation').getByRole('listitem')).toHaveCount(2);
  });

  test('the section with findings and a fix-all preview open has no serious axe violation, light or dark', async ({ page, baseUrl, openPanel }) => {
    test.setTimeout(90_000);
    const panel = await openWith(page, baseUrl, openPanel, family, REPORT_ZH);
    await allRulesOn(panel);
    const check = checkRegion(panel);
    await ruleList(check, 'Masked words').getByRole('button', { name: 'Go to', exact: true }).click();
    await ruleGroup(check, 'Half-width punctuation').getByRole('button', { name: 'Fix all', exact: true }).click();
    await expect(check.getByRole('group', { name: 'Fix all: Half-width punctuation' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: panel })
        .include('.check')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const found = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
      expect(found, colorScheme).toEqual([]);
    }
  });
});
