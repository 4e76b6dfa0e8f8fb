import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { editorList, insertText, oneOffForm } from './panel-actions';

const INSERTION = '（插入的内容）';

/** Blur the page editor as a click into the side panel would. */
async function blurPage(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function undoIn(page: Page, selector: string) {
  await page.locator(selector).focus();
  // Editors merge quick edits into one undo step; let the insertion stand on its own.
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+z');
}

test.describe('textarea, React textarea and contenteditable', () => {
  for (const id of ['plain', 'react']) {
    test(`inserts at the caret of a ${id} textarea and undoes in one step`, async ({ page, baseUrl, openPanel }) => {
      await page.goto(`${baseUrl}/basic.html`);
      const field = page.locator(`#${id}`);
      const original = await field.inputValue();
      await field.click();
      await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
      await blurPage(page);

      const panel = await openPanel(page);
      await expect(panel.getByRole('button', { name: /Target/ })).toContainText(id === 'plain' ? '工作总结' : 'React 表单');
      await insertText(panel, INSERTION);
      await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

      const expected = original.slice(0, 3) + INSERTION + original.slice(3);
      await expect(field).toHaveValue(expected);
      if (id === 'react') await expect(page.locator('#react-state')).toHaveJSProperty('textContent', expected);

      await undoIn(page, `#${id}`);
      await expect(field).toHaveValue(original);
      if (id === 'react') await expect(page.locator('#react-state')).toHaveJSProperty('textContent', original);
    });
  }

  test('inserts at the caret of a contenteditable and undoes in one step', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    const rich = page.locator('#rich');
    const originalHtml = await rich.innerHTML();
    await rich.click();
    // Caret after "今年以来，" in the second paragraph.
    await rich.evaluate((el) => {
      const text = el.querySelectorAll('p')[1].firstChild!;
      const range = document.createRange();
      range.setStart(text, 5);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await blurPage(page);

    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('述职报告');
    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');

    await expect(rich.locator('p').nth(1)).toHaveText(`今年以来，${INSERTION}围绕中心工作完成了各项任务。`);
    await expect(rich.locator('p').nth(0)).toHaveText('一、主要工作');

    await undoIn(page, '#rich');
    await expect(rich).toHaveJSProperty('innerHTML', originalHtml);
  });

  test('lists the editors of the page with their kind', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    const panel = await openPanel(page);
    const list = panel.getByRole('list', { name: 'Report editors' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list).toContainText('Text area');
    await expect(list).toContainText('Rich text');
    // The single-line search field is not a report editor.
    await expect(list).not.toContainText('搜索');
  });
});

test.describe('editor in a same-origin iframe', () => {
  test('is listed and takes the insertion', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/iframe.html`);
    const frame = page.frameLocator('#frame');
    const framed = frame.locator('#framed');
    await framed.click();
    await framed.evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.querySelectorAll('p')[1].firstChild!, 2);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await framed.evaluate((el) => el.blur());

    const panel = await openPanel(page);
    const target = panel.getByRole('button', { name: /Target/ });
    await expect(target).toContainText('in a frame');
    await expect(target).toContainText('正文');
    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(framed.locator('p').nth(1)).toHaveText(`现将${INSERTION}有关情况报告如下。`);

    await framed.focus();
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+z');
    await expect(framed.locator('p').nth(1)).toHaveText('现将有关情况报告如下。');
  });
});

test.describe('bad input', () => {
  test('inserting before any editor was focused names the editor to click', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    const before = await page.locator('#plain').inputValue();
    const panel = await openPanel(page);
    await expect(panel.getByRole('list', { name: 'Report editors' }).getByRole('listitem')).toHaveCount(3);
    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Click into the editor you are writing in');
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('工作总结');
    await expect(page.locator('#plain')).toHaveValue(before);
    // The text the user typed is still in the box.
    await expect((await oneOffForm(panel)).getByRole('textbox', { name: 'Body' })).toHaveValue(INSERTION);
  });

  test('an editor removed from the page is dropped, not written to', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    await page.locator('#rich').click();
    await blurPage(page);
    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('述职报告');
    const removedHtml = await page.evaluate(() => {
      const rich = document.getElementById('rich')!;
      (window as unknown as { removed: HTMLElement }).removed = rich;
      rich.remove();
      return rich.innerHTML;
    });
    await insertText(panel, INSERTION);
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('has left the page');
    expect(await page.evaluate(() => (window as unknown as { removed: HTMLElement }).removed.innerHTML)).toBe(removedHtml);
    // The panel rescans and no longer offers the removed editor.
    await expect(await editorList(panel)).not.toContainText('述职报告');
  });
});

test.describe('design-mode document in an about:blank frame', () => {
  test('is listed and takes the insertion with one-step undo', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/iframe.html`);
    const frame = page.frameLocator('#framed');
    const paragraph = frame.locator('p').nth(2);
    await expect(paragraph).toHaveText('截至x月底，共完成项目xx个。');
    await paragraph.click();
    await page.frame({ url: 'about:blank' })!.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.querySelectorAll('p')[2].firstChild!, 2);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      (document.activeElement as HTMLElement).blur();
    });

    const panel = await openPanel(page);
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Rich text (frame)');
    await insertText(panel, '本季度');
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(paragraph).toHaveText('截至本季度x月底，共完成项目xx个。');

    await frame.locator('body').focus();
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+z');
    await expect(paragraph).toHaveText('截至x月底，共完成项目xx个。');
  });
});

test.describe('editors that opt out', () => {
  test('are left alone until the user picks one', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/opt-out.html`);
    // Focusing an opted-out editor does not make it the target.
    await page.locator('#code').click();
    await blurPage(page);
    const panel = await openPanel(page);
    const reportList = panel.getByRole('list', { name: 'Report editors' });
    await expect(reportList.getByRole('listitem')).toHaveCount(1);
    await expect(reportList).toContainText('工作总结');
    await expect(panel.getByRole('button', { name: /Target/ })).toHaveCount(0);

    await panel.getByText('Editors that asked to be left alone (2)').click();
    const leftAlone = panel.getByRole('list', { name: 'Editors left alone' });
    await expect(leftAlone).toContainText('代码');
    await expect(leftAlone).toContainText('私密笔记');

    // Picked by the user, it takes the insertion like any other.
    await leftAlone.getByRole('button', { name: /代码/ }).click();
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('代码');
    await insertText(panel, '// 插入');
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(page.locator('#code')).toHaveValue(/\/\/ 插入/);
    await expect(page.locator('#private')).toHaveText('不要动');
  });
});

test.describe('a one-line text field', () => {
  test('becomes the target only when the user picks it, and takes the text on one line', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/basic.html`);
    const search = page.locator('#search');
    await search.fill('关于工作');
    await search.evaluate((el: HTMLInputElement) => el.setSelectionRange(2, 2));
    await blurPage(page);
    const panel = await openPanel(page);
    // Typed in, it is offered apart, never read, and written only once picked.
    await expect(panel.getByRole('button', { name: /Target/ })).toHaveCount(0);
    await panel.getByText('One-line fields you typed in (1)').click();
    await panel.getByRole('list', { name: 'One-line fields' }).getByRole('button', { name: /搜索/ }).click();
    await expect(panel.getByRole('button', { name: /Target/ })).toContainText('Text field');
    await insertText(panel, '年度\n总结');
    await expect(panel.getByRole('status', { name: 'Result' })).toContainText('Inserted into');
    await expect(search).toHaveValue('关于年度 总结工作');
    await undoIn(page, '#search');
    await expect(search).toHaveValue('关于工作');
  });
});

test.describe('a form with 2,000 fields', () => {
  test('offers exactly its 3 report editors', async ({ page, baseUrl, openPanel }) => {
    await page.goto(`${baseUrl}/many-fields.html`);
    expect(await page.locator('input, select, textarea').count()).toBeGreaterThan(2000);
    const panel = await openPanel(page);
    const list = panel.getByRole('list', { name: 'Report editors' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list).toContainText('工作总结');
    await expect(list).toContainText('Rich text');
    await expect(list).toContainText('Rich text (frame)');
    // Nothing was focused: no target until the user clicks into one.
    await expect(panel.getByRole('button', { name: /Target/ })).toHaveCount(0);
  });
});
