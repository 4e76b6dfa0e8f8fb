/**
 * Chromium headed on an Xvfb display with the built extension, its real side panel opened by a
 * real click, and elements of the page or the panel clicked at their place on the screen.
 *
 * Chromium is spawned here and Playwright attaches over CDP with `noDefaults`: a browser that
 * Playwright launches itself gets focus emulation in every page it drives (each page believes
 * it has focus), which hides exactly what these tests look at: where the keyboard really is.
 */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from '../e2e/browser.mjs';
import { SCREEN, type Desktop } from './desktop';

/**
 * The id Chromium gives an extension loaded unpacked from `dir`: the SHA-256 of its absolute
 * path, first 32 hex digits written with the letters a to p.
 */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it gives a value (not null or undefined), or throws `what` after `ms`. */
async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined> | T | null | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

type Point = { x: number; y: number };

interface MoveWindow extends Window {
  lastTrustedMove?: { dx: number; dy: number } | null;
}

export class RealBrowser {
  readonly extensionId = unpackedExtensionId(EXTENSION_DIR);
  private panelPage: Page | null = null;
  /** A second connection, made once the panel is open: the first one never attaches to it. */
  private panelConnection: Browser | null = null;

  private constructor(
    private readonly desktop: Desktop,
    private readonly chromiumProcess: ChildProcess,
    private readonly profile: string,
    private readonly endpoint: string,
    readonly browser: Browser,
    readonly context: BrowserContext,
  ) {}

  /** Chromium on `desktop`, window filling the screen, UI in `lang`, a fresh profile. */
  static async launch(desktop: Desktop, { lang = 'en-US' } = {}): Promise<RealBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'sidepanel-profile-'));
    const child = spawn(
      CHROMIUM,
      [
        ...CHROMIUM_ARGS,
        `--lang=${lang}`,
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--window-position=0,0',
        `--window-size=${SCREEN.width},${SCREEN.height}`,
        'about:blank',
      ],
      // Its own process group, so that its child processes go with it if it has to be killed.
      { env: { ...process.env, DISPLAY: desktop.display, LANGUAGE: lang.replace('-', '_') }, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let log = '';
        const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address in 20 s: ${log.slice(-500)}`)), 20_000);
        child.stderr!.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          const found = /DevTools listening on (ws:\/\/\S+)/.exec(log);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${log.slice(-500)}`)));
      });
      // Keep reading its log so that a full pipe never blocks it.
      child.stderr!.resume();
      const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true });
      desktop.focusWindow(desktop.windowOf('chromium'));
      return new RealBrowser(desktop, child, profile, endpoint, browser, browser.contexts()[0]);
    } catch (error) {
      RealBrowser.kill(child);
      rmSync(profile, { recursive: true, force: true });
      throw error;
    }
  }

  private static kill(child: ChildProcess): void {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  async close(): Promise<void> {
    try {
      await this.panelConnection?.close().catch(() => {});
      const session = await this.browser.newBrowserCDPSession();
      const exited = new Promise((resolve) => this.chromiumProcess.once('exit', resolve));
      await session.send('Browser.close').catch(() => {});
      await Promise.race([exited, sleep(5_000)]);
    } finally {
      RealBrowser.kill(this.chromiumProcess);
      rmSync(this.profile, { recursive: true, force: true });
    }
  }

  private get panelUrl(): string {
    return `chrome-extension://${this.extensionId}/sidepanel.html`;
  }

  /** Whether the browser has the real side panel's page (a target of type page, with no `?tabId`). */
  private async panelIsOpen(): Promise<boolean> {
    const session = await this.browser.newBrowserCDPSession();
    try {
      const { targetInfos } = await session.send('Target.getTargets');
      return targetInfos.some((target) => target.type === 'page' && target.url === this.panelUrl);
    } finally {
      await session.detach();
    }
  }

  /**
   * The real side panel's page. A Playwright connection attaches to the pages there are when it
   * connects and to the tabs opened later, not to a side panel opened later: connect again.
   */
  private async attachPanel(): Promise<Page> {
    await this.panelConnection?.close();
    this.panelConnection = await chromium.connectOverCDP(this.endpoint, { noDefaults: true });
    const panel = this.panelConnection.contexts()[0].pages().find((page) => page.url() === this.panelUrl);
    if (!panel) throw new Error('the side panel is open but no page of it was found');
    await panel.waitForLoadState();
    this.panelPage = panel;
    return panel;
  }

  /**
   * Opens the real side panel in the browser's window, the way an extension may: from a user
   * gesture, here an OS-level click on a button in one of the extension's own pages, which
   * calls `chrome.sidePanel.open`. The panel then follows the active tab, as it does for a user.
   * Retried, since the first click after start can land before the page is drawn.
   */
  async openPanel(): Promise<Page> {
    if (this.panelIsAttached) return this.panel;
    if (await this.panelIsOpen()) return this.attachPanel();
    const opener = await this.context.newPage();
    try {
      // Any page of the extension can call the API; this one draws nothing of its own.
      await opener.goto(`chrome-extension://${this.extensionId}/offscreen.html`);
      await opener.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        const { id: windowId } = await api.windows.getCurrent();
        const button = document.createElement('button');
        button.textContent = 'Open the side panel';
        button.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; font-size: 32px';
        button.addEventListener('click', () => void api.sidePanel.open({ windowId: windowId! }));
        document.body.append(button);
      });
      for (let attempt = 1; ; attempt++) {
        await this.click(opener, opener.getByRole('button', { name: 'Open the side panel' }));
        const opened = await waitFor('the side panel', async () => (await this.panelIsOpen()) || null, 5_000).catch(() => false);
        if (opened) return await this.attachPanel();
        if (attempt === 3) throw new Error('the side panel did not open after 3 clicks');
      }
    } finally {
      await opener.close();
    }
  }

  get panelIsAttached(): boolean {
    return this.panelPage !== null && !this.panelPage.isClosed();
  }

  /** The panel opened by `openPanel`. */
  get panel(): Page {
    if (!this.panelPage) throw new Error('the side panel is not open');
    return this.panelPage;
  }

  /**
   * Where (0, 0) of `page`'s viewport is on the screen, read off a trusted `mousemove`: the
   * mouse is moved to a point of the page estimated from its window's metrics, and the event
   * says exactly where it landed (`screenX - clientX`). No click, so nothing is activated.
   */
  async screenOffset(page: Page): Promise<{ dx: number; dy: number }> {
    const isPanel = page === this.panelPage;
    const metrics = await page.evaluate(() => {
      const view = window as MoveWindow;
      if (view.lastTrustedMove === undefined) {
        addEventListener(
          'mousemove',
          (event) => {
            if (event.isTrusted) view.lastTrustedMove = { dx: event.screenX - event.clientX, dy: event.screenY - event.clientY };
          },
          { capture: true },
        );
      }
      view.lastTrustedMove = null;
      // A point of this document itself, not of a frame inside it (whose events it never sees).
      const candidates = [
        [innerWidth / 2, innerHeight / 2],
        [24, 24],
        [innerWidth - 24, innerHeight - 24],
        [innerWidth / 2, innerHeight - 12],
      ];
      const point = candidates.find(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit && hit.tagName !== 'IFRAME';
      }) ?? candidates[0];
      return { point: { x: point[0], y: point[1] }, screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight };
    });
    // The panel is at the right of the window, the tab's page at the left; both end above the
    // window's lower edge by its border (a few pixels).
    const left = isPanel ? metrics.screenX + metrics.outerWidth - metrics.innerWidth - 12 : metrics.screenX + 4;
    const top = metrics.screenY + metrics.outerHeight - metrics.innerHeight - 8;
    const target: Point = { x: left + metrics.point.x, y: top + metrics.point.y };
    for (let attempt = 0; attempt < 3; attempt++) {
      // Two moves: the pointer may already be at the first point, which makes no event.
      this.desktop.moveTo(target.x, target.y);
      this.desktop.moveTo(target.x + 1 + attempt, target.y + 1);
      const offset = await waitFor(
        'a trusted mousemove',
        () => page.evaluate(() => (window as MoveWindow).lastTrustedMove),
        1_000,
      ).catch(() => null);
      if (offset) return offset;
    }
    throw new Error(`no mouse event reached ${page.url()} around (${target.x}, ${target.y})`);
  }

  /**
   * An OS-level click at the centre of `locator`, an element of `page` (the panel or a tab's
   * page; in a frame of it too). The offset is measured again for each click: the browser's
   * bars above a page come and go (an info bar, a download bar).
   */
  async click(page: Page, locator: Locator): Promise<void> {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${locator} is not visible`);
    const { dx, dy } = await this.screenOffset(page);
    this.desktop.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
  }
}
