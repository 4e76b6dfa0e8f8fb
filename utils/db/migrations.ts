import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { SYNC_TABLES, type SyncRecordState } from './schema';

interface SchemaVersion {
  version: number;
  /** Dexie store definitions that change in this version (null deletes a table). */
  stores: Record<string, string | null>;
  /** Carries the records of the version before over, when their shape changes. */
  upgrade?(tx: Transaction): Promise<void> | void;
}

/**
 * Every schema the database has had, oldest first. A change adds a version here, with an
 * `upgrade` that carries the old records over, and a test that opens the old schema with data
 * in it (tests/unit/db/migrations.test.ts). Never edit a version that has shipped.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      snippets: 'id, title, *tags, folder, abbreviation, updatedAt, lastUsedAt',
      templates: 'id, title, kind, updatedAt',
      placeholderRules: 'id, name',
    },
  },
  {
    // User settings (the key that expands abbreviations), one record per setting. A new table
    // touches no existing record.
    version: 2,
    stores: { settings: 'id' },
  },
  {
    // Sync: a state row per record (its version, tombstone and base), this device's copy of the
    // files of each sync folder, and the conflicts that wait for the user. The records keep their
    // shape; each one there already gets a state row as a local write not yet sent, so that the
    // first sync carries it.
    version: 3,
    stores: { syncRecords: 'key, dirty, team.subscription', syncFiles: 'key, folder', syncConflicts: 'key' },
    async upgrade(tx) {
      for (const table of SYNC_TABLES) {
        const ids = (await tx.table(table).toCollection().primaryKeys()) as string[];
        const rows: SyncRecordState[] = ids.map((id) => ({ key: `${table}/${id}`, table, id, rev: 1, device: '', dirty: 1 }));
        await tx.table('syncRecords').bulkAdd(rows);
      }
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

/** Declares the schema up to `upTo` (the latest unless a test opens an old one). */
export function applyMigrations(db: Dexie, upTo = LATEST_VERSION): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    if (version > upTo) break;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
