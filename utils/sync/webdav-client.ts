/**
 * The few WebDAV requests sync needs, over `fetch`: GET and PUT with conditions (ETags),
 * MKCOL, and PROPFIND. Basic authentication with the user's app password; every request has a
 * time limit. `fetch` is passed in, so that tests count and break requests.
 */
import { SyncError, type SyncReason } from './errors';

export interface WebDavOptions {
  /** The folder's address, as the user gave it. */
  url: string;
  user: string;
  password: string;
  fetch?: typeof fetch;
  /** How long one request may take, answer included. */
  timeoutMs?: number;
}

export type GetResult = { status: 'ok'; text: string; etag?: string } | { status: 'not-modified' } | { status: 'missing' };
/** `etag` is absent when the server answers a PUT without one, as Apache mod_dav does. */
export type PutResult = { status: 'ok'; etag?: string } | { status: 'precondition-failed' };
export interface PutConditions {
  /** Write only over this version (If-Match). */
  ifMatch?: string;
  /** Write only where there is no file yet (If-None-Match: *). */
  ifAbsent?: boolean;
}
export interface DavEntry {
  href: string;
  etag?: string;
  collection: boolean;
}

export interface WebDavClient {
  /** The folder's address, ending in a slash. */
  readonly folder: string;
  get(path: string, ifNoneMatch?: string): Promise<GetResult>;
  put(path: string, body: string, conditions?: PutConditions): Promise<PutResult>;
  /** Creates a folder; one that is already there is fine. */
  mkcol(path: string): Promise<void>;
  propfind(path: string, depth: 0 | 1): Promise<DavEntry[]>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function reasonForStatus(status: number): SyncReason {
  if (status === 401) return 'unauthorized';
  if (status === 403 || status === 405) return 'forbidden';
  if (status === 404 || status === 409) return 'not-found';
  if (status === 507 || status === 413) return 'insufficient-storage';
  return 'server-error';
}

/** An entity tag without its weak mark: `W/"x"` as `"x"`. */
export const strongTag = (etag: string) => etag.replace(/^W\//, '');

const unescapeXml = (text: string) =>
  text.replace(/&(quot|amp|lt|gt|apos|#\d+);/g, (_, name: string) =>
    name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[name],
  );

/** The responses of a multistatus body; read with patterns, as a service worker has no XML parser. */
export function parseMultistatus(xml: string): DavEntry[] {
  const element = (name: string) => new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'g');
  return [...xml.matchAll(element('response'))].map(([, body]) => {
    const href = [...body.matchAll(element('href'))][0]?.[1] ?? '';
    const etag = [...body.matchAll(element('getetag'))][0]?.[1];
    return { href: unescapeXml(href.trim()), etag: etag ? unescapeXml(etag.trim()) : undefined, collection: /<(?:[\w-]+:)?collection\b/.test(body) };
  });
}

export function createWebDavClient(options: WebDavOptions): WebDavClient {
  const folder = options.url.endsWith('/') ? options.url : `${options.url}/`;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const authorization = basicAuth(options.user, options.password);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** The status, ETag and text of one request; a failed or late request as a SyncError. */
  async function request(method: string, path: string, headers: Record<string, string>, body?: string) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send(new URL(path, folder).href, {
        method,
        headers: { Authorization: authorization, ...headers },
        body,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      const text = await response.text();
      return { status: response.status, etag: response.headers.get('ETag') ?? undefined, text };
    } catch (error) {
      if (controller.signal.aborted) throw new SyncError('timeout', `${method} ${path}: no answer in ${timeoutMs} ms`);
      throw new SyncError('unreachable', `${method} ${path}: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  const fail = (method: string, path: string, status: number): never => {
    throw new SyncError(reasonForStatus(status), `${method} ${path}: ${status}`, status);
  };

  return {
    folder,
    async get(path, ifNoneMatch) {
      const answer = await request('GET', path, ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {});
      if (answer.status === 304) return { status: 'not-modified' };
      if (answer.status === 404) return { status: 'missing' };
      if (answer.status !== 200) fail('GET', path, answer.status);
      return { status: 'ok', text: answer.text, etag: answer.etag };
    },
    async put(path, body, conditions = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      // If-Match compares tags strongly (RFC 9110 §13.1.1), so a weak one never matches. Apache
      // marks a file's ETag weak in the second after it was written, and sends the same tag
      // strong after that: the tag is sent strong.
      if (conditions.ifMatch) headers['If-Match'] = strongTag(conditions.ifMatch);
      if (conditions.ifAbsent) headers['If-None-Match'] = '*';
      const answer = await request('PUT', path, headers, body);
      if (answer.status === 412) return { status: 'precondition-failed' };
      if (answer.status < 200 || answer.status > 299) fail('PUT', path, answer.status);
      return { status: 'ok', etag: answer.etag };
    },
    async mkcol(path) {
      const answer = await request('MKCOL', path, {});
      // 405: the folder is there already.
      if (answer.status !== 201 && answer.status !== 405) fail('MKCOL', path, answer.status);
    },
    async propfind(path, depth) {
      const body = '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>';
      const answer = await request('PROPFIND', path, { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' }, body);
      if (answer.status !== 207) fail('PROPFIND', path, answer.status);
      return parseMultistatus(answer.text);
    },
  };
}
