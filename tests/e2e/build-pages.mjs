// Bundles each editor test page (tests/e2e/pages/editors/*.ts, *.tsx) into tests/e2e/.bundles/.
// Skips the build when every bundle is newer than the page sources, package-lock.json and this
// script. Usage: `await buildEditorPages()` from test setup, or `node tests/e2e/build-pages.mjs`.
import { build } from 'esbuild';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const thisFile = fileURLToPath(import.meta.url);
const e2eDir = path.dirname(thisFile);
const pagesDir = path.join(e2eDir, 'pages/editors');
export const bundlesDir = path.join(e2eDir, '.bundles');

const mtime = async (file) => (await stat(file).catch(() => null))?.mtimeMs ?? null;

async function isUpToDate(entries) {
  const sources = (await readdir(pagesDir, { recursive: true })).map((f) => path.join(pagesDir, f));
  sources.push(path.resolve(e2eDir, '../../package-lock.json'), thisFile);
  const outputs = entries.map((e) => path.join(bundlesDir, `${path.basename(e).replace(/\.tsx?$/, '')}.js`));
  const inTimes = await Promise.all(sources.map(mtime));
  const outTimes = await Promise.all(outputs.map(mtime));
  if (outTimes.includes(null)) return false;
  return Math.min(...outTimes) > Math.max(...inTimes.filter((t) => t !== null));
}

/** @returns {Promise<{ built: boolean, ms: number }>} */
export async function buildEditorPages({ force = false } = {}) {
  const started = performance.now();
  const entries = (await readdir(pagesDir))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(pagesDir, f));
  if (!force && (await isUpToDate(entries))) return { built: false, ms: performance.now() - started };
  await build({
    entryPoints: entries,
    outdir: bundlesDir,
    bundle: true,
    format: 'iife',
    minify: false,
    sourcemap: false,
    jsx: 'automatic',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images referenced from the editors' CSS.
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
    logLevel: 'warning',
  });
  return { built: true, ms: performance.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  const { built, ms } = await buildEditorPages({ force: process.argv.includes('--force') });
  console.log(built ? `editor pages built in ${Math.round(ms)} ms → ${bundlesDir}` : 'editor pages up to date');
}
