// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dismissWelcome, setSitesOff, sitesOff, welcomeDismissed } from '@/utils/db/settings';
import { freshDatabases } from './fixtures';

const freshDatabase = freshDatabases('sites');

describe('site settings', () => {
  it('keeps the list of sites turned off', async () => {
    const db = freshDatabase();
    expect(await sitesOff(db)).toEqual([]);
    await setSitesOff(db, ['localhost', '*.bank.example']);
    expect(await sitesOff(db)).toEqual(['localhost', '*.bank.example']);
  });

  it('reads a damaged record as an empty list', async () => {
    const db = freshDatabase();
    await db.settings.put({ id: 'sites-off', value: '["a", 3' });
    expect(await sitesOff(db)).toEqual([]);
    await db.settings.put({ id: 'sites-off', value: '["a", 3, null]' });
    expect(await sitesOff(db)).toEqual(['a']);
    await db.settings.put({ id: 'sites-off', value: '{"a":1}' });
    expect(await sitesOff(db)).toEqual([]);
  });

  it('remembers that the welcome was dismissed', async () => {
    const db = freshDatabase();
    expect(await welcomeDismissed(db)).toBe(false);
    await dismissWelcome(db);
    expect(await welcomeDismissed(db)).toBe(true);
  });
});
