// `npm run docs:matrix`: the README's editor table, from a run of the editor tests: Firefox
// first (tests/firefox, its results in the table's Firefox column), then every editor in
// Chromium with the table written into the README (tests/e2e/matrix-reporter.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureFirefox } from './ensure-ready.mjs';

const reports = '.tmp/test-reports';
rmSync(`${reports}/firefox.json`, { force: true });
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

const firefox = ensureFirefox();
if (!firefox.ok) console.log(`\n${firefox.message}\nThe table is written without its Firefox column.`);
else if (run('npx', ['wxt', 'build', '-b', 'firefox'])) {
  run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter=./tests/firefox/json-reporter.mjs', `--test-reporter-destination=stdout`, `--test-reporter-destination=${reports}/firefox.json`, 'tests/firefox/editors.test.mjs'], { FIREFOX_PATH: firefox.path });
}
const ok = run('npx', ['wxt', 'build']) && run('npx', ['playwright', 'test', 'tests/e2e/editors'], { UPDATE_README: '1', TEST_FULL: '1' });
process.exit(ok ? 0 : 1);
