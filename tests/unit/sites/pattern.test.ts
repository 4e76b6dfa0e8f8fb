import { describe, expect, it } from 'vitest';
import { addSitePattern, matchesSite, parseSitePattern, sitePatternsMatching, type SitePattern } from '@/utils/sites/pattern';

function pattern(text: string): SitePattern {
  const parsed = parseSitePattern(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return parsed.pattern;
}

describe('parseSitePattern', () => {
  it('reads a host, a wildcard, a port, a scheme and a path', () => {
    expect(pattern('mail.example.com')).toEqual({ scheme: null, host: 'mail.example.com', subdomains: false, port: null, path: '/' });
    expect(pattern(' *.Bank.Example ')).toEqual({ scheme: null, host: 'bank.example', subdomains: true, port: null, path: '/' });
    expect(pattern('localhost:4173')).toMatchObject({ host: 'localhost', port: '4173' });
    expect(pattern('https://intranet.example/path/')).toEqual({ scheme: 'https', host: 'intranet.example', subdomains: false, port: null, path: '/path' });
    expect(pattern('https://a.example:443')).toMatchObject({ port: '443' });
    expect(pattern('192.168.1.10')).toMatchObject({ host: '192.168.1.10' });
    expect(pattern('[::1]:8080')).toMatchObject({ host: '[::1]', port: '8080' });
    // Hosts are kept as URL writes them (punycode), so a Chinese domain matches its pages.
    expect(matchesSite(pattern('政务.中国'), 'https://政务.中国/index.html')).toBe(true);
    expect(pattern('政务.中国').host).toMatch(/^xn--[a-z0-9]+\.xn--fiqs8s$/);
  });

  it('refuses what does not name a site, saying why', () => {
    const errors = Object.fromEntries(
      ['', '   ', 'ht!tp://example.com', 'ftp://example.com', 'mailto:a', '*.*', '*', 'a*.example', 'example.*', '*.', 'exa mple.com', 'user@example.com',
        'example.com:http', 'example.com:70000', 'example.com/?q=1', 'example.com/#top', '-bad.example', 'a..b', ':80', 'http://'].map((text) => {
        const parsed = parseSitePattern(text);
        return [text, parsed.ok ? 'ok' : parsed.error];
      }),
    );
    expect(errors).toEqual({
      '': 'empty', '   ': 'empty', 'ht!tp://example.com': 'scheme', 'ftp://example.com': 'scheme', 'mailto:a': 'scheme', '*.*': 'wildcard',
      '*': 'wildcard', 'a*.example': 'wildcard', 'example.*': 'wildcard', '*.': 'host', 'exa mple.com': 'host', 'user@example.com': 'host',
      'example.com:http': 'port', 'example.com:70000': 'port', 'example.com/?q=1': 'extra', 'example.com/#top': 'extra', '-bad.example': 'host',
      'a..b': 'host', ':80': 'host', 'http://': 'host',
    });
  });
});

describe('matchesSite', () => {
  it('matches a host on any scheme, port and path, and nothing around it', () => {
    const p = pattern('mail.example.com');
    expect(matchesSite(p, 'https://mail.example.com/inbox?x=1')).toBe(true);
    expect(matchesSite(p, 'http://mail.example.com:8080/')).toBe(true);
    expect(matchesSite(p, 'https://example.com/')).toBe(false);
    expect(matchesSite(p, 'https://x.mail.example.com/')).toBe(false);
    expect(matchesSite(p, 'https://mail.example.com.evil.test/')).toBe(false);
  });

  it('matches a wildcard domain and its subdomains only', () => {
    const p = pattern('*.bank.example');
    expect(matchesSite(p, 'https://bank.example/')).toBe(true);
    expect(matchesSite(p, 'https://www.online.bank.example/')).toBe(true);
    expect(matchesSite(p, 'https://notbank.example/')).toBe(false);
  });

  it('matches a port, default ports included', () => {
    expect(matchesSite(pattern('localhost:4173'), 'http://localhost:4173/demo.html')).toBe(true);
    expect(matchesSite(pattern('localhost:4173'), 'http://localhost:5000/')).toBe(false);
    expect(matchesSite(pattern('https://a.example:443'), 'https://a.example/')).toBe(true);
    expect(matchesSite(pattern('a.example:80'), 'https://a.example/')).toBe(false);
  });

  it('matches a scheme and a path by whole segments', () => {
    const p = pattern('https://intranet.example/path');
    expect(matchesSite(p, 'https://intranet.example/path')).toBe(true);
    expect(matchesSite(p, 'https://intranet.example/path/form?id=1')).toBe(true);
    expect(matchesSite(p, 'https://intranet.example/pathology')).toBe(false);
    expect(matchesSite(p, 'http://intranet.example/path')).toBe(false);
  });

  it('never matches pages that are no site, or addresses that do not parse', () => {
    expect(matchesSite(pattern('localhost'), 'about:blank')).toBe(false);
    expect(matchesSite(pattern('localhost'), 'not a url')).toBe(false);
    expect(matchesSite(pattern('localhost'), 'chrome-extension://localhost/x')).toBe(false);
  });
});

describe('site lists', () => {
  it('names the patterns that match any address, skipping broken ones', () => {
    const list = ['localhost', '*.*', 'example.com', 'https://localhost/a'];
    expect(sitePatternsMatching(list, ['about:blank', 'http://localhost:4173'])).toEqual(['localhost']);
    expect(sitePatternsMatching(list, ['https://localhost/a/b'])).toEqual(['localhost', 'https://localhost/a']);
    expect(sitePatternsMatching(list, [])).toEqual([]);
  });

  it('adds a valid pattern, and leaves the list as it was for a bad or repeated one', () => {
    const list = ['mail.example.com'];
    expect(addSitePattern(list, ' *.bank.example ')).toEqual({ ok: true, list: ['mail.example.com', '*.bank.example'] });
    expect(addSitePattern(list, 'ht!tp://x')).toEqual({ ok: false, error: 'scheme' });
    expect(addSitePattern(list, 'mail.example.com')).toEqual({ ok: false, error: 'duplicate' });
    expect(list).toEqual(['mail.example.com']);
  });
});
