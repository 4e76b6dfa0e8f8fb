import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo } from 'react';
import { database } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import { SnippetIndex } from '@/utils/search/snippet-index';
import { queryTerms } from '@/utils/search/text';

/** Every tag in use, most used first. */
function tagsOf(snippets: readonly Snippet[]): string[] {
  const counts = new Map<string, number>();
  for (const s of snippets) for (const tag of s.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/**
 * The snippet library, live from the database, searched in memory. The list shows in use order
 * at once; the search index is built while the browser is idle (or finished by the first query).
 */
export function useSnippetLibrary(query: string, tag: string | null) {
  const snippets = useLiveQuery(() => database().snippets.toArray(), []);
  const index = useMemo(() => new SnippetIndex(snippets ?? []), [snippets]);
  // Indexed a slice at a time while the browser is idle, so scrolling and typing never wait.
  useEffect(() => {
    let idle = 0;
    const work = (deadline: IdleDeadline) => {
      if (!index.prepare(() => deadline.timeRemaining() > 1)) idle = requestIdleCallback(work);
    };
    idle = requestIdleCallback(work);
    return () => cancelIdleCallback(idle);
  }, [index]);
  // Typing stays responsive: the list follows a moment behind when the library is large.
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(() => index.search(deferredQuery, { tags: tag ? [tag] : [] }), [index, deferredQuery, tag]);
  const terms = useMemo(() => queryTerms(deferredQuery), [deferredQuery]);
  const tags = useMemo(() => tagsOf(snippets ?? []), [snippets]);
  // What the results answer, so the list knows a new search from a change in the library.
  const searched = `${deferredQuery}\n${tag ?? ''}`;
  return { loaded: snippets !== undefined, all: snippets ?? [], results, terms, tags, searched };
}
