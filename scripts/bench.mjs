// `npm run bench`: prints the figures the project tracks. Benchmarks are not tests: they
// report numbers and fail only when a benchmark cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['wxt', 'build']);

console.log('\nBundle sizes (minified; gzip in brackets)');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = (label, file) => {
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  console.log(`  ${label.padEnd(28)} ${kb(bytes.length).padStart(9)}  (${kb(gzipSync(bytes).length)})`);
};
report('content script', '.output/chrome-mv3/content-scripts/content.js');
report('MAIN-world bridge', '.output/chrome-mv3/content-scripts/bridge.js');
report('background', '.output/chrome-mv3/background.js');
for (const file of readdirSync('.output/chrome-mv3/chunks').filter((f) => f.endsWith('.js'))) {
  report(`panel (${file})`, `.output/chrome-mv3/chunks/${file}`);
}

const benches = existsSync('tests/bench') ? readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts')) : [];
if (benches.length) run('npx', ['vitest', 'bench', '--run', ...benches.map((f) => `tests/bench/${f}`)]);
