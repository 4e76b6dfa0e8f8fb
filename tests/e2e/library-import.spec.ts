/**
 * Bringing a library from another tool: a Text Blaze export, a TextExpander CSV and snippet
 * group, a Briskine CSV and an espanso match file go in through the backup's file button, are
 * previewed with their counts and what did not become a field, and merge after confirm through
 * the backup import (an abbreviation another snippet owns stays with it). Bad files are refused
 * with the reason and change nothing.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Snippet } from '@/utils/db/schema';
import { expect, test } from './fixtures';
import { replaceTables } from './extension-db';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/importers');
const NOW = Date.now();
const OWNER: Snippet = { id: 'lib-owner', title: '已有的总结', body: '已有的一段话。', tags: [], abbreviation: 'zj', createdAt: NOW, updatedAt: NOW, useCount: 2 };

async function stored(panel: Page): Promise<Snippet[]> {
  const snippets = await panel.evaluate(
    () =>
      new Promise<Snippet[]>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('snippets').objectStore('snippets').getAll();
          all.onsuccess = () => resolve(all.result as Snippet[]);
        };
      }),
  );
  return snippets.sort((a, b) => a.title.localeCompare(b.title));
}

/** What the import wrote of each snippet, as the fixtures' documentation makes it. */
const written = (s: Snippet) => ({ title: s.title, body: s.body, html: s.html, folder: s.folder, abbreviation: s.abbreviation, tags: s.tags });

async function openImport(page: Page, baseUrl: string, openPanel: (page: Page) => Promise<Page>, snippets: Snippet[] = []) {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  await replaceTables(panel, { snippets }, { clearDrafts: true });
  await panel.reload();
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await panel.getByText('Backup, storage and abbreviations').click();
  return panel;
}

/** Picks the file through the real file chooser of the import button. */
async function choose(panel: Page, path: string) {
  const [chooser] = await Promise.all([panel.waitForEvent('filechooser'), panel.getByText('Import backup…').click()]);
  await chooser.setFiles(join(FIXTURES, path));
}

test('a Text Blaze export is previewed with what has no counterpart, and merges on confirm', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  await choose(panel, 'textblaze/report-phrases.json');
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview).toContainText('Text Blaze export: 4 snippets read.');
  await expect(preview).toContainText('The import writes 4 records:');
  await expect(preview.getByRole('row', { name: /Snippets/ })).toHaveText(/Snippets\s*4\s*0\s*0/);
  await expect(preview.getByRole('row', { name: /Templates/ })).toHaveCount(0);
  await expect(preview.getByRole('list', { name: 'Not carried over as fields' }).getByRole('listitem')).toHaveText([
    '“Situation summary”: {formtoggle: name=附件} has no counterpart here; it stays in the text as written.',
    '“Situation summary”: {endformtoggle} has no counterpart here; it stays in the text as written.',
    '“Signature”: {key: enter} has no counterpart here; it stays in the text as written.',
  ]);
  expect(await stored(panel)).toEqual([]);

  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Imported 4 records. Undo import puts the library back as it was.');
  expect((await stored(panel)).map(written)).toEqual([
    {
      title: 'Meeting notice',
      body: '各位同事：定于{{date+1d:YYYY年M月D日}}在{{会议地点=三楼会议室}}召开{{会议类型:choice=周例会|月度总结会}}。{{cursor}}',
      html: undefined,
      folder: 'Report phrases',
      abbreviation: 'hy',
      tags: [],
    },
    { title: 'Signature', body: 'Best regards,\n{key: enter}The planning office', html: undefined, folder: 'Email', abbreviation: 'sig', tags: [] },
    {
      title: 'Situation summary',
      body: '{{情况说明:paragraph}}\n报送日期：{{报送日期:date}}\n{formtoggle: name=附件}附件见后。{endformtoggle}',
      html: undefined,
      folder: 'Report phrases',
      abbreviation: 'qk',
      tags: [],
    },
    {
      title: 'Thanks',
      body: 'Thank you, {{Name}}!\nPasted: {{clipboard}}\n{{snippet:sig}}',
      html: '<p>Thank you, <b>{{Name}}</b>!</p><p>Pasted: {{clipboard}}</p><p>{{snippet:sig}}</p>',
      folder: 'Email',
      abbreviation: 'ty',
      tags: [],
    },
  ]);

  // The same file again: every snippet is the same one, nothing to write.
  await choose(panel, 'textblaze/report-phrases.json');
  await expect(preview.getByRole('row', { name: /Snippets/ })).toHaveText(/Snippets\s*0\s*0\s*4/);
});

test('a TextExpander CSV keeps an abbreviation with the snippet that owns it', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel, [OWNER]);
  await choose(panel, 'textexpander/Work.csv');
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview).toContainText('TextExpander CSV: 3 snippets read.');
  await expect(preview.getByRole('list', { name: 'Not carried over as fields' })).toHaveText(
    '“Key press”: %key:tab% has no counterpart here; it stays in the text as written.',
  );
  await expect(preview.getByRole('note').filter({ hasText: 'abbreviation' })).toHaveText(
    '“Weekly summary” comes in without its abbreviation zj: “已有的总结” has it already and keeps it.',
  );
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported 3 records.');
  expect((await stored(panel)).map(written)).toEqual([
    { title: 'Key press', body: 'Next field%key:tab%done', html: undefined, folder: 'Work', abbreviation: 'tab', tags: [] },
    {
      title: 'Signature block',
      body: '{{Name=Zhang San}} \n{{Department:choice=Finance|Planning|Audit}}\nPhone: {{clipboard}}',
      html: undefined,
      folder: 'Work',
      abbreviation: 'qm',
      tags: [],
    },
    { title: 'Weekly summary', body: '本周工作总结（{{date:YYYY-MM-DD}}）：{{cursor}}', html: undefined, folder: 'Work', abbreviation: undefined, tags: [] },
    written(OWNER),
  ]);
});

test('a TextExpander snippet group leaves its script out and says why', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  await choose(panel, 'textexpander/Signatures.textexpander');
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview).toContainText('TextExpander snippet group: 2 snippets read.');
  await expect(preview.getByRole('list', { name: 'Not carried over as fields' }).getByRole('listitem')).toHaveText([
    '“Office address”: its formatting (RTF) cannot be read here; the plain text comes in.',
    '“My IP” runs a shell script and is not imported.',
  ]);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported 2 records.');
  expect((await stored(panel)).map(written)).toEqual([
    { title: 'Due tomorrow', body: 'Due on {{date+1d:MMMM D, YYYY}} & no later.', html: undefined, folder: 'Signatures', abbreviation: 'ddue', tags: [] },
    { title: 'Office address', body: '市财政局办公室\n人民路1号', html: undefined, folder: 'Signatures', abbreviation: 'addr', tags: [] },
  ]);
});

test('a Briskine CSV brings tags and HTML; what Briskine filled from the email is asked here', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  await choose(panel, 'briskine/templates.csv');
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview).toContainText('Briskine CSV: 2 snippets read.');
  await expect(preview.getByRole('list', { name: 'Not carried over as fields' }).getByRole('listitem')).toHaveText([
    '“Follow up”: {{to.first_name}} was filled in from the email; here it is a field you fill in before inserting.',
    '“Follow up”: {{#if from.first_name}} has no counterpart here; it stays in the text as written.',
    '“Follow up”: {{from.first_name}} was filled in from the email; here it is a field you fill in before inserting.',
    '“Follow up”: {{/if}} has no counterpart here; it stays in the text as written.',
    '“Follow up”: subject: Our meeting is not imported; snippets here have no email fields.',
    '“Short reply”: the trigger ok-1 does not come in as an abbreviation (one per snippet, letters and digits only).',
  ]);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported 2 records.');
  expect((await stored(panel)).map(written)).toEqual([
    {
      title: 'Follow up',
      body: 'Hi {{To first name}},\nThanks for your time today. {{cursor}}\n{{{{#if from.first_name}}{{From first name}}{{{{/if}}',
      html: '<p>Hi {{To first name}},</p><p>Thanks for your time today. {{cursor}}</p><p>{{{{#if from.first_name}}{{From first name}}{{{{/if}}</p>',
      folder: undefined,
      abbreviation: 'fu',
      tags: ['sales', 'follow-up'],
    },
    { title: 'Short reply', body: '收到，谢谢！', html: '<p>收到，谢谢！</p>', folder: undefined, abbreviation: undefined, tags: ['reply'] },
  ]);
});

test('an espanso match file brings triggers, dates, the clipboard and forms, and its import can be undone', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  await choose(panel, 'espanso/base.yml');
  const preview = panel.getByRole('group', { name: 'Import preview' });
  await expect(preview).toContainText('espanso match file: 4 snippets read.');
  await expect(preview.getByRole('list', { name: 'Not carried over as fields' }).getByRole('listitem')).toHaveText([
    '“Hello name, about topic”: the trigger :hello does not come in as an abbreviation (one per snippet, letters and digits only).',
    '“IP: output”: {{output}} (shell) has no counterpart here; it stays in the text as written.',
  ]);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Imported 4 records.');
  expect((await stored(panel)).map(written)).toEqual([
    { title: 'Hello name, about topic', body: 'Hello {{name}}, about {{topic:choice=budget|staffing}}:', html: undefined, folder: 'base', abbreviation: 'hi', tags: [] },
    { title: 'IP: output', body: 'IP: {{{{output}}', html: undefined, folder: 'base', abbreviation: 'ip', tags: [] },
    { title: 'Tomorrow is tomorrow', body: 'Tomorrow is {{date+1d:dddd, MMMM D}}. Clipboard: {{clipboard}}', html: undefined, folder: 'base', abbreviation: 'tmr', tags: [] },
    { title: '工作总结开头', body: '截至{{date:YYYY年MM月DD日}}，我单位完成{{cursor}}项工作。', html: undefined, folder: 'base', abbreviation: 'zj', tags: [] },
  ]);

  // The backup's undo takes a library import back too.
  await panel.getByRole('button', { name: 'Undo import' }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toHaveText('Import undone: the library is as it was before it.');
  expect(await stored(panel)).toEqual([]);
});

test('bad library files are refused with the reason and change nothing', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel, [OWNER]);
  const refusals: [string, string][] = [
    ['bad/truncated-textblaze.json', 'This Text Blaze export cannot be read: it is not valid JSON (it may have been cut short). Nothing was changed.'],
    ['bad/truncated.textexpander', 'This TextExpander snippet group cannot be read: it ends in the middle, as if it was cut short. Nothing was changed.'],
    ['bad/empty.csv', 'This file is empty. Nothing was changed.'],
    ['bad/binary.textexpander', 'This file is not text. Export the library as a text file (JSON, CSV, XML or YAML) and try again. Nothing was changed.'],
    ['bad/wrong-format.yml', 'This espanso match file cannot be read: it has no list of snippets (matches). Nothing was changed.'],
    ['bad/unclosed-quote.csv', 'This TextExpander CSV cannot be read: a quoted cell is never closed, or text follows its closing quote. Nothing was changed.'],
  ];
  for (const [path, reason] of refusals) {
    await choose(panel, path);
    await expect(panel.getByRole('alert')).toHaveText(reason);
    await expect(panel.getByRole('group', { name: 'Import preview' })).toHaveCount(0);
  }
  expect(await stored(panel)).toEqual([OWNER]);
});
