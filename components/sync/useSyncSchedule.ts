import { useEffect } from 'react';
import { syncStore } from '@/utils/sync/sync-store';

/** How often the panel syncs while it is open, besides when it opens and when asked. */
const SYNC_EVERY_MS = 10 * 60_000;

/**
 * Syncs when the panel opens and every ten minutes while it is open: the user's own folder once
 * it is set up, and every team folder subscribed to. The engine loads only once a folder is set
 * up, so that a panel without sync does not start with it.
 */
export function useSyncSchedule() {
  useEffect(() => {
    const run = async () => {
      const config = await syncStore(browser.storage.local).read();
      if (!config.personal && !config.teams.length) return;
      const [{ syncAll }, { syncDeps }] = await Promise.all([import('@/utils/sync/sync-engine'), import('./useSync')]);
      await syncAll(syncDeps());
    };
    void run();
    const timer = setInterval(() => void run(), SYNC_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
}
