import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { database } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import { SnippetIndex } from '@/utils/search/snippet-index';
import { queryTerms } from '@/utils/search/text';
import { allSnippets, libraryStamp, sameStamp, stampOf, type LibraryStamp } from '@/utils/snippets/store';
import { arrangeSnippets, folderTree, inFolder, type SnippetOrder } from '@/utils/snippets/arrange';

/** Every tag in use, most used first. */
function tagsOf(snippets: readonly Snippet[]): string[] {
  const counts = new Map<string, number>();
  for (const s of snippets) for (const tag of s.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/**
 * The top of the list as the panel last showed it: the ids of its first rows (more than the
 * tallest panel shows) and the stamp of the library they were ranked in. Ids only: the text
 * stays in the database. Kept in the extension's own localStorage, which pages cannot reach.
 */
interface FirstScreen {
  ids: string[];
  stamp: LibraryStamp;
}

/** The longest the search index is built for at a time. */
const INDEX_SLICE_MS = 15;

const FIRST_SCREEN_KEY = 'snippets:first-screen';
const FIRST_SCREEN_ROWS = 40;

function readFirstScreen(): FirstScreen | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY) ?? 'null');
    const screen = value as FirstScreen | null;
    return screen && Array.isArray(screen.ids) && screen.ids.every((id) => typeof id === 'string') && typeof screen.stamp?.count === 'number'
      ? screen
      : null;
  } catch {
    return null;
  }
}

function writeFirstScreen(screen: FirstScreen): void {
  try {
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(screen));
  } catch {
    // Storage full or unavailable: the next open waits for the whole library.
  }
}

/**
 * The first rows of the list before the whole library has loaded: the rows the panel showed
 * last time, read by id, when the library's stamp says nothing changed since (use order is
 * the same at any later time while nothing changes: every score fades at the same rate).
 * Null when there is nothing to show early; the loaded library replaces them either way.
 */
function useFirstScreen(): { snippets: Snippet[]; count: number } | null {
  const [first, setFirst] = useState<{ snippets: Snippet[]; count: number } | null>(null);
  useEffect(() => {
    const remembered = readFirstScreen();
    if (!remembered?.ids.length) return;
    let current = true;
    const db = database();
    Promise.all([libraryStamp(db), db.snippets.bulkGet(remembered.ids)])
      .then(([stamp, found]) => {
        const snippets = found.filter((s): s is Snippet => !!s);
        if (current && sameStamp(stamp, remembered.stamp) && snippets.length === remembered.ids.length) setFirst({ snippets, count: stamp.count });
      })
      // Nothing shown early; the whole library still loads.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return first;
}

/**
 * `snippets` searched in memory as the user types: the index is built a slice at a time while
 * the browser is idle (or finished by the first query). Results are null while a query waits
 * for the index.
 */
export function useSnippetSearch(snippets: Snippet[] | undefined, query: string, tag: string | null) {
  const index = useMemo(() => new SnippetIndex(snippets ?? []), [snippets]);
  // Typing stays responsive: the list follows a moment behind when the library is large.
  const deferredQuery = useDeferredValue(query);
  const terms = useMemo(() => queryTerms(deferredQuery), [deferredQuery]);
  // The latest index that is fully built; a query never waits on the thread for one to finish.
  const [searchable, setSearchable] = useState<SnippetIndex<Snippet> | null>(null);
  const urgent = terms.length > 0 && searchable !== index;
  // Indexed a slice at a time, so scrolling and typing never wait: while idle, or one slice
  // after another once a query waits for it. A slice ends well before a long task would.
  useEffect(() => {
    let idle = 0;
    let timer = 0;
    const slice = () => {
      const until = performance.now() + INDEX_SLICE_MS;
      return index.prepare(() => performance.now() < until);
    };
    const whenIdle = (deadline: IdleDeadline) => {
      const until = performance.now() + INDEX_SLICE_MS;
      if (index.prepare(() => deadline.timeRemaining() > 1 && performance.now() < until)) setSearchable(index);
      else idle = requestIdleCallback(whenIdle);
    };
    const next = () => {
      if (slice()) setSearchable(index);
      else timer = window.setTimeout(next);
    };
    if (urgent) timer = window.setTimeout(next);
    else idle = requestIdleCallback(whenIdle);
    return () => {
      cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [index, urgent]);
  // A query is answered by the index built last; while one for a changed library is being
  // built, its hits are the current records (a deleted snippet drops out, a new one waits).
  const results = useMemo(() => {
    const options = { tags: tag ? [tag] : [] };
    if (!terms.length) return index.search('', options);
    if (!searchable) return null;
    const found = searchable.search(deferredQuery, options);
    if (searchable === index) return found;
    const current = new Map(index.docs.map((s) => [s.id, s]));
    return found.flatMap((s) => current.get(s.id) ?? []);
  }, [index, searchable, terms, deferredQuery, tag]);
  return { index, terms, results, deferredQuery };
}

/**
 * The snippet library, live from the database, searched in memory. The rows on top show at
 * once from what the panel showed last; the whole library loads a page at a time behind them,
 * and the search index is built while the browser is idle (or finished by the first query).
 */
export function useSnippetLibrary(query: string, tag: string | null, folder: string | null, order: SnippetOrder) {
  const first = useFirstScreen();
  const snippets = useLiveQuery(() => allSnippets(database()), []);
  const { index, terms, results: found, deferredQuery } = useSnippetSearch(snippets, query, tag);
  const results = useMemo(() => found && arrangeSnippets(folder ? found.filter((s) => inFolder(s, folder)) : found, order), [found, folder, order]);
  // The top of the list as loaded now is what the next open shows first; noted when idle.
  useEffect(() => {
    if (!snippets) return;
    const idle = requestIdleCallback(() =>
      writeFirstScreen({ ids: index.search('').slice(0, FIRST_SCREEN_ROWS).map((s) => s.id), stamp: stampOf(snippets) }),
    );
    return () => cancelIdleCallback(idle);
  }, [snippets, index]);
  const tags = useMemo(() => tagsOf(snippets ?? []), [snippets]);
  const folders = useMemo(() => folderTree(snippets ?? []), [snippets]);
  // What the results answer, so the list knows a new search from a change in the library.
  const searched = `${deferredQuery}\n${tag ?? ''}\n${folder ?? ''}\n${order}`;
  // Loaded: the whole library is in and the query has its answer.
  const loaded = snippets !== undefined && results !== null;
  // Until then, the unfiltered list can start with the rows remembered on top.
  const early = snippets === undefined && first && !terms.length && !tag && !folder && order === 'best' ? first : null;
  const shown = early ? early.snippets : (results ?? []);
  return {
    loaded,
    all: snippets ?? [],
    results: shown,
    /** How many rows the results stand for: the whole list, also while only its top is in. */
    resultCount: early ? early.count : shown.length,
    terms,
    tags,
    folders,
    searched,
  };
}
