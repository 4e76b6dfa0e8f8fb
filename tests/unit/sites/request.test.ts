import { describe, expect, it } from 'vitest';
import { isSiteRequest } from '@/utils/messaging';

describe('isSiteRequest', () => {
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
