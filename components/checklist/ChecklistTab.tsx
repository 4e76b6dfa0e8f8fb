import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { contextOf, fillGroups, groupByKind, suggestFromDocument } from '@/utils/report/checklist';
import { isValidFill, type Placeholder, type PlaceholderKind } from '@/utils/report/placeholders';
import type { EditorFamily } from '@/protocol/messages';
import { ChangePreview } from '../common/ChangePreview';
import type { DocumentState } from '../target/useTargetDocument';
import { failureText } from '../target/failure-text';
import { KIND_NAMES } from '../common/kind-names';
import type { SendToTarget } from '../target/useTabEditors';
import { useVirtualWindow } from '../common/useVirtualWindow';
import { ActionStatus, useActionStatus, type ActionStatusHandle } from '../common/action-status';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import { CheckSection } from './check/CheckSection';
import { useCheckFindings } from './check/useCheckFindings';
import './checklist.css';

const FILL_HINTS: Partial<Record<PlaceholderKind, string>> = {
  year: i18n.t('hintYear'),
  count: i18n.t('hintCount'),
  percent: i18n.t('hintPercent'),
};

/** A closed row: one line (checklist.css agrees). */
const ROW_HEIGHT = 34;
/** The open row before it has been measured: its line, the suggestions' line and a message. */
const OPEN_ROW_ESTIMATE = 96;
/** A kind's name above its group. */
const GROUP_HEIGHT = 26;
/** Words shown either side of a placeholder in its row. */
const CONTEXT_CHARS = 8;

/**
 * Editors whose text the page cannot mark: a text area or one-line field draws its own text, and
 * CodeMirror keeps only the lines in view in the page.
 */
const NO_HIGHLIGHT_FAMILIES: ReadonlySet<EditorFamily> = new Set(['textarea', 'input', 'codemirror']);

/** Where a row's own messages (Select's hint, a failure) are drawn; the list's go above it. */
const LIST_STATUS = 'list';

/** A row of the list: a kind's name, or a placeholder (with its place in the ordered list). */
type Row = { group: PlaceholderKind } | { placeholder: Placeholder; index: number; key: string };

interface Props {
  /** Identifies the document, so progress starts afresh in another editor. */
  editorKey: string | null;
  /** The target's kind of editor: some cannot show highlights. */
  editorFamily: EditorFamily | null;
  state: DocumentState;
  send: SendToTarget;
  highlight(spans: { start: number; end: number }[], current: number | null): void;
}

/** A fill-all waiting for the writer's yes: what it fills, with what. */
interface PendingFill {
  targets: Placeholder[];
  value: string;
  at: number;
  rowKey: string;
}

/** Where focus goes once the list has changed: a row, or the Value box in it. */
interface FocusRequest {
  index: number;
  part: 'row' | 'value';
  /** A filled row: focus waits until the list no longer holds it. */
  filled?: string;
  /** Said beside the row focus lands on (the filled one is gone by then). */
  message?: string;
}

const rowKeyOf = (p: Placeholder) => `${p.start}:${p.text}`;

/**
 * The unfilled placeholders of the target editor, to select and fill. Each is one line; the row
 * with focus opens to show suggestions. The list is virtualized: only the rows in view are in
 * the DOM, so 20,000 placeholders render as fast as 20.
 */
export function ChecklistTab({ editorKey, editorFamily, state, send, highlight }: Props) {
  const status = useActionStatus();
  const check = useCheckFindings(state);
  const [grouped, setGrouped] = useState(true);
  const [selectedStart, setSelectedStart] = useState<number | null>(null);
  const [pending, setPending] = useState<PendingFill | null>(null);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [openHeight, setOpenHeight] = useState(OPEN_ROW_ESTIMATE);
  const placeholders = useMemo(() => (state.status === 'watching' ? state.placeholders : []), [state]);
  const text = state.status === 'watching' ? state.text : '';
  const currentIndex = useMemo(() => placeholders.findIndex((p) => p.start === selectedStart), [placeholders, selectedStart]);
  const ready = useRef<HTMLParagraphElement>(null);
  /** What was typed into each row, kept while the row scrolls out of view. */
  const [drafts] = useState(() => new Map<string, string>());
  // Where a keyboard user's focus goes once the row it is headed for is drawn: after a fill, the
  // row that took the filled one's place (or the ready message); after an arrow key, the next row.
  const focusAt = useRef<FocusRequest | null>(null);

  // One pass each: the order shown, the rows with their heights, and who is filled together.
  const ordered = useMemo(() => (grouped ? groupByKind(placeholders).flatMap((g) => g.items) : placeholders), [grouped, placeholders]);
  const groups = useMemo(() => fillGroups(text, placeholders), [text, placeholders]);
  const { rows, rowOf } = useMemo(() => {
    const rows: Row[] = [];
    const rowOf: number[] = [];
    ordered.forEach((p, index) => {
      if (grouped && (index === 0 || ordered[index - 1].kind !== p.kind)) rows.push({ group: p.kind });
      rowOf.push(rows.length);
      rows.push({ placeholder: p, index, key: rowKeyOf(p) });
    });
    return { rows, rowOf };
  }, [ordered, grouped]);
  // Only the open row is taller, so its height alone is measured.
  const tops = useMemo(() => {
    const tops = new Float64Array(rows.length + 1);
    rows.forEach((row, i) => (tops[i + 1] = tops[i] + ('group' in row ? GROUP_HEIGHT : row.key === openKey ? openHeight : ROW_HEIGHT)));
    return tops;
  }, [rows, openKey, openHeight]);
  const box = useRef<HTMLDivElement>(null);
  const view = useVirtualWindow(box, tops);

  // A row opened below the open one would jump up as that one closes: the list scrolls by as
  // much, so the row stays under the pointer.
  const openedIndex = useRef(-1);
  useLayoutEffect(() => {
    const index = rows.findIndex((row) => 'key' in row && row.key === openKey);
    const element = box.current;
    if (element && openedIndex.current >= 0 && index > openedIndex.current) element.scrollTop -= openHeight - ROW_HEIGHT;
    openedIndex.current = index;
    // Only a change of the open row moves the list; a new height or new rows do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openKey]);

  // Highlights follow the list: every edit brings new spans.
  useEffect(() => {
    highlight(placeholders, currentIndex < 0 ? null : currentIndex);
  }, [placeholders, currentIndex, highlight]);

  // Focus the row at `focusAt` once it is in view and drawn: scrolling to it draws it, and this
  // runs again.
  useEffect(() => {
    const request = focusAt.current;
    if (request === null) return;
    if (request.filled !== undefined && rows.some((row) => 'key' in row && row.key === request.filled)) return;
    const element = box.current;
    const active = document.activeElement;
    const done = (where: string) => {
      focusAt.current = null;
      if (request.message) status.report(request.message, 'ok', { where });
    };
    // Focus that went elsewhere in the panel meanwhile is left there.
    if (!(active === document.body || (element && element.contains(active)))) {
      done(LIST_STATUS);
      return;
    }
    if (ordered.length === 0) {
      done(LIST_STATUS);
      ready.current?.focus();
      return;
    }
    const index = Math.min(request.index, ordered.length - 1);
    const row = element?.querySelector<HTMLElement>(`li[data-index="${index}"]`);
    if (row) {
      done(rowKeyOf(ordered[index]));
      (request.part === 'value' ? row.querySelector<HTMLInputElement>('input') : row)?.focus();
    } else if (element) {
      const at = rowOf[index];
      element.scrollTop = tops[at] < element.scrollTop ? tops[at] : tops[at + 1] - element.clientHeight;
    }
  });

  // Renders once more when a row out of view is asked for, so the effect above scrolls to it.
  const [, setScrollNudge] = useState(0);
  const focusRow = useCallback((index: number, part: FocusRequest['part']) => {
    const row = box.current?.querySelector<HTMLElement>(`li[data-index="${index}"]`);
    if (row) (part === 'value' ? row.querySelector<HTMLInputElement>('input') : row)?.focus();
    else {
      focusAt.current = { index, part };
      setScrollNudge((n) => n + 1);
    }
  }, []);

  // How many there were at most in this editor, for the progress bar.
  const [peak, setPeak] = useState({ editorKey, count: 0 });
  if (peak.editorKey !== editorKey || placeholders.length > peak.count) {
    setPeak({ editorKey, count: placeholders.length });
  }

  if (state.status === 'idle') {
    return <p className="empty">{i18n.t('checklistIdle')}</p>;
  }
  if (state.status === 'gone') {
    return <p className="empty">{i18n.t('checklistGone')}</p>;
  }

  const select = async (p: Placeholder) => {
    setSelectedStart(p.start);
    const result = await send<'select'>({ type: 'select', start: p.start, end: p.end, text: p.text });
    // The keyboard stays in the panel after a click there: say how to reach the page.
    if (result.ok) status.report(i18n.t('selectedTypeInPage'), 'ok', { where: rowKeyOf(p) });
    else status.report(failureText(result), 'error', { where: rowKeyOf(p) });
  };

  const fill = async (targets: Placeholder[], value: string, at: number, rowKey: string) => {
    void send<'preview-clear'>({ type: 'preview-clear' });
    const result = await send<'replace'>({
      type: 'replace',
      spans: targets.map((p) => ({ start: p.start, end: p.end, text: p.text })),
      text: value,
    });
    if (!result.ok) {
      status.report(failureText(result), 'error', { where: rowKey });
      return;
    }
    const message = targets.length > 1 ? i18n.t('filledMany', [String(targets.length)]) : i18n.t('filledOne');
    // Said beside the filled row at once, then beside the row that takes its place.
    status.report(message, 'ok', { where: rowKey });
    focusAt.current = { index: at, part: 'value', filled: rowKey, message };
  };

  const count = placeholders.length;
  // Ready once nothing is left to fill and the check found no error: warnings do not hold it up.
  const errors = check?.counts.error ?? 0;
  const readyText = !check
    ? i18n.t('readyWhileChecking')
    : check.failed
      ? i18n.t('readyCheckFailed')
      : errors > 0
        ? countText('readyButCheckErrors', errors, [String(errors)])
        : i18n.t('readyToSubmit');

  return (
    <div className="checklist">
      <div className="checklist-head">
        <p className="count" role="status" aria-label={i18n.t('unfilledPlaceholders')}>
          {i18n.t('unfilledCount', [String(count)])}
        </p>
        <progress max={Math.max(peak.count, 1)} value={peak.count - count} aria-label={i18n.t('filledSoFar')} />
        <div className="order" role="radiogroup" aria-label={i18n.t('order')}>
          <label>
            <input type="radio" name="order" checked={grouped} onChange={() => setGrouped(true)} /> {i18n.t('orderByKind')}
          </label>
          <label>
            <input type="radio" name="order" checked={!grouped} onChange={() => setGrouped(false)} /> {i18n.t('orderInDocument')}
          </label>
        </div>
      </div>
      {editorFamily && NO_HIGHLIGHT_FAMILIES.has(editorFamily) && count > 0 && <p className="checklist-note">{i18n.t('highlightsNotDrawn')}</p>}
      {state.refusedRules && (
        <p className="fill-error" role="alert">
          {i18n.t('rulesRefused', [state.refusedRules.map((name) => `“${name}”`).join(i18n.t('listSeparator'))])}
        </p>
      )}
      {state.stoppedRule && (
        <p className="fill-error" role="alert">
          {i18n.t('ruleStopped', [state.stoppedRule])}
        </p>
      )}
      <ActionStatus of={status} where={LIST_STATUS} />
      {pending && (
        <ChangePreview
          label={i18n.t('fillAllPreview', [String(pending.targets.length)])}
          summary={i18n.t('fillAllSummary', [String(pending.targets.length), pending.value])}
          items={pending.targets.map((p) => {
            const around = contextOf(text, p, 16);
            return { key: String(p.start), before: p.text, after: pending.value, around: [around.before, around.after] as const };
          })}
          confirmLabel={i18n.t('fillAllConfirm', [String(pending.targets.length)])}
          onConfirm={() => {
            setPending(null);
            void fill(pending.targets, pending.value, pending.at, pending.rowKey);
          }}
          onCancel={() => setPending(null)}
        />
      )}
      {count === 0 ? (
        <p className={check && !check.failed && errors === 0 ? 'ready' : 'ready not-yet'} ref={ready} tabIndex={-1}>
          {readyText}
        </p>
      ) : (
        <div ref={box} className="placeholder-scroll" style={{ height: view.total + 2 }} onScroll={view.onScroll}>
          <ul className="placeholders" aria-label={i18n.t('placeholdersList')} style={{ height: view.total }}>
            {rows.slice(view.first, view.last).map((row, k) => {
              const top = tops[view.first + k];
              if ('group' in row) {
                return (
                  <li key={`group:${row.group}`} className="group-name" aria-hidden="true" style={{ top, height: GROUP_HEIGHT }}>
                    {KIND_NAMES[row.group]}
                  </li>
                );
              }
              const p = row.placeholder;
              const key = row.key;
              const open = key === openKey;
              return (
                <PlaceholderItem
                  key={key}
                  rowKey={key}
                  placeholder={p}
                  index={row.index}
                  count={ordered.length}
                  top={top}
                  text={text}
                  showKind={!grouped}
                  open={open}
                  tabbable={row.index === 0}
                  onOpen={setOpenKey}
                  onMeasure={open ? setOpenHeight : undefined}
                  onMove={(to, part) => focusRow(Math.max(0, Math.min(ordered.length - 1, to)), part)}
                  same={groups.get(p)}
                  isCurrent={p.start === selectedStart}
                  draft={drafts.get(key) ?? ''}
                  onDraft={(value) => drafts.set(key, value)}
                  status={status}
                  send={send}
                  onSelect={select}
                  onFill={(targets, value) => {
                    if (targets.length > 1) setPending({ targets, value, at: row.index, rowKey: key });
                    else void fill(targets, value, row.index, key);
                  }}
                />
              );
            })}
          </ul>
        </div>
      )}
      <CheckSection check={check} send={send} />
    </div>
  );
}

interface ItemProps {
  rowKey: string;
  placeholder: Placeholder;
  /** Place in the list shown, from 0. */
  index: number;
  count: number;
  top: number;
  /** The document, for the words around the placeholder and the values it already uses. */
  text: string;
  /** The kind is named on the row only when no group heading names it. */
  showKind: boolean;
  open: boolean;
  /** The one row of the list that Tab reaches (the first); arrows move from it to the others. */
  tabbable: boolean;
  onOpen(key: string): void;
  /** Told the open row's height whenever it changes. */
  onMeasure: ((height: number) => void) | undefined;
  onMove(index: number, part: 'row' | 'value'): void;
  /** The placeholders filled together with this one, when there are others. */
  same: Placeholder[] | undefined;
  isCurrent: boolean;
  draft: string;
  onDraft(value: string): void;
  status: ActionStatusHandle;
  send: SendToTarget;
  onSelect(p: Placeholder): void;
  onFill(targets: Placeholder[], value: string): void;
}

const PlaceholderItem = memo(function PlaceholderItem({
  rowKey,
  placeholder: p,
  index,
  count,
  top,
  text,
  showKind,
  open,
  tabbable,
  onOpen,
  onMeasure,
  onMove,
  same,
  isCurrent,
  draft,
  onDraft,
  status,
  send,
  onSelect,
  onFill,
}: ItemProps) {
  // The buttons of every item share their names (the automation contract); the words around
  // the placeholder tell a screen reader user which one they are on.
  const contextId = useId();
  const errorId = useId();
  const [value, setValue] = useState(draft);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const item = useRef<HTMLLIElement>(null);
  const context = contextOf(text, p, CONTEXT_CHARS);
  // Only the open row shows suggestions, so only it looks through the document for them.
  const suggestions = useMemo(() => (open ? suggestFromDocument(text, p, new Date()) : []), [open, text, p]);

  useLayoutEffect(() => {
    const element = item.current;
    if (!onMeasure || !element) return;
    const measure = () => onMeasure(Math.ceil(element.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [onMeasure]);

  // What is typed is drawn over the blank in the page as it is typed (an input method's
  // composition too: each step of it is an input event). The page draws it, or says it cannot;
  // either way the panel carries on.
  const preview = (typed: string) => {
    if (typed.trim()) void send<'preview-fill'>({ type: 'preview-fill', start: p.start, end: p.end, expected: p.text, text: typed });
    else void send<'preview-clear'>({ type: 'preview-clear' });
  };
  const change = (typed: string) => {
    setValue(typed);
    onDraft(typed);
    preview(typed);
  };

  const submit = (targets: Placeholder[]) => {
    if (!isValidFill(p, value)) {
      setError(FILL_HINTS[p.kind] ?? i18n.t('hintValue'));
      return;
    }
    setError('');
    onFill(targets, value.trim());
  };

  const onRowKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      onMove(to, 'row');
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.focus();
    }
  };

  const className = ['placeholder', open && 'open', isCurrent && 'current'].filter(Boolean).join(' ');
  return (
    <li
      ref={item}
      className={className}
      aria-current={isCurrent || undefined}
      aria-posinset={index + 1}
      aria-setsize={count}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      style={{ top, height: open ? undefined : ROW_HEIGHT }}
      onFocus={() => onOpen(rowKey)}
      onKeyDown={onRowKey}
    >
      <div className="placeholder-line">
        {showKind && <span className="kind">{KIND_NAMES[p.kind]}</span>}
        <span className="context" id={contextId}>
          <span className="before" dir="rtl">
            <bdi dir="ltr">{context.before}</bdi>
          </span>
          <mark>{p.text}</mark>
          <span className="after">{context.after}</span>
        </span>
        <form
          className="fill"
          onSubmit={(event) => {
            event.preventDefault();
            submit([p]);
          }}
        >
          <input
            ref={input}
            aria-label={i18n.t('value')}
            aria-describedby={error ? `${contextId} ${errorId}` : contextId}
            value={value}
            placeholder={suggestions[0] ?? ''}
            aria-invalid={error ? true : undefined}
            onChange={(event) => change(event.target.value)}
            onKeyDown={(event) => {
              // Escape takes the preview away and leaves the page as it was; not while an input
              // method is composing, where Escape cancels the composition.
              if (event.key === 'Escape' && !event.nativeEvent.isComposing && value !== '') {
                event.preventDefault();
                setValue('');
                onDraft('');
                void send<'preview-clear'>({ type: 'preview-clear' });
              }
            }}
            onBlur={() => {
              if (value.trim()) void send<'preview-clear'>({ type: 'preview-clear' });
            }}
          />
          <button type="submit" aria-describedby={contextId}>
            {i18n.t('fill')}
          </button>
        </form>
        <button type="button" className="select" aria-describedby={contextId} onClick={() => onSelect(p)}>
          {i18n.t('select')}
        </button>
      </div>
      {open && (suggestions.length > 0 || same || error || status.current?.where === rowKey) && (
        <div className="placeholder-more">
          {(suggestions.length > 0 || same) && (
            <div className="suggestions">
              {suggestions.map((suggestion) => (
                <button
                  key={suggestion}
                  type="button"
                  className="suggestion"
                  title={i18n.t('useSuggestion', [suggestion])}
                  onClick={() => {
                    change(suggestion);
                    input.current?.focus();
                  }}
                >
                  {suggestion}
                </button>
              ))}
              {same && (
                <button type="button" className="fill-all" onClick={() => submit(same)}>
                  {i18n.t('fillAllSame', [String(same.length)])}
                </button>
              )}
            </div>
          )}
          {error && (
            <p className="fill-error" id={errorId} role="alert">
              {error}
            </p>
          )}
          <ActionStatus of={status} where={rowKey} />
        </div>
      )}
    </li>
  );
});
