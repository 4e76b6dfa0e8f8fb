/**
 * Sync's own settings, in the browser's local storage under one key: the server and app
 * password, the team folders subscribed to, this device's id, and how each folder's last sync
 * went. They stay on this device: not in the database, so neither in a backup nor in sync.
 * The storage is passed in (`browser.storage.local`), so that tests use a map.
 */
import * as v from 'valibot';
import type { SyncReason } from './errors';

export const SYNC_STORAGE_KEY = 'sync';

/** The part of `browser.storage.local` this uses. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ServerAccount {
  /** The folder's address, e.g. https://dav.jianguoyun.com/dav/reports/. */
  url: string;
  user: string;
  /** An app password, which the server can revoke on its own. */
  password: string;
}

export interface FolderStatus {
  lastSyncAt?: number;
  lastFailure?: { reason: SyncReason; at: number };
}

export interface TeamSubscription extends ServerAccount {
  id: string;
  name: string;
  /** The server refused this user a write: publishing is off. */
  readOnly: boolean;
  status: FolderStatus;
}

export interface SyncConfig {
  /** Names this device in the versions it writes. */
  deviceId: string;
  personal?: ServerAccount & { status: FolderStatus };
  teams: TeamSubscription[];
}

const Status = v.object({
  lastSyncAt: v.optional(v.number()),
  lastFailure: v.optional(v.object({ reason: v.string() as v.GenericSchema<SyncReason>, at: v.number() })),
});
const Account = { url: v.string(), user: v.string(), password: v.string() };
const ConfigSchema = v.object({
  deviceId: v.pipe(v.string(), v.nonEmpty()),
  personal: v.optional(v.object({ ...Account, status: Status })),
  teams: v.array(v.object({ ...Account, id: v.string(), name: v.string(), readOnly: v.boolean(), status: Status })),
});

export interface SyncStore {
  /** The settings; on first use, a new device id. */
  read(): Promise<SyncConfig>;
  /** Applies `change` to the settings as stored, one change at a time. */
  update(change: (config: SyncConfig) => SyncConfig): Promise<SyncConfig>;
}

/** The settings kept in `area`: `browser.storage.local` in the extension, a map in tests. */
export function syncStore(area: StorageArea): SyncStore {
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<SyncConfig> {
    const stored = (await area.get(SYNC_STORAGE_KEY))[SYNC_STORAGE_KEY];
    const parsed = v.safeParse(ConfigSchema, stored);
    if (parsed.success) return parsed.output;
    // Missing or damaged: a fresh start, under a new device id.
    const fresh: SyncConfig = { deviceId: crypto.randomUUID(), teams: [] };
    await area.set({ [SYNC_STORAGE_KEY]: fresh });
    return fresh;
  }

  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    read: () => serially(load),
    update: (change) =>
      serially(async () => {
        const next = change(await load());
        await area.set({ [SYNC_STORAGE_KEY]: next });
        return next;
      }),
  };
}
