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
