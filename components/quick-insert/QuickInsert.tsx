import { lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { InsertPayload, QuickInsertToBackground } from '@/protocol/messages';
import { isAnswer, isMessage } from '@/protocol/schemas';
import type { Snippet } from '@/utils/db/schema';
import { matchExcerpt, matchRanges, splitByRanges } from '@/utils/search/highlight';
import { queryTerms } from '@/utils/search/text';
import { fieldsToAsk, type SnippetLookup } from '@/utils/snippets/fields';
import type { SectionFound } from '@/utils/search/template-sections';
import { askSearch, firstSearch, linked, type Link, type Search } from './box-link';
import { i18n } from '#i18n';
import './quick-insert.css';

/**
 * What only an insertion needs (the sanitizer, section numbering, the fields form) loads after
 * the first results are shown, so that it does not hold them up.
 */
/** The mark of the first results painted. */
const RESULTS_SHOWN_MARK = 'quick-insert-results';

const loadInserting = () => import('./inserting');
const FieldsForm = lazy(() => loadInserting().then((m) => ({ default: m.FieldsForm })));

function useLink(): Link | null {
  const [link, setLink] = useState<Link | null>(null);
  useEffect(() => void linked.then(setLink), []);
  return link;
}

const NOTHING_FOUND = { hits: [], sections: [], librarySize: 0 };

/** A row of the box: a snippet, or a template section. */
type Choice = { snippet: Snippet } | { section: SectionFound; key: string };

/** How long the box waits for the editor's text before it numbers a section without it. */
const BEFORE_TIMEOUT_MS = 2000;

/**
 * The editor's text before where a block would land now, asked of the content script: a
 * section is numbered to fit there. Null when the editor is not read or does not answer.
 */
function textBefore(port: MessagePort): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), BEFORE_TIMEOUT_MS);
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; text?: unknown } | null;
      if (data?.type === 'before') finish(typeof data.text === 'string' ? data.text : null);
    };
    const finish = (text: string | null) => {
      clearTimeout(timer);
      port.removeEventListener('message', onMessage);
      resolve(text);
    };
    port.addEventListener('message', onMessage);
    port.start();
    port.postMessage({ type: 'read-before' });
  });
}

/**
 * The results for `query`, from the background's index. The last answer stays on screen until
 * the next one comes, and an answer to an older query is dropped.
 */
function useBackgroundSearch(query: string): Search | undefined {
  const [search, setSearch] = useState<Search>();
  useEffect(() => {
    let current = true;
    const asked = query === '' ? firstSearch : askSearch(query);
    void asked.then((answer) => {
      if (!current) return;
      setSearch(isAnswer('quickInsertToBackground', 'quick-insert-search', answer) ? { query, ...answer } : { query, ...NOTHING_FOUND });
    });
    return () => {
      current = false;
    };
  }, [query]);
  return search;
}

/** The box the quick-insert command opens at the caret: search, arrows, Enter inserts, Escape closes. */
export function QuickInsert() {
  const link = useLink();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [filling, setFilling] = useState<{ snippet: Snippet; lookup: SnippetLookup } | null>(null);
  const [problem, setProblem] = useState('');
  const search = useBackgroundSearch(query);
  const terms = useMemo(() => queryTerms(search?.query ?? ''), [search]);
  // A one-line field takes no sections: they are headings and paragraphs.
  const takesSections = link?.family !== 'input';
  const snippetChoices = useMemo<Choice[]>(() => search?.hits.map((hit) => ({ snippet: hit.snippet })) ?? [], [search]);
  const sectionChoices = useMemo<Choice[]>(
    () => (takesSections ? (search?.sections.map((section, i) => ({ section, key: `${section.templateId}:${i}` })) ?? []) : []),
    [search, takesSections],
  );
  const shown = useMemo(() => [...snippetChoices, ...sectionChoices], [snippetChoices, sectionChoices]);
  const box = useRef<HTMLInputElement>(null);
  const current = Math.min(active, shown.length - 1);
  const idOf = (choice: Choice) => ('snippet' in choice ? `quick-insert-${choice.snippet.id}` : `quick-insert-section-${choice.key}`);
  /** What a snippet includes by name, as the background found it for this snippet. */
  const lookupFor = (snippet: Snippet): SnippetLookup => {
    const includes = search?.hits.find((hit) => hit.snippet.id === snippet.id)?.includes ?? {};
    return (name) => (Object.hasOwn(includes, name) ? includes[name] : undefined);
  };

  useEffect(() => box.current?.focus(), []);
  // The frame takes the height of what the box shows.
  const shape = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = shape.current;
    if (!link || !element) return;
    const observer = new ResizeObserver(() => link.port.postMessage({ type: 'resize', height: element.getBoundingClientRect().height }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [link, filling]);

  const send = (message: { type: 'insert'; content: InsertPayload } | { type: 'close' }) => {
    // Checked on this side too: what the box sends is what the content script accepts.
    if (link && isMessage('quickInsertToContent', message)) link.port.postMessage(message);
  };

  // Once the first results are on screen, their paint is marked in the box's own timeline
  // (benchmarks read it; the page around the box cannot), and what an insertion needs is
  // fetched while the user reads them: fetched any sooner, its modules delay that paint.
  const answered = search !== undefined;
  useEffect(() => {
    if (!answered) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(RESULTS_SHOWN_MARK);
        void loadInserting();
      }),
    );
  }, [answered]);

  const insert = async (snippet: Snippet, values: Record<string, string>, lookup: SnippetLookup) => {
    const { snippetContent, includeProblemText } = await loadInserting();
    const content = await snippetContent(snippet, values, link?.family ?? null, lookup);
    if ('problem' in content) {
      setProblem(includeProblemText(content.problem));
      return;
    }
    send({ type: 'insert', content });
    const used: QuickInsertToBackground = { type: 'quick-insert-used', id: snippet.id };
    await browser.runtime.sendMessage(used).catch(() => undefined);
  };

  /** A section with its sub-parts, numbered to fit after the text before where it lands. */
  const insertSection = async ({ section, language }: SectionFound) => {
    if (!link) return;
    const [before, { renderSections, sanitizeHtml }] = await Promise.all([textBefore(link.port), loadInserting()]);
    const rendered = renderSections([section], { before: before ?? '', language });
    send({ type: 'insert', content: { text: rendered.text, html: sanitizeHtml(rendered.html), placement: 'block' } });
  };

  const choose = (choice: Choice) => {
    if ('section' in choice) {
      void insertSection(choice.section);
      return;
    }
    const { snippet } = choice;
    const lookup = lookupFor(snippet);
    if (fieldsToAsk(snippet.body, lookup, snippet.title).fields.length) setFilling({ snippet, lookup });
    else void insert(snippet, {}, lookup);
  };

  if (filling) {
    return (
      <div className="quick-insert" ref={shape}>
        <Suspense>
          <FieldsForm
            snippet={filling.snippet}
            lookup={filling.lookup}
            onInsert={(values) => void insert(filling.snippet, values, filling.lookup)}
            onCancel={() => send({ type: 'close' })}
          />
        </Suspense>
      </div>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys that end an input method's composition are the input method's.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown') setActive(Math.min(current + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
    else if (event.key === 'Enter' && shown[current]) choose(shown[current]);
    else if (event.key === 'Escape') send({ type: 'close' });
    else return;
    event.preventDefault();
  };

  return (
    <div className="quick-insert" ref={shape} onKeyDown={onKeyDown}>
      <input
        ref={box}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-insert-results"
        aria-activedescendant={shown[current] ? idOf(shown[current]) : undefined}
        aria-label={i18n.t('snippetSearch')}
        placeholder={i18n.t('quickInsertHint')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      {problem && (
        <p className="quick-insert-problem" role="alert">
          {problem}
        </p>
      )}
      <div id="quick-insert-results" role="listbox" aria-label={i18n.t('quickInsertResults')}>
        {snippetChoices.length > 0 && (
          <ul role="group" aria-label={i18n.t('snippetsList')}>
            {snippetChoices.map((choice, index) => {
              const { snippet } = choice as { snippet: Snippet };
              const excerpt = matchExcerpt(snippet.body, terms, 40);
              return (
                <li key={snippet.id} id={idOf(choice)} role="option" aria-selected={index === current} onMouseEnter={() => setActive(index)} onClick={() => choose(choice)}>
                  <span className="quick-insert-title">{snippet.title}</span>
                  <span className="quick-insert-excerpt">
                    {splitByRanges(excerpt.text, excerpt.ranges).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {sectionChoices.length > 0 && (
          <ul role="group" aria-labelledby="quick-insert-sections">
            <li role="presentation" id="quick-insert-sections" className="quick-insert-group">
              {i18n.t('quickInsertSections')}
            </li>
            {sectionChoices.map((choice, k) => {
              const { section } = choice as { section: SectionFound };
              const index = snippetChoices.length + k;
              const title = matchRanges(section.section.heading, terms);
              return (
                <li key={idOf(choice)} id={idOf(choice)} role="option" aria-selected={index === current} onMouseEnter={() => setActive(index)} onClick={() => choose(choice)}>
                  <span className="quick-insert-title">
                    {splitByRanges(section.section.heading, title).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
                  </span>
                  <span className="quick-insert-excerpt">{i18n.t('quickInsertSectionOf', [section.templateTitle])}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {search && !shown.length && <p className="quick-insert-empty">{search.librarySize ? i18n.t('snippetNoMatch') : i18n.t('quickInsertEmpty')}</p>}
      <p className="quick-insert-keys">{i18n.t('quickInsertKeys')}</p>
    </div>
  );
}
