import Dexie from 'dexie';
import { QUICK_INSERT_SECTIONS, QUICK_INSERT_SHOWN } from '@/protocol/messages';
import { isMessage, type AnswerOf } from '@/protocol/schemas';
import { database } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import { SnippetIndex } from '@/utils/search/snippet-index';
import { sectionFound, templateSectionDocs, type SectionDoc } from '@/utils/search/template-sections';
import { BUILT_IN_TEMPLATES } from '@/utils/report/templates';
import { includedBodies, snippetLookup, type SnippetLookup } from '@/utils/snippets/fields';
import { allSnippets, markUsed } from '@/utils/snippets/store';

/** How long a prepared first answer waits for the box that was opened to ask for it. */
const PREPARED_FOR_MS = 5000;

type SearchAnswer = AnswerOf<'quickInsertToBackground', 'quick-insert-search'>;

interface Library {
  index: SnippetIndex<Snippet>;
  lookup: SnippetLookup;
  sections: SnippetIndex<SectionDoc>;
}

/**
 * The quick-insert box's search. The box is an extension page framed in a web page, where the
 * browser may refuse it the extension's own database (third-party storage), so it asks here;
 * and a search answered here from an index kept between openings sends the box eight snippets,
 * not the library. Answered only to the extension's own pages: a content script's sender is
 * the web page.
 */
export function setUpQuickInsertSearch(): { prepare(): void } {
  let library: Promise<Library> | null = null;
  let libraryStamp = '';
  /** The answer to the box's first search, worked out while the box loads. */
  let prepared: { at: number; answer: Promise<SearchAnswer> } | null = null;
  // Any write through Dexie, from any of the extension's pages, makes the index stale at once;
  // the stamp catches a write made another way (a second copy of the database code).
  Dexie.on('storagemutated', () => {
    library = null;
    prepared = null;
  });
  const stampOf = async () => {
    const db = database();
    const [count, edited, used, templates, templateEdited] = await Promise.all([
      db.snippets.count(),
      db.snippets.orderBy('updatedAt').last(),
      db.snippets.orderBy('lastUsedAt').last(),
      db.templates.count(),
      db.templates.orderBy('updatedAt').last(),
    ]);
    return `${count}:${edited?.updatedAt}:${used?.lastUsedAt}:${templates}:${templateEdited?.updatedAt}`;
  };
  const load = async () => {
    const stamp = await stampOf();
    if (stamp !== libraryStamp) library = null;
    libraryStamp = stamp;
    return (library ??= Promise.all([allSnippets(database()), database().templates.toArray()]).then(([snippets, templates]) => {
      const index = new SnippetIndex(snippets);
      const sections = new SnippetIndex(templateSectionDocs([...BUILT_IN_TEMPLATES, ...templates]));
      // The box's first list (the snippets most used) needs only their order of use: the index
      // of their words is built once that answer has gone, while the user reads it.
      setTimeout(() => {
        index.prepare();
        sections.prepare();
      });
      return { index, lookup: snippetLookup(snippets), sections };
    }));
  };

  const answerFor = (query: string): Promise<SearchAnswer> =>
    load()
      .then(({ index, lookup, sections }) => {
        const found = index.search(query).slice(0, QUICK_INSERT_SHOWN);
        // Sections only for a query: with none the box offers the snippets most used.
        const sectionsFound = query.trim() ? sections.search(query).slice(0, QUICK_INSERT_SECTIONS) : [];
        return {
          hits: found.map((snippet) => ({ snippet, includes: includedBodies(snippet.body, lookup, snippet.title) })),
          sections: sectionsFound.map(sectionFound),
          librarySize: index.docs.length,
        };
      })
      .catch(() => {
        library = null;
        return { hits: [], sections: [], librarySize: 0 };
      });

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
    const early = message.query === '' && prepared && performance.now() - prepared.at < PREPARED_FOR_MS ? prepared.answer : null;
    prepared = null;
    void (early ?? answerFor(message.query)).then(sendResponse);
    return true;
  });

  return {
    // The command that opens the box: its first search (the snippets most used) starts now,
    // alongside the box's loading, rather than once the box asks.
    prepare() {
      prepared = { at: performance.now(), answer: answerFor('') };
    },
  };
}
