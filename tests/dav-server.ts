/**
 * A real WebDAV server (webdav-server v2) on a loopback port, over a temporary folder on disk,
 * with Basic authentication and per-user rights, for the sync tests; and fetch wrappers that
 * count requests or break them.
 *
 * webdav-server sends no ETag on GET or PUT and ignores If-Match and If-None-Match, which the
 * servers users have (Apache mod_dav, Nextcloud, Seafile, Jianguoyun) honour: the server here
 * adds them (RFC 9110 §13), from a hash of each file's bytes. It can also be given a quota
 * (answered with 507, as a full server does), a delay before every answer, and told to stop
 * after a number of requests, as a server shut down in the middle of a sync does. Every request
 * it answers is logged, as the server saw it, for benchmarks and tests that count requests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v2 as webdav } from 'webdav-server';

export interface DavUser {
  name: string;
  password: string;
  /** Rights by path, e.g. { '/': ['all'] } or { '/team': ['canRead'] }. */
  rights: Record<string, string[]>;
}

/** One request as the server answered it; times in ms since the epoch, with fractions. */
export interface DavRequest {
  method: string;
  path: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

const epochMs = () => performance.timeOrigin + performance.now();

export interface DavServerOptions {
  users: DavUser[];
  /** Folders made before the first request, e.g. '/team'. */
  folders?: string[];
}

/**
 * What the sync tests use of a WebDAV server over a folder on disk, whichever server it is
 * (this one, or Apache httpd with mod_dav in apache-dav.ts).
 */
export interface DavFolderServer {
  /** The folder the server serves. */
  readonly root: string;
  /** The address of `folder` (ending in a slash). */
  url(folder: string): string;
  /** Stops answering; `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<this>;
  /** Stops the server and removes its folder. */
  close(): Promise<void>;
  /** The text of a file on the server's disk, or undefined. */
  read(path: string): string | undefined;
  /** Writes a file on the server's disk, as another client (or a fault) would leave it. */
  write(path: string, text: string): void;
  mkdir(folder: string): void;
  /** The paths of the files under `folder`, sorted. */
  files(folder: string): string[];
}

export class DavTestServer implements DavFolderServer {
  readonly root = mkdtempSync(join(tmpdir(), 'dav-'));
  /** Total bytes the server takes; a PUT past it is answered 507. */
  quotaBytes = Infinity;
  /** Milliseconds before each answer. */
  delayMs = 0;
  /**
   * ETags as Apache httpd's mod_dav_fs sends them: weak (`W/"…"`) for a file written in the last
   * second, strong after; none in the answer to a PUT; If-Match compared strongly, so that a
   * weak tag, sent or current, never matches; If-None-Match compared weakly.
   */
  apacheETags = false;
  /** Requests still answered before the server stops, as one shut down in the middle of a sync does. */
  private answersBeforeStop = Infinity;
  /** The requests answered since the last `takeRequests`, in the order they finished. */
  readonly requests: DavRequest[] = [];
  private http: Server | null = null;
  private port = 0;
  private readonly dav: webdav.WebDAVServer;

  constructor(options: DavServerOptions) {
    const userManager = new webdav.SimpleUserManager();
    const privileges = new webdav.SimplePathPrivilegeManager();
    for (const user of options.users) {
      const added = userManager.addUser(user.name, user.password, false);
      for (const [path, rights] of Object.entries(user.rights)) privileges.setRights(added, path, rights);
    }
    for (const folder of options.folders ?? []) mkdirSync(join(this.root, folder), { recursive: true });
    this.dav = new webdav.WebDAVServer({
      httpAuthentication: new webdav.HTTPBasicAuthentication(userManager, 'test'),
      privilegeManager: privileges,
      requireAuthentification: true,
      rootFileSystem: new webdav.PhysicalFileSystem(this.root),
    });
    this.dav.beforeRequest((ctx, next) => this.conditions(ctx as webdav.HTTPRequestContext, next));
  }

  /** The address of `folder` (ending in a slash). */
  url(folder: string): string {
    return `http://127.0.0.1:${this.port}${folder.replace(/\/?$/, '/')}`;
  }

  async start(): Promise<this> {
    this.http = createServer((req, res) => {
      const startedAt = epochMs();
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      // Ended when the answer is sent; one cut short, when its connection closes.
      let endedAt: number | undefined;
      res.on('finish', () => (endedAt = epochMs()));
      res.on('close', () => this.requests.push({ method: req.method ?? '', path, status: res.statusCode, startedAt, endedAt: endedAt ?? epochMs() }));
      this.dav.executeRequest(req, res);
    });
    await new Promise<void>((done) => this.http!.listen(this.port, '127.0.0.1', done));
    this.port = (this.http.address() as AddressInfo).port;
    return this;
  }

  /** Stops answering, dropping the connections open now; `start` listens again on the same port. */
  async stop(): Promise<void> {
    const http = this.http;
    this.http = null;
    if (!http) return;
    http.closeAllConnections();
    await new Promise<void>((done) => http.close(() => done()));
  }

  /** Answers `requests` more requests, then stops (dropping the one that comes next and any open). */
  stopAfter(requests: number): void {
    this.answersBeforeStop = requests;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.root, { recursive: true, force: true });
  }

  /** The requests logged so far, leaving the log empty. */
  takeRequests(): DavRequest[] {
    return this.requests.splice(0);
  }

  /** The text of a file on the server's disk, or undefined. */
  read(path: string): string | undefined {
    const file = join(this.root, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  /** Writes a file on the server's disk, as another client (or a fault) would leave it. */
  write(path: string, text: string): void {
    writeFileSync(join(this.root, path), text);
  }

  mkdir(folder: string): void {
    mkdirSync(join(this.root, folder), { recursive: true });
  }

  /** The paths of the files under `folder`, sorted. */
  files(folder: string): string[] {
    return filesUnder(join(this.root, folder));
  }

  private etagOf(file: string): string | undefined {
    if (!existsSync(file) || !statSync(file).isFile()) return undefined;
    const tag = `"${createHash('sha1').update(readFileSync(file)).digest('hex')}"`;
    return this.apacheETags && Date.now() - statSync(file).mtimeMs < 1000 ? `W/${tag}` : tag;
  }

  private usedBytes(): number {
    return this.files('/').reduce((sum, path) => sum + statSync(join(this.root, path)).size, 0);
  }

  private conditions(ctx: webdav.HTTPRequestContext, next: () => void): void {
    const { request, response } = ctx;
    const file = join(this.root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const answer = (status: number) => {
      request.resume();
      ctx.setCode(status);
      ctx.exit();
    };
    if (this.answersBeforeStop-- <= 0) {
      this.answersBeforeStop = Infinity;
      request.socket.destroy();
      void this.stop();
      return;
    }
    const go = () => {
      const current = this.etagOf(file);
      if (request.method === 'GET' || request.method === 'HEAD') {
        if (current) response.setHeader('ETag', current);
        const weak = (tag: string | undefined) => tag?.replace(/^W\//, '');
        if (current && (this.apacheETags ? weak(request.headers['if-none-match']) === weak(current) : request.headers['if-none-match'] === current)) return answer(304);
      }
      if (request.method === 'PUT') {
        const ifMatch = request.headers['if-match'];
        if (ifMatch !== undefined && (ifMatch !== current || ifMatch.startsWith('W/'))) return answer(412);
        if (request.headers['if-none-match'] === '*' && current) return answer(412);
        const incoming = Number(request.headers['content-length'] ?? 0);
        if (this.quotaBytes < Infinity && this.usedBytes() - (current ? statSync(file).size : 0) + incoming > this.quotaBytes) return answer(507);
        // The ETag of what was written, once it is written.
        const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
        response.writeHead = ((...args: unknown[]) => {
          const written = this.etagOf(file);
          if (written && response.statusCode < 300 && !this.apacheETags) response.setHeader('ETag', written);
          return writeHead(...args);
        }) as ServerResponse['writeHead'];
      }
      next();
    };
    if (this.delayMs) setTimeout(go, this.delayMs);
    else go();
  }
}

/** The paths of the files under the folder `base` on disk, relative to it and sorted; none when it is not there. */
export function filesUnder(base: string): string[] {
  if (!existsSync(base)) return [];
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
  return walk(base, '').sort();
}

export async function davServer(options: DavServerOptions): Promise<DavTestServer> {
  return new DavTestServer(options).start();
}

export interface CountedFetch {
  fetch: typeof fetch;
  /** Requests made since the last `reset`, as 'METHOD path'. */
  log: string[];
  reset(): void;
}

/** `fetch` that logs every request. */
export function countingFetch(inner: typeof fetch = fetch): CountedFetch {
  const log: string[] = [];
  return {
    log,
    reset: () => void log.splice(0),
    fetch: (input, init) => {
      log.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return inner(input, init);
    },
  };
}

/** `fetch` whose requests after the first `allowed` fail as a dropped connection does. */
export function fetchFailingAfter(allowed: number, inner: typeof fetch = fetch): typeof fetch {
  let made = 0;
  return (input, init) => (made++ < allowed ? inner(input, init) : Promise.reject(new TypeError('fetch failed: connection reset')));
}
