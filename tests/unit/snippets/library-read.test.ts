// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allSnippets, libraryStamp, sameStamp, stampOf } from '@/utils/snippets/store';
import { freshDatabases, snippet } from '../db/fixtures';

const freshDatabase = freshDatabases('library-read');

describe('reading the whole library', () => {
  it('reads every snippet once, in id order, across pages', async () => {
    const db = freshDatabase();
    const records = ['e', 'a', 'd', 'b', 'c'].map((id) => snippet({ id, title: `Title ${id}` }));
    await db.snippets.bulkAdd(records);
    const read = await allSnippets(db, 2);
    expect(read.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(read.find((s) => s.id === 'd')).toEqual(records[2]);
    // A page exactly full at the end, and an empty library.
    expect((await allSnippets(db, 5)).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await allSnippets(freshDatabase(), 2)).toEqual([]);
  });
});

describe('library stamp', () => {
  it('is the count and the latest edit and use, from the indexes as from the records', async () => {
    const db = freshDatabase();
    const records = [
      snippet({ updatedAt: 300, lastUsedAt: 900 }),
      snippet({ updatedAt: 700 }),
      snippet({ updatedAt: 500, lastUsedAt: 400 }),
    ];
    await db.snippets.bulkAdd(records);
    expect(await libraryStamp(db)).toEqual({ count: 3, updatedAt: 700, lastUsedAt: 900 });
    expect(stampOf(records)).toEqual({ count: 3, updatedAt: 700, lastUsedAt: 900 });
    expect(await libraryStamp(freshDatabase())).toEqual({ count: 0, updatedAt: 0, lastUsedAt: 0 });
  });

  it('changes with a use, an edit, a deletion and a new snippet', async () => {
    const db = freshDatabase();
    const [a, b] = [snippet({ updatedAt: 100, lastUsedAt: 100 }), snippet({ updatedAt: 200 })];
    await db.snippets.bulkAdd([a, b]);
    const before = await libraryStamp(db);
    expect(sameStamp(before, { count: 2, updatedAt: 200, lastUsedAt: 100 })).toBe(true);

    await db.snippets.update(a.id, { useCount: 1, lastUsedAt: 150 });
    expect(sameStamp(await libraryStamp(db), before)).toBe(false);
    await db.snippets.update(a.id, { useCount: 0, lastUsedAt: 100, updatedAt: 250 });
    expect(sameStamp(await libraryStamp(db), before)).toBe(false);
    await db.snippets.update(a.id, { updatedAt: 100 });
    expect(sameStamp(await libraryStamp(db), before)).toBe(true);
    await db.snippets.delete(a.id);
    expect(sameStamp(await libraryStamp(db), before)).toBe(false);
    await db.snippets.add(snippet({ updatedAt: 50 }));
    expect(await libraryStamp(db)).toEqual({ count: 2, updatedAt: 200, lastUsedAt: 0 });
  });
});
