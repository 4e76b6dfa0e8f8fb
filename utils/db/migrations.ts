import type Dexie from 'dexie';

/**
 * Every schema the database has had, oldest first. A change adds a version here, with an
 * `upgrade` that carries the old records over, and a test that opens the old schema with data
 * in it (tests/unit/db). Never edit a version that has shipped.
 */
export function applyMigrations(db: Dexie): void {
  db.version(1).stores({
    snippets: 'id, title, *tags, folder, abbreviation, updatedAt, lastUsedAt',
    templates: 'id, title, kind, updatedAt',
    placeholderRules: 'id, name',
  });
}
