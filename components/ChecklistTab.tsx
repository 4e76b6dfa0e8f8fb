import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { contextOf, groupByKind, sameAs } from '@/utils/report/checklist';
import { isValidFill, suggestValues, type Placeholder, type PlaceholderKind } from '@/utils/report/placeholders';
import type { DocumentState } from './useTargetDocument';
import { failureText, type SendToTarget } from './useTabEditors';
import { i18n } from '#i18n';

export const KIND_NAMES: Record<PlaceholderKind, string> = {
  year: i18n.t('kindYear'),
  date: i18n.t('kindDate'),
  count: i18n.t('kindCount'),
  percent: i18n.t('kindPercent'),
  place: i18n.t('kindPlace'),
  name: i18n.t('kindName'),
  named: i18n.t('kindNamed'),
  free: i18n.t('kindFree'),
};

const FILL_HINTS: Partial<Record<PlaceholderKind, string>> = {
  year: i18n.t('hintYear'),
  count: i18n.t('hintCount'),
  percent: i18n.t('hintPercent'),
};

interface Props {
  /** Identifies the document, so progress starts afresh in another editor. */
  editorKey: string | null;
  state: DocumentState;
  send: SendToTarget;
  highlight(spans: { start: number; end: number }[], current: number | null): void;
  /** Reports the outcome of an action to the panel's status line. */
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

/** The unfilled placeholders of the target editor, to select and fill. */
export function ChecklistTab({ editorKey, state, send, highlight, onStatus }: Props) {
  const [grouped, setGrouped] = useState(true);
  const [selectedStart, setSelectedStart] = useState<number | null>(null);
  const placeholders = useMemo(() => (state.status === 'watching' ? state.placeholders : []), [state]);
  const text = state.status === 'watching' ? state.text : '';
  const currentIndex = placeholders.findIndex((p) => p.start === selectedStart);
  const list = useRef<HTMLUListElement>(null);
  const ready = useRef<HTMLParagraphElement>(null);
  // Where a keyboard user's focus goes once a filled item leaves the list: to the item that
  // took its place, or to the ready message. Without this it would fall back to the page top.
  const refocusAt = useRef<number | null>(null);
  useEffect(() => {
    const at = refocusAt.current;
    refocusAt.current = null;
    if (at !== null && document.activeElement === document.body) focusValueAt(list.current, ready.current, at);
  }, [placeholders]);

  // Highlights follow the list: every edit brings new spans.
  useEffect(() => {
    highlight(placeholders, currentIndex < 0 ? null : currentIndex);
  }, [placeholders, currentIndex, highlight]);

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
    // The list may have caught up with the editor already, or may do so in a moment.
    if (document.activeElement === document.body) focusValueAt(list.current, ready.current, at);
    else refocusAt.current = at;
    onStatus(targets.length > 1 ? i18n.t('filledMany', [String(targets.length)]) : i18n.t('filledOne'), 'ok');
  };

  const ordered = grouped ? groupByKind(placeholders).flatMap((g) => g.items) : placeholders;
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
      {count === 0 ? (
        <p className="ready" ref={ready} tabIndex={-1}>
          {i18n.t('readyToSubmit')}
        </p>
      ) : (
        <ul className="placeholders" ref={list} aria-label={i18n.t('placeholdersList')}>
          {ordered.map((p, i) => (
            <PlaceholderItem
              key={`${p.start}:${p.text}`}
              placeholder={p}
              groupStart={grouped && (i === 0 || ordered[i - 1].kind !== p.kind)}
              context={contextOf(text, p)}
              same={sameAs(placeholders, p)}
              isCurrent={p.start === selectedStart}
              onSelect={select}
              onFill={(targets, value) => fill(targets, value, i)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function focusValueAt(list: HTMLUListElement | null, ready: HTMLElement | null, at: number) {
  const inputs = list?.querySelectorAll<HTMLInputElement>('.fill input') ?? [];
  (inputs[Math.min(at, inputs.length - 1)] ?? ready)?.focus();
}

interface ItemProps {
  placeholder: Placeholder;
  groupStart: boolean;
  context: { before: string; after: string };
  same: Placeholder[];
  isCurrent: boolean;
  onSelect(p: Placeholder): void;
  onFill(targets: Placeholder[], value: string): Promise<void>;
}

function PlaceholderItem({ placeholder: p, groupStart, context, same, isCurrent, onSelect, onFill }: ItemProps) {
  // The buttons of every item share their names (the automation contract); the words around
  // the placeholder tell a screen reader user which one they are on.
  const contextId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const suggestions = suggestValues(p, new Date());

  const submit = async (targets: Placeholder[]) => {
    if (!isValidFill(p, value)) {
      setError(FILL_HINTS[p.kind] ?? i18n.t('hintValue'));
      return;
    }
    setError('');
    await onFill(targets, value.trim());
  };

  return (
    <li className={isCurrent ? 'placeholder current' : 'placeholder'} aria-current={isCurrent || undefined} data-group-start={groupStart || undefined}>
      {groupStart && <span className="group-name">{KIND_NAMES[p.kind]}</span>}
      <div className="placeholder-line">
        <span className="kind">{KIND_NAMES[p.kind]}</span>
        <span className="context" id={contextId}>
          {context.before}
          <mark>{p.text}</mark>
          {context.after}
        </span>
        <button type="button" aria-describedby={contextId} onClick={() => onSelect(p)}>
          {i18n.t('select')}
        </button>
      </div>
      <form
        className="fill"
        onSubmit={(event) => {
          event.preventDefault();
          void submit([p]);
        }}
      >
        <input
          aria-label={i18n.t('value')}
          aria-describedby={error ? `${contextId} ${errorId}` : contextId}
          value={value}
          placeholder={suggestions[0] ?? ''}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {suggestions.map((suggestion) => (
          <button key={suggestion} type="button" className="suggestion" title={i18n.t('useSuggestion', [suggestion])} onClick={() => setValue(suggestion)}>
            {suggestion}
          </button>
        ))}
        <button type="submit" aria-describedby={contextId}>
          {i18n.t('fill')}
        </button>
        {same.length > 1 && (
          <button type="button" onClick={() => void submit(same)}>
            {i18n.t('fillAllSame', [String(same.length)])}
          </button>
        )}
      </form>
      {error && (
        <p className="fill-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
