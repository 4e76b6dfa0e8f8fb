import type { Page } from '@playwright/test';

/**
 * Replaces the records of the named tables of the extension's database with these, straight
 * through IndexedDB in an extension page (tests share one browser, so one database). Tables not
 * named are left alone; `clearDrafts` also forgets the panel's drafts (kept in localStorage).
 */
export async function replaceTables(panel: Page, tables: Record<string, unknown[]>, { clearDrafts = false } = {}): Promise<void> {
  await panel.evaluate(
    async ({ tables, clearDrafts }) => {
      // The panel opens the database as it starts; wait for it to exist.
      for (let i = 0; i < 100 && !(await indexedDB.databases()).some((d) => d.name === 'report-drafting'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('report-drafting');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction(Object.keys(tables), 'readwrite');
        for (const [name, records] of Object.entries(tables)) {
          tx.objectStore(name).clear();
          for (const record of records) tx.objectStore(name).put(record);
        }
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      if (clearDrafts) localStorage.clear();
    },
    { tables, clearDrafts },
  );
}
