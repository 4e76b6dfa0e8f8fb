import type { Locator, Page } from '@playwright/test';

/** The one line at the top that names the target editor; pressed, it lists the page's editors. */
export const targetLine = (panel: Page): Locator => panel.getByRole('button', { name: /Target/ });

/**
 * The list of the page's report editors. With a target it is shown on demand: the target line
 * is pressed to open it. Without one it is shown already.
 */
export async function editorList(panel: Page): Promise<Locator> {
  const line = targetLine(panel);
  if ((await line.count()) && (await line.getAttribute('aria-expanded')) === 'false') await line.click();
  return panel.getByRole('list', { name: 'Report editors' });
}

/** The form for one-off text: a new snippet, whose Insert puts its body at the caret unsaved. */
export async function oneOffForm(panel: Page): Promise<Locator> {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  const form = panel.getByRole('form', { name: 'Writing a new snippet' });
  if (!(await form.isVisible())) await panel.getByRole('button', { name: 'New snippet' }).click();
  return form;
}

/** Puts `text` at the caret of the target editor from the panel, as a user does with one-off text. */
export async function insertText(panel: Page, text: string): Promise<void> {
  const form = await oneOffForm(panel);
  await form.getByRole('textbox', { name: 'Body' }).fill(text);
  await form.getByRole('button', { name: 'Insert', exact: true }).click();
}

/**
 * The caret right after `text`, put there by a click as a user does: in the page's visible text
 * area, else at the end of the block holding `text` in the page or one of its frames.
 */
export async function caretAfter(page: Page, text: string): Promise<void> {
  const field = page.locator('textarea:visible');
  if (await field.count()) {
    await field.click();
    await field.evaluate((el: HTMLTextAreaElement, anchor) => {
      const at = el.value.indexOf(anchor) + anchor.length;
      el.setSelectionRange(at, at);
    }, text);
    return;
  }
  for (const frame of page.frames()) {
    const block = frame.getByText(text, { exact: false }).last();
    if (await block.count()) {
      await block.click();
      await page.keyboard.press('End');
      return;
    }
  }
  throw new Error(`no block with ${text}`);
}
