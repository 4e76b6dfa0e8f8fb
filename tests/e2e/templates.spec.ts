/**
 * Templates in real editors: a section inserted after the excerpt's `二、` reads `三、` in the
 * editor's own model; renumbering after the caret goes through one request; a sample file is
 * imported through the panel and its section inserted; a bad file is refused with a message.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { importMaterial } from '@/utils/report/templates';
import { blurAllFrames } from './editor-contract';
import { replaceTables } from './extension-db';
import { expect, test } from './fixtures';

const SAMPLE = resolve(import.meta.dirname, '../fixtures/samples/zh-duty-report-2023.txt');
const editorText = (page: Page) => page.evaluate(() => window.testEditor.getText());
const editorHtml = (page: Page) => page.evaluate(() => window.testEditor.getHtml());

/** Clicks at the end of the block holding `text`, in whichever frame holds it. */
async function caretAfter(page: Page, text: string) {
  for (const frame of page.frames()) {
    const block = frame.getByText(text, { exact: true });
    if (await block.count()) {
      await block.click();
      await page.keyboard.press('End');
      await page.waitForTimeout(100);
      await blurAllFrames(page);
      return;
    }
  }
  throw new Error(`no block holds ${text}`);
}

async function openEditor(page: Page, baseUrl: string, path: string) {
  await page.goto(`${baseUrl}/${path}`);
  await page.evaluate(() => window.testEditor.ready);
  return editorText(page);
}

async function templatesTab(panel: Page, editorName: string) {
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText(editorName);
  await panel.getByRole('tab', { name: 'Templates' }).click();
}

/** The Insert section button of the section headed `heading` (not of its children). */
function insertSectionButton(panel: Page, heading: string) {
  const sections = panel.getByRole('region', { name: 'Sections' });
  return sections
    .getByRole('listitem')
    .filter({ has: panel.getByText(heading, { exact: true }) })
    .last()
    .getByRole('button', { name: 'Insert section' })
    .first();
}

for (const { name, path, heading } of [
  { name: 'TinyMCE', path: 'editors/tinymce.html', heading: /<h2>三、主要工作及成效<\/h2>/ },
  { name: 'Lexical', path: 'editors/lexical.html', heading: /<h2[^>]*>(?:<span[^>]*>)?三、主要工作及成效(?:<\/span>)?<\/h2>/ },
]) {
  test(`a top-level section inserted after 二、 in ${name} reads 三、 in the editor's model`, async ({ page, baseUrl, openPanel }) => {
    const original = await openEditor(page, baseUrl, path);
    expect(original).toMatch(/^一、主要工作\n.*\n二、存在问题\n一是学习不够深入。$/);
    await caretAfter(page, '一是学习不够深入。');
    const panel = await openPanel(page);
    await templatesTab(panel, name);
    await panel.getByRole('button', { name: '年度工作总结' }).click();
    await insertSectionButton(panel, '主要工作及成效').click();
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

    // Numbered to fit: 三、 after the document's 二、, its children （一）（二）（三） under it;
    // written out by hand from the built-in 年度工作总结 (utils/report/templates/builtin-zh.ts).
    const expected = [
      original,
      '三、主要工作及成效',
      '全年共承担重点任务xx项，已完成xx项，完成率xx%。主要抓了以下几方面工作。',
      '（一）聚焦中心任务，推动重点工作落地见效',
      '围绕……，制定年度工作方案，明确责任分工和完成时限，实行月调度、季通报。全年完成……xx项，比上年增长xx%。',
      '（二）健全制度机制，提升规范化管理水平',
      '修订完善……等制度xx项，建立……工作机制，……，工作流程更加规范，办理时限平均缩短xx天。',
      '（三）加强队伍建设，激发干事创业活力',
      '组织业务培训xx期、参训xx人次，选派xx名干部到基层一线锻炼，……，队伍整体素质稳步提升。',
    ].join('\n');
    await expect.poll(() => editorText(page)).toBe(expected);
    const html = await editorHtml(page);
    expect(html).toMatch(heading);
    expect(html).toMatch(/<h3[^>]*>(?:<span[^>]*>)?（一）聚焦中心任务，推动重点工作落地见效/);
  });
}

test('a whole template goes into a text area as plain text, its fields filled', async ({ page, baseUrl, openPanel }) => {
  const original = await openEditor(page, baseUrl, 'editors/textarea.html');
  await page.locator('textarea').click();
  await page.keyboard.press('Control+End');
  await blurAllFrames(page);
  const panel = await openPanel(page);
  await templatesTab(panel, 'Text area');
  await panel.getByRole('button', { name: '请示' }).click();
  await panel.getByRole('textbox', { name: '请示事项', exact: true }).fill('购置办公设备');
  await panel.getByRole('button', { name: 'Insert whole template' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

  // Written out by hand from the built-in 请示 (utils/report/templates/builtin-zh.ts): the
  // excerpt ends at 二、存在问题, so its parts count on at 三、 and 四、; the title stays out of a
  // report already begun; the fields not filled stay for the checklist.
  expect(original).toBe('一、主要工作\n今年以来，我们围绕xx中心工作，完成了xx项任务。\n二、存在问题\n一是学习不够深入。');
  const expected = [
    original,
    '{{主送机关}}：',
    '为……，根据《……》有关规定，结合我单位实际，拟……。为此，特申请……。',
    '三、基本情况',
    '……。目前，……存在……问题，亟需……。',
    '四、请示事项',
    '申请……，所需经费xx万元，拟从……列支；……。',
    '妥否，请批示。',
    '',
    '附件：……',
    '',
    '{{单位名称}}',
    '{{日期}}',
    '（联系人：{{联系人}}，联系电话：{{联系电话}}）',
  ].join('\n');
  await expect.poll(() => editorText(page)).toBe(expected);
});

test('a template asks its fields by kind: a default, a choice, a date picked; what is left empty stays a blank; one Ctrl+Z', async ({ page, baseUrl, openPanel }) => {
  const original = await openEditor(page, baseUrl, 'editors/textarea.html');
  await page.locator('textarea').click();
  await page.keyboard.press('Control+End');
  await blurAllFrames(page);
  const panel = await openPanel(page);
  const now = Date.now();
  await replaceTables(panel, {
    templates: [
      {
        id: 'notice-with-fields',
        title: '会议通知（字段）',
        kind: 'notice',
        description: '',
        language: 'zh',
        // Unnumbered, so what goes in does not depend on the document's numbering.
        sections: [{ heading: '会议通知', level: 1, numbered: false, body: '{{单位=市财政局}}定于{{开会日期:date}}召开会议，密级：{{密级:choice=公开|内部}}。\n联系人：{{联系人}}。' }],
        createdAt: now,
        updatedAt: now,
      },
    ],
  });
  await panel.reload();
  await templatesTab(panel, 'Text area');
  await panel.getByRole('button', { name: '会议通知（字段）' }).click();
  const fields = panel.getByRole('group', { name: 'Fill in before inserting' });
  await expect(fields.getByRole('textbox', { name: '单位' })).toHaveAttribute('placeholder', '市财政局');
  await fields.getByRole('combobox', { name: '密级' }).selectOption('内部');
  await fields.getByLabel('开会日期').fill('2024-03-11');
  await panel.getByRole('button', { name: 'Insert whole template' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

  // Written by hand: the default, the choice, the date in Chinese; 联系人 left for the checklist.
  const inserted = '会议通知\n市财政局定于2024年3月11日召开会议，密级：内部。\n联系人：{{联系人}}。';
  await expect.poll(() => editorText(page)).toBe(`${original}\n${inserted}`);
  await page.locator('textarea').focus();
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(original);

  // The editor shows the section's fields as chips, and a mistake with its place.
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  const body = panel.getByRole('textbox', { name: 'Text', exact: true });
  await expect(panel.getByRole('list', { name: 'Fields in this section' }).getByRole('listitem')).toHaveText(['单位', '开会日期 · date', '密级 · choice', '联系人']);
  await body.fill('{{截止:dat}}前报送。');
  await expect(panel.getByRole('alert')).toHaveText('Line 1, column 1: “dat” is not a kind of field; use text, paragraph, choice, date or number.');
});

test('renumbering after the caret turns the old 二、 into 三、 in one request', async ({ page, baseUrl, openPanel }) => {
  const original = await openEditor(page, baseUrl, 'editors/contenteditable.html');
  await caretAfter(page, '今年以来，我们围绕xx中心工作，完成了xx项任务。');
  const panel = await openPanel(page);
  await templatesTab(panel, 'Rich text');
  await panel.getByRole('button', { name: '年度工作总结' }).click();
  await insertSectionButton(panel, '存在的问题和不足').click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
  // It lands after 一、 and reads 二、; the document's own 二、 follows it, unchanged so far.
  await expect.poll(() => editorText(page)).toBe(original.replace('\n二、存在问题', '\n二、存在的问题和不足\n一是……；二是……；三是……。\n二、存在问题'));

  await panel.getByRole('button', { name: 'Renumber after caret' }).click();
  await panel.getByRole('group', { name: 'Renumbering preview' }).getByRole('button', { name: 'Renumber them' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Headings renumbered after the caret: 1. Ctrl+Z in the editor takes it back.');
  await expect.poll(() => editorText(page)).toBe(original.replace('\n二、存在问题', '\n二、存在的问题和不足\n一是……；二是……；三是……。\n三、存在问题'));

  // In order now: nothing more to change.
  await panel.getByRole('button', { name: 'Renumber after caret' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('The numbering after the caret is already in order.');
});

test('imports the sample file and inserts its second section into a contenteditable', async ({ page, baseUrl, openPanel }) => {
  const original = await openEditor(page, baseUrl, 'editors/contenteditable.html');
  await caretAfter(page, '一是学习不够深入。');
  const panel = await openPanel(page);
  await templatesTab(panel, 'Rich text');
  await panel.getByRole('button', { name: 'Import sample' }).click();
  await panel.getByLabel('Open a file (.txt, .md, .docx)').setInputFiles(SAMPLE);

  // Every change listed under its rule; the cleaned text and its sections previewed.
  const imported = importMaterial(readFileSync(SAMPLE, 'utf8'));
  if (!imported.ok) throw new Error('the sample did not import');
  await expect(panel.getByText(`Changes: ${imported.changes.length}`, { exact: true })).toBeVisible();
  const rules = panel.getByRole('list', { name: 'Cleanup rules' });
  await expect(rules.getByRole('checkbox')).toHaveCount(10);
  for (const [rule, name, before] of [
    ['paywall-markers', 'Paywall markers (##paid…##)', '##paidbegin##'],
    ['ad-shop-labels', 'Lines with a material shop label (【…素材库】)', '【哒哒素材库】'],
    ['masked-party', 'D standing for 党', 'D'],
  ]) {
    const own = imported.changes.filter((c) => c.ruleId === rule);
    const item = rules.getByRole('listitem').filter({ has: panel.getByRole('checkbox', { name }) });
    await item.locator('summary').first().click();
    await expect(item.locator('summary').first()).toHaveText(`Changes: ${own.length}`);
    const first = panel.getByRole('list', { name: `Changes by ${name}` }).getByRole('listitem').first();
    await expect(first).toContainText(before);
  }
  await panel.locator('summary', { hasText: 'Cleaned text' }).click();
  const cleaned = await panel.getByRole('textbox', { name: 'Cleaned text' }).inputValue();
  expect(cleaned).not.toMatch(/哒哒|##paid|D组/);
  expect(cleaned).toContain('整改整治');
  const headings = panel.getByRole('list', { name: 'Sections' }).getByRole('listitem');
  await expect(headings).toHaveCount(7);
  await expect(headings.nth(2)).toHaveText('坚持凝心铸魂，主题教育见行见效');

  // A rule turned off is re-run: D stays, then comes back on.
  await panel.getByRole('checkbox', { name: 'D standing for 党' }).uncheck();
  await expect(panel.getByRole('textbox', { name: 'Cleaned text' })).toHaveValue(/机关D组/);
  await panel.getByRole('checkbox', { name: 'D standing for 党' }).check();
  await expect(panel.getByRole('textbox', { name: 'Cleaned text' })).not.toHaveValue(/D组/);

  await expect(panel.getByRole('textbox', { name: 'Template title' })).toHaveValue('2023年市人大常委会机关党组落实全面从严治党主体责任情况报告');
  await panel.getByRole('textbox', { name: 'Template title' }).fill('机关党组述责报告');
  await panel.getByRole('button', { name: 'Save as template' }).click();
  await expect(panel.getByRole('heading', { name: '机关党组述责报告' })).toBeVisible();

  // The second of its five sections, inserted after the excerpt's 二、: it reads 三、.
  await insertSectionButton(panel, '坚持凝心铸魂，主题教育见行见效').click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
  const body = imported.sections[2].body;
  await expect.poll(() => editorText(page)).toBe(`${original}\n三、坚持凝心铸魂，主题教育见行见效\n${body}`);

  // Saved among the user's own templates, and deletable.
  await panel.getByRole('button', { name: 'All templates' }).click();
  await expect(panel.getByRole('list', { name: 'My templates' })).toContainText('机关党组述责报告');
});

test('a bad file is refused with a clear message and nothing is saved', async ({ page, baseUrl, openPanel }) => {
  await openEditor(page, baseUrl, 'editors/contenteditable.html');
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Templates' }).click();
  const mineList = panel.getByRole('list', { name: 'My templates' });
  // Once the database has answered: the list of one's own templates, or the word that there is none.
  await expect(mineList.or(panel.getByText('No templates of your own yet.', { exact: false }))).toBeVisible();
  const mine = mineList.getByRole('listitem');
  // The list fills as the database answers: count it once it has stopped growing.
  let before = -1;
  for (let now = await mine.count(); now !== before; now = await mine.count()) {
    before = now;
    await panel.waitForTimeout(300);
  }
  await panel.getByRole('button', { name: 'Import sample' }).click();
  const input = panel.getByLabel('Open a file (.txt, .md, .docx)');
  const alert = panel.getByRole('alert');

  await input.setInputFiles({ name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await expect(alert).toHaveText('This file does not hold text. Open a .txt, .md or .docx file.');
  await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(alert).toContainText('There is no text to import');
  // A .docx that is a damaged archive: mammoth is loaded and fails.
  await input.setInputFiles({ name: 'damaged.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(64).fill(1)]) });
  await expect(alert).toContainText('This Word document could not be read');
  await expect(panel.getByRole('button', { name: 'Save as template' })).toHaveCount(0);

  // A good .docx after the bad ones imports.
  await input.setInputFiles(resolve(process.cwd(), 'tests/e2e/files/short-report.docx'));
  await expect(alert).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Sections' }).getByRole('listitem')).toHaveText(['工作总结', '主要工作', '存在问题']);

  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(mine).toHaveCount(before);
});

test('pasted material becomes a template that can be renamed, exported and deleted', async ({ page, baseUrl, openPanel }) => {
  await openEditor(page, baseUrl, 'editors/contenteditable.html');
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: 'Import sample' }).click();
  await panel.getByRole('textbox', { name: 'Or paste the text' }).fill('季度工作小结\n一、完成情况\n完成xx项。\n二、下步打算\n继续推进。##paidend##\n【某某素材库】会员每日更新');
  await expect(panel.getByRole('list', { name: 'Sections' }).getByRole('listitem')).toHaveText(['季度工作小结', '完成情况', '下步打算']);
  await expect(panel.getByRole('textbox', { name: 'Template title' })).toHaveValue('季度工作小结');
  await panel.getByRole('button', { name: 'Save as template' }).click();
  await expect(panel.getByRole('heading', { name: '季度工作小结' })).toBeVisible();

  await panel.getByRole('button', { name: 'Edit' }).click();
  await panel.getByRole('textbox', { name: 'Template title' }).fill('');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Give the template a title.');
  await panel.getByRole('textbox', { name: 'Template title' }).fill('二季度小结');
  await panel.getByRole('textbox', { name: 'Heading' }).nth(2).fill('下一步打算');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('heading', { name: '二季度小结' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Sections' })).toContainText('下一步打算');

  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('二季度小结.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'report-drafting-template', version: 1, template: { title: '二季度小结', kind: 'imported', language: 'zh' } });
  expect(exported.template.sections.map((s: { heading: string }) => s.heading)).toEqual(['季度工作小结', '完成情况', '下一步打算']);
  expect(exported.template.sections[2].body).toBe('继续推进。');

  await panel.getByRole('button', { name: 'Delete' }).click();
  await panel.getByRole('button', { name: 'Delete for good' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Deleted “二季度小结”.');
  await expect(panel.getByRole('button', { name: 'Import sample' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '二季度小结' })).toHaveCount(0);
});
