import { useCallback, useEffect, useState } from 'react';
import { database } from '@/utils/db/database';
import { sanitizeHtml } from '@/utils/sanitize';
import { listConflicts, syncPersonal, type ConflictView, type SyncDeps, type SyncOutcome } from '@/utils/sync/sync-engine';
import { SYNC_STORAGE_KEY, syncStore, type SyncConfig } from '@/utils/sync/sync-store';

/** What sync needs in the panel: this database, the browser's local storage, the one sanitizer. */
export function syncDeps(): SyncDeps {
  return { db: database(), store: syncStore(browser.storage.local), sanitize: sanitizeHtml };
}

/** The server's origin as a host permission pattern, or null when `url` is not a web address. */
export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? `${parsed.origin}/*` : null;
  } catch {
    return null;
  }
}

/** Sync's settings, read afresh whenever they change (a sync records its outcome there, from this panel or another). */
export function useSyncConfig(): { config: SyncConfig | null; reread: () => void } {
  const [config, setConfig] = useState<SyncConfig | null>(null);
  const [reads, setReads] = useState(0);
  const reread = useCallback(() => setReads((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    void syncDeps()
      .store.read()
      .then((next) => live && setConfig(next));
    return () => {
      live = false;
    };
  }, [reads]);
  useEffect(() => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STORAGE_KEY in changes) reread();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reread]);
  return { config, reread };
}

/**
 * Sync's state for the panel, kept fresh: its settings and status, the conflicts waiting, and a
 * sync run now.
 */
export function useSync() {
  const { config, reread } = useSyncConfig();
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    let live = true;
    void listConflicts(database()).then((next) => live && setConflicts(next));
    return () => {
      live = false;
    };
  }, [config]);

  const syncNow = useCallback(async (): Promise<SyncOutcome> => {
    setRunning(true);
    try {
      return await syncPersonal(syncDeps());
    } finally {
      setRunning(false);
      reread();
    }
  }, [reread]);

  return { config, conflicts, running, syncNow, reread };
}
