/**
 * The sync engine's view of the local library, over Dexie. What a server confirmed is written
 * in one transaction per step, marked so that it is stored as the server gave it rather than
 * stamped as a local write; the engine decides inside that transaction, against the library as
 * it is then, so that a write the user makes meanwhile is never overwritten.
 */
import type { Table } from 'dexie';
import type { ReportDatabase } from '../db/database';
import { SYNC_TABLES, type SyncConflict, type SyncFileCopy, type SyncRecordState, type SyncTable } from '../db/schema';
import { markConfirmed } from '../db/sync-stamps';

export type StoredRecord = Record<string, unknown> & { id: string };

/** Reads and writes inside one transaction over the records, their states, file copies and conflicts. */
export interface LocalView {
  states(keys: readonly string[]): Promise<(SyncRecordState | undefined)[]>;
  records(table: SyncTable, ids: readonly string[]): Promise<(StoredRecord | undefined)[]>;
  conflicts(keys: readonly string[]): Promise<(SyncConflict | undefined)[]>;
  files(folder: string, paths: readonly string[]): Promise<(SyncFileCopy | undefined)[]>;
  putStates(states: readonly SyncRecordState[]): Promise<void>;
  deleteStates(keys: readonly string[]): Promise<void>;
  putRecords(table: SyncTable, records: readonly StoredRecord[]): Promise<void>;
  deleteRecords(table: SyncTable, ids: readonly string[]): Promise<void>;
  putConflicts(conflicts: readonly SyncConflict[]): Promise<void>;
  deleteConflicts(keys: readonly string[]): Promise<void>;
  putFiles(files: readonly SyncFileCopy[]): Promise<void>;
}

export interface LocalStore {
  /** Runs `step` in one read-write transaction whose writes count as confirmed by a server. */
  confirmed<T>(step: (view: LocalView) => Promise<T>): Promise<T>;
  /** The states of records written here and not yet sent. */
  dirtyStates(): Promise<SyncRecordState[]>;
  file(folder: string, path: string): Promise<SyncFileCopy | undefined>;
  allConflicts(): Promise<SyncConflict[]>;
  /** Forgets a folder: its file copies, and (for a team) its items and their states. */
  forgetFolder(folder: string): Promise<void>;
}

export const fileKey = (folder: string, path: string) => `${folder}:${path}`;

/** Past this many keys a read takes the whole table in one request rather than one request per key. */
export const WHOLE_TABLE_FROM = 1000;

/** The rows of `keys`, in their order. IndexedDB answers a read by key per key, but a whole table at once. */
async function rowsOf<T>(table: Pick<Table<T, string>, 'bulkGet' | 'toArray' | 'schema'>, keys: readonly string[]): Promise<(T | undefined)[]> {
  if (keys.length < WHOLE_TABLE_FROM) return table.bulkGet([...keys]);
  const keyPath = table.schema.primKey.keyPath as string;
  const byKey = new Map((await table.toArray()).map((row) => [(row as Record<string, unknown>)[keyPath] as string, row]));
  return keys.map((key) => byKey.get(key));
}

export function dexieLocalStore(db: ReportDatabase): LocalStore {
  const tables = () => [...SYNC_TABLES.map((table) => db.table(table)), db.syncRecords, db.syncFiles, db.syncConflicts];
  const view: LocalView = {
    states: (keys) => rowsOf(db.syncRecords, keys),
    records: (table, ids) => rowsOf(db.table<StoredRecord, string>(table), ids),
    conflicts: (keys) => rowsOf(db.syncConflicts, keys),
    files: (folder, paths) => db.syncFiles.bulkGet(paths.map((path) => fileKey(folder, path))),
    putStates: async (states) => void (await db.syncRecords.bulkPut([...states])),
    deleteStates: (keys) => db.syncRecords.bulkDelete([...keys]),
    putRecords: async (table, records) => void (await db.table<StoredRecord, string>(table).bulkPut([...records])),
    deleteRecords: (table, ids) => db.table(table).bulkDelete([...ids]),
    putConflicts: async (conflicts) => void (await db.syncConflicts.bulkPut([...conflicts])),
    deleteConflicts: (keys) => db.syncConflicts.bulkDelete([...keys]),
    putFiles: async (files) => void (await db.syncFiles.bulkPut([...files])),
  };
  return {
    confirmed: (step) =>
      db.transaction('rw', tables(), async (tx) => {
        markConfirmed(tx);
        return step(view);
      }),
    dirtyStates: () => db.syncRecords.where('dirty').equals(1).toArray(),
    file: (folder, path) => db.syncFiles.get(fileKey(folder, path)),
    allConflicts: () => db.syncConflicts.toArray(),
    forgetFolder: (folder) =>
      db.transaction('rw', tables(), async (tx) => {
        markConfirmed(tx);
        await db.syncFiles.where('folder').equals(folder).delete();
        const items = await db.syncRecords.where('team.subscription').equals(folder).toArray();
        for (const table of SYNC_TABLES) await db.table(table).bulkDelete(items.filter((s) => s.table === table).map((s) => s.id));
        await db.syncRecords.bulkDelete(items.map((s) => s.key));
      }),
  };
}
