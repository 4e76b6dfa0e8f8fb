/**
 * Apache httpd with mod_dav and mod_dav_fs on a loopback port, over a temporary folder, with
 * Basic authentication from an htpasswd file and rights per path: the server many users sync
 * through, as Debian's apache2 package ships it. Everything it needs (configuration, users,
 * lock database, logs) lives in one temporary folder; the process is a child of the tests, run
 * in the foreground, and ends with them.
 *
 * Rights are given as for DavTestServer: 'all' lets a user write under a path, any other right
 * lets them read it; a path no right of theirs covers is refused to them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { filesUnder, type DavFolderServer, type DavServerOptions } from './dav-server';

export const APACHE = process.env.APACHE_PATH || '/usr/sbin/apache2';
const MODULES_DIR = '/usr/lib/apache2/modules';
const MODULES = {
  mpm_event_module: 'mod_mpm_event.so',
  authn_core_module: 'mod_authn_core.so',
  authn_file_module: 'mod_authn_file.so',
  auth_basic_module: 'mod_auth_basic.so',
  authz_core_module: 'mod_authz_core.so',
  authz_user_module: 'mod_authz_user.so',
  mime_module: 'mod_mime.so',
  dav_module: 'mod_dav.so',
  dav_fs_module: 'mod_dav_fs.so',
};
/** The methods that only read; every other one writes (PUT, DELETE, MKCOL, MOVE, PROPPATCH, LOCK...). */
const READ_METHODS = 'GET HEAD OPTIONS PROPFIND';

/** Why Apache cannot be run here, or null when it can. */
export function apacheUnavailable(): string | null {
  if (!existsSync(APACHE)) {
    return `Apache httpd is not installed (no ${APACHE}). Install it (Debian: \`sudo apt-get install apache2\`; npm test does so when run as root on Debian) or set APACHE_PATH.`;
  }
  const missing = Object.values(MODULES).filter((file) => !existsSync(join(MODULES_DIR, file)));
  if (missing.length) return `Apache httpd is installed, but ${MODULES_DIR} lacks ${missing.join(', ')}.`;
  return null;
}

/** The uid and gid of `name` from /etc/passwd, or undefined. */
function account(name: string): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });

/** `{SHA}` htpasswd entries, which mod_authn_file reads as well as bcrypt ones. */
const htpasswdLine = (name: string, password: string) => `${name}:{SHA}${createHash('sha1').update(password).digest('base64')}`;

export class ApacheDavServer implements DavFolderServer {
  private readonly base = mkdtempSync(join(tmpdir(), 'apache-dav-'));
  readonly root = join(this.base, 'dav');
  private port = 0;
  private child: ChildProcess | null = null;
  /** Apache drops root for this account; the folder it writes must be theirs. */
  private readonly runAs = process.getuid?.() === 0 ? account('www-data') : undefined;

  constructor(private readonly options: DavServerOptions) {
    mkdirSync(this.root);
    mkdirSync(join(this.base, 'lock'));
    for (const folder of options.folders ?? []) this.mkdir(folder);
    writeFileSync(join(this.base, 'htpasswd'), `${options.users.map((u) => htpasswdLine(u.name, u.password)).join('\n')}\n`);
    if (this.runAs) {
      // The temporary folder is private to its maker: Apache's user must get through it.
      chmodSync(this.base, 0o755);
      chownSync(join(this.base, 'lock'), this.runAs.uid, this.runAs.gid);
      chownSync(this.root, this.runAs.uid, this.runAs.gid);
    }
  }

  url(folder: string): string {
    return `http://127.0.0.1:${this.port}${folder.replace(/\/?$/, '/')}`;
  }

  /** The Require lines of one path: readers may use the read methods, writers every method. */
  private rightsAt(path: string): string {
    const covers = (given: string) => given === '/' || path === given || path.startsWith(`${given.replace(/\/$/, '')}/`);
    const readers: string[] = [];
    const writers: string[] = [];
    for (const user of this.options.users) {
      const rights = Object.entries(user.rights).filter(([given]) => covers(given)).flatMap(([, r]) => r);
      if (rights.length) readers.push(user.name);
      if (rights.includes('all')) writers.push(user.name);
    }
    const require = (names: string[]) => (names.length ? `Require user ${names.join(' ')}` : 'Require all denied');
    return [
      `<Location "${path}">`,
      `  <Limit ${READ_METHODS}>`,
      `    ${require(readers)}`,
      '  </Limit>',
      `  <LimitExcept ${READ_METHODS}>`,
      `    ${require(writers)}`,
      '  </LimitExcept>',
      '</Location>',
    ].join('\n');
  }

  private config(): string {
    const paths = [...new Set(['/', ...this.options.users.flatMap((u) => Object.keys(u.rights))])].sort((a, b) => a.length - b.length);
    return [
      `ServerRoot "${this.base}"`,
      `Listen 127.0.0.1:${this.port}`,
      'ServerName 127.0.0.1',
      `PidFile "${join(this.base, 'httpd.pid')}"`,
      `DefaultRuntimeDir "${this.base}"`,
      `ErrorLog "${join(this.base, 'error.log')}"`,
      'LogLevel warn',
      ...Object.entries(MODULES).map(([name, file]) => `LoadModule ${name} ${join(MODULES_DIR, file)}`),
      ...(this.runAs ? ['User www-data', 'Group www-data'] : []),
      // Light: one process, a few threads.
      'StartServers 1',
      'ServerLimit 1',
      'ThreadsPerChild 16',
      'MaxRequestWorkers 16',
      'MinSpareThreads 1',
      'MaxSpareThreads 32',
      'TypesConfig /etc/mime.types',
      `DocumentRoot "${this.root}"`,
      `DavLockDB "${join(this.base, 'lock', 'DavLock')}"`,
      `<Directory "${this.root}">`,
      '  Dav On',
      '  AllowOverride None',
      '  AuthType Basic',
      '  AuthName "test"',
      '  AuthBasicProvider file',
      `  AuthUserFile "${join(this.base, 'htpasswd')}"`,
      '</Directory>',
      ...paths.map((path) => this.rightsAt(path)),
      '',
    ].join('\n');
  }

  async start(): Promise<this> {
    if (this.child) return this;
    for (let attempt = 0; ; attempt++) {
      // The same port when started again, so that addresses handed out stay good.
      if (!this.port || attempt) this.port = await freePort();
      const conf = join(this.base, 'httpd.conf');
      writeFileSync(conf, this.config());
      const child = spawn(APACHE, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      let gone = false;
      void exited.then(() => (gone = true));
      const deadline = Date.now() + 10_000;
      while (!gone && Date.now() < deadline && !(await listening(this.port))) await new Promise((done) => setTimeout(done, 50));
      if (!gone && Date.now() < deadline) {
        this.child = child;
        // Apache outlives a test process that ends without closing it, unless told to stop.
        const stopOnExit = () => child.kill('SIGTERM');
        process.once('exit', stopOnExit);
        void exited.then(() => process.off('exit', stopOnExit));
        return this;
      }
      child.kill('SIGKILL');
      await exited;
      const log = existsSync(join(this.base, 'error.log')) ? readFileSync(join(this.base, 'error.log'), 'utf8') : '';
      // Another program took the port between the probe and Apache's bind: try another.
      if (attempt < 3 && /Address already in use/.test(stderr + log)) continue;
      throw new Error(`Apache httpd did not start on 127.0.0.1:${this.port}.\n${stderr}${log}`);
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    // SIGTERM stops Apache at once, closing the connections open now.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.base, { recursive: true, force: true });
  }

  /** What Apache wrote to its error log. */
  errorLog(): string {
    const file = join(this.base, 'error.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  read(path: string): string | undefined {
    const file = join(this.root, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  write(path: string, text: string): void {
    const file = join(this.root, path);
    writeFileSync(file, text);
    this.own(file);
  }

  mkdir(folder: string): void {
    // Each folder made, from the top, so that Apache's user owns every one.
    let made = this.root;
    for (const part of folder.split('/').filter(Boolean)) {
      made = join(made, part);
      if (!existsSync(made)) mkdirSync(made);
      this.own(made);
    }
  }

  files(folder: string): string[] {
    return filesUnder(join(this.root, folder));
  }

  private own(path: string): void {
    if (this.runAs && dirname(path).startsWith(this.root)) chownSync(path, this.runAs.uid, this.runAs.gid);
  }
}

export async function apacheDav(options: DavServerOptions): Promise<ApacheDavServer> {
  return new ApacheDavServer(options).start();
}

/** The version line of the Apache that runs, e.g. 'Apache/2.4.62 (Debian)'. */
export function apacheVersion(): string {
  return /Server version:\s*(.*)/.exec(spawnSync(APACHE, ['-v'], { encoding: 'utf8' }).stdout ?? '')?.[1]?.trim() ?? 'unknown';
}
