// `npm start`: build, serve the demo page, open Chromium with the extension loaded on it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';

const extension = resolve('.output/chrome-mv3');
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const port = Number(process.env.PORT ?? 4173);
await startServer(port);
const demo = `http://localhost:${port}/demo.html`;

const byHand = `
To load the extension by hand:
  1. Open chrome://extensions (or edge://extensions), turn on Developer mode.
  2. Click "Load unpacked" and choose ${extension}
  3. Open ${demo} and click the extension's toolbar button to open its side panel.`;

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const chromium = CANDIDATES.find((path) => existsSync(path));
if (headless || !chromium) {
  console.log(headless ? '\nNo display here, so no browser window can open.' : '\nNo Chromium found (set CHROMIUM_PATH).');
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
  console.log(`\nOpening ${demo} in ${chromium} with the extension loaded. Press Ctrl+C to stop.${byHand}`);
  const browser = spawn(chromium, args, { stdio: 'ignore' });
  browser.on('exit', () => process.exit(0));
}
