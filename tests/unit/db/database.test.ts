import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportDatabase, newId } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';

const opened: ReportDatabase[] = [];
function freshDatabase() {
  const db = new ReportDatabase(`test-${newId()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function snippet(overrides: Partial<Snippet> = {}): Snippet {
  const now = Date.now();
  return { id: newId(), title: '加强政治建设', body: '牢固树立政治机关意识。', tags: ['党建'], createdAt: now, updatedAt: now, useCount: 0, ...overrides };
}

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

  it('starts at schema version 1', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(1);
  });
});
