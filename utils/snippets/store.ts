/** Snippets in the database: the changes the panel and the background make. */
import type { ReportDatabase } from '../db/database';
import type { Snippet } from '../db/schema';
import { DEFAULT_TRIGGER, isTriggerKey, type TriggerKey } from './record';

export const TRIGGER_SETTING = 'abbreviation-trigger';

/** Counts one use, for ranking. */
export async function markUsed(db: ReportDatabase, id: string, now: number): Promise<void> {
  await db.snippets
    .where('id')
    .equals(id)
    .modify((s) => {
      s.useCount = (s.useCount ?? 0) + 1;
      s.lastUsedAt = now;
    });
}

/** Deletes the snippets and hands them back, so that an undo can put them back as they were. */
export async function deleteSnippets(db: ReportDatabase, ids: readonly string[]): Promise<Snippet[]> {
  return db.transaction('rw', db.snippets, async () => {
    const removed = (await db.snippets.bulkGet([...ids])).filter((s): s is Snippet => !!s);
    await db.snippets.bulkDelete(removed.map((s) => s.id));
    return removed;
  });
}

export async function restoreSnippets(db: ReportDatabase, snippets: readonly Snippet[]): Promise<void> {
  await db.snippets.bulkPut([...snippets]);
}

/** Adds `tag` to every snippet of `ids` that lacks it. */
export async function tagSnippets(db: ReportDatabase, ids: readonly string[], tag: string, now: number): Promise<void> {
  await db.snippets
    .where('id')
    .anyOf([...ids])
    .modify((s) => {
      if (s.tags.includes(tag)) return;
      s.tags = [...s.tags, tag];
      s.updatedAt = now;
    });
}

/** Every abbreviation in use. */
export async function abbreviations(db: ReportDatabase): Promise<string[]> {
  return (await db.snippets.orderBy('abbreviation').uniqueKeys()) as string[];
}

/**
 * The snippet an abbreviation stands for. Should two have it (an import can bring a second:
 * the editor refuses one), the one edited last wins.
 */
export async function snippetForAbbreviation(db: ReportDatabase, abbreviation: string): Promise<Snippet | undefined> {
  const found = await db.snippets.where('abbreviation').equals(abbreviation).toArray();
  return found.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

export async function triggerKey(db: ReportDatabase): Promise<TriggerKey> {
  const value = (await db.settings.get(TRIGGER_SETTING))?.value;
  return isTriggerKey(value) ? value : DEFAULT_TRIGGER;
}

export async function setTriggerKey(db: ReportDatabase, key: TriggerKey): Promise<void> {
  await db.settings.put({ id: TRIGGER_SETTING, value: key });
}
