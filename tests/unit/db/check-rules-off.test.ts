// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkRulesOff, checkSetting, setCheckRulesOff } from '@/utils/db/settings';
import { freshDatabases } from './fixtures';

const freshDatabase = freshDatabases('check-rules-off');

describe('the check rules switched off', () => {
  it('are none at first, then the ids set, each once', async () => {
    const db = freshDatabase();
    expect(await checkRulesOff(db)).toEqual([]);
    await setCheckRulesOff(db, ['repeated-character', 'ellipsis', 'repeated-character']);
    expect(await checkRulesOff(db)).toEqual(['repeated-character', 'ellipsis']);
  });

  it('read a damaged value as none, and a backup refuses one that is not a list of ids', async () => {
    const db = freshDatabase();
    await db.settings.put({ id: 'check-rules-off', value: '{not json' });
    expect(await checkRulesOff(db)).toEqual([]);
    expect(checkSetting({ id: 'check-rules-off', value: '["ellipsis"]' })).toEqual({ ok: true, known: true });
    expect(checkSetting({ id: 'check-rules-off', value: '{"ellipsis":true}' })).toEqual({ ok: false, message: 'damaged' });
    expect(checkSetting({ id: 'check-rules-off', value: '[1]' })).toEqual({ ok: false, message: 'damaged' });
  });
});
