// Firefox (Debian's firefox-esr) as the Firefox tests drive it: headless, over WebDriver BiDi,
// with the built Firefox extension installed once as a temporary add-on.
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve(process.env.OUTPUT_DIR ?? '.output', 'firefox-mv2');
const EXTENSION_ID = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
/** The extension's moz-extension:// host, fixed before launch so that its pages can be opened. */
export const EXTENSION_UUID = '7f3b2c1a-5d4e-4f60-8a9b-0c1d2e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Launches Firefox with the extension. `tabs` opens pages through the extension's own tabs API
 * (from an extension page), which gives each page's tab id, as the panel needs it.
 */
export async function launchFirefox({ lang = 'en-US' } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  // An extension page to call the tabs API from. Loading it moves the tab into the extension's
  // process, which puppeteer's navigation does not follow (it never reports the load): wait
  // for the page itself instead.
  const [helper] = await browser.pages();
  await helper.goto(`${EXTENSION_ORIGIN}/sidepanel.html`, { timeout: 2000 }).catch(() => {});
  for (let i = 0; i < 100; i++) {
    const ready = await helper.evaluate(() => location.protocol === 'moz-extension:' && !!globalThis.browser?.tabs).catch(() => false);
    if (ready) break;
    await pause(100);
  }

  /** Opens `url` in a new tab; resolves with its puppeteer page and its tab id. */
  const openTab = async (url) => {
    const before = new Set(browser.targets());
    // An extension page's target keeps the address it started with (about:blank): take the new one.
    const waiting = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target), { timeout: 20000 });
    const tabId = await helper.evaluate(async (url) => (await globalThis.browser.tabs.create({ url })).id, url);
    const page = await (await waiting).page();
    for (let i = 0; i < 200; i++) {
      const loaded = await page.evaluate((url) => location.href === url && document.readyState === 'complete', url).catch(() => false);
      if (loaded) break;
      await pause(50);
    }
    return { page, tabId };
  };

  /** The side panel as a tab bound to tab `tabId`. */
  const openPanel = async (tabId) => (await openTab(`${EXTENSION_ORIGIN}/sidepanel.html?tabId=${tabId}`)).page;

  return { browser, openTab, openPanel };
}
