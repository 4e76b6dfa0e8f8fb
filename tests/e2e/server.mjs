// Static server for the browser tests and the demo: test pages, their bundles and node_modules
// (editor libraries that load their own assets at run time).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const MOUNTS = [
  ['/bundles/', join(repo, 'tests/e2e/.bundles')],
  ['/node_modules/', join(repo, 'node_modules')],
  ['/samples/', join(repo, 'tests/fixtures/samples')],
  ['/', join(repo, 'tests/e2e/pages')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
};

function fileFor(pathname) {
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(dir)) return null;
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) return fileFor(pathname.replace(/\/?$/, '/index.html'));
      return file;
    } catch {
      return null;
    }
  }
  return null;
}

/** Pages may ask for response headers through `?csp=` (a Content-Security-Policy to send). */
export function startServer(port = 0) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = fileFor(url.pathname);
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const csp = url.searchParams.get('csp');
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  await startServer(port);
  console.log(`Serving test pages on http://localhost:${port}/`);
}
