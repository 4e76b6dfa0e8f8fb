import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { extensionIdOf, launchWithExtension } from './browser.mjs';

const OFF_HERE = /The extension is turned off on this site \(localhost\)/;

async function openSettings(panel: Page) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  return panel.getByRole('region', { name: 'Sites turned off' });
}

async function turnOff(panel: Page, pattern: string) {
  const sites = await openSettings(panel);
  await sites.getByRole('textbox', { name: 'Site to turn off' }).fill(pattern);
  await sites.getByRole('button', { name: 'Turn off', exact: true }).click();
  return sites;
}

test('the welcome shows on first run, fits 360 px, and Got it keeps it away', async () => {
  // A browser of its own: the suite's shared one may have opened the panel already.
  const context = await launchWithExtension();
  try {
    const id = await extensionIdOf(context);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 360, height: 720 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    const welcome = panel.getByRole('region', { name: 'Welcome' });
    await expect(welcome).toBeVisible();
    await expect(welcome).toContainText('Checklist');
    await expect(welcome).toContainText('click into the editor you write in');
    // It speaks to users: no developer commands, and no link to a development server (a production build).
    await expect(welcome).not.toContainText(/npm|localhost/);
    await expect(welcome.getByRole('link')).toHaveCount(0);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await welcome.getByRole('button', { name: 'Got it' }).click();
    await expect(welcome).toHaveCount(0);

    await panel.reload();
    // The site list loads from the same database as the welcome: once it shows, so would the welcome.
    await expect((await openSettings(panel)).getByText('None. The extension works on every site.')).toBeVisible();
    await expect(welcome).toHaveCount(0);
    const other = await context.newPage();
    await other.goto(`chrome-extension://${id}/sidepanel.html`);
    await expect((await openSettings(other)).getByText('None. The extension works on every site.')).toBeVisible();
    await expect(other.getByRole('region', { name: 'Welcome' })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a site turned off is left alone until it is turned on again', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  const editors = panel.getByRole('list', { name: 'Report editors' });
  await expect(editors.getByRole('listitem')).not.toHaveCount(0);

  const sites = await turnOff(panel, 'localhost');
  await expect(sites.getByRole('list', { name: 'Sites turned off' })).toContainText('localhost');
  await expect(panel.getByText(OFF_HERE)).toBeVisible();
  await expect(editors).toHaveCount(0);
  // Said alone: the panel does not look for editors here, so it does not say it found none.
  const editorsPart = panel.getByRole('region', { name: 'Editors on this page' });
  await expect(editorsPart).toHaveText(/^The extension is turned off on this site \(localhost\): it does not look for editors here\.\s*Turn on here$/);
  await expect(panel.getByText(/No report editor|Looking for editors|Click into the editor you write in/)).toHaveCount(0);
  // Nor do the tabs that follow an editor ask to click into one.
  for (const tab of ['Checklist', 'Outline']) {
    await panel.getByRole('tab', { name: tab }).click();
    await expect(panel.getByRole('tabpanel')).not.toContainText('Click into the editor');
  }
  await panel.getByRole('tab', { name: 'Settings' }).click();

  try {
    // Focusing an editor there does not make it a target, in the frame that knew the site was
    // on before, nor in a fresh page that asks for the first time.
    await page.locator('#plain').click();
    await page.keyboard.type('写');
    await page.reload();
    await page.locator('#rich').click();
    // Nothing to refresh while the site is off: the panel offers no scan, and the reload's own finds nothing.
    await expect(panel.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
    await panel.waitForTimeout(600);
    await expect(editors).toHaveCount(0);
    await expect(panel.getByRole('button', { name: /Target/ })).toHaveCount(0);
  } finally {
    await panel.getByRole('button', { name: 'Turn on here' }).click();
  }

  await expect(panel.getByText(OFF_HERE)).toHaveCount(0);
  await expect(sites.getByText('None. The extension works on every site.')).toBeVisible();
  await expect(editors.getByRole('listitem')).not.toHaveCount(0);
  // Nothing was remembered while the site was off: no editor is the target until one is clicked.
  await expect(panel.getByRole('button', { name: /Target/ })).toHaveCount(0);
  await page.locator('#plain').click();
  await expect(panel.getByRole('button', { name: /Target/ })).toContainText('工作总结');
});

test('a pattern that does not parse is refused with a message, and the list stays', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/basic.html`);
  const panel = await openPanel(page);
  const sites = await turnOff(panel, 'mail.example.com');
  const list = sites.getByRole('list', { name: 'Sites turned off' });
  await expect(list.getByRole('listitem')).toHaveText(['mail.example.comTurn on']);
  const input = sites.getByRole('textbox', { name: 'Site to turn off' });

  for (const [pattern, message] of [
    ['ht!tp://example.com', '“ht!tp://example.com” does not start with http:// or https://'],
    ['*.*', '“*.*”: * may only stand for the first part of a name'],
    ['example.com:99999', 'must be a number up to 65535'],
    ['   ', 'Type a site first'],
    ['mail.example.com', '“mail.example.com” is already in the list.'],
  ]) {
    await turnOff(panel, pattern);
    await expect(sites.getByRole('alert')).toContainText(message);
    await expect(input).toHaveValue(pattern);
    await expect(list.getByRole('listitem')).toHaveText(['mail.example.comTurn on']);
  }
  // The site of the page is not in the list: the extension still works here.
  await expect(panel.getByText(/turned off on this site/)).toHaveCount(0);

  await sites.getByRole('button', { name: 'Turn on mail.example.com' }).click();
  await expect(sites.getByText('None. The extension works on every site.')).toBeVisible();
});

test('a site turned off by host and port is left alone in its frames too', async ({ page, baseUrl, openPanel }) => {
  await page.goto(`${baseUrl}/iframe.html`);
  const panel = await openPanel(page);
  const editors = panel.getByRole('list', { name: 'Report editors' });
  await expect(editors.getByRole('listitem')).toHaveCount(2);

  const pattern = new URL(baseUrl).host;
  const sites = await turnOff(panel, pattern);
  try {
    await expect(panel.getByText(`The extension is turned off on this site (${pattern})`)).toBeVisible();
    await expect(editors).toHaveCount(0);
    // The same-origin frame and the about:blank one (whose origin is the page's) stay quiet.
    await page.reload();
    await page.frameLocator('#frame').locator('#framed').click();
    await page.frameLocator('#framed').locator('p').nth(2).click();
    // Nothing to refresh while the site is off: the panel offers no scan, and the reload's own finds nothing.
    await expect(panel.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
    await panel.waitForTimeout(600);
    await expect(editors).toHaveCount(0);
    await expect(panel.getByRole('button', { name: /Target/ })).toHaveCount(0);
  } finally {
    await sites.getByRole('button', { name: `Turn on ${pattern}` }).click();
  }
  await expect(editors.getByRole('listitem')).toHaveCount(2);
});
