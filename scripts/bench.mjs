// `npm run bench`: prints the figures the project tracks. Benchmarks are not tests: they
// report numbers and fail only when a benchmark cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['wxt', 'build']);
// wxt.config.ts builds into OUTPUT_DIR when it is set, and the browser benchmarks load it from there.
const extension = join(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3');

console.log('\nBundle sizes (minified; gzip in brackets)');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = (label, file) => {
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  console.log(`  ${label.padEnd(28)} ${kb(bytes.length).padStart(9)}  (${kb(gzipSync(bytes).length)})`);
};
report('content script (every frame)', join(extension, 'editor-bootstrap.js'));
report('agent (loaded when needed)', join(extension, 'editor-agent.js'));
report('MAIN-world bridge', join(extension, 'content-scripts/bridge.js'));
report('background', join(extension, 'background.js'));
for (const file of readdirSync(join(extension, 'chunks')).filter((f) => f.endsWith('.js'))) {
  report(`panel (${file})`, join(extension, 'chunks', file));
}

run('node', ['tests/bench/browser.bench.mjs']);

const benches = existsSync('tests/bench') ? readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts')) : [];
if (benches.length) run('npx', ['vitest', 'bench', '--run', ...benches.map((f) => `tests/bench/${f}`)]);
