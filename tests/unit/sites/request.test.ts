import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { OriginSchema, PROTOCOL } from '@/protocol/schemas';

const isSiteRequest = (value: unknown) => v.is(PROTOCOL.contentToBackground['site-off'].message, value);
const isOrigin = (value: unknown) => v.is(OriginSchema, value);

describe('the site-off message', () => {
  it('takes a list of addresses, and nothing else', () => {
    expect(isSiteRequest({ type: 'site-off', addresses: ['http://localhost/', 'about:blank'] })).toBe(true);
    expect(isSiteRequest({ type: 'site-off', addresses: [] })).toBe(true);
    expect(isSiteRequest({ type: 'site-off', addresses: 'http://localhost/' })).toBe(false);
    expect(isSiteRequest({ type: 'site-off', addresses: [1] })).toBe(false);
    expect(isSiteRequest({ type: 'site-off' })).toBe(false);
    expect(isSiteRequest({ type: 'abbreviations' })).toBe(false);
    expect(isSiteRequest(null)).toBe(false);
  });
});

describe('OriginSchema', () => {
  it('takes an origin as location.origin gives it, and nothing more', () => {
    expect(isOrigin('http://127.0.0.1:4173')).toBe(true);
    expect(isOrigin('https://mail.example.com')).toBe(true);
    expect(isOrigin('null')).toBe(true);
    expect(isOrigin('https://mail.example.com/')).toBe(false);
    expect(isOrigin('https://mail.example.com/inbox')).toBe(false);
    expect(isOrigin('mail.example.com')).toBe(false);
    expect(isOrigin('')).toBe(false);
    expect(isOrigin(undefined)).toBe(false);
  });
});
