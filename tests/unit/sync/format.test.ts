import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, bucketOf, contentHash, parseBucket, parseIndex, serializeBucket, serializeIndex } from '@/utils/sync/format';
import type { SyncEntry } from '@/utils/db/schema';

const snippetData = { id: 's1', title: '标题', body: '正文', tags: [], createdAt: 1, updatedAt: 2, useCount: 0 };

describe('the layout', () => {
  it('puts a record in one of 256 buckets by its table and id, the same on every device', () => {
    // FNV-1a of 'snippets/s1' is 0x…10: written out by hand, so that a change of hash shows.
    expect(bucketOf('snippets', 's1')).toBe('10');
    expect(bucketOf('snippets', 'elsewhere-0')).toBe('79');
    expect(bucketOf('templates', 's1')).not.toBe(bucketOf('snippets', 's1'));
    const used = new Set(Array.from({ length: 5000 }, (_, i) => bucketOf('snippets', `id-${i}`)));
    expect(used.size).toBe(BUCKET_COUNT);
  });

  it('hashes text to 16 hex digits that change with any character', () => {
    expect(contentHash('')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('{"a":1}')).not.toBe(contentHash('{"a":2}'));
    expect(contentHash('报告')).toBe(contentHash('报告'));
  });

  it('writes a bucket in key order, so the same entries make the same text', () => {
    const a: SyncEntry = { table: 'snippets', id: 'b', rev: 1, device: 'd', deletedAt: 5 };
    const b: SyncEntry = { table: 'snippets', id: 'a', rev: 1, device: 'd', deletedAt: 5 };
    expect(serializeBucket('10', [a, b])).toBe(serializeBucket('10', [b, a]));
    expect(JSON.parse(serializeBucket('10', [a, b]))).toEqual({ format: 'report-drafting-assistant/sync-bucket', version: 1, bucket: '10', entries: [b, a] });
  });
});

describe('reading the index', () => {
  it('takes a well-formed index', () => {
    const text = serializeIndex({ generation: 3, updatedAt: 9, buckets: { '0a': { hash: '0123456789abcdef', count: 2 } } });
    expect(parseIndex(text)).toEqual({ ok: true, value: { format: 'report-drafting-assistant/sync', version: 1, generation: 3, updatedAt: 9, buckets: { '0a': { hash: '0123456789abcdef', count: 2 } } } });
  });

  it.each([
    ['not JSON', '{', 'bad-data'],
    ['another format', '{"format":"x","version":1}', 'bad-data'],
    ['a bucket name that is no bucket', JSON.stringify({ format: 'report-drafting-assistant/sync', version: 1, generation: 1, updatedAt: 1, buckets: { '../x': { hash: '0123456789abcdef', count: 1 } } }), 'bad-data'],
    ['a negative generation', JSON.stringify({ format: 'report-drafting-assistant/sync', version: 1, generation: -1, updatedAt: 1, buckets: {} }), 'bad-data'],
    ['a later version', JSON.stringify({ format: 'report-drafting-assistant/sync', version: 2 }), 'newer-format'],
  ])('refuses %s', (_, text, problem) => {
    expect(parseIndex(text)).toMatchObject({ ok: false, problem });
  });
});

describe('reading a bucket', () => {
  const bucket = (entries: unknown[], name = '10') => JSON.stringify({ format: 'report-drafting-assistant/sync-bucket', version: 1, bucket: name, entries });

  it('takes records and tombstones, checked as a backup checks them', () => {
    const parsed = parseBucket(bucket([{ table: 'snippets', id: 's1', rev: 2, device: 'd1', data: snippetData }]), '10');
    expect(parsed).toEqual({ ok: true, value: [{ table: 'snippets', id: 's1', rev: 2, device: 'd1', data: snippetData }] });
    expect(parseBucket(bucket([{ table: 'snippets', id: 's1', rev: 3, device: 'd1', deletedAt: 7 }]), '10')).toEqual({
      ok: true,
      value: [{ table: 'snippets', id: 's1', rev: 3, device: 'd1', deletedAt: 7 }],
    });
  });

  it.each([
    ['a bucket at another name', bucket([], '11')],
    ['a record whose id differs from its entry', bucket([{ table: 'snippets', id: 's1', rev: 1, device: 'd', data: { ...snippetData, id: 'other' } }])],
    ['a record twice', bucket([{ table: 'snippets', id: 's1', rev: 1, device: 'd', deletedAt: 1 }, { table: 'snippets', id: 's1', rev: 2, device: 'd', deletedAt: 1 }])],
    ['a record of a table sync does not carry', bucket([{ table: 'syncRecords', id: 's1', rev: 1, device: 'd', deletedAt: 1 }])],
    ['a record without fields or tombstone', bucket([{ table: 'snippets', id: 's1', rev: 1, device: 'd' }])],
    ['a version that is no whole number', bucket([{ table: 'snippets', id: 's1', rev: 1.5, device: 'd', data: snippetData }])],
    ['an unsafe placeholder rule', bucket([{ table: 'placeholderRules', id: 's1', rev: 1, device: 'd', data: { id: 's1', name: 'r', pattern: '(a+)+$', flags: '', kind: 'free', enabled: true, createdAt: 1 } }])],
  ])('refuses %s', (_, text) => {
    expect(parseBucket(text, '10')).toMatchObject({ ok: false, problem: 'bad-data' });
  });

  it('refuses a setting the Settings check refuses, and takes one this version does not know', () => {
    const setting = (id: string, value: string) => bucket([{ table: 'settings', id, rev: 1, device: 'd', data: { id, value } }], bucketOf('settings', id));
    expect(parseBucket(setting('abbreviation-trigger', 'Escape'), bucketOf('settings', 'abbreviation-trigger'))).toMatchObject({ ok: false, problem: 'bad-data' });
    expect(parseBucket(setting('a-later-setting', 'x'), bucketOf('settings', 'a-later-setting'))).toMatchObject({ ok: true });
  });
});
