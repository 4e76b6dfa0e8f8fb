// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveSelectionAsSnippet } from '@/utils/snippets/capture';
import { setTriggerKey, triggerKey } from '@/utils/db/settings';
import { abbreviations, deleteSnippets, markUsed, restoreSnippets, snippetForAbbreviation, tagSnippets } from '@/utils/snippets/store';
import { freshDatabases, snippet } from '../db/fixtures';

const freshDatabase = freshDatabases('store');


describe('snippet store', () => {
  it('counts uses for ranking', async () => {
    const db = freshDatabase();
    const s = snippet({ useCount: 2 });
    await db.snippets.add(s);
    await markUsed(db, s.id, 5000);
    expect(await db.snippets.get(s.id)).toMatchObject({ useCount: 3, lastUsedAt: 5000 });
  });

  it('deletes and puts back exactly what was there', async () => {
    const db = freshDatabase();
    const kept = snippet();
    const gone = [snippet({ html: '<p>x</p>', abbreviation: 'x1' }), snippet({ tags: ['a'] })];
    await db.snippets.bulkAdd([kept, ...gone]);
    const removed = await deleteSnippets(db, [...gone.map((s) => s.id), 'missing']);
    expect(removed).toEqual(gone);
    expect(await db.snippets.toArray()).toEqual([kept]);
    await restoreSnippets(db, removed);
    expect(await db.snippets.count()).toBe(3);
    expect(await db.snippets.get(gone[0].id)).toEqual(gone[0]);
  });

  it('tags many snippets at once, each once', async () => {
    const db = freshDatabase();
    const [a, b, c] = [snippet({ tags: ['党建'] }), snippet({ tags: [] }), snippet({ tags: [] })];
    await db.snippets.bulkAdd([a, b, c]);
    await tagSnippets(db, [a.id, b.id], '党建', 9);
    expect((await db.snippets.get(a.id))?.tags).toEqual(['党建']);
    expect(await db.snippets.get(b.id)).toMatchObject({ tags: ['党建'], updatedAt: 9 });
    expect((await db.snippets.get(c.id))?.tags).toEqual([]);
  });

  it('looks abbreviations up, the last edited winning a tie', async () => {
    const db = freshDatabase();
    const older = snippet({ abbreviation: 'zj', updatedAt: 1 });
    const newer = snippet({ abbreviation: 'zj', updatedAt: 2 });
    await db.snippets.bulkAdd([older, newer, snippet({ abbreviation: 'bg' }), snippet()]);
    expect(await abbreviations(db)).toEqual(['bg', 'zj']);
    expect((await snippetForAbbreviation(db, 'zj'))?.id).toBe(newer.id);
    expect(await snippetForAbbreviation(db, 'none')).toBeUndefined();
  });

  it('keeps the trigger key, Tab until changed', async () => {
    const db = freshDatabase();
    expect(await triggerKey(db)).toBe('Tab');
    await setTriggerKey(db, ' ');
    expect(await triggerKey(db)).toBe(' ');
    await db.settings.put({ id: 'abbreviation-trigger', value: 'F13' });
    expect(await triggerKey(db)).toBe('Tab');
  });
});

describe('saving a page selection', () => {
  it('keeps the text, titles it by its first words, and sanitizes formatting', async () => {
    const db = freshDatabase();
    const saved = await saveSelectionAsSnippet(db, { text: '  加强政治建设。牢固树立意识。\n', html: '<p onclick="x()"><b>加强</b>政治建设。</p>' }, async (html) => html.replace(/ onclick="[^"]*"/, ''), 7);
    expect(saved).toMatchObject({ title: '加强政治建设', body: '加强政治建设。牢固树立意识。', html: '<p><b>加强</b>政治建设。</p>', createdAt: 7, useCount: 0 });
    expect(await db.snippets.get(saved!.id)).toEqual(saved);
  });

  it('drops HTML that is only text, and saves nothing for a blank selection', async () => {
    const db = freshDatabase();
    const sanitize = async () => {
      throw new Error('not called for plain text');
    };
    expect((await saveSelectionAsSnippet(db, { text: 'plain', html: 'plain' }, sanitize))?.html).toBeUndefined();
    expect(await saveSelectionAsSnippet(db, { text: ' \n ' }, sanitize)).toBeNull();
    expect(await db.snippets.count()).toBe(1);
  });
});
