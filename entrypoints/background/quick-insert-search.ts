import Dexie from 'dexie';
import { QUICK_INSERT_SHOWN } from '@/protocol/messages';
import { isMessage } from '@/protocol/schemas';
import { database } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import { SnippetIndex } from '@/utils/search/snippet-index';
import { fieldsToAsk } from '@/utils/snippets/fields';
import { allSnippets, markUsed } from '@/utils/snippets/store';

/** The bodies a snippet includes by name (`{{snippet:名称}}`), all the way down, for its form and its text. */
function includesOf(snippet: Snippet, byName: Map<string, Snippet>): Record<string, string> {
  const includes: Record<string, string> = {};
  fieldsToAsk(snippet.body, (name) => {
    const body = byName.get(name)?.body;
    if (body !== undefined) includes[name] = body;
    return body;
  }, snippet.title);
  return includes;
}

interface Library {
  index: SnippetIndex<Snippet>;
  byName: Map<string, Snippet>;
}

/**
 * The quick-insert box's search. The box is an extension page framed in a web page, where the
 * browser may refuse it the extension's own database (third-party storage), so it asks here;
 * and a search answered here from an index kept between openings sends the box eight snippets,
 * not the library. Answered only to the extension's own pages: a content script's sender is
 * the web page.
 */
export function setUpQuickInsertSearch(): void {
  let library: Promise<Library> | null = null;
  let libraryStamp = '';
  // Any write through Dexie, from any of the extension's pages, makes the index stale at once;
  // the stamp catches a write made another way (a second copy of the database code).
  Dexie.on('storagemutated', () => {
    library = null;
  });
  const stampOf = async () => {
    const db = database();
    const [count, edited, used] = await Promise.all([db.snippets.count(), db.snippets.orderBy('updatedAt').last(), db.snippets.orderBy('lastUsedAt').last()]);
    return `${count}:${edited?.updatedAt}:${used?.lastUsedAt}`;
  };
  const load = async () => {
    const stamp = await stampOf();
    if (stamp !== libraryStamp) library = null;
    libraryStamp = stamp;
    return (library ??= allSnippets(database()).then((snippets) => {
      const index = new SnippetIndex(snippets);
      index.prepare();
      const byName = new Map<string, Snippet>();
      // As the panel resolves a name: by title first, then by abbreviation.
      for (const s of snippets) if (s.abbreviation && !byName.has(s.abbreviation)) byName.set(s.abbreviation, s);
      for (const s of snippets) byName.set(s.title, s);
      return { index, byName };
    }));
  };

  const ownPages = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !sender.url || new URL(sender.url).origin !== ownPages) return;
    if (!isMessage('quickInsertToBackground', message)) return;
    if (message.type === 'quick-insert-used') {
      markUsed(database(), message.id, Date.now()).then(
        () => sendResponse(),
        () => sendResponse(),
      );
      return true;
    }
    load()
      .then(({ index, byName }) => {
        const found = index.search(message.query).slice(0, QUICK_INSERT_SHOWN);
        sendResponse({ hits: found.map((snippet) => ({ snippet, includes: includesOf(snippet, byName) })), librarySize: index.docs.length });
      })
      .catch(() => {
        library = null;
        sendResponse({ hits: [], librarySize: 0 });
      });
    return true;
  });
}
