// Chromium as the browser tests and the benchmarks run it: headless, on a throwaway profile,
// with the built extension loaded (or without it, for a baseline).
import { chromium } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

/**
 * A persistent context (extensions need one). The empty profile path makes Playwright use a
 * fresh temporary profile and delete it on close.
 *
 * `lang` is the browser's UI language, which picks the extension's messages: English unless
 * asked, whatever the machine's own language. `--lang` is enough for that even where Chromium
 * has no translation of its own UI (Debian without chromium-l10n); `LANGUAGE` is what Chromium
 * on Linux reads for its own UI, and `locale` sets the language pages see.
 */
export function launchChromium(extraArgs = [], { lang = 'en-US' } = {}) {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    args: [...CHROMIUM_ARGS, `--lang=${lang}`, ...extraArgs],
  });
}

export function launchWithExtension(options = {}) {
  return launchChromium([`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`], options);
}

export async function extensionIdOf(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** The tab id of `page`. Without the `tabs` permission tab URLs are hidden: find it by making it active. */
export async function tabIdOf(context, page) {
  await page.bringToFront();
  const tabId = await context.serviceWorkers()[0].evaluate(async () => {
    const [tab] = await globalThis.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (!tabId) throw new Error(`no tab for ${page.url()}`);
  return tabId;
}

/**
 * A copy of the build whose manifest already grants the loopback servers' address: sync asks
 * for its server's address as a permission, and headless Chromium cannot answer that prompt.
 * Everything else is the build as shipped. The caller removes the folder.
 */
export function extensionGrantingLoopback() {
  const dir = mkdtempSync(join(tmpdir(), 'extension-loopback-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
