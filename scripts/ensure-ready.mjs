// What `npm start` and `npm test` need before they run anything else: dependencies installed as
// package-lock.json pins them, and a Chromium that can load an unpacked extension. npm runs a
// script without node_modules, so this module imports nothing but Node's built-ins.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const LOCK = 'package-lock.json';
/** Written after a successful install: the hash of the lock file it installed. */
const STAMP = 'node_modules/.install-stamp';
/** npm's own record of what it installed. */
const INSTALLED = 'node_modules/.package-lock.json';

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const lockHash = () => createHash('sha256').update(readFileSync(LOCK)).digest('hex');

/** Why node_modules does not hold what the lock file pins, or null when it does. */
function staleReason() {
  if (!existsSync('node_modules')) return 'node_modules is missing';
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === lockHash()) return null;
  // No stamp, or an older one: installed by hand, or the lock file changed since.
  const installed = readJson(INSTALLED)?.packages;
  if (!installed) return 'node_modules was not installed by npm ci';
  for (const [path, wanted] of Object.entries(readJson(LOCK)?.packages ?? {})) {
    if (!path) continue; // the project itself
    const got = installed[path];
    // Optional packages (other platforms' binaries) may be absent; when present they must match.
    if (!got && (wanted.optional || wanted.devOptional)) continue;
    if (got?.version !== wanted.version) return `${path.replace(/^.*node_modules\//, '')} ${wanted.version} is not installed`;
  }
  return null;
}

/** The npm that runs this script (npm sets npm_execpath), else the one on PATH. */
function npm(args) {
  const script = process.env.npm_execpath;
  const [command, commandArgs] = script?.endsWith('.js') || script?.endsWith('.cjs')
    ? [process.execPath, [script, ...args]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', args];
  return spawnSync(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
}

/** Installs dependencies when node_modules is missing or differs from package-lock.json. */
export function ensureDependencies() {
  const reason = staleReason();
  if (reason) {
    console.log(`▶ installing dependencies (${reason}): npm ci`);
    if (!npm(['ci', '--no-audit', '--no-fund'])) {
      return { ok: false, message: 'npm ci failed (its output is above). Fix what it reports, then run this command again.' };
    }
  }
  writeFileSync(STAMP, `${lockHash()}\n`);
  return { ok: true };
}

// Branded Google Chrome ignores --load-extension, so only Chromium is looked for by default;
// CHROMIUM_PATH may name any build that honours it (Chrome for Testing, Edge Dev, ...).
const NAMES = ['chromium', 'chromium-browser'];
const FIXED_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

function findChromium() {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => NAMES.map((name) => join(dir, name)));
  return [...FIXED_PATHS, ...onPath].find((path) => existsSync(path)) ?? null;
}

const canInstallDebianChromium = () =>
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  existsSync('/etc/debian_version') &&
  spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

function aptGet(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
}

/**
 * The Chromium to drive: CHROMIUM_PATH when set, else one found on this machine, else Debian's
 * `chromium` installed when running as root on Debian. Without one, `message` says what to do.
 */
export function ensureChromium() {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    return existsSync(named)
      ? { ok: true, path: named }
      : { ok: false, message: `CHROMIUM_PATH is ${named}, which does not exist. Point it at a Chromium executable, or unset it to use /usr/bin/chromium.` };
  }
  const found = findChromium();
  if (found) return { ok: true, path: found };
  if (canInstallDebianChromium()) {
    console.log('▶ installing Chromium: apt-get install chromium');
    if (aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', 'chromium'])) {
      const installed = findChromium();
      if (installed) return { ok: true, path: installed };
    }
  }
  return {
    ok: false,
    message:
      'No Chromium found. Install it (Debian: `sudo apt-get install chromium`; Ubuntu: `sudo snap install chromium`; ' +
      'macOS: `brew install --cask chromium`) or set CHROMIUM_PATH to a Chromium executable, then run this command again.',
  };
}

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));

/**
 * Xvfb and xdotool, which the tests in a real side panel need (a headed browser on a virtual
 * display, keys and clicks sent as the OS sends them): installed when missing and running as
 * root on Debian. Without them those tests fail and say what to install.
 */
export function ensureDesktopTools() {
  const missing = () => ['Xvfb', 'xdotool'].filter((tool) => !onPath(tool));
  if (!missing().length) return;
  if (canInstallDebianChromium()) {
    console.log('▶ installing Xvfb and xdotool for the side panel tests: apt-get install xvfb xdotool');
    if (aptGet(['update', '-qq'])) aptGet(['install', '-y', '-qq', 'xvfb', 'xdotool']);
  }
}

/**
 * A program some tests drive: the path in `variable` when set, else the first of `paths` found
 * here, else Debian's `debianPackage` installed when running as root on Debian, as Chromium is.
 * `missing` says what to do when there is none.
 */
function ensureProgram({ variable, paths, debianPackage, purpose, missing }) {
  const named = process.env[variable];
  if (named) {
    return existsSync(named)
      ? { ok: true, path: named }
      : { ok: false, message: `${variable} is ${named}, which does not exist. Point it at the program, or unset it to use ${paths[0]}.` };
  }
  const find = () => paths.find((path) => existsSync(path)) ?? null;
  if (!find() && canInstallDebianChromium()) {
    console.log(`▶ installing ${purpose}: apt-get install ${debianPackage}`);
    if (aptGet(['update', '-qq'])) aptGet(['install', '-y', '-qq', debianPackage]);
  }
  const found = find();
  return found ? { ok: true, path: found } : { ok: false, message: missing };
}

/** The Firefox the Firefox tests drive: FIREFOX_PATH, Debian's firefox-esr, or a firefox. */
export const ensureFirefox = () =>
  ensureProgram({
    variable: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    debianPackage: 'firefox-esr',
    purpose: 'Firefox',
    missing: 'No Firefox found for the Firefox tests. Install it (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH, then run this command again.',
  });

/**
 * The Apache httpd (with mod_dav) that the sync browser tests also run against: APACHE_PATH or
 * Debian's apache2. Without it those tests are skipped, and `message` says why.
 */
export const ensureApache = () =>
  ensureProgram({
    variable: 'APACHE_PATH',
    paths: ['/usr/sbin/apache2'],
    debianPackage: 'apache2',
    purpose: 'Apache httpd for the sync tests',
    missing:
      'No Apache httpd found: the sync tests against Apache mod_dav are skipped. Install it (Debian: `sudo apt-get install apache2`) ' +
      'or set APACHE_PATH, then run this command again.',
  });
