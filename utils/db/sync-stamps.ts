/**
 * Every write to a synced table, from whatever part of the extension, raises the record's
 * version in syncRecords within the same transaction and marks it dirty; a deletion leaves the
 * row as a tombstone. One middleware rather than a stamp at each call site, so that no write
 * path can forget it. What a server confirmed is written in transactions marked with
 * `markConfirmed`, which this leaves as they are.
 */
import type { DBCore, DBCoreDeleteRangeRequest, DBCoreDeleteRequest, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { SYNC_TABLES, type SyncRecordState, type SyncTable } from './schema';

const STATES = 'syncRecords';
const SYNCED = new Set<string>(SYNC_TABLES);
const confirmedTransactions = new WeakSet<object>();

/** Writes in `tx` carry versions a server gave: they are stored as they are, not stamped. */
export function markConfirmed(tx: Transaction): void {
  confirmedTransactions.add(tx.idbtrans);
}

/** The ids a deletion removes: deleting a record that is not there leaves no tombstone. */
function deletedIds(table: DBCoreTable, req: DBCoreDeleteRequest | DBCoreDeleteRangeRequest): Promise<string[]> {
  if (req.type === 'deleteRange') {
    return table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } }).then((found) => found.result as string[]);
  }
  return table.getMany({ trans: req.trans, keys: req.keys }).then((found) => (req.keys as string[]).filter((_, i) => found[i] !== undefined));
}

/** Past this many records a write reads its table's state rows in one request, not one each. */
const ONE_READ_FROM = 64;

/**
 * The state rows of `keys`, in their order. IndexedDB answers a request per row read by key but
 * a whole key range in one, so a large write (an import) reads every row of its table at once.
 */
function statesOf(states: DBCoreTable, trans: DBCoreTransaction, name: SyncTable, keys: string[]): Promise<(SyncRecordState | undefined)[]> {
  if (keys.length < ONE_READ_FROM) return states.getMany({ trans, keys });
  // The range of keys `${name}/…`: '0' is the character after '/'.
  const range = { type: 2 as DBCoreRangeType, lower: `${name}/`, upper: `${name}0`, lowerOpen: false, upperOpen: true };
  return states.query({ trans, values: true, query: { index: states.schema.primaryKey, range } }).then(({ result }) => {
    const byKey = new Map((result as SyncRecordState[]).map((row) => [row.key, row]));
    return keys.map((key) => byKey.get(key));
  });
}

/**
 * The request, and the state rows of what it wrote. Chained with `then`, never awaited: the
 * layers below read Dexie's transaction zone, which Dexie's promises carry and `await` loses.
 */
function stamped(down: DBCore, table: DBCoreTable, name: SyncTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  if (confirmedTransactions.has(req.trans)) return table.mutate(req);
  const deleting = req.type === 'delete' || req.type === 'deleteRange';
  const write = (ids: string[]) =>
    table.mutate(req).then((response) => {
      // A value an `add` refused (its id taken) was not written.
      const written = deleting ? ids : ids.filter((_, i) => !(i in response.failures));
      if (!written.length) return response;
      const states = down.table(STATES);
      const keys = written.map((id) => `${name}/${id}`);
      return statesOf(states, req.trans, name, keys).then((before) => {
        const now = Date.now();
        const rows = written.map((id, i): SyncRecordState => {
          const row: SyncRecordState = { ...before[i], key: keys[i], table: name, id, rev: (before[i]?.rev ?? 0) + 1, device: '', dirty: 1 };
          if (deleting) row.deletedAt = now;
          else delete row.deletedAt;
          return row;
        });
        return states.mutate({ type: 'put', trans: req.trans, values: rows, keys }).then(() => response);
      });
    });
  if (req.type === 'delete' || req.type === 'deleteRange') return deletedIds(table, req).then(write);
  return write((req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value))) as string[]);
}

export const syncStamps: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-stamps',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        // A write to a synced table writes its state row too, so the state table joins its transaction.
        const widen = mode === 'readwrite' && stores.some((store) => SYNCED.has(store)) && !stores.includes(STATES);
        return down.transaction(widen ? [...stores, STATES] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SYNCED.has(name)) return table;
        return { ...table, mutate: (req) => stamped(down, table, name as SyncTable, req) };
      },
    };
  },
};
