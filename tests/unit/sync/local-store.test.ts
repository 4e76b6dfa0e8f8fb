// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dexieLocalStore, WHOLE_TABLE_FROM } from '@/utils/sync/local-store';
import { freshDatabases, snippet } from '../db/fixtures';

const fresh = freshDatabases('local-store');

describe('reading many records at once', () => {
  it('gives the records and states of many keys in the order asked, absent ones as undefined, as a few keys are given', async () => {
    const db = fresh();
    await db.snippets.bulkAdd(Array.from({ length: WHOLE_TABLE_FROM + 10 }, (_, i) => snippet({ id: `s${i}` })));
    const local = dexieLocalStore(db);
    const ids = [...Array.from({ length: WHOLE_TABLE_FROM + 10 }, (_, i) => `s${i}`).reverse(), 'absent'];
    for (const asked of [ids, ids.slice(0, 5).concat('absent')]) {
      const { records, states } = await local.confirmed(async (view) => ({
        records: await view.records('snippets', asked),
        states: await view.states(asked.map((id) => `snippets/${id}`)),
      }));
      expect(records.map((r) => r?.id)).toEqual(asked.map((id) => (id === 'absent' ? undefined : id)));
      expect(states.map((s) => s?.key)).toEqual(asked.map((id) => (id === 'absent' ? undefined : `snippets/${id}`)));
    }
  });
});
