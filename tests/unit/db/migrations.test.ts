/**
 * Every schema the database has shipped with is frozen in tests/fixtures/db/vN/ (schema.json: its
 * stores, key paths and indexes, written by hand; data.json: records as that version stored
 * them). A database of each frozen version is built with the raw IndexedDB API, filled, and then
 * opened by the extension's own database class: every record must arrive intact, every index
 * must still find it, and the layout must be the latest frozen one.
 */
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportDatabase, newId } from '@/utils/db/database';
import { applyMigrations, LATEST_VERSION, SCHEMA_VERSIONS } from '@/utils/db/migrations';

interface FrozenIndex {
  name: string;
  keyPath: string;
  unique: boolean;
  multiEntry: boolean;
}
interface FrozenStore {
  keyPath: string;
  autoIncrement: boolean;
  indexes: FrozenIndex[];
}
interface Layout {
  idbVersion: number;
  stores: Record<string, FrozenStore>;
}
type StoredRecord = Record<string, unknown>;

const FROZEN = resolve(import.meta.dirname, '../../fixtures/db');
const frozenVersions = readdirSync(FROZEN)
  .filter((name) => /^v\d+$/.test(name))
  .map((name) => Number(name.slice(1)))
  .sort((a, b) => a - b);

const readJson = (version: number, file: string) => JSON.parse(readFileSync(join(FROZEN, `v${version}`, file), 'utf8'));
const frozenLayout = (version: number): Layout => {
  const { idbVersion, stores } = readJson(version, 'schema.json') as Layout;
  return { idbVersion, stores };
};
/** The frozen records of `version`, by store. */
const frozenData = (version: number): Record<string, StoredRecord[]> =>
  Object.fromEntries(Object.entries(readJson(version, 'data.json')).filter(([key]) => key !== 'note')) as Record<string, StoredRecord[]>;

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function databaseName(): string {
  const name = `migrate-${newId()}`;
  names.push(name);
  return name;
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((done, fail) => {
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((done, fail) => {
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error);
  });
}

/** Builds database `name` as `layout` lays it out, without Dexie, and stores `data` in it. */
async function createFrozen(name: string, layout: Layout, data: Record<string, StoredRecord[]>): Promise<void> {
  const request = indexedDB.open(name, layout.idbVersion);
  request.onupgradeneeded = () => {
    for (const [storeName, store] of Object.entries(layout.stores)) {
      const created = request.result.createObjectStore(storeName, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
      for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  const idb = await settled(request);
  const tx = idb.transaction(Object.keys(data), 'readwrite');
  for (const [storeName, records] of Object.entries(data)) for (const record of records) tx.objectStore(storeName).add(record);
  await committed(tx);
  idb.close();
}

/** The layout of database `name` as IndexedDB reports it, indexes in name order. */
async function layoutOf(name: string): Promise<Layout> {
  const idb = await settled(indexedDB.open(name));
  const stores: Record<string, FrozenStore> = {};
  const storeNames = [...idb.objectStoreNames];
  const tx = idb.transaction(storeNames, 'readonly');
  for (const storeName of storeNames) {
    const store = tx.objectStore(storeName);
    const indexes = [...store.indexNames].map((indexName) => {
      const { keyPath, unique, multiEntry } = store.index(indexName);
      return { name: indexName, keyPath: keyPath as string, unique, multiEntry };
    });
    stores[storeName] = { keyPath: store.keyPath as string, autoIncrement: store.autoIncrement, indexes };
  }
  const layout = { idbVersion: idb.version, stores };
  idb.close();
  return layout;
}

const inNameOrder = (layout: Layout): Layout => ({
  idbVersion: layout.idbVersion,
  stores: Object.fromEntries(
    Object.entries(layout.stores)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, store]) => [name, { ...store, indexes: [...store.indexes].sort((a, b) => a.name.localeCompare(b.name)) }]),
  ),
});
const byKey = (records: StoredRecord[], keyPath: string) => [...records].sort((a, b) => String(a[keyPath]).localeCompare(String(b[keyPath])));
/** The value at a key path such as `team.subscription`. */
const valueAt = (record: StoredRecord, keyPath: string) => keyPath.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], record);
/** Tables an upgrade fills from the records already there. */
const FILLED_BY_UPGRADE = new Set(['syncRecords']);

describe('frozen schemas', () => {
  it('has a frozen folder for every declared version and for no other, the versions in order', () => {
    const declared = SCHEMA_VERSIONS.map((v) => v.version);
    expect(declared).toEqual([...declared].sort((a, b) => a - b));
    expect(frozenVersions).toEqual(declared);
    for (const version of declared) {
      expect(existsSync(join(FROZEN, `v${version}`, 'data.json')), `tests/fixtures/db/v${version}/data.json`).toBe(true);
      expect(readJson(version, 'schema.json').version).toBe(version);
    }
  });

  it.each(frozenVersions)('declares version %i exactly as it shipped', async (version) => {
    const name = databaseName();
    const db = new Dexie(name);
    applyMigrations(db, version);
    await db.open();
    db.close();
    expect(await layoutOf(name)).toEqual(inNameOrder(frozenLayout(version)));
  });
});

describe('opening an older database', () => {
  it.each(frozenVersions)('opens a version %i database as the latest, every record intact and indexed', async (version) => {
    const name = databaseName();
    const data = frozenData(version);
    await createFrozen(name, frozenLayout(version), data);

    const db = new ReportDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    for (const [storeName, records] of Object.entries(data)) {
      const { keyPath, indexes } = frozenLayout(version).stores[storeName];
      expect(byKey(await db.table(storeName).toArray(), keyPath), storeName).toEqual(byKey(records, keyPath));
      // Each record is still found through every index the old version gave its store.
      for (const index of indexes) {
        for (const record of records) {
          const value = valueAt(record, index.keyPath);
          if (value === undefined) continue;
          for (const key of index.multiEntry ? (value as string[]) : [value]) {
            const found = await db.table(storeName).where(index.name).equals(key as string).primaryKeys();
            expect(found, `${storeName}.${index.name} = ${String(key)}`).toContain(record[keyPath]);
          }
        }
      }
    }
    // Tables added since are there, empty (but those an upgrade fills, each tested below), and take records.
    const latest = frozenLayout(LATEST_VERSION);
    for (const storeName of Object.keys(latest.stores).filter((store) => !(store in data) && !FILLED_BY_UPGRADE.has(store))) {
      expect(await db.table(storeName).count(), storeName).toBe(0);
    }
    await db.settings.put({ id: 'abbreviation-trigger', value: 'Enter' });
    expect(await db.settings.get('abbreviation-trigger')).toEqual({ id: 'abbreviation-trigger', value: 'Enter' });
    db.close();
    expect(await layoutOf(name)).toEqual(inNameOrder(latest));
  });
});

describe('the upgrade to version 3 (sync)', () => {
  it('gives every record of a version 2 database a state row, as a local write not yet sent', async () => {
    const name = databaseName();
    await createFrozen(name, frozenLayout(2), frozenData(2));
    const db = new ReportDatabase(name);
    await db.open();
    // Written out from tests/fixtures/db/v2/data.json: every record of the four tables, and nothing else.
    const keys = [
      'placeholderRules/6b7c8d9e-afb0-4c12-d3e4-5f6a7b8c9d07',
      'placeholderRules/7c8d9eaf-b0c1-4d23-e4f5-6a7b8c9d0e08',
      'settings/abbreviation-trigger',
      'settings/highlight-colours',
      'settings/sites-off',
      'settings/welcome-dismissed',
      'snippets/0b6f1c1e-2f4a-4d1b-9a61-3c7e5d2a9f01',
      'snippets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02',
      'snippets/2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f03',
      'snippets/3e4f5a6b-7c8d-4e9f-a0b1-2c3d4e5f6a04',
      'templates/4f5a6b7c-8d9e-4fa0-b1c2-3d4e5f6a7b05',
      'templates/5a6b7c8d-9eaf-4b01-c2d3-4e5f6a7b8c06',
    ];
    expect(await db.syncRecords.orderBy('key').toArray()).toEqual(
      keys.map((key) => {
        const [table, id] = key.split('/');
        return { key, table, id, rev: 1, device: '', dirty: 1 };
      }),
    );
    // A first sync finds them all through the index it reads.
    expect(await db.syncRecords.where('dirty').equals(1).count()).toBe(keys.length);
    // Edits after the upgrade raise the version.
    await db.snippets.update('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02', { title: '改' });
    expect(await db.syncRecords.get('snippets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02')).toEqual({
      key: 'snippets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02',
      table: 'snippets',
      id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02',
      rev: 2,
      device: '',
      dirty: 1,
    });
    expect(await db.syncFiles.count()).toBe(0);
    expect(await db.syncConflicts.count()).toBe(0);
    db.close();
  });
});
