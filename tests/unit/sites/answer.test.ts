// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { siteAnswer } from '@/utils/sites/answer';
import { setSitesOff } from '@/utils/db/settings';
import { freshDatabases } from '../db/fixtures';

const freshDatabase = freshDatabases('site-answer');

describe('siteAnswer', () => {
  it('says whether one of the addresses is a site turned off', async () => {
    const db = freshDatabase();
    await setSitesOff(db, ['mail.example.com']);
    expect(await siteAnswer(() => db, ['https://mail.example.com/inbox'])).toBe(true);
    expect(await siteAnswer(() => db, ['https://news.example.com/', 'https://news.example.com'])).toBe(false);
  });

  it('answers null, never "on", when the list cannot be read', async () => {
    const db = freshDatabase();
    await setSitesOff(db, ['mail.example.com']);
    db.close();
    // A closed database refuses every read, as a broken one does.
    expect(await siteAnswer(() => db, ['https://news.example.com/'])).toBeNull();
    expect(
      await siteAnswer(() => {
        throw new Error('no database');
      }, ['https://news.example.com/']),
    ).toBeNull();
  });
});
