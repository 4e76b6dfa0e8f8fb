/**
 * Devices for the sync tests: each its own database (fake-indexeddb, imported first by the test
 * file), its own sync settings in a map-backed storage, and a fetch that logs its requests.
 */
import { afterEach } from 'vitest';
import { ReportDatabase, newId } from '@/utils/db/database';
import { sanitizeHtml } from '@/utils/sanitize';
import type { SyncDeps } from '@/utils/sync/sync-engine';
import { syncStore, type ServerAccount, type StorageArea, type SyncStore } from '@/utils/sync/sync-store';
import { countingFetch, type CountedFetch } from '../../dav-server';

/** Local storage as a map: what `browser.storage.local` keeps, for one device. */
export function memoryArea(): StorageArea & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (key) => (map.has(key) ? { [key]: structuredClone(map.get(key)) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) map.set(key, structuredClone(value));
    },
  };
}

export interface Device {
  db: ReportDatabase;
  store: SyncStore;
  area: ReturnType<typeof memoryArea>;
  requests: CountedFetch;
  deps: SyncDeps;
}

const opened: ReportDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/**
 * A device with its own database, settings and request log; `fetch` (the real one unless
 * given) is what the log wraps. With `account`, that is its personal server.
 */
export async function device(account?: ServerAccount, fetchWith: typeof fetch = fetch, timeoutMs = 5000): Promise<Device> {
  const db = new ReportDatabase(`sync-${newId()}`);
  opened.push(db);
  const area = memoryArea();
  const store = syncStore(area);
  const requests = countingFetch(fetchWith);
  if (account) await store.update((config) => ({ ...config, personal: { ...account, status: {} } }));
  return { db, store, area, requests, deps: { db, store, sanitize: sanitizeHtml, fetch: requests.fetch, timeoutMs } };
}
