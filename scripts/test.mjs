// The whole test suite: build, type check, lint, unit tests, browser tests; ends with one
// line `N passed, N failed` totalling unit and browser tests. On a fresh clone it installs
// dependencies and finds (or installs) Chromium first, and Firefox and Apache httpd (for the
// sync tests) before the tests that use them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureApache, ensureChromium, ensureDependencies, ensureDesktopTools, ensureFirefox } from './ensure-ready.mjs';

const dependencies = ensureDependencies();
const chromium = dependencies.ok ? ensureChromium() : dependencies;
if (!chromium.ok) {
  console.log(`\n${chromium.message}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
// The browser tests launch the Chromium found here (tests/e2e/browser.mjs reads CHROMIUM_PATH).
process.env.CHROMIUM_PATH = chromium.path;

const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const steps = [
  run('build', 'npx', ['wxt', 'build']),
  run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']),
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']),
];

run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${reports}/unit.json`]);
const unit = readJson(`${reports}/unit.json`);

// The Firefox build in Debian's firefox-esr, over WebDriver BiDi (tests/firefox): one browser,
// one install of the extension, the main editor families. Run before the Chromium tests, whose
// editor table (tests/e2e/matrix-reporter.ts) shows these results in its Firefox column.
let firefoxReport = null;
const firefox = ensureFirefox();
if (!firefox.ok) console.log(`\n${firefox.message}`);
else if (run('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  run('Firefox tests', process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./tests/firefox/json-reporter.mjs',
    `--test-reporter-destination=${reports}/firefox.json`,
    'tests/firefox/editors.test.mjs',
  ], { FIREFOX_PATH: firefox.path });
  firefoxReport = readJson(`${reports}/firefox.json`);
}

let browser = null;
let sidepanel = null;
if (existsSync(join(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3/manifest.json'))) {
  // The sync tests run against Apache httpd with mod_dav as well (tests/apache-dav.ts reads
  // APACHE_PATH); without it those are skipped, and counted so.
  const apache = ensureApache();
  if (apache.ok) process.env.APACHE_PATH = apache.path;
  else console.log(`\n${apache.message}`);
  run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json,./tests/e2e/matrix-reporter.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/browser.json`,
  });
  browser = readJson(`${reports}/browser.json`);
  // The flows that end with "now type", in a real side panel: headed Chromium on a virtual
  // display, keys and clicks sent at OS level (tests/sidepanel).
  ensureDesktopTools();
  run('side panel tests', 'npx', ['playwright', 'test', '--config', 'tests/sidepanel/playwright.config.ts', '--reporter=list,json'], {
    // Absolute: Playwright reads a relative name from the config's own folder.
    PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(`${reports}/sidepanel.json`),
  });
  sidepanel = readJson(`${reports}/sidepanel.json`);
}

/** The titles of tests that failed once and passed on their retry, from a Playwright JSON report. */
function flakyTitles(report) {
  const titles = [];
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) if (test.status === 'flaky') titles.push([...path, spec.title].join(' › '));
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report?.suites ?? []) visit(suite, []);
  return titles;
}
const flaky = [...flakyTitles(browser), ...flakyTitles(sidepanel)];
if (flaky.length) console.log(`\nPassed only on a second try (flaky):\n${flaky.map((t) => `  ${t}`).join('\n')}`);

const playwrightPassed = (report) => (report?.stats?.expected ?? 0) + (report?.stats?.flaky ?? 0);
// A run that could not start (a missing tool, a failing global setup) reports only `errors`.
const playwrightFailed = (report) => (report?.stats?.unexpected ?? 0) + (report?.errors?.length ?? 0);
const passed = (unit?.numPassedTests ?? 0) + playwrightPassed(browser) + playwrightPassed(sidepanel) + (firefoxReport?.passed ?? 0);
let failed = (unit?.numFailedTests ?? 0) + playwrightFailed(browser) + playwrightFailed(sidepanel) + (firefoxReport?.failed ?? 0);
// A runner that crashed before reporting counts as one failure, so the line never hides it.
if (!unit) failed += 1;
if (!browser) failed += 1;
if (!sidepanel) failed += 1;
if (!firefoxReport) failed += 1;
failed += steps.filter((ok) => !ok).length;
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (browser?.stats?.skipped ?? 0) + (sidepanel?.stats?.skipped ?? 0);

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
