/**
 * Numbering that fits, on the demo page's rich-text editor (`#duty`, a contenteditable): a
 * section after `二、存在的问题` and its `一是……二是……` paragraph reads `三、`; an insertion that
 * leaves a repeated number after it offers to renumber, in one Ctrl+Z step; a whole template's
 * title goes in only into an empty editor or when asked. Expected blocks are written out here.
 */
import type { Page } from '@playwright/test';
import { blurAllFrames } from './editor-contract';
import { expect, test } from './fixtures';

const ORIGINAL = [
  '一、主要工作',
  '检视整改强治理、抓长远。建立机关问题清单，检视查摆问题xx个，提出对策措施xx条。',
  '二、存在的问题',
  '对照全面从严治党的要求，还存在一定差距。一是理论学习不够深入；二是【具体问题】。',
];

/** The editor's blocks as the page shows them, top-level children of the contenteditable. */
const blocks = (page: Page) =>
  page.locator('#duty').evaluate((root) => [...root.children].map((block) => block.textContent ?? '').filter((text) => text.trim()));
const headingBlocks = (page: Page) =>
  page.locator('#duty').evaluate((root) => [...root.querySelectorAll('h1, h2, h3')].map((heading) => `${heading.tagName.toLowerCase()} ${heading.textContent}`));

/** Opens the demo page with the caret at the end of the block that reads `text`. */
async function demoWithCaretAfter(page: Page, baseUrl: string, text: string) {
  await page.goto(`${baseUrl}/demo.html`);
  expect(await blocks(page)).toEqual(ORIGINAL);
  await page.locator('#duty').getByText(text, { exact: true }).click();
  await page.keyboard.press('End');
  await page.waitForTimeout(100);
  await blurAllFrames(page);
}

/** Opens the panel on the demo's rich-text editor, once it watches its text, at a template. */
async function templatePanel(page: Page, openPanel: (page: Page) => Promise<Page>, template: string) {
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Outline' }).click();
  await expect(panel.getByRole('list', { name: 'Outline' })).toContainText('存在的问题');
  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: template, exact: true }).click();
  return panel;
}

/** The Insert section button of the top-level section headed `heading`. */
function insertSection(panel: Page, heading: string) {
  return panel
    .getByRole('region', { name: 'Sections' })
    .getByRole('listitem')
    .filter({ has: panel.getByText(heading, { exact: true }) })
    .last()
    .getByRole('button', { name: 'Insert section' })
    .first();
}

async function undoOnce(page: Page) {
  await page.locator('#duty').focus();
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
}

test('a section inserted after 二、 and its 一是……二是…… paragraph reads 三、, and the Outline finds it in order', async ({ page, baseUrl, openPanel }) => {
  await demoWithCaretAfter(page, baseUrl, ORIGINAL[3]);
  const panel = await templatePanel(page, openPanel, '年度工作总结');
  await insertSection(panel, '主要工作及成效').click();
  const result = panel.getByRole('status', { name: 'Result' });
  await expect(result).toHaveText('Inserted into Rich text “述职报告”.');
  await expect(panel.getByRole('button', { name: 'Renumber the headings after it' })).toHaveCount(0);

  await expect.poll(() => headingBlocks(page)).toEqual([
    'h2 三、主要工作及成效',
    'h3 （一）聚焦中心任务，推动重点工作落地见效',
    'h3 （二）健全制度机制，提升规范化管理水平',
    'h3 （三）加强队伍建设，激发干事创业活力',
  ]);
  const after = await blocks(page);
  expect(after.slice(0, 5)).toEqual([...ORIGINAL, '三、主要工作及成效']);

  await panel.getByRole('tab', { name: 'Outline' }).click();
  await expect(panel.locator('.outline-summary')).toHaveText('7 headings · numbering in order');
  await expect(panel.getByRole('list', { name: 'Outline' }).getByRole('note')).toHaveCount(0);

  await undoOnce(page);
  await expect.poll(() => blocks(page)).toEqual(ORIGINAL);
});

test('an insertion that leaves a repeated number after it offers to renumber, and one Ctrl+Z takes the renumbering back', async ({ page, baseUrl, openPanel }) => {
  await demoWithCaretAfter(page, baseUrl, ORIGINAL[1]);
  const panel = await templatePanel(page, openPanel, '年度工作总结');
  await insertSection(panel, '存在的问题和不足').click();
  const result = panel.getByRole('status', { name: 'Result' });
  await expect(result).toHaveText('Inserted into Rich text “述职报告”. The numbering after it is out of order: “二、” should read “三、”.');
  const inserted = [ORIGINAL[0], ORIGINAL[1], '二、存在的问题和不足', '一是……；二是……；三是……。'];
  await expect.poll(() => blocks(page)).toEqual([...inserted, ...ORIGINAL.slice(2)]);

  // The offer stands beside the button that inserted.
  const section = panel.getByRole('region', { name: 'Sections' }).getByRole('listitem').filter({ has: panel.getByText('存在的问题和不足', { exact: true }) });
  await section.getByRole('button', { name: 'Renumber the headings after it' }).click();
  await expect(result).toHaveText('1 heading renumbered. Ctrl+Z in the editor takes it back.');
  const renumbered = [...inserted, '三、存在的问题', ORIGINAL[3]];
  await expect.poll(() => blocks(page)).toEqual(renumbered);

  await undoOnce(page);
  await expect.poll(() => blocks(page)).toEqual([...inserted, ...ORIGINAL.slice(2)]);
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+z');
  await expect.poll(() => blocks(page)).toEqual(ORIGINAL);
});

// Renumbering sends every marker at once (replace-each); the editor takes them as one change.
test('renumbering several headings after an insertion is one Ctrl+Z step', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/demo.html`);
  // A longer report: the section goes in after 一、's paragraph, ahead of 二、 and 三、.
  await page.locator('#duty').evaluate((root) => {
    root.innerHTML = '<p>一、主要工作</p><p>正文一。</p><p>二、存在的问题</p><p>正文二。</p><p>三、下一步打算</p><p>正文三。</p>';
  });
  const original = ['一、主要工作', '正文一。', '二、存在的问题', '正文二。', '三、下一步打算', '正文三。'];
  await page.locator('#duty').getByText('正文一。', { exact: true }).click();
  await page.keyboard.press('End');
  await blurAllFrames(page);
  const panel = await templatePanel(page, openPanel, '年度工作总结');
  await insertSection(panel, '存在的问题和不足').click();
  const inserted = ['一、主要工作', '正文一。', '二、存在的问题和不足', '一是……；二是……；三是……。'];
  await expect.poll(() => blocks(page)).toEqual([...inserted, ...original.slice(2)]);
  await panel.getByRole('button', { name: 'Renumber the headings after it' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('2 headings renumbered. Ctrl+Z in the editor takes it back.');
  await expect.poll(() => blocks(page)).toEqual([...inserted, '三、存在的问题', '正文二。', '四、下一步打算', '正文三。']);

  await undoOnce(page);
  await expect.poll(() => blocks(page)).toEqual([...inserted, ...original.slice(2)]);
});

test('a whole template goes in without its title into a report begun, with it when asked or when the editor is empty', async ({ page, baseUrl, openPanel }) => {
  await demoWithCaretAfter(page, baseUrl, ORIGINAL[3]);
  const panel = await templatePanel(page, openPanel, '述职报告');
  const withTitle = panel.getByRole('checkbox', { name: 'Include the title' });
  await expect(withTitle).not.toBeChecked();
  await panel.getByRole('button', { name: 'Insert whole template' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into Rich text “述职报告”.');
  // Counted on from the report's 二、; no <h1>, the opening paragraph first.
  await expect.poll(() => headingBlocks(page)).toEqual([
    'h2 三、加强学习，不断提高政治素质和业务能力',
    'h2 四、履职尽责，扎实推进分管工作',
    'h3 （一）抓好……工作',
    'h3 （二）推进……工作',
    'h3 （三）完成领导交办的其他任务',
    'h2 五、严于律己，认真落实党风廉政建设责任',
    'h2 六、存在的不足和今后努力方向',
  ]);
  // The opening paragraph follows the report's last paragraph (whether in a block of its own is
  // the placement's concern, tested in editors/placement.spec.ts).
  expect((await blocks(page)).join('\n')).toMatch(/二是【具体问题】。\n?本人现任\{\{单位名称\}\}\{\{职务\}\}/);
  await undoOnce(page);
  await expect.poll(() => blocks(page)).toEqual(ORIGINAL);

  await withTitle.check();
  await page.locator('#duty').getByText(ORIGINAL[3], { exact: true }).click();
  await page.keyboard.press('End');
  await blurAllFrames(page);
  await panel.getByRole('button', { name: 'Insert whole template' }).click();
  await expect.poll(async () => (await headingBlocks(page))[0]).toBe('h1 {{年度}}年度个人述职报告');

  // An empty editor: the title goes in by itself, and nothing asks about it.
  await page.locator('#duty').evaluate((root) => {
    root.innerHTML = '<p><br></p>';
  });
  await page.locator('#duty').click();
  await blurAllFrames(page);
  await expect(withTitle).toHaveCount(0);
  await panel.getByRole('button', { name: 'Insert whole template' }).click();
  await expect.poll(async () => (await headingBlocks(page)).slice(0, 2)).toEqual(['h1 {{年度}}年度个人述职报告', 'h2 一、加强学习，不断提高政治素质和业务能力']);
});
