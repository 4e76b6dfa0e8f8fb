/** Snippets in the database: the changes the panel and the background make. */
import type { ReportDatabase } from '../db/database';
import type { Snippet } from '../db/schema';

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

/** Snippets read per request when the whole library is loaded: each page is one short task. */
const LIBRARY_PAGE = 500;

/**
 * Every snippet, in id order, read a page at a time in one read transaction: one snapshot, but
 * no single read that holds the panel's thread for long (ten thousand at once take 300 ms).
 */
export async function allSnippets(db: ReportDatabase, pageSize = LIBRARY_PAGE): Promise<Snippet[]> {
  return db.transaction('r', db.snippets, async () => {
    const all: Snippet[] = [];
    for (;;) {
      const after = all[all.length - 1]?.id;
      const page = await (after === undefined ? db.snippets.toCollection() : db.snippets.where('id').above(after)).limit(pageSize).toArray();
      for (const s of page) all.push(s);
      if (page.length < pageSize) return all;
    }
  });
}

/**
 * What tells one state of the library from another without reading the records: how many there
 * are and the latest edit and use. Every change the extension makes moves one of them.
 */
export interface LibraryStamp {
  count: number;
  updatedAt: number;
  lastUsedAt: number;
}

const latest = (keys: readonly unknown[]) => (typeof keys[0] === 'number' ? keys[0] : 0);

/** The stamp of the library as stored, from its indexes alone. */
export async function libraryStamp(db: ReportDatabase): Promise<LibraryStamp> {
  const [count, updatedAt, lastUsedAt] = await Promise.all([
    db.snippets.count(),
    db.snippets.orderBy('updatedAt').reverse().limit(1).keys(),
    db.snippets.orderBy('lastUsedAt').reverse().limit(1).keys(),
  ]);
  return { count, updatedAt: latest(updatedAt), lastUsedAt: latest(lastUsedAt) };
}

/** The stamp of these snippets, as `libraryStamp` gives it once they are all that is stored. */
export function stampOf(snippets: readonly Snippet[]): LibraryStamp {
  let updatedAt = 0;
  let lastUsedAt = 0;
  for (const s of snippets) {
    if (typeof s.updatedAt === 'number' && s.updatedAt > updatedAt) updatedAt = s.updatedAt;
    if (typeof s.lastUsedAt === 'number' && s.lastUsedAt > lastUsedAt) lastUsedAt = s.lastUsedAt;
  }
  return { count: snippets.length, updatedAt, lastUsedAt };
}

export const sameStamp = (a: LibraryStamp, b: LibraryStamp) => a.count === b.count && a.updatedAt === b.updatedAt && a.lastUsedAt === b.lastUsedAt;

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
