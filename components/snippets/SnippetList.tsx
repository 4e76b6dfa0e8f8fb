import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Snippet } from '@/utils/db/schema';
import { matchExcerpt, matchRanges, splitByRanges, type MatchRange } from '@/utils/search/highlight';
import type { Term } from '@/utils/search/text';
import { i18n } from '#i18n';
import { TeamBadge, type TeamMark } from '../sync/team-items';
import { elapsed } from '@/utils/snippets/arrange';
import { countText } from '@/utils/plural';

/** Every row has this height, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 66;
/** Rows drawn beyond the view on each side, so fast scrolling does not show blanks. */
const OVERSCAN = 6;
const EXCERPT_CHARS = 90;

interface Props {
  snippets: readonly Snippet[];
  /** Rows the list stands for: more than `snippets` while only the top of the library is in. */
  count: number;
  /** Changes with the query and filter: a new search scrolls back to the top. */
  searched: string;
  terms: readonly Term[];
  active: number;
  selected: ReadonlySet<string>;
  /** Snippets that are team items, by id. */
  teamMarks: ReadonlyMap<string, TeamMark>;
  usageFirst: boolean;
  onActivate(index: number): void;
  onInsert(snippet: Snippet): void;
  onEdit(snippet: Snippet): void;
  onToggle(id: string): void;
  /** Keys the list does not handle itself (Delete, Enter) go to the tab. */
  onKey(event: KeyboardEvent): void;
}

let relativeTime: Intl.RelativeTimeFormat | undefined;

/** "used 3 times · yesterday", in the panel's language; null for a snippet never used. */
function usageText(snippet: Snippet, now: number): string | null {
  if (!snippet.useCount) return null;
  const used = countText('snippetUsed', snippet.useCount, [snippet.useCount.toLocaleString()]);
  if (!snippet.lastUsedAt) return used;
  relativeTime ??= new Intl.RelativeTimeFormat(i18n.t('languageTag'), { numeric: 'auto', style: 'long' });
  const { value, unit } = elapsed(snippet.lastUsedAt, now);
  return `${used} · ${relativeTime.format(value, unit)}`;
}

/** The time, moved on once a minute: "5 min ago" stays true while the panel is open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Marked({ text, ranges }: { text: string; ranges: MatchRange[] }) {
  return (
    <>
      {splitByRanges(text, ranges).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

interface RowProps {
  snippet: Snippet;
  terms: readonly Term[];
  position: number;
  count: number;
  active: boolean;
  selected: boolean;
  team: TeamMark | undefined;
  /** The list is in use order: how often and when come first in the row's details. */
  usageFirst: boolean;
  /** The time "3 days ago" counts from. */
  now: number;
  onInsert(snippet: Snippet): void;
  onEdit(snippet: Snippet): void;
  onToggle(id: string): void;
  onActivate(index: number): void;
}

const SnippetRow = memo(function SnippetRow({ snippet, terms, position, count, active, selected, team, usageFirst, now, onInsert, onEdit, onToggle, onActivate }: RowProps) {
  const title = useMemo(() => matchRanges(snippet.title, terms), [snippet.title, terms]);
  const body = useMemo(() => matchExcerpt(snippet.body, terms, EXCERPT_CHARS), [snippet.body, terms]);
  const usage = usageText(snippet, now);
  const about = [snippet.tags.map((t) => `#${t}`).join(' '), snippet.folder, snippet.abbreviation && `⇥ ${snippet.abbreviation}`];
  const details = (usageFirst ? [usage, ...about] : [...about, usage]).filter(Boolean).join(' · ');
  return (
    <li
      id={`snippet-${snippet.id}`}
      className={active ? 'snippet-row active' : 'snippet-row'}
      style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT }}
      aria-posinset={position + 1}
      aria-setsize={count}
      aria-current={active || undefined}
      onMouseDown={() => onActivate(position)}
    >
      <input type="checkbox" checked={selected} onChange={() => onToggle(snippet.id)} aria-label={i18n.t('snippetSelect', [snippet.title])} />
      <div className="snippet-text">
        <span className="snippet-title">
          <Marked text={snippet.title || i18n.t('untitled')} ranges={title} />
        </span>
        <span className="snippet-excerpt">
          <Marked text={body.text} ranges={body.ranges} />
        </span>
        {(details || team) && (
          <span className="snippet-details">
            {team && <TeamBadge mark={team} />}
            {details}
          </span>
        )}
      </div>
      <div className="snippet-actions">
        <button type="button" onClick={() => onInsert(snippet)}>
          {i18n.t('insert')}
        </button>
        <button type="button" className="quiet" onClick={() => onEdit(snippet)} aria-label={i18n.t('snippetEdit')} title={i18n.t('snippetEditTitle', [snippet.title])}>
          {i18n.t('snippetEdit')}
        </button>
      </div>
    </li>
  );
});

/**
 * The snippets as a virtualized list: only the rows in view (and a few around) are in the DOM,
 * so ten thousand scroll as smoothly as ten.
 */
export function SnippetList({ snippets, count, searched, terms, active, selected, teamMarks, usageFirst, onActivate, onInsert, onEdit, onToggle, onKey }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const now = useMinuteClock();

  useLayoutEffect(() => {
    const element = box.current!;
    const measure = () => setHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keep the active row in view as the keyboard moves it.
  useEffect(() => {
    const element = box.current;
    if (!element || active < 0) return;
    const top = active * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  }, [active]);

  // A new search starts at its top.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [searched]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(snippets.length, Math.ceil((scrollTop + (height || ROW_HEIGHT * 8)) / ROW_HEIGHT) + OVERSCAN);

  return (
    <div
      ref={box}
      className="snippet-scroll"
      // As tall as its rows, up to the height the style sheet allows.
      style={{ height: count * ROW_HEIGHT + 2 }}
      tabIndex={-1}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKey}
    >
      <ul className="snippet-list" aria-label={i18n.t('snippetsList')} style={{ height: count * ROW_HEIGHT }}>
        {snippets.slice(first, last).map((snippet, k) => (
          <SnippetRow
            key={snippet.id}
            snippet={snippet}
            terms={terms}
            position={first + k}
            count={count}
            active={first + k === active}
            selected={selected.has(snippet.id)}
            team={teamMarks.get(snippet.id)}
            usageFirst={usageFirst}
            now={now}
            onInsert={onInsert}
            onEdit={onEdit}
            onToggle={onToggle}
            onActivate={onActivate}
          />
        ))}
      </ul>
    </div>
  );
}
