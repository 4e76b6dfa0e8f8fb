/**
 * Site patterns: where the user turned the extension off. Pure: strings in, plain data out.
 *
 *   mail.example.com               that host, any scheme, port and path
 *   *.bank.example                 bank.example and every host under it
 *   localhost:4173                 that host on that port only
 *   https://intranet.example/path  that scheme and host, under that path
 */

export interface SitePattern {
  /** `http` or `https`; null for either. */
  scheme: string | null;
  /** Lower case, IDNs in punycode, as URL writes a hostname. */
  host: string;
  /** True for `*.host`: the host itself and everything under it. */
  subdomains: boolean;
  /** Null for any port. */
  port: string | null;
  /** A path prefix, matched whole segments at a time; `/` for any. */
  path: string;
}

export type SitePatternError = 'empty' | 'scheme' | 'wildcard' | 'host' | 'port' | 'extra';

export type SitePatternResult = { ok: true; pattern: SitePattern } | { ok: false; error: SitePatternError };

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

export function parseSitePattern(input: string): SitePatternResult {
  let rest = input.trim();
  if (!rest) return { ok: false, error: 'empty' };
  if (/\s/.test(rest)) return { ok: false, error: 'host' };
  let scheme: string | null = null;
  const schemeMatch = /^([^/:]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return { ok: false, error: 'scheme' };
    rest = rest.slice(schemeMatch[0].length);
  } else if (/^[^/]*:\/|^[a-z][a-z0-9+-]*:[^\d]/i.test(rest)) {
    // `ht!tp:/x`, `mailto:someone`: a scheme was meant, and not one a page is served over.
    return { ok: false, error: 'scheme' };
  }
  const subdomains = rest.startsWith('*.');
  if (subdomains) rest = rest.slice(2);
  const authority = /^[^/?#]*/.exec(rest)![0];
  // A wildcard anywhere but as the whole first label (`*.*`, `a*.example`, `*`) would match
  // more than the user can see at a glance.
  if (rest.includes('*')) return { ok: false, error: 'wildcard' };
  if (!authority || authority.includes('@')) return { ok: false, error: 'host' };
  const portMatch = /:([^:\]]*)$/.exec(authority);
  if (portMatch && !/^\d{1,5}$/.test(portMatch[1])) return { ok: false, error: 'port' };
  if (portMatch && Number(portMatch[1]) > 65535) return { ok: false, error: 'port' };
  let url: URL;
  try {
    url = new URL(`${scheme ?? 'http'}://${rest}`);
  } catch {
    return { ok: false, error: 'host' };
  }
  if (url.search || url.hash || rest.includes('?') || rest.includes('#')) return { ok: false, error: 'extra' };
  // A host of labels (letters, digits, hyphens after punycode), or an IP address.
  const host = url.hostname;
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/.test(host) || host.split('.').some((label) => label.startsWith('-') || label.endsWith('-'))) {
    return { ok: false, error: 'host' };
  }
  const port = portMatch ? (url.port || DEFAULT_PORTS[url.protocol.slice(0, -1)]) : null;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return { ok: true, pattern: { scheme, host, subdomains, port, path } };
}

/** True when `address` (a page's URL) is one the pattern names. Addresses that do not parse never match. */
export function matchesSite(pattern: SitePattern, address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (pattern.scheme && pattern.scheme !== scheme) return false;
  const host = url.hostname;
  if (host !== pattern.host && !(pattern.subdomains && host.endsWith(`.${pattern.host}`))) return false;
  if (pattern.port && (url.port || DEFAULT_PORTS[scheme]) !== pattern.port) return false;
  if (pattern.path === '/') return true;
  return url.pathname === pattern.path || url.pathname.startsWith(`${pattern.path}/`);
}

/** The patterns of `list` that name any of `addresses` (a frame, its origin, the pages around it). */
export function sitePatternsMatching(list: readonly string[], addresses: readonly string[]): string[] {
  return list.filter((text) => {
    const parsed = parseSitePattern(text);
    return parsed.ok && addresses.some((address) => matchesSite(parsed.pattern, address));
  });
}

/**
 * The list with `input` added, or why not: a pattern that does not parse, or one already there,
 * leaves the list as it was.
 */
export function addSitePattern(list: readonly string[], input: string): { ok: true; list: string[] } | { ok: false; error: SitePatternError | 'duplicate' } {
  const parsed = parseSitePattern(input);
  if (!parsed.ok) return parsed;
  const text = input.trim();
  if (list.includes(text)) return { ok: false, error: 'duplicate' };
  return { ok: true, list: [...list, text] };
}
