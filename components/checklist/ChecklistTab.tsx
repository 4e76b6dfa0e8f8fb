import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { contextOf, fillGroups, groupByKind } from '@/utils/report/checklist';
import { isValidFill, suggestValues, type Placeholder, type PlaceholderKind } from '@/utils/report/placeholders';
import { ChangePreview } from '../common/ChangePreview';
import type { DocumentState } from '../target/useTargetDocument';
import { failureText } from '../target/failure-text';
import { KIND_NAMES } from '../common/kind-names';
import type { SendToTarget } from '../target/useTabEditors';
import { useVirtualWindow } from '../common/useVirtualWindow';
import { i18n } from '#i18n';

const FILL_HINTS: Partial<Record<PlaceholderKind, string>> = {
  year: i18n.t('hintYear'),
  count: i18n.t('hintCount'),
  percent: i18n.t('hintPercent'),
};

/** Every placeholder row has this height (style.css agrees), so rows in view follow from the scroll position. */
const ROW_HEIGHT = 72;
/** Space between two rows, inside ROW_HEIGHT. */
const ROW_GAP = 6;
/** A kind's name above its group. */
const GROUP_HEIGHT = 24;

/** A row of the list: a kind's name, or a placeholder (with its place in the ordered list). */
type Row = { group: PlaceholderKind } | { placeholder: Placeholder; index: number };

interface Props {
  /** Identifies the document, so progress starts afresh in another editor. */
  editorKey: string | null;
  state: DocumentState;
  send: SendToTarget;
  highlight(spans: { start: number; end: number }[], current: number | null): void;
  /** Reports the outcome of an action to the panel's status line. */
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

/** A fill-all waiting for the writer's yes: what it fills, with what. */
interface PendingFill {
  targets: Placeholder[];
  value: string;
  at: number;
}

/**
 * The unfilled placeholders of the target editor, to select and fill. The list is virtualized:
 * only the rows in view are in the DOM, so 20,000 placeholders render as fast as 20.
 */
export function ChecklistTab({ editorKey, state, send, highlight, onStatus }: Props) {
  const [grouped, setGrouped] = useState(true);
  const [selectedStart, setSelectedStart] = useState<number | null>(null);
  const [pending, setPending] = useState<PendingFill | null>(null);
  const placeholders = useMemo(() => (state.status === 'watching' ? state.placeholders : []), [state]);
  const text = state.status === 'watching' ? state.text : '';
  const currentIndex = useMemo(() => placeholders.findIndex((p) => p.start === selectedStart), [placeholders, selectedStart]);
  const ready = useRef<HTMLParagraphElement>(null);
  /** What was typed into each row, kept while the row scrolls out of view. */
  const [drafts] = useState(() => new Map<string, string>());
  // Where a keyboard user's focus goes once a filled item leaves the list: to the item that
  // took its place, or to the ready message. Without this it would fall back to the page top.
  const focusAt = useRef<number | null>(null);

  // One pass each: the order shown, the rows with their heights, and who is filled together.
  const ordered = useMemo(() => (grouped ? groupByKind(placeholders).flatMap((g) => g.items) : placeholders), [grouped, placeholders]);
  const groups = useMemo(() => fillGroups(text, placeholders), [text, placeholders]);
  const { rows, tops, rowOf } = useMemo(() => {
    const rows: Row[] = [];
    const rowOf: number[] = [];
    ordered.forEach((p, index) => {
      if (grouped && (index === 0 || ordered[index - 1].kind !== p.kind)) rows.push({ group: p.kind });
      rowOf.push(rows.length);
      rows.push({ placeholder: p, index });
    });
    const tops = new Float64Array(rows.length + 1);
    rows.forEach((row, i) => (tops[i + 1] = tops[i] + ('group' in row ? GROUP_HEIGHT : ROW_HEIGHT)));
    return { rows, tops, rowOf };
  }, [ordered, grouped]);
  const box = useRef<HTMLDivElement>(null);
  const view = useVirtualWindow(box, tops);

  // Highlights follow the list: every edit brings new spans.
  useEffect(() => {
    highlight(placeholders, currentIndex < 0 ? null : currentIndex);
  }, [placeholders, currentIndex, highlight]);

  // Focus the value of the row at `focusAt` once it is in view and rendered: scrolling to it
  // renders it, and this runs again.
  useEffect(() => {
    const at = focusAt.current;
    if (at === null || document.activeElement !== document.body) return;
    if (ordered.length === 0) {
      focusAt.current = null;
      ready.current?.focus();
      return;
    }
    const index = Math.min(at, ordered.length - 1);
    const element = box.current;
    const input = element?.querySelector<HTMLInputElement>(`[data-index="${index}"] .fill input`);
    if (input) {
      focusAt.current = null;
      input.focus();
    } else if (element) {
      const row = rowOf[index];
      element.scrollTop = tops[row] < element.scrollTop ? tops[row] : tops[row + 1] - element.clientHeight;
    }
  });

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
    if (!result.ok) onStatus(failureText(result), 'error');
  };

  const fill = async (targets: Placeholder[], value: string, at: number) => {
    const result = await send<'replace'>({
      type: 'replace',
      spans: targets.map((p) => ({ start: p.start, end: p.end, text: p.text })),
      text: value,
    });
    if (!result.ok) {
      onStatus(failureText(result), 'error');
      return;
    }
    focusAt.current = at;
    onStatus(targets.length > 1 ? i18n.t('filledMany', [String(targets.length)]) : i18n.t('filledOne'), 'ok');
  };

  const count = placeholders.length;

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
            void fill(pending.targets, pending.value, pending.at);
          }}
          onCancel={() => setPending(null)}
        />
      )}
      {count === 0 ? (
        <p className="ready" ref={ready} tabIndex={-1}>
          {i18n.t('readyToSubmit')}
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
              const key = `${p.start}:${p.text}`;
              return (
                <PlaceholderItem
                  key={key}
                  placeholder={p}
                  index={row.index}
                  count={ordered.length}
                  top={top}
                  context={contextOf(text, p)}
                  same={groups.get(p)}
                  isCurrent={p.start === selectedStart}
                  draft={drafts.get(key) ?? ''}
                  onDraft={(value) => drafts.set(key, value)}
                  onSelect={select}
                  onFill={(targets, value) => {
                    if (targets.length > 1) setPending({ targets, value, at: row.index });
                    else void fill(targets, value, row.index);
                  }}
                />
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

interface ItemProps {
  placeholder: Placeholder;
  /** Place in the list shown, from 0. */
  index: number;
  count: number;
  top: number;
  context: { before: string; after: string };
  /** The placeholders filled together with this one, when there are others. */
  same: Placeholder[] | undefined;
  isCurrent: boolean;
  draft: string;
  onDraft(value: string): void;
  onSelect(p: Placeholder): void;
  onFill(targets: Placeholder[], value: string): void;
}

const PlaceholderItem = memo(function PlaceholderItem({ placeholder: p, index, count, top, context, same, isCurrent, draft, onDraft, onSelect, onFill }: ItemProps) {
  // The buttons of every item share their names (the automation contract); the words around
  // the placeholder tell a screen reader user which one they are on.
  const contextId = useId();
  const errorId = useId();
  const [value, setValue] = useState(draft);
  const [error, setError] = useState('');
  const suggestions = suggestValues(p, new Date());

  const submit = (targets: Placeholder[]) => {
    if (!isValidFill(p, value)) {
      setError(FILL_HINTS[p.kind] ?? i18n.t('hintValue'));
      return;
    }
    setError('');
    onFill(targets, value.trim());
  };

  return (
    <li
      className={isCurrent ? 'placeholder current' : 'placeholder'}
      aria-current={isCurrent || undefined}
      aria-posinset={index + 1}
      aria-setsize={count}
      data-index={index}
      style={{ top, height: ROW_HEIGHT - ROW_GAP }}
    >
      <div className="placeholder-line">
        <span className="kind">{KIND_NAMES[p.kind]}</span>
        {/* A refused value's reason takes the context's place, so the row keeps its height. */}
        <span className="context" id={contextId} hidden={!!error}>
          {context.before}
          <mark>{p.text}</mark>
          {context.after}
        </span>
        {error && (
          <span className="fill-error" id={errorId} role="alert">
            {error}
          </span>
        )}
        <button type="button" aria-describedby={contextId} onClick={() => onSelect(p)}>
          {i18n.t('select')}
        </button>
      </div>
      <form
        className="fill"
        onSubmit={(event) => {
          event.preventDefault();
          submit([p]);
        }}
      >
        <input
          aria-label={i18n.t('value')}
          aria-describedby={error ? `${contextId} ${errorId}` : contextId}
          value={value}
          placeholder={suggestions[0] ?? ''}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            onDraft(event.target.value);
          }}
        />
        {suggestions.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            className="suggestion"
            title={i18n.t('useSuggestion', [suggestion])}
            onClick={() => {
              setValue(suggestion);
              onDraft(suggestion);
            }}
          >
            {suggestion}
          </button>
        ))}
        <button type="submit" aria-describedby={contextId}>
          {i18n.t('fill')}
        </button>
        {same && (
          <button type="button" onClick={() => submit(same)}>
            {i18n.t('fillAllSame', [String(same.length)])}
          </button>
        )}
      </form>
    </li>
  );
});
