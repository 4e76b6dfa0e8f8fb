// `npm start`: build, serve the demo page, open Chromium with the extension loaded on it. On a
// fresh clone it installs dependencies and finds (or installs) Chromium first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium, ensureDependencies } from './ensure-ready.mjs';

function stop(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

const dependencies = ensureDependencies();
if (!dependencies.ok) stop(dependencies.message);
// Without a display no window can open, so no Chromium is needed: the page is served instead.
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const chromium = headless ? null : ensureChromium();
if (chromium && !chromium.ok) stop(chromium.message);

const extension = resolve(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3');
if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
// Imported after the install: a static import would be loaded before it ran.
const { startServer } = await import('../tests/e2e/server.mjs');

const port = Number(process.env.PORT ?? 4173);
await startServer(port);
const demo = `http://localhost:${port}/demo.html`;

const byHand = `
To load the extension by hand:
  1. Open chrome://extensions (or edge://extensions), turn on Developer mode.
  2. Click "Load unpacked" and choose ${extension}
  3. Open ${demo} and click the extension's toolbar button to open its side panel.`;

if (headless) {
  console.log('\nNo display here, so no browser window can open.');
  console.log(`The demo page is served at ${demo} until you press Ctrl+C.${byHand}`);
} else {
  const profile = resolve('.tmp/demo-profile');
  mkdirSync(profile, { recursive: true });
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--no-default-browser-check',
    demo,
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  console.log(`\nOpening ${demo} in ${chromium.path} with the extension loaded. Press Ctrl+C to stop.${byHand}`);
  const browser = spawn(chromium.path, args, { stdio: 'ignore' });
  browser.on('exit', () => process.exit(0));
}
