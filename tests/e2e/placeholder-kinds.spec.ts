import { expect, test } from './fixtures';

/**
 * A form saved from Word, as a writer pastes it: a date left as spaces, two boxes to tick, a
 * label with spaces after it and a note of what to write. Counted by hand: 1 date, 2 tick
 * boxes, 1 contact's name, 1 instruction — 5 blanks.
 */
const FORM = ['签订日期：       年    月    日', '□同意 □不同意', '联系人：      ', '【具体做法和成效，含数据支撑】'].join('\n');

test('a kind switched off in Settings leaves the checklist, and stays off when the panel opens again', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/editors/textarea.html`);
  await page.locator('#editor').fill(FORM);
  await page.locator('#editor').click();
  const panel = await openPanel(page);
  const unfilled = panel.getByRole('status', { name: 'Unfilled placeholders' });
  await expect(unfilled).toHaveText('5 unfilled');
  const list = panel.getByRole('list', { name: 'Placeholders' });
  await expect(list.getByRole('listitem')).toHaveCount(5);

  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByText(/Kinds of blank the checklist finds/).click();
  const tickBoxes = panel.getByRole('checkbox', { name: 'Find Tick box' });
  await expect(tickBoxes).toBeChecked();
  await tickBoxes.uncheck();
  await expect(tickBoxes).not.toBeChecked();

  await panel.getByRole('tab', { name: 'Checklist' }).click();
  await expect(unfilled).toHaveText('3 unfilled');
  await expect(list.getByText('□')).toHaveCount(0);

  // Stored: a new panel on the same tab starts without them.
  await panel.close();
  const again = await openPanel(page);
  await expect(again.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('3 unfilled');
  await again.getByRole('tab', { name: 'Settings' }).click();
  await again.getByText(/Kinds of blank the checklist finds/).click();
  await expect(again.getByRole('checkbox', { name: 'Find Tick box' })).not.toBeChecked();
  await again.getByRole('checkbox', { name: 'Find Tick box' }).check();
  await again.getByRole('tab', { name: 'Checklist' }).click();
  await expect(again.getByRole('status', { name: 'Unfilled placeholders' })).toHaveText('5 unfilled');
});

test('a worked example after a form’s heading is left out of the checklist, and comes back when the heading goes', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/demo.html`);
  const editor = page.locator('#summary');
  // Counted by hand: the form's one blank (申请人); its example's name and phone, 王×× and ××××××, only show how to fill it.
  await editor.fill('二、格式：\n申请人：          \n三、举一范例供制作时参考：\n申请人：王××\n电话：××××××');
  await editor.click();
  const panel = await openPanel(page);
  const unfilled = panel.getByRole('status', { name: 'Unfilled placeholders' });
  await expect(unfilled).toHaveText('1 unfilled');

  // The writer deletes the heading's words, keystroke by keystroke: the checklist, updated edit
  // by edit, now lists the two marks as blanks.
  await page.bringToFront();
  await editor.evaluate((area: HTMLTextAreaElement) => {
    const at = area.value.indexOf('参考：') + 3;
    area.focus();
    area.setSelectionRange(at, at);
  });
  for (let i = 0; i < '举一范例供制作时参考：'.length; i++) await page.keyboard.press('Backspace');
  await expect(editor).toHaveValue('二、格式：\n申请人：          \n三、\n申请人：王××\n电话：××××××');
  await expect(unfilled).toHaveText('3 unfilled');
  // One undo puts the heading back, and the example is set aside again.
  await page.keyboard.press('Control+z');
  await expect(unfilled).toHaveText('1 unfilled');
});
