/**
 * Reviewing sample material before it becomes a template: each change in the words around it,
 * identical ones collapsed with their count; a warning takes the writer to its place in the
 * cleaned text, which can be edited, and the template is made from the edited text; the file
 * control is the panel's own, naming the file it read.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Written for this test: five D standing for 党, an advertising line, a removed name (对党、对的). */
const MATERIAL = [
  '一、加强D的政治建设',
  '机关D组坚持以习近平新时代中国特色社会主义思想为指导。',
  '全体D员干部深入学习，加强对D、对的忠诚教育。',
  '二、下一步打算',
  '持续推进全面从严治D。',
  '【哒哒素材库】更多范文请关注',
].join('\n');

/** The five places, as the list shows them: ten characters each side on the line, D struck, 党 put in. */
const PARTY_PLACES = [
  '一、加强D党的政治建设',
  '机关D党组坚持以习近平新时代…',
  '全体D党员干部深入学习，加强…',
  '…干部深入学习，加强对D党、对的忠诚教育。',
  '持续推进全面从严治D党。',
];

async function openImport(page: Page, baseUrl: string, openPanel: (p: Page) => Promise<Page>) {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Templates' }).click();
  await panel.getByRole('button', { name: 'Import sample' }).click();
  return panel;
}

/** The user's templates as stored, by title. */
const storedTemplate = (panel: Page, title: string) =>
  panel.evaluate(
    (title) =>
      new Promise<{ sections: { heading: string; body: string }[] } | undefined>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('templates').objectStore('templates').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve((all.result as { title: string; sections: { heading: string; body: string }[] }[]).find((t) => t.title === title));
          };
        };
      }),
    title,
  );

test('changes are shown in their words, identical ones once with their count', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  await panel.getByRole('textbox', { name: 'Or paste the text' }).fill(MATERIAL);

  const rule = panel.getByRole('list', { name: 'Cleanup rules' }).getByRole('listitem').filter({ has: panel.getByRole('checkbox', { name: 'D standing for 党' }) });
  await rule.locator('summary').first().click();
  const changes = panel.getByRole('list', { name: 'Changes by D standing for 党' });
  // One row for the five, D → 党 ×5, each place listed under it once opened.
  const rows = changes.locator(':scope > li');
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('summary')).toHaveText('D → 党 ×5');
  const places = changes.getByRole('list', { name: 'Each place' }).getByRole('listitem');
  await expect(places).toHaveCount(0);
  await rows.locator('summary').click();
  await expect(places).toHaveText(PARTY_PLACES);
  await expect(places.first().locator('del')).toHaveText('D');
  await expect(places.first().locator('ins')).toHaveText('党');

  // A change made once is one row with its words, no count.
  const ads = panel.getByRole('listitem').filter({ has: panel.getByRole('checkbox', { name: 'Lines with a material shop label (【…素材库】)' }) });
  await ads.locator('summary').first().click();
  const adRows = panel.getByRole('list', { name: 'Changes by Lines with a material shop label (【…素材库】)' }).getByRole('listitem');
  await expect(adRows).toHaveCount(1);
  await expect(adRows).toContainText('【哒哒素材库】更多范文请关注');
  await expect(adRows).toContainText('removed');
  await expect(adRows).not.toContainText('×');
});

test('a warning selects its place in the cleaned text; the template is made from the text as edited', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  await panel.getByRole('textbox', { name: 'Or paste the text' }).fill(MATERIAL);

  const warning = panel.getByRole('note').filter({ hasText: 'a name seems to be missing' });
  await expect(warning).toHaveText(/^A name seems to be missing in “对党、对的”; restore it by hand\./);
  await expect(warning).not.toContainText('Line');
  const box = panel.getByRole('textbox', { name: 'Cleaned text' });
  await expect(box).toBeHidden();
  await warning.getByRole('button', { name: 'Show in the text' }).click();
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  expect(await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('对党、对的');

  // Typing replaces the selection: the name is restored, and the warning is settled.
  await panel.keyboard.type('对党、对人民的');
  await expect(box).toHaveValue(/加强对党、对人民的忠诚教育。/);
  await expect(warning).toHaveCount(0);
  // The rules would clean the material again and drop the edit: they wait until it is discarded.
  await expect(panel.getByRole('checkbox', { name: 'D standing for 党' })).toBeDisabled();

  await panel.getByRole('textbox', { name: 'Template title' }).fill('政治建设');
  await panel.getByRole('button', { name: 'Save as template' }).click();
  await expect(panel.getByRole('heading', { name: '政治建设' })).toBeVisible();
  const saved = await storedTemplate(panel, '政治建设');
  expect(saved?.sections.map((s) => s.heading)).toEqual(['加强党的政治建设', '下一步打算']);
  expect(saved?.sections[0].body).toBe('机关党组坚持以习近平新时代中国特色社会主义思想为指导。\n全体党员干部深入学习，加强对党、对人民的忠诚教育。');
  await panel.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('report-drafting');
        request.onsuccess = () => {
          const tx = request.result.transaction('templates', 'readwrite');
          tx.objectStore('templates').clear();
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
  );
});

test('the file control is the panel’s own button, and names the file it read', async ({ page, baseUrl, openPanel }) => {
  const panel = await openImport(page, baseUrl, openPanel);
  const button = panel.getByRole('button', { name: 'Open a file…' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleDescription('.txt, .md or .docx');
  // The browser's own control, which names no file once read, is not drawn.
  await expect(panel.locator('input[type="file"]')).toBeHidden();
  await panel.getByLabel('Open a file (.txt, .md, .docx)').setInputFiles({ name: '述职报告.txt', mimeType: 'text/plain', buffer: Buffer.from(MATERIAL) });
  await expect(button).toHaveAccessibleDescription('述职报告.txt');
  await expect(panel.getByText('述职报告.txt', { exact: true })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Or paste the text' })).toHaveValue(MATERIAL);
});
