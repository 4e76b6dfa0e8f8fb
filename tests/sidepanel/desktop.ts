/**
 * A virtual X display (Xvfb) and OS-level input on it (xdotool): clicks and keys that the
 * browser receives from the window system, as a user's would, and routes by its own focus.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const SCREEN = { width: 1400, height: 900 };

/** The tools a headed run needs, each with the Debian package that has it. */
const TOOLS = [
  { command: 'Xvfb', probe: ['-help'], pkg: 'xvfb' },
  { command: 'xdotool', probe: ['version'], pkg: 'xdotool' },
];

/** Null when every tool is there, else one plain line saying what is missing and how to get it. */
export function missingTools(): string | null {
  const missing = TOOLS.filter(({ command, probe }) => spawnSync(command, probe, { stdio: 'ignore' }).error);
  if (!missing.length) return null;
  const names = missing.map((t) => t.command).join(' and ');
  return `The side panel tests need ${names}, which ${missing.length > 1 ? 'are' : 'is'} not installed: apt-get install ${missing.map((t) => t.pkg).join(' ')}`;
}

export class Desktop {
  private constructor(
    private readonly xvfb: ChildProcess,
    /** `:N`, for the DISPLAY of the processes started on it. */
    readonly display: string,
  ) {}

  /** Starts Xvfb on a display number it picks itself among the free ones (`-displayfd`). */
  static async start(): Promise<Desktop> {
    const problem = missingTools();
    if (problem) throw new Error(problem);
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let log = '';
    xvfb.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const display = await new Promise<string>((resolve, reject) => {
      let number = '';
      const fail = (why: string) => reject(new Error(`Xvfb did not start (${why}): ${log.trim().split('\n').slice(-3).join(' | ')}`));
      const timer = setTimeout(() => fail('no display after 10 s'), 10_000);
      (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
        number += chunk.toString();
        if (!number.includes('\n')) return;
        clearTimeout(timer);
        resolve(`:${number.trim()}`);
      });
      xvfb.once('exit', (code) => fail(`exit ${code}`));
      xvfb.once('error', (error) => fail(error.message));
    });
    return new Desktop(xvfb, display);
  }

  /** Runs xdotool on this display; throws with its message when it fails. */
  xdotool(...args: string[]): string {
    const result = spawnSync('xdotool', args, { env: { ...process.env, DISPLAY: this.display }, encoding: 'utf8', timeout: 20_000 });
    if (result.status !== 0) throw new Error(`xdotool ${args.join(' ')}: ${result.stderr || result.error?.message || `exit ${result.status}`}`);
    return result.stdout.trim();
  }

  /** The first visible window whose class is `className`, waiting for it to be mapped. */
  windowOf(className: string): string {
    return this.xdotool('search', '--sync', '--onlyvisible', '--class', className).split('\n')[0];
  }

  /**
   * Gives `window` the keyboard. Xvfb has no window manager, so `windowactivate` (which asks
   * one) is refused; `windowfocus` sets the X input focus directly.
   */
  focusWindow(window: string): void {
    try {
      this.xdotool('windowactivate', '--sync', window);
    } catch {
      this.xdotool('windowfocus', '--sync', window);
    }
  }

  moveTo(x: number, y: number): void {
    this.xdotool('mousemove', '--sync', String(Math.round(x)), String(Math.round(y)));
  }

  click(x: number, y: number): void {
    this.moveTo(x, y);
    this.xdotool('click', '1');
  }

  /** Keys by X keysym names: `F6`, `Return`, `ctrl+z`. */
  key(...keys: string[]): void {
    this.xdotool('key', '--delay', '50', ...keys);
  }

  /**
   * Types `text` key by key. Printable ASCII only: xdotool types other characters by remapping a
   * spare key for each, and Chromium reads the keyboard map late enough to miss some of them.
   * Chinese reaches a page through an input method anyway, not as keys.
   */
  type(text: string): void {
    if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`type printable ASCII only, not ${JSON.stringify(text)}`);
    this.xdotool('type', '--delay', '50', text);
  }

  /** Stops Xvfb and waits (a little) for it to be gone. */
  async stop(): Promise<void> {
    if (this.xvfb.exitCode !== null) return;
    const exited = new Promise((resolve) => this.xvfb.once('exit', resolve));
    this.xvfb.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
}
