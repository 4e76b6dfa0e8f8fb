// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newId } from '@/utils/db/database';
import { LATEST_VERSION } from '@/utils/db/migrations';
import { freshDatabases, snippet } from './fixtures';

const freshDatabase = freshDatabases('test');


describe('ReportDatabase', () => {
  it('keeps snippets, templates and rules under string ids', async () => {
    const db = freshDatabase();
    const s = snippet();
    await db.snippets.add(s);
    await db.templates.add({ id: newId(), title: '述职报告', kind: 'duty', description: '', language: 'zh', sections: [], createdAt: 1, updatedAt: 1 });
    await db.placeholderRules.add({ id: newId(), name: '项目编号', pattern: 'PRJ-\\?\\?', flags: '', kind: 'free', enabled: true, createdAt: 1 });

    expect(typeof s.id).toBe('string');
    expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.snippets.get(s.id)).toEqual(s);
    expect(await db.templates.count()).toBe(1);
    expect(await db.placeholderRules.count()).toBe(1);
  });

  it('finds snippets by tag through the multi-entry index', async () => {
    const db = freshDatabase();
    await db.snippets.bulkAdd([snippet({ tags: ['党建', '总结'] }), snippet({ tags: ['总结'] }), snippet({ tags: [] })]);
    expect(await db.snippets.where('tags').equals('总结').count()).toBe(2);
    expect(await db.snippets.where('tags').equals('党建').count()).toBe(1);
  });

  it('refuses a second record with the same id and keeps the first', async () => {
    const db = freshDatabase();
    const s = snippet();
    await db.snippets.add(s);
    await expect(db.snippets.add({ ...s, title: 'changed' })).rejects.toThrow();
    expect((await db.snippets.get(s.id))?.title).toBe(s.title);
  });

  it('opens at the latest schema version', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
  });
});
