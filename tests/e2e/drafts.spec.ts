/**
 * Work in progress survives: a half-written snippet, a template being edited, pasted sample
 * material and a settings form are still there after switching panel tabs and after closing the
 * panel and opening it again; the undo offer after a delete outlives a tab switch.
 */
import type { Page } from '@playwright/test';
import type { Snippet, Template } from '@/utils/db/schema';
import { expect, test } from './fixtures';
import { replaceTables } from './extension-db';

const NOW = Date.now();
const STUDY: Snippet = { id: 'draft-study', title: '理论学习', body: '持续深化理论学习。', tags: [], createdAt: NOW, updatedAt: NOW, useCount: 0 };
const MINE: Template = {
  id: 'draft-template',
  title: '季度小结',
  kind: 'own',
  description: '',
  language: 'zh',
  sections: [{ heading: '一、主要工作', level: 1, body: '完成了xx项任务。' }],
  createdAt: NOW,
  updatedAt: NOW,
};

/** The database's snippets and templates replaced by these, drafts left behind by other tests gone, the panel reloaded. */
async function reset(panel: Page, snippets: Snippet[] = [], templates: Template[] = []) {
  await replaceTables(panel, { snippets, templates }, { clearDrafts: true });
  await panel.reload();
}

const tab = (panel: Page, name: string) => panel.getByRole('tab', { name }).click();

/** Closes the panel and opens it again on the same page. */
async function reopen(panel: Page, page: Page, openPanel: (page: Page) => Promise<Page>) {
  await panel.close();
  return openPanel(page);
}

test('a half-written snippet survives a tab switch and closing the panel, and goes when cancelled', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  let panel = await openPanel(page);
  await reset(panel);
  await tab(panel, 'Snippets');
  await panel.getByRole('button', { name: 'New snippet' }).click();
  await panel.getByRole('textbox', { name: 'Title' }).fill('年终致辞');
  await panel.getByRole('textbox', { name: 'Body' }).fill('同志们：一年来，我们');
  await panel.getByRole('textbox', { name: 'Tags' }).fill('讲话');

  await tab(panel, 'Templates');
  await tab(panel, 'Snippets');
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('年终致辞');
  await expect(panel.getByRole('textbox', { name: 'Body' })).toHaveValue('同志们：一年来，我们');

  panel = await reopen(panel, page, openPanel);
  await tab(panel, 'Snippets');
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('年终致辞');
  await expect(panel.getByRole('textbox', { name: 'Body' })).toHaveValue('同志们：一年来，我们');
  await expect(panel.getByRole('textbox', { name: 'Tags' })).toHaveValue('讲话');

  await panel.getByRole('button', { name: 'Cancel' }).click();
  panel = await reopen(panel, page, openPanel);
  await tab(panel, 'Snippets');
  await expect(panel.getByRole('searchbox', { name: 'Search snippets' })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Body' })).toHaveCount(0);
});

test('a template being edited survives a tab switch and closing the panel', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  let panel = await openPanel(page);
  await reset(panel, [], [MINE]);
  await tab(panel, 'Templates');
  await panel.getByRole('button', { name: '季度小结' }).click();
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await panel.getByRole('textbox', { name: 'Template title' }).fill('二季度小结');
  await panel.getByRole('textbox', { name: 'Text', exact: true }).fill('完成了12项任务，');

  await tab(panel, 'Outline');
  await tab(panel, 'Templates');
  await expect(panel.getByRole('textbox', { name: 'Template title' })).toHaveValue('二季度小结');

  panel = await reopen(panel, page, openPanel);
  await tab(panel, 'Templates');
  await expect(panel.getByRole('textbox', { name: 'Template title' })).toHaveValue('二季度小结');
  await expect(panel.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('完成了12项任务，');
  // Saved from the reopened panel, the draft is the template.
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('status', { name: 'Result' })).toContainText('二季度小结');
  const stored = await panel.evaluate(
    () =>
      new Promise<Template>((resolve) => {
        const request = indexedDB.open('report-drafting');
        request.onsuccess = () => {
          const get = request.result.transaction('templates').objectStore('templates').get('draft-template');
          get.onsuccess = () => resolve(get.result as Template);
        };
      }),
  );
  expect([stored.title, stored.sections[0].body]).toEqual(['二季度小结', '完成了12项任务，']);
});

test('pasted sample material survives a tab switch and closing the panel', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  let panel = await openPanel(page);
  await reset(panel);
  await tab(panel, 'Templates');
  await panel.getByRole('button', { name: 'Import sample' }).click();
  const material = '2023年度述职报告\n一、履职情况\n本人认真学习xx精神。\n【哒哒素材库】关注获取更多';
  await panel.getByRole('textbox', { name: 'Or paste the text' }).fill(material);

  await tab(panel, 'Checklist');
  await tab(panel, 'Templates');
  await expect(panel.getByRole('textbox', { name: 'Or paste the text' })).toHaveValue(material);

  panel = await reopen(panel, page, openPanel);
  await tab(panel, 'Templates');
  await expect(panel.getByRole('textbox', { name: 'Or paste the text' })).toHaveValue(material);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('button', { name: 'Import sample' })).toBeVisible();
});

test('a settings form draft survives a tab switch and closing the panel', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  let panel = await openPanel(page);
  await reset(panel);
  await tab(panel, 'Settings');
  await panel.getByRole('textbox', { name: 'Site to turn off' }).fill('*.half-typed.exam');

  await tab(panel, 'Snippets');
  await tab(panel, 'Settings');
  await expect(panel.getByRole('textbox', { name: 'Site to turn off' })).toHaveValue('*.half-typed.exam');

  panel = await reopen(panel, page, openPanel);
  await tab(panel, 'Settings');
  await expect(panel.getByRole('textbox', { name: 'Site to turn off' })).toHaveValue('*.half-typed.exam');
  await panel.getByRole('textbox', { name: 'Site to turn off' }).fill('');
});

test('the undo offer after a delete survives a tab switch', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  await reset(panel, [STUDY]);
  await tab(panel, 'Snippets');
  const rows = panel.getByRole('list', { name: 'Snippets' }).getByRole('listitem');
  await rows.filter({ hasText: '理论学习' }).getByRole('button', { name: 'Edit' }).click();
  await panel.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByText('Deleted “理论学习”.')).toBeVisible();

  await tab(panel, 'Templates');
  await tab(panel, 'Snippets');
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('理论学习');
});

test('two panels keep one draft: what is typed in one shows in the other, and neither overwrites it', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  const first = await openPanel(page);
  await reset(first);
  const second = await openPanel(page);
  await tab(first, 'Snippets');
  await tab(second, 'Snippets');
  await first.getByRole('button', { name: 'New snippet' }).click();
  // The other panel opens the same form, with what is typed in the first.
  const body = (panel: Page) => panel.getByRole('form', { name: 'Writing a new snippet' }).getByRole('textbox', { name: 'Body' });
  await body(first).fill('一是持续深化理论学习。');
  await expect(body(second)).toHaveValue('一是持续深化理论学习。');
  // Typed on in the second: the first shows it, and the first's older copy does not come back.
  await body(second).fill('一是持续深化理论学习。二是xx。');
  await expect(body(first)).toHaveValue('一是持续深化理论学习。二是xx。');
  await first.getByRole('textbox', { name: 'Title', exact: true }).fill('学习');
  await expect(second.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('学习');
  await expect(body(second)).toHaveValue('一是持续深化理论学习。二是xx。');
  // Saved in one, the form closes in both.
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('form', { name: 'Writing a new snippet' })).toHaveCount(0);
  await expect(second.getByRole('form', { name: 'Writing a new snippet' })).toHaveCount(0);
  await expect(second.getByRole('list', { name: 'Snippets' })).toContainText('学习');
});
