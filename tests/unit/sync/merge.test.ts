import { describe, expect, it } from 'vitest';
import type { SyncEntry, SyncRecordState } from '@/utils/db/schema';
import { mergeRecord } from '@/utils/sync/merge';

const base = { id: 's1', title: '原标题', body: '原文', tags: [], createdAt: 1, updatedAt: 1, useCount: 3, lastUsedAt: 100 };
const agreed = { rev: 2, device: 'B' };
const baseEntry: SyncEntry = { table: 'snippets', id: 's1', ...agreed, data: base };
const state = (dirty: 0 | 1, extra: Partial<SyncRecordState> = {}): SyncRecordState => ({ key: 'snippets/s1', table: 'snippets', id: 's1', rev: dirty ? 3 : 2, device: dirty ? '' : 'B', synced: agreed, dirty, ...extra });
const remote = (data: Record<string, unknown> | undefined, rev = 3): SyncEntry => ({ table: 'snippets', id: 's1', rev, device: 'A', ...(data ? { data } : { deletedAt: 50 }) });

describe('merging one record', () => {
  it('keeps what this device has when the server holds the version both agreed on', () => {
    expect(mergeRecord('snippets', { state: state(1), data: { ...base, body: '本机' } }, baseEntry, baseEntry)).toEqual({ kind: 'keep' });
  });

  it('takes the server’s version when only the server changed', () => {
    const theirs = { ...base, body: '远端' };
    expect(mergeRecord('snippets', { state: state(0), data: base }, remote(theirs), baseEntry)).toEqual({ kind: 'accept', agreed: { rev: 3, device: 'A' }, record: theirs, write: true, dirty: false });
    expect(mergeRecord('snippets', { state: state(0), data: base }, remote(undefined), baseEntry)).toEqual({ kind: 'accept', agreed: { rev: 3, device: 'A' }, record: undefined, write: true, dirty: false });
  });

  it('ignores a tombstone of a record this device never had', () => {
    expect(mergeRecord('snippets', {}, remote(undefined), undefined)).toEqual({ kind: 'keep' });
  });

  it('notes the agreement when both sides made the same change', () => {
    const same = { ...base, body: '同样' };
    expect(mergeRecord('snippets', { state: state(1), data: same }, remote(same), baseEntry)).toEqual({ kind: 'accept', agreed: { rev: 3, device: 'A' }, record: same, write: false, dirty: false });
  });

  it('keeps an edit over a deletion, whichever side deleted', () => {
    const theirs = { ...base, body: '远端' };
    expect(mergeRecord('snippets', { state: state(1, { deletedAt: 9 }) }, remote(theirs), baseEntry)).toMatchObject({ kind: 'accept', record: theirs, write: true, dirty: false });
    const mine = { ...base, body: '本机' };
    expect(mergeRecord('snippets', { state: state(1), data: mine }, remote(undefined), baseEntry)).toMatchObject({ kind: 'accept', record: mine, write: false, dirty: true });
  });

  it('adds up the uses of one side to the content of the other', () => {
    const usedHere = { ...base, useCount: 5, lastUsedAt: 300 };
    const editedThere = { ...base, title: '新标题', updatedAt: 9, useCount: 4, lastUsedAt: 200 };
    expect(mergeRecord('snippets', { state: state(1), data: usedHere }, remote(editedThere), baseEntry)).toEqual({
      kind: 'accept',
      agreed: { rev: 3, device: 'A' },
      record: { ...editedThere, useCount: 6, lastUsedAt: 300 },
      write: true,
      dirty: true,
    });
  });

  it('finds a true conflict when both changed the content differently', () => {
    const theirs = remote({ ...base, body: '远端' });
    expect(mergeRecord('snippets', { state: state(1), data: { ...base, body: '本机' } }, theirs, baseEntry)).toEqual({ kind: 'conflict', remote: theirs });
    // Without a base (two devices that never agreed), any difference of content is one.
    expect(mergeRecord('snippets', { state: state(1, { synced: undefined }), data: { ...base, body: '本机' } }, theirs, undefined)).toEqual({ kind: 'conflict', remote: theirs });
  });

  it('treats a setting’s value as its content', () => {
    const setting = (value: string): SyncEntry => ({ table: 'settings', id: 'abbreviation-trigger', rev: 1, device: 'A', data: { id: 'abbreviation-trigger', value } });
    const local = { state: { key: 'settings/abbreviation-trigger', table: 'settings' as const, id: 'abbreviation-trigger', rev: 1, device: '', dirty: 1 as const }, data: { id: 'abbreviation-trigger', value: 'Space' } };
    expect(mergeRecord('settings', local, setting('Enter'), undefined)).toMatchObject({ kind: 'conflict' });
    expect(mergeRecord('settings', local, setting('Space'), undefined)).toMatchObject({ kind: 'accept', write: false, dirty: false });
  });
});
