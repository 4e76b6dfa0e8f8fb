// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HIGHLIGHT_COLOURS } from '@/utils/settings/colour';
import { EMPTY_CLEANUP_SETTINGS } from '@/utils/settings/cleanup-settings';
import { cleanupSettings, highlightColours, setCleanupSettings, setHighlightColours } from '@/utils/db/settings';
import { setTriggerKey, triggerKey } from '@/utils/db/settings';
import { freshDatabases } from './fixtures';

const freshDatabase = freshDatabases('settings');

describe('settings store', () => {
  it('gives defaults before anything is set, and what was set after', async () => {
    const db = freshDatabase();
    expect(await highlightColours(db)).toEqual(DEFAULT_HIGHLIGHT_COLOURS);
    expect(await cleanupSettings(db)).toEqual(EMPTY_CLEANUP_SETTINGS);
    const colours = { all: 'rgba(0, 128, 255, 0.4)', current: 'rgba(255, 0, 0, 0.7)' };
    await setHighlightColours(db, colours);
    const cleanup = { off: ['blank-lines'], own: [{ id: 'a', name: 'n', kind: 'remove' as const, pattern: 'abc', enabled: true }] };
    await setCleanupSettings(db, cleanup);
    expect(await highlightColours(db)).toEqual(colours);
    expect(await cleanupSettings(db)).toEqual(cleanup);
  });

  it('shares the table with the abbreviation key without touching it, and survives damaged values', async () => {
    const db = freshDatabase();
    await setTriggerKey(db, 'Enter');
    await db.settings.bulkPut([
      { id: 'highlight-colours', value: '{not json' },
      { id: 'cleanup-rules', value: '{"off":"all"}' },
    ]);
    expect(await highlightColours(db)).toEqual(DEFAULT_HIGHLIGHT_COLOURS);
    expect(await cleanupSettings(db)).toEqual(EMPTY_CLEANUP_SETTINGS);
    expect(await triggerKey(db)).toBe('Enter');
  });
});
