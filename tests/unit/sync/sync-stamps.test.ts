// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { markConfirmed } from '@/utils/db/sync-stamps';
import { deleteSnippets, markUsed, tagSnippets } from '@/utils/snippets/store';
import { freshDatabases, snippet } from '../db/fixtures';

const freshDatabase = freshDatabases('stamps');
const state = (key: string, db: ReturnType<typeof freshDatabase>) => db.syncRecords.get(key);

describe('every local write to a synced table', () => {
  it('raises the version and marks the record dirty, whichever call wrote it', async () => {
    const db = freshDatabase();
    const s = snippet({ id: 's1' });
    await db.snippets.add(s);
    expect(await state('snippets/s1', db)).toEqual({ key: 'snippets/s1', table: 'snippets', id: 's1', rev: 1, device: '', dirty: 1 });
    await db.syncRecords.update('snippets/s1', { dirty: 0, device: 'other', synced: { rev: 1, device: 'other' } });
    await db.snippets.update('s1', { title: '改' });
    expect(await state('snippets/s1', db)).toMatchObject({ rev: 2, device: '', dirty: 1, synced: { rev: 1, device: 'other' } });
    await markUsed(db, 's1', 5);
    await tagSnippets(db, ['s1'], '新', 6);
    expect((await state('snippets/s1', db))?.rev).toBe(4);
    await db.settings.put({ id: 'abbreviation-trigger', value: 'Enter' });
    await db.placeholderRules.bulkPut([{ id: 'r1', name: 'n', pattern: 'x', flags: '', kind: 'free', enabled: true, createdAt: 1 }]);
    expect(await db.syncRecords.orderBy('key').primaryKeys()).toEqual(['placeholderRules/r1', 'settings/abbreviation-trigger', 'snippets/s1']);
  });

  it('counts on from each record\'s own version in a write of many, and leaves other tables\' rows alone', async () => {
    const db = freshDatabase();
    // Ids that sort around the key range of the snippets' rows: 'snippets/…' only, not 'snippets0'.
    await db.snippets.bulkAdd([snippet({ id: 'k3' }), snippet({ id: 'k7' })]);
    await db.snippets.update('k7', { title: '二改' });
    await db.templates.put({ id: 'k3', title: 't', kind: 'k', description: '', language: 'zh', sections: [], createdAt: 1, updatedAt: 1 });
    const many = Array.from({ length: 100 }, (_, i) => snippet({ id: `k${i}` }));
    await db.snippets.bulkPut(many);
    expect((await state('snippets/k3', db))?.rev).toBe(2);
    expect((await state('snippets/k7', db))?.rev).toBe(3);
    expect((await state('snippets/k50', db))?.rev).toBe(1);
    expect((await state('templates/k3', db))?.rev).toBe(1);
    expect(await db.syncRecords.where('dirty').equals(1).count()).toBe(101);
  });

  it('leaves a tombstone on deletion, by id, by list or by clearing the table', async () => {
    const db = freshDatabase();
    await db.snippets.bulkAdd([snippet({ id: 'a' }), snippet({ id: 'b' }), snippet({ id: 'c' })]);
    await db.snippets.delete('a');
    await deleteSnippets(db, ['b', 'missing']);
    await db.snippets.clear();
    const rows = await db.syncRecords.toArray();
    expect(rows.map((r) => [r.id, r.rev, typeof r.deletedAt])).toEqual([
      ['a', 2, 'number'],
      ['b', 2, 'number'],
      ['c', 2, 'number'],
    ]);
    // A record written again after its deletion is no longer a tombstone.
    await db.snippets.add(snippet({ id: 'a' }));
    expect((await state('snippets/a', db))?.deletedAt).toBeUndefined();
    expect(await state('snippets/missing', db)).toBeUndefined();
  });

  it('keeps an add that failed out of the versions', async () => {
    const db = freshDatabase();
    await db.snippets.add(snippet({ id: 'a' }));
    await expect(db.snippets.bulkAdd([snippet({ id: 'a' }), snippet({ id: 'z' })])).rejects.toThrow();
    expect((await state('snippets/a', db))?.rev).toBe(1);
  });

  it('stores what a confirmed transaction writes without stamping it', async () => {
    const db = freshDatabase();
    await db.transaction('rw', db.snippets, db.syncRecords, async (tx) => {
      markConfirmed(tx);
      await db.snippets.put(snippet({ id: 'from-server' }));
    });
    expect(await state('snippets/from-server', db)).toBeUndefined();
    await db.snippets.update('from-server', { title: 'edited here' });
    expect((await state('snippets/from-server', db))?.dirty).toBe(1);
  });
});
