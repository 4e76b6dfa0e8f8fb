/**
 * Databases for unit tests, each deleted after its test, and record makers. Test files import
 * 'fake-indexeddb/auto' first, before Dexie is loaded.
 */
import { afterEach } from 'vitest';
import { ReportDatabase, newId } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';

/** Returns a maker of fresh, empty databases that are deleted after each test. */
export function freshDatabases(prefix: string): () => ReportDatabase {
  const opened: ReportDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return () => {
    const db = new ReportDatabase(`${prefix}-${newId()}`);
    opened.push(db);
    return db;
  };
}

export function snippet(overrides: Partial<Snippet> = {}): Snippet {
  return { id: newId(), title: '加强政治建设', body: '牢固树立政治机关意识。', tags: ['党建'], createdAt: 1, updatedAt: 2, useCount: 0, ...overrides };
}
